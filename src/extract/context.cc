#include "extract/context.h"

#include <algorithm>

namespace kroniek {

namespace {
constexpr int kMaxSourcePhrase = 7;  // tokens from the cue to the source's head
}

Context::Context(const Article& a, const Analysis& analysis, const Language& lang, const ExtractLexicon& l)
    : article(a), an(analysis), language(lang), lex(l) {
  const size_t n = an.tokens.size();
  entity_at.assign(n, -1);
  time_at.assign(n, -1);
  quantity_at.assign(n, -1);
  quote_at.assign(n, -1);
  for (size_t k = 0; k < an.entities.size(); ++k)
    for (int i = an.entities[k].first; i < an.entities[k].last; ++i)
      if (entity_at[i] < 0) entity_at[i] = int(k);
  for (size_t k = 0; k < an.times.size(); ++k)
    for (int i = an.times[k].first; i < an.times[k].last; ++i) time_at[i] = int(k);
  for (size_t k = 0; k < an.quantities.size(); ++k) quantity_at[an.quantities[k].number_token] = int(k);
  for (const auto& p : a.paragraphs) paragraph_kinds.push_back(p.kind);
}

bool Context::IsActor(const Entity& e) const {
  return e.type != EntityType::kPlace && e.type != EntityType::kCountry && e.type != EntityType::kSite;
}

std::optional<Source> Context::StateSource(const Entity& country, Span span) const {
  const KbEntry* state = language.kb().StateOf(country.country);
  if (!state) return std::nullopt;
  Source s;
  s.span = span;
  s.name = Text(span);
  s.id = state->id;
  return s;
}

std::optional<Source> Context::ActorAt(int k) const {
  int e = entity_at[k];
  if (e < 0) return std::nullopt;
  const Entity& ent = an.entities[e];
  if (ent.type == EntityType::kCountry && !ent.partial) return StateSource(ent, ent.span);
  if (!IsActor(ent)) return std::nullopt;
  return FromEntity(ent, ent.span);
}

Source Context::FromEntity(const Entity& e, Span span) const {
  Source s;
  s.span = span;
  s.name = Text(span);
  s.id = e.id;
  return s;
}

std::optional<Source> Context::ReadSourceAfter(int i, int last) const {
  const auto& toks = tokens();
  int start = i;
  std::string demonym;
  if (i < last && lex.pronouns.Lookup(toks[i].lower)) return ResolvePronoun(i);
  for (int k = i; k < last && k < i + kMaxSourcePhrase; ++k) {
    const Token& t = toks[k];
    if (t.kind == TokenKind::kPunct && t.lower != "(") return std::nullopt;
    if (t.kind == TokenKind::kQuote) return std::nullopt;
    if (int e = entity_at[k]; e >= 0 && IsActor(an.entities[e])) {
      const Entity& ent = an.entities[e];
      int end = ent.last;
      // 'Islamitische Staat-Khorasan (IS-K)': take the acronym in brackets along.
      if (end + 2 < last && toks[end].lower == "(" && entity_at[end + 1] >= 0 &&
          an.entities[entity_at[end + 1]].id == ent.id && toks[end + 2].lower == ")")
        end += 3;
      return FromEntity(ent, TokenSpan(start, end));
    }
    if (int e = entity_at[k]; e >= 0 && an.entities[e].type == EntityType::kCountry) {
      // 'volgens Israël': a country as source is its state.
      if (auto state = StateSource(an.entities[e], TokenSpan(start, an.entities[e].last))) return state;
    }
    if (auto c = language.words().DemonymEnglish(t.lower); !c.empty()) demonym = c;
    // A role word names an unnamed source ("de burgemeester"), unless a name follows.
    if (std::string role = language.words().RoleEnglish(t.lower); !role.empty() && entity_at[k] < 0 &&
        !lex.sources.Lookup(t.lower)) {
      bool named = k + 1 < last && entity_at[k + 1] >= 0 && an.entities[entity_at[k + 1]].type == EntityType::kPerson;
      if (!named) {
        Source s;
        s.span = TokenSpan(start, k + 1);
        s.name = Text(s.span);
        s.id = "unnamed:" + (demonym.empty() ? "" : demonym + " ") + role;
        return s;
      }
      continue;
    }
    std::string modifier;
    if (const auto* row = lex.sources.Lookup(t.lower, &modifier)) {
      // "persbureau Reuters", "woordvoerder Jan Jansen": the name in apposition.
      if (k + 1 < last && entity_at[k + 1] >= 0 && IsActor(an.entities[entity_at[k + 1]])) continue;
      Source s;
      int end = k + 1;
      // 'spoorbeheerder Infrabel': a name the knowledge base lacks, in apposition.
      auto unknown_name = [&](int j) {
        return j < last && toks[j].kind == TokenKind::kWord && toks[j].capitalized && entity_at[j] < 0 &&
               !language.words().IsFunctionWord(toks[j].lower);
      };
      if (unknown_name(end)) {
        while (unknown_name(end)) ++end;
        s.span = TokenSpan(start, end);
        s.name = Text(TokenSpan(k + 1, end));
        s.id = "org:" + s.name;
        return s;
      }
      std::string id = "unnamed:" + (demonym.empty() ? "" : demonym + " ") + row->value;
      // 'de woordvoerder van het ziekenhuis' / 'een woordvoerder van de taliban'
      if (end + 1 < last && WordIs(toks[end].lower, "genitive")) {
        if (auto inner = ReadSourceAfter(end + 1, last)) {
          end = end + 1;
          while (end < last && toks[end].span.end <= inner->span.begin) ++end;
          while (end < last && toks[end].span.begin < inner->span.end) ++end;
          id = inner->id.rfind("unnamed:", 0) == 0 ? id + " of " + inner->id.substr(8) : inner->id;
        }
      }
      s.span = TokenSpan(start, end);
      s.name = Text(s.span);
      s.id = id;
      return s;
    }
    if (t.kind != TokenKind::kWord) return std::nullopt;
  }
  return std::nullopt;
}

std::vector<Source> Context::ReadSourcesBefore(int begin, int end) const {
  std::vector<Source> out;
  const auto& toks = tokens();
  // Walk back from the verb over one coordinated noun phrase.
  int k = end - 1;
  while (k >= begin) {
    const Token& t = toks[k];
    if (t.lower == ")") {  // 'Islamitische Staat in de Provincie Khorasan (ISKP) claimt'
      while (k >= begin && toks[k].lower != "(") --k;
      --k;
      continue;
    }
    if (t.kind == TokenKind::kPunct || t.kind == TokenKind::kQuote) break;
    if (int e = entity_at[k]; e >= 0 && IsActor(an.entities[e])) {
      const Entity& ent = an.entities[e];
      int start = ent.first;
      while (start - 1 >= begin && (WordIs(toks[start - 1].lower, "definite") ||
                                    !language.words().DemonymCountry(toks[start - 1].lower).empty()))
        --start;
      // "op een persconferentie van het ministerie": not the subject.
      if (start - 1 >= begin && lex.ClauseIs(toks[start - 1].lower, "preposition")) {
        k = start - 1;
        continue;
      }
      out.insert(out.begin(), FromEntity(ent, TokenSpan(start, ent.last)));
      k = start - 1;
      if (k >= begin && WordIs(toks[k].lower, "coordinator")) { --k; continue; }
      break;
    }
    if (lex.sources.Lookup(t.lower) || (!language.words().RoleEnglish(t.lower).empty() && entity_at[k] < 0)) {
      // 'de woordvoerster van de politie zei': the head is before 'van'.
      for (int h = k - 1; h >= begin && h >= k - 3; --h) {
        if (!WordIs(toks[h].lower, "genitive")) continue;
        if (h - 1 >= begin && (lex.sources.Lookup(toks[h - 1].lower) || !language.words().RoleEnglish(toks[h - 1].lower).empty()))
          k = h - 1;
        break;
      }
      int start = k;
      while (start - 1 >= begin && toks[start - 1].kind == TokenKind::kWord && entity_at[start - 1] < 0 &&
             (WordIs(toks[start - 1].lower, "determiner") ||
              !language.words().DemonymCountry(toks[start - 1].lower).empty()))
        --start;
      if (auto s = ReadSourceAfter(start, end)) out.insert(out.begin(), *s);
      k = start - 1;
      if (k >= begin && WordIs(toks[k].lower, "coordinator")) { --k; continue; }
      break;
    }
    if (lex.pronouns.Lookup(t.lower) && (k == begin || toks[k - 1].kind == TokenKind::kPunct)) {
      if (auto s = ResolvePronoun(k)) out.insert(out.begin(), *s);
      break;
    }
    --k;
  }
  return out;
}

std::optional<Source> Context::ResolvePronoun(int i) const {
  const auto* row = lex.pronouns.Lookup(tokens()[i].lower);
  if (!row) return std::nullopt;
  const bool plural = row->value == "plural";
  const bool person = row->value == "person";
  for (int k = i - 1; k >= 0; --k) {
    int e = entity_at[k];
    if (e < 0) continue;
    const Entity& ent = an.entities[e];
    if (!IsActor(ent)) continue;
    // "ze"/"zij" may be a woman or a group: the nearest of either.
    bool either = plural && row->options.count("or_person");
    if (person ? ent.type == EntityType::kPerson : ((plural && ent.plural) || (either && ent.type == EntityType::kPerson))) {
      Source s;
      s.span = tokens()[i].span;
      s.name = Text(s.span);
      s.id = ent.id;
      return s;
    }
    k = ent.first;
  }
  return std::nullopt;
}

const std::vector<Source>& Context::SourcesAt(int i) const {
  static const std::vector<Source> kNone;
  const int si = tokens()[i].sentence;
  const SentenceSources& ss = sentence_sources[si];
  const int first = an.sentences[si].first;
  // Semicolons part clauses: a cue speaks for its own clause and the cue-less
  // ones after it ("Volgens de politie vielen 15 doden; 30 mensen raakten
  // gewond"), never for one before it ("… 15 doden; de autoriteiten vrezen …").
  const int here = ss.clause[i - first];
  int speaking = -1;  // the nearest clause at or before this one with a cue
  for (const auto& p : ss.parts)
    if (p.cue >= 0 && ss.clause[p.cue - first] <= here) speaking = std::max(speaking, ss.clause[p.cue - first]);
  auto own_clause = [&](const SentenceSources::Part& p) { return p.cue < 0 || ss.clause[p.cue - first] == speaking; };
  if (ss.parts.size() <= 1) return ss.parts.empty() || own_clause(ss.parts[0]) ? ss.sources : kNone;
  const int seg = ss.segment[i - first];
  const SentenceSources::Part* best = nullptr;
  int best_distance = 1 << 30;
  for (const auto& p : ss.parts) {
    if (!own_clause(p)) continue;
    int d = p.segment == seg ? -1 : std::abs(p.cue - i);
    if (d < best_distance) { best = &p; best_distance = d; }
  }
  return best ? best->sources : kNone;
}

void Context::FindSentenceSources() {
  sentence_sources.assign(an.sentences.size(), {});
  const auto& toks = tokens();
  for (size_t si = 0; si < an.sentences.size(); ++si) {
    const Sentence& s = an.sentences[si];
    SentenceSources& out = sentence_sources[si];
    int seg = 0, clause = 0;
    for (int i = s.first; i < s.last; ++i) {
      if ((toks[i].lower == "," || toks[i].lower == ";") && quote_at[i] < 0) ++seg;
      if (toks[i].lower == ";" && quote_at[i] < 0) ++clause;
      out.segment.push_back(seg);
      out.clause.push_back(clause);
    }
    int unsourced_verb = -1;  // a reporting verb whose source was not read
    for (const auto& m : lex.attribution.FindAll(toks, s.first, s.last)) {
      const auto& row = lex.attribution.rows()[m.row];
      if (quote_at[m.first] >= 0) continue;  // words inside a quote are the quote's
      std::vector<Source> found;
      if (row.value == "according" || row.value == "after") {
        if (auto src = ReadSourceAfter(m.last, s.last)) found.push_back(*src);
      } else {
        // Inverted order after a quote or comma ("…', meldde X"), or at the
        // start of a main clause after a fronted phrase: the subject follows.
        bool inverted = m.first == s.first || toks[m.first - 1].kind == TokenKind::kPunct ||
                        toks[m.first - 1].kind == TokenKind::kQuote;
        if (!inverted) found = ReadSourcesBefore(s.first, m.first);
        if (found.empty()) {
          if (auto src = ReadSourceAfter(m.last, s.last)) found.push_back(*src);
        }
        if (found.empty() && inverted) found = ReadSourcesBefore(s.first, m.first);
      }
      if (found.empty()) {
        if (row.value == "verb" && unsourced_verb < 0) unsourced_verb = m.first;
        continue;
      }
      // "claimt dat …" reports a claim of anything; only "claimt de aanslag" claims an act.
      bool claim = row.value == "claim" && !(m.end < s.last && lex.ClauseIs(toks[m.end].lower, "clause_start"));
      // "heeft de aanslag niet opgeëist", "Niemand heeft … opgeëist": no claim.
      for (int k = s.first; k < m.end && claim; ++k) claim = !WordIs(toks[k].lower, "negation");
      out.parts.push_back({found, claim, m.first, out.segment[m.first - s.first]});
    }
    // "Dat melden lokale bronnen", "Dat heeft de politie gezegd": the source of the sentence before.
    auto tells_that = [&](int cue) {
      return WordIs(toks[s.first].lower, "anaphoric_that") &&
             (cue == s.first + 1 || (cue > s.first + 1 && lex.ClauseIs(toks[s.first + 1].lower, "auxiliary")));
    };
    if (out.parts.empty()) {
      // ("Dat heeft de Kustwachtcentrale donderdag gemeld", '"…", zei hij dinsdag': a
      // telling, its source unread; its time is the telling's.)
      if (unsourced_verb >= 0) out.cue = unsourced_verb;
      continue;
    }
    out.sources = out.parts[0].sources;
    out.claim = out.parts[0].claim;
    out.cue = out.parts[0].cue;
    if (si > 0 && tells_that(out.cue) &&
        sentence_sources[si - 1].parts.empty()) {
      out.names_previous = true;
      SentenceSources& prev = sentence_sources[si - 1];
      prev.sources = out.sources;
      prev.cue = -1;
      prev.parts.push_back({out.sources, false, -1, 0});
    }
  }
}

}  // namespace kroniek
