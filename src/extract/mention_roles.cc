// ArgumentReader, part three: how a mention stands to the others of its sentence
// (what an attack targeted, what a mention may be a part of).
#include <algorithm>

#include "core/resource_file.h"
#include "extract/arguments.h"

namespace kroniek {

namespace {
constexpr int kTargetModifiers = 3;  // "een aanslag op [een grote vreedzame] betoging"
}  // namespace

// "een zelfmoordaanslag op een vredesbetoging": the protest is what was attacked,
// not an event of its own (its dead are the attack's).
bool ArgumentReader::TargetOfAttack(const PhraseMatch& attack, const PhraseMatch& match) const {
  const auto& toks = ctx_.tokens();
  if (ctx_.lex.ClassOf(ctx_.lex.triggers.rows()[attack.row].value) != "violent") return false;
  if (ctx_.lex.ClassOf(ctx_.lex.triggers.rows()[match.row].value) == "violent") return false;
  if (attack.end >= match.first || !ctx_.lex.ClauseIs(toks[attack.end].lower, "target")) return false;
  for (int k = attack.end + 1; k < match.first; ++k)  // only a determiner or adjectives between
    if (k - attack.end > kTargetModifiers || toks[k].kind != TokenKind::kWord || toks[k].capitalized) return false;
  return true;
}

void ArgumentReader::ReadRowOptions(const PhraseTable::Row& row, const PhraseMatch& match, int si,
                                    const std::vector<int>& clauses, const std::string& frame, MentionInfo* m) const {
  m->part = row.options.count("part") > 0;
  m->anaphoric = row.options.count("anaphoric") > 0 || frame == "classifies";
  if (auto j = row.options.find("joins"); j != row.options.end() && m->generic) m->joins = SplitBar(j->second);
  if (auto phase = row.options.find("phase_if"); phase != row.options.end())
    m->phase = ClauseHas(phase->second, match.first, si, clauses);
  // part_of_always=: types it is a part of whatever part_if says (the storming of a
  // school where hostages are held is the hostage-taking's, as a protest's needs the crowd).
  if (auto always = row.options.find("part_of_always"); always != row.options.end()) m->part_of = SplitBar(always->second);
  auto part_of = row.options.find("part_of");
  if (part_of == row.options.end()) return;
  // (Done before, "het dorp was eerder al geëvacueerd", it came before its whole: news of its own.)
  if (ClauseHas(match, si, clauses, "earlier")) return;
  // part_if=: the part reading holds only with one of these words in the sentence.
  if (auto cond = row.options.find("part_if");
      cond != row.options.end() && !ClauseHas(cond->second, match.first, si, std::vector<int>(clauses.size(), 0)))
    return;
  for (auto& type : SplitBar(part_of->second)) m->part_of.push_back(std::move(type));
}

bool ArgumentReader::AfterAntecedent(int first, int si) const {
  const auto& toks = ctx_.tokens();
  int head = WordBeforeModifiers(first, si);
  if (head > ctx_.an.sentences[si].first && (ctx_.WordIs(toks[head].lower, "definite") || ctx_.WordIs(toks[head].lower, "indefinite")))
    --head;
  return head >= ctx_.an.sentences[si].first && ctx_.lex.ClauseIs(toks[head].lower, "antecedent");
}

// "Demonstraties na een dodelijke brand": the fire came before the protest told in its
// sentence (its cause); it is no part of it.
bool ArgumentReader::FollowsWholeInSentence(const std::vector<PhraseMatch>& matches, size_t mi,
                                            const std::vector<std::string>& wholes, int si) const {
  if (!AfterAntecedent(matches[mi].first, si)) return false;
  for (size_t k = 0; k < matches.size(); ++k) {
    const std::string& type = ctx_.lex.triggers.rows()[matches[k].row].value;
    if (k != mi && std::find(wholes.begin(), wholes.end(), type) != wholes.end()) return true;
  }
  return false;
}

}  // namespace kroniek
