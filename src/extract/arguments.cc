// ArgumentReader, part two: the arguments of an event mention — actors, claims,
// relations, stances. Part one, the mentions: mentions.cc; its time:
// arguments_dates.cc; its place: arguments_places.cc; finishing an event's figures:
// arguments_figures.cc.
#include "extract/arguments.h"

#include <algorithm>
#include <cstdlib>

#include "extract/figure_words.h"

namespace kroniek {

namespace {

constexpr int kAgentWindow = 7;   // 'zelfmoordaanslag door IS', 'operatie uit Kabul, die door de VS'
constexpr int kTargetWindow = 1;  // 'droneaanval op een auto waarmee IS-K'
constexpr int kGovernReach = 4;      // tokens from a governing preposition to its trigger ("van de aanslag")

}  // namespace

ArgumentReader::ArgumentReader(const Context& ctx) : ctx_(ctx) {}

bool ArgumentReader::IsPreposition(const std::string& w) const {
  return ctx_.lex.ClauseIs(w, "preposition") || ctx_.lex.ClauseIs(w, "locative") || ctx_.lex.ClauseIs(w, "agent") ||
         ctx_.lex.ClauseIs(w, "target");
}

bool ArgumentReader::OpensSubject(const Sentence& s, int k) const {
  const auto& toks = ctx_.tokens();
  return k < s.last && (toks[k].capitalized || ctx_.quantity_at[k] >= 0 || ctx_.WordIs(toks[k].lower, "determiner") ||
                        ctx_.WordIs(toks[k].lower, "subject"));
}

std::vector<int> ArgumentReader::Clauses(int si) const {
  const Sentence& s = ctx_.an.sentences[si];
  const auto& toks = ctx_.tokens();
  std::vector<int> clause(s.last - s.first, 0);
  int c = 0, count = 0;
  // A relative clause set off by commas interrupts its clause, which goes on after it
  // ("Agenten hebben de dader, die een mes droeg, doodgeschoten").
  int interrupted = -1;
  // "toen hij thuiskwam" opens a clause; "heeft hem toen neergeschoten" ("then") does not.
  for (int i = s.first; i < s.last; ++i) {
    const Token& t = toks[i];
    // (Also after a preposition: ", onder wie een Belg," interrupts as ", die …," does.)
    const bool next_relative = i + 1 < s.last && (ctx_.WordIs(toks[i + 1].lower, "relative") ||
                                                  (i + 2 < s.last && IsPreposition(toks[i + 1].lower) &&
                                                   ctx_.lex.ClauseIs(toks[i + 2].lower, "relative_after")));
    const bool starts = ctx_.lex.ClauseIs(t.lower, "clause_start") && (!ctx_.WordIs(t.lower, "occasion") || OpensSubject(s, i + 1));
    if (i > s.first && (t.lower == "," || t.lower == ";" || t.lower == ":" || starts) && ctx_.quote_at[i] < 0) {
      const bool resumes = interrupted >= 0 && t.lower == "," && !next_relative && i + 1 < s.last &&
                           !ctx_.lex.ClauseIs(toks[i + 1].lower, "clause_start");
      if (t.lower == ";" || t.lower == ":") interrupted = -1;
      if (resumes) {
        c = interrupted;
        interrupted = -1;
      } else {
        if (t.lower == "," && next_relative && interrupted < 0) interrupted = c;
        c = ++count;
      }
    }
    clause[i - s.first] = c;
  }
  return clause;
}

int ArgumentReader::NounOpener(int si, int token) const {
  const auto& toks = ctx_.tokens();
  const int first = ctx_.an.sentences[si].first;
  int k = token - 1;
  while (k > first && figure_words::IsAdjectiveLike(ctx_, toks[k])) --k;
  return k >= first && ctx_.WordIs(toks[k].lower, "determiner") ? k : -1;
}

bool ArgumentReader::NamedByNoun(int si, int token) const {
  // ("die explodeerde": a verb after a relative pronoun.)
  const int opener = NounOpener(si, token);
  return opener >= 0 && !ctx_.WordIs(ctx_.tokens()[opener].lower, "relative");
}

bool ArgumentReader::InRelativeClause(int si, int token, const std::vector<int>& clauses) const {
  const Sentence& s = ctx_.an.sentences[si];
  const int opening = ClauseOpening(si, token, clauses);
  // ("die" after a noun; not the determiner of "bij die brand")
  const auto& before = ctx_.tokens()[opening - (opening > s.first ? 1 : 0)];
  // ("Het is tien jaar geleden dat de dijk brak", "Het zal dinsdag twaalf jaar geleden zijn
  // dat …": what a time frames, not a relative clause.)
  const auto& toks = ctx_.tokens();
  const bool after_time = std::any_of(ctx_.an.times.begin(), ctx_.an.times.end(), [&](const TimeMention& t) {
    return t.last == opening || (t.last == opening - 1 && ctx_.lex.ClauseIs(toks[opening - 1].lower, "copula"));
  });
  return opening > s.first && !after_time && ctx_.WordIs(ctx_.tokens()[opening].lower, "relative") &&
         (before.lower == "," ||
          (before.kind == TokenKind::kWord && !ctx_.language.words().IsFunctionWord(before.lower)));
}

bool ArgumentReader::DescribesAThing(int si, int token) const {
  const auto clauses = Clauses(si);
  return InRelativeClause(si, token, clauses) &&
         !ctx_.WordIs(ctx_.tokens()[ClauseOpening(si, token, clauses)].lower, "anaphoric_that");
}

int ArgumentReader::ClauseOpening(int si, int token, const std::vector<int>& clauses) const {
  const int first = ctx_.an.sentences[si].first;
  int opening = token;
  while (opening > first && clauses[opening - 1 - first] == clauses[token - first]) --opening;
  return opening;
}

bool ArgumentReader::InAside(int si, int token, const std::vector<int>& clauses) const {
  const Sentence& s = ctx_.an.sentences[si];
  int opening = ClauseOpening(si, token, clauses);
  if (ctx_.tokens()[opening].lower == ",") ++opening;
  const auto& toks = ctx_.tokens();
  return opening < s.last && (ctx_.lex.ClauseIs(toks[opening].lower, "aside") ||
                              (opening + 1 < s.last && ctx_.lex.ClauseIs(toks[opening].lower + " " + toks[opening + 1].lower, "aside")));
}

int ArgumentReader::TriggerBetween(int si, int token, int other, const std::vector<std::string>& own_verbs,
                                   bool time_at_other) const {
  const Sentence& s = ctx_.an.sentences[si];
  const auto& toks = ctx_.tokens();
  const int lo = std::min(token, other), hi = std::max(token, other);
  const auto& rows = ctx_.lex.triggers.rows();
  auto governed_noun = [&](int first) {
    int k = first - 1;
    while (k > s.first && ctx_.lex.LooksAdjective(toks[k].lower)) --k;
    return k > s.first && ctx_.WordIs(toks[k].lower, "determiner") && Governor(first, si) >= 0;
  };
  for (const auto& m : ctx_.lex.triggers.FindAll(toks, s.first, s.last))
    if (m.first > lo && m.first < hi && m.first != token && !rows[m.row].options.count("participant") &&
        std::find(own_verbs.begin(), own_verbs.end(), toks[m.first].lower) == own_verbs.end() &&
        !(time_at_other && m.first > other && governed_noun(m.first)))
      return m.first;
  return -1;
}

int ArgumentReader::Governor(int first, int si) const {
  const Sentence& s = ctx_.an.sentences[si];
  const auto& toks = ctx_.tokens();
  for (int k = first - 1; k >= s.first && k >= first - kGovernReach; --k) {
    if (ctx_.lex.ClauseIs(toks[k].lower, "governs_trigger")) return k;
    // (A time closes the phrase: "kondigden voor vrijdag een betoging aan".)
    if (toks[k].kind != TokenKind::kWord || ctx_.entity_at[k] >= 0 || ctx_.time_at[k] >= 0) return -1;
  }
  return -1;
}

std::string ArgumentReader::StatusFor(const PhraseMatch& trigger, int si, const std::vector<int>& clauses) const {
  const Sentence& s = ctx_.an.sentences[si];
  const int clause = clauses[trigger.first - s.first];
  // "Hij moet terechtstaan voor de gijzeling": what is planned is not the event
  // a preposition makes the argument of another verb.
  const int governor = Governor(trigger.first, si);
  // "De ouders van de jongen die negen mensen doodschoot moeten de cel in": a relative
  // clause ends with its verb; the verb right after it is the main clause's.
  const bool closes_relative = InRelativeClause(si, trigger.first, clauses);
  // Every cue, overlapping ones too, the nearest to the trigger first ("wilde een
  // wapen kopen om daarmee een aanslag te plegen": the purpose, not the wish).
  std::vector<PhraseMatch> cues;
  for (int k = s.first; k < s.last; ++k) ctx_.lex.status.MatchAt(ctx_.tokens(), k, s.first, s.last, &cues);
  std::stable_sort(cues.begin(), cues.end(), [&](const PhraseMatch& a, const PhraseMatch& b) {
    return std::abs(a.first - trigger.first) < std::abs(b.first - trigger.first);
  });
  // (Hearsay tells who says so, not what became of the act: "zouden een aanslag hebben willen
  // plegen" is a plot foiled, as told; other cues the nearest decides.)
  std::string hearsay;
  for (const auto& m : cues) {
    const std::string& status = ctx_.lex.status.rows()[m.row].value;
    // (Unless the preposition is the cue's own: "was van plan een aanslag te plegen".)
    if (status == "planned" && governor >= 0 && governor != m.first) continue;
    if (closes_relative && m.first == trigger.end) continue;
    // (A cue that ends in a preposition tells of what follows it: "De ontvoering … heeft de vrees
    // voor nieuwe ontvoeringen aangewakkerd" feared the later ones, not the one told.)
    if (m.first > trigger.first && m.end > m.first && IsPreposition(ctx_.tokens()[m.end - 1].lower)) continue;
    // A cue whose parts surround the trigger ("wou … plegen") or stands in its clause.
    bool surrounds = m.first < trigger.first && m.end > trigger.first;
    // A denial, retraction or belief governs what follows it ("trekt het bericht
    // in dat …", "dachten dat er een aardbeving …"): option governs.
    bool governs = ctx_.lex.status.rows()[m.row].options.count("governs") && m.first < trigger.first;
    if (!surrounds && !governs && clauses[m.first - s.first] != clause) continue;
    if (status == "foiled" || (status != "alleged" && hearsay.empty())) return status;
    if (hearsay.empty()) hearsay = status;
  }
  return hearsay.empty() ? "occurred" : hearsay;
}

void ArgumentReader::AddArguments(const MentionInfo& m, int si, EventMention* e) const {
  const Sentence& s = ctx_.an.sentences[si];
  const auto& toks = ctx_.tokens();
  const auto& ss = ctx_.sentence_sources[si];
  const auto clauses = Clauses(si);
  const int clause = clauses[m.first - s.first];
  const std::string cls = ctx_.lex.ClassOf(e->type);
  auto add_actor = [&](const std::string& role, const Entity& ent, Span span) {
    for (const auto& a : e->actors)
      if (a.role == role && a.id == ent.id) return;
    e->actors.push_back({role, ent.id, ent.name, span});
  };
  // A country as the doer is its state ("Rusland heeft … uitgevoerd").
  auto add_state = [&](const std::string& role, const std::string& iso, Span span) {
    const KbEntry* state = ctx_.language.kb().StateOf(iso);
    if (!state) return false;
    for (const auto& a : e->actors)
      if (a.role == role && a.id == state->id) return true;
    e->actors.push_back({role, state->id, state->name, span});
    return true;
  };
  auto is_source = [&](const std::string& id) {
    return std::any_of(ss.sources.begin(), ss.sources.end(), [&](const Source& src) { return src.id == id; });
  };
  bool stance_sentence = !ctx_.lex.stances.FindAll(toks, s.first, s.last).empty();
  // "Ook Rusland reageerde geschokt op de bomaanslag": who reacts to an act did not do it.
  for (int k = s.first; k < m.first && !stance_sentence; ++k) stance_sentence = ctx_.lex.ClauseIs(toks[k].lower, "reaction");

  // Perpetrator (or responder): "door X" after the trigger, else the subject.
  const std::string agent_role = cls == "movement" ? "responder" : "perpetrator";
  bool have_agent = false;
  auto other_trigger_at = [&](int k) {
    std::vector<PhraseMatch> here;
    ctx_.lex.triggers.MatchAt(toks, k, s.first, s.last, &here);
    return !here.empty();
  };
  for (int k = m.last; k < std::min(s.last, m.last + kAgentWindow); ++k) {
    if (other_trigger_at(k)) break;
    if (!ctx_.lex.ClauseIs(toks[k].lower, "agent")) continue;
    for (int j = k + 1; j < std::min(s.last, k + 6); ++j)
      if (int en = ctx_.entity_at[j]; en >= 0 && ctx_.IsActor(ctx_.an.entities[en])) {
        add_actor(agent_role, ctx_.an.entities[en], ctx_.an.entities[en].span);
        have_agent = true;
        break;
      }
  }
  // The subject did the act only when the trigger is not inside a phrase
  // that a preposition like "van" or "om" opens.
  const bool governed = Governor(m.first, si) >= 0;
  if (!have_agent && !stance_sentence && !governed && cls != "disaster") {
    int from = s.first;
    while (from < m.first && clauses[from - s.first] != clause) ++from;
    // The subject stands after any other trigger before this one.
    for (int k = m.first - 1; k >= from; --k)
      if (other_trigger_at(k)) { from = k + 1; break; }
    for (int k = from; k < m.end; ++k) {
      if (k >= m.last && k < m.end && ctx_.entity_at[k] < 0) continue;
      int en = ctx_.entity_at[k];
      if (en < 0 || ctx_.an.entities[en].first != k) continue;
      const Entity& ent = ctx_.an.entities[en];
      if (ent.type == EntityType::kCountry && !(k > s.first && IsPreposition(toks[k - 1].lower)) && cls == "violent" &&
          !is_source(ent.id) && add_state(agent_role, ent.country, ent.span))
        break;
      if (!ctx_.IsActor(ent) || ent.type == EntityType::kPerson || ent.type == EntityType::kOrganisation) continue;
      if (is_source(ent.id) && !ss.claim) continue;
      bool after_preposition = k > s.first && IsPreposition(toks[k - 1].lower);
      // "leden van IS": a member noun makes "van" the perpetrator's mark.
      if (after_preposition && ctx_.WordIs(toks[k - 1].lower, "genitive") && k - 2 >= s.first &&
          ctx_.lex.group_nouns.Lookup(toks[k - 2].lower))
        after_preposition = false;
      if (after_preposition) continue;
      add_actor(ss.claim && is_source(ent.id) ? "claimed_by" : agent_role, ent, ent.span);
      break;
    }
  }
  // "een Israëlische luchtaanval": the nationality right before a violent trigger
  // is the doer ("Amerikaanse missionarissen gekidnapt": the victims').
  if (cls == "violent" && !have_agent && m.first > s.first)
    if (auto iso = ctx_.language.words().DemonymCountry(toks[m.first - 1].lower); !iso.empty())
      add_state(agent_role, iso, toks[m.first - 1].span);
  // Target: "op|tegen X" right after the trigger.
  for (int k = m.last; k < std::min(s.last, m.last + kTargetWindow); ++k) {
    if (!ctx_.lex.ClauseIs(toks[k].lower, "target") || cls != "violent") continue;
    for (int j = k + 1; j < std::min(s.last, k + 8); ++j) {
      if (toks[j].kind == TokenKind::kPunct) break;
      if (int en = ctx_.entity_at[j]; en >= 0 && ctx_.IsActor(ctx_.an.entities[en])) {
        add_actor("target", ctx_.an.entities[en], ctx_.an.entities[en].span);
        break;
      }
    }
    break;
  }
  // Claims: a claiming verb, or an armed group reporting its own act.
  std::string channel;
  for (const auto& cm : ctx_.lex.channels.FindAll(toks, s.first, s.last)) {
    channel = ctx_.lex.channels.rows()[cm.row].value;
    break;
  }
  std::vector<Source> claimants;
  if (ss.claim && cls == "violent") claimants = ss.sources;
  if (int q = ctx_.quote_at[m.first]; q >= 0 && ctx_.quote_spans[q].quote >= 0 && cls == "violent") {
    // The speaker claims the act when the act's subject is the speaker or its kin.
    for (const auto& src : ss.sources) {
      const KbEntry* speaker = ctx_.language.kb().Find(src.id);
      if (!speaker || speaker->type != EntityType::kArmedGroup) continue;
      for (const auto& a : e->actors) {
        if (a.role != "perpetrator") continue;
        const KbEntry* doer = ctx_.language.kb().Find(a.id);
        if (doer && (doer->id == speaker->id || doer->parent == speaker->id || speaker->parent == doer->id))
          claimants.push_back(src);
      }
    }
  }
  for (const auto& src : claimants) {
    const KbEntry* kb = ctx_.language.kb().Find(src.id);
    auto known = std::find_if(e->claims.begin(), e->claims.end(), [&](const Claim& c) { return c.by.id == src.id; });
    if (known != e->claims.end()) {
      if (known->channel.empty()) known->channel = channel;
      continue;
    }
    e->claims.push_back({src, channel, ctx_.TokenSpan(s.first, s.last)});
    bool listed = std::any_of(e->actors.begin(), e->actors.end(),
                              [&](const ActorRole& a) { return a.role == "claimed_by" && a.id == src.id; });
    if (!listed) e->actors.push_back({"claimed_by", src.id, kb ? kb->name : src.name, src.span});
  }
}

void ArgumentReader::AddRelations(int si, const std::vector<SentenceMention>& mentions, size_t from,
                                  std::vector<Ev>* events) const {
  const Sentence& s = ctx_.an.sentences[si];
  for (const auto& cue : ctx_.lex.relations.FindAll(ctx_.tokens(), s.first, s.last)) {
    const std::string& type = ctx_.lex.relations.rows()[cue.row].value;
    if (type == "follows" && cue.first > s.first + 1) continue;  // "Daarna …" opens the sentence
    // The event the cue speaks of: the mention nearest after it in this sentence.
    int subject = -1;
    for (size_t k = from; k < mentions.size(); ++k)
      if (mentions[k].mention.first >= cue.first && (subject < 0 || mentions[k].mention.first < mentions[subject].mention.first))
        subject = int(k);
    if (subject < 0 && from < mentions.size()) subject = int(from);
    if (subject < 0) continue;
    Ev& ev = (*events)[mentions[subject].event];
    // (An event told before that this sentence goes on telling follows nothing: "Bij de
    // schietpartij … De ouders werden opgepakt. … Vervolgens schoot hij op de leraar".)
    if (type == "follows" && ev.m.first_sentence != si) continue;
    // What it relates to: the latest other occurred event mentioned before.
    int target = -1;
    for (size_t k = from; k-- > 0;) {
      const Ev& cand = (*events)[mentions[k].event];
      if (cand.id == ev.id || cand.m.status == "foiled" || cand.m.status == "hypothetical") continue;
      if (type != "follows" && ctx_.lex.ClassOf(cand.m.type) != "violent") continue;
      target = cand.id;
      break;
    }
    if (target < 0) continue;
    bool known = std::any_of(ev.m.relations.begin(), ev.m.relations.end(),
                             [&](const Relation& r) { return r.type == type && r.event == target; });
    if (!known) ev.m.relations.push_back({type, target});
    if (type == "follows") ev.sub_event = true;
  }
}

void ArgumentReader::AddStances(int si, const std::vector<SentenceMention>& mentions, size_t from,
                                std::vector<Ev>* events) const {
  const Sentence& s = ctx_.an.sentences[si];
  const auto& toks = ctx_.tokens();
  for (const auto& cue : ctx_.lex.stances.FindAll(toks, s.first, s.last)) {
    const std::string& stance = ctx_.lex.stances.rows()[cue.row].value;
    // The subject opens the sentence ('McKenzie gaf Talibanstrijders de schuld',
    // "Zij veroordelen"); else the phrase before the verb.
    std::vector<Source> actors;
    {
      for (int k = s.first; k < std::min(cue.first, s.first + 4) && actors.empty(); ++k) {
        if (auto a = ctx_.ActorAt(k))
          actors.push_back(*a);
        else if (k == s.first && ctx_.lex.pronouns.Lookup(toks[k].lower))
          if (auto p = ctx_.ResolvePronoun(k)) actors.push_back(*p);
      }
    }
    if (actors.empty()) actors = ctx_.ReadSourcesBefore(s.first, cue.first);
    if (actors.empty()) continue;
    const Source& actor = actors.front();
    // Toward: another actor in the sentence, else the event named.
    Source toward;
    for (int k = s.first; k < s.last && toward.name.empty(); ++k) {
      int en = ctx_.entity_at[k];
      if (en < 0 || ctx_.an.entities[en].first != k) continue;
      auto a = ctx_.ActorAt(k);
      if (!a || a->id == actor.id || a->span.begin < actor.span.end) continue;
      toward = *a;
    }
    int event = -1;
    for (size_t k = from; k < mentions.size() && event < 0; ++k) event = mentions[k].event;
    if (event < 0) {
      for (size_t k = from; k-- > 0 && event < 0;)
        if (ctx_.lex.ClassOf((*events)[mentions[k].event].m.type) == "violent") event = mentions[k].event;
    }
    if (event < 0) continue;
    EventMention& e = (*events)[event].m;
    if (toward.name.empty()) {
      toward.name = ctx_.Text(e.trigger);
      toward.span = e.trigger;
      toward.id = "event";
    }
    e.stances.push_back({actor, stance, toward, ctx_.TokenSpan(cue.first, cue.end)});
  }
}

bool ArgumentReader::CueInSentences(const std::string& cls, int first_sentence, int last_sentence) const {
  const auto& sentences = ctx_.an.sentences;
  for (int si = std::max(0, first_sentence); si < std::min(int(sentences.size()), last_sentence); ++si)
    if (figure_words::CueInSentence(ctx_, sentences[si], cls)) return true;
  return false;
}

int ArgumentReader::SentenceOf(const Span& span) const {
  const auto& sentences = ctx_.an.sentences;  // in text order
  auto it = std::upper_bound(sentences.begin(), sentences.end(), span.begin,
                             [](uint32_t at, const Sentence& s) { return at < s.span.begin; });
  if (it == sentences.begin() || span.end > (it - 1)->span.end) return -1;
  return int(it - 1 - sentences.begin());
}

}  // namespace kroniek
