// ArgumentReader, part two: the arguments of an event mention — actors,
// claims, relations, stances — and the time and place a sentence gives it;
// finishing an event's figures. Part one, the mentions: mentions.cc.
#include "extract/arguments.h"

#include <algorithm>
#include <cstdlib>
#include <functional>

namespace kroniek {

namespace {
constexpr int kAgentWindow = 7;   // 'zelfmoordaanslag door IS', 'operatie uit Kabul, die door de VS'
constexpr int kTargetWindow = 1;  // 'droneaanval op een auto waarmee IS-K'
constexpr int kSiteWindow = 5;    // tokens from the trigger to a site noun
constexpr int kVicinityWords = 6;  // "in de buurt van de Ethiopische hoofdstad Addis Abeba"
constexpr int kPhraseWords = 4;    // "naar de Noord-Griekse havenstad Thessaloniki"
constexpr int kLandmarkPenalty = 8;  // distance added to a place given as a landmark
constexpr int kGovernReach = 4;      // tokens from a governing preposition to its trigger ("van de aanslag")

bool Has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

// Whether a title's figure can be a rounded statement of the body's figure.
bool RoundsTo(const Figure& title, const Figure& body) {
  if (!body.value || title.part_of >= 0 || body.part_of >= 0) return false;
  double v = *body.value;
  if (!title.value) return title.low && title.high && *title.low <= v && v <= *title.high;
  double t = *title.value;
  const std::string& q = title.qualifier;
  if (q == "more_than" || q == "at_least") return v >= t && v <= t * 1.25;
  if (q == "about") return std::abs(v - t) <= t * 0.15;
  return false;
}

}  // namespace

ArgumentReader::ArgumentReader(const Context& ctx) : ctx_(ctx) {}

bool ArgumentReader::IsPreposition(const std::string& w) const {
  return ctx_.lex.ClauseIs(w, "preposition") || ctx_.lex.ClauseIs(w, "locative") || ctx_.lex.ClauseIs(w, "agent") ||
         ctx_.lex.ClauseIs(w, "target");
}

std::vector<int> ArgumentReader::Clauses(int si) const {
  const Sentence& s = ctx_.an.sentences[si];
  std::vector<int> clause(s.last - s.first, 0);
  int c = 0;
  for (int i = s.first; i < s.last; ++i) {
    const Token& t = ctx_.tokens()[i];
    if (i > s.first && (t.lower == "," || t.lower == ";" || t.lower == ":" || ctx_.lex.ClauseIs(t.lower, "clause_start")) &&
        ctx_.quote_at[i] < 0)
      ++c;
    clause[i - s.first] = c;
  }
  return clause;
}

int ArgumentReader::TriggerBetween(int si, int token, int other) const {
  const Sentence& s = ctx_.an.sentences[si];
  const int lo = std::min(token, other), hi = std::max(token, other);
  for (const auto& m : ctx_.lex.triggers.FindAll(ctx_.tokens(), s.first, s.last))
    if (m.first > lo && m.first < hi && m.first != token) return m.first;
  return -1;
}

Date ArgumentReader::DateFor(int si, int token) const {
  const Sentence& s = ctx_.an.sentences[si];
  const auto clauses = Clauses(si);
  const TimeMention* best = nullptr;
  int best_score = 1 << 30;
  for (const auto& t : ctx_.an.times) {
    if (t.first < s.first || t.first >= s.last) continue;
    // "de straat op om de aanslag van een jaar geleden te herdenken": the time is the other trigger's.
    if (TriggerBetween(si, token, t.first) >= 0) continue;
    // "De politie liet dinsdag weten dat de man … inreed": the report's time
    // (a quote's event keeps the time of its report: the only one it has).
    const int cue = ctx_.sentence_sources[si].cue;
    if (cue >= s.first && ctx_.quote_at[token] < 0 && clauses[t.first - s.first] == clauses[cue - s.first] &&
        clauses[token - s.first] != clauses[cue - s.first])
      continue;
    int score = std::abs(t.first - token) + (clauses[t.first - s.first] != clauses[token - s.first] ? 100 : 0);
    if (score < best_score) { best = &t; best_score = score; }
  }
  if (!best) return Date();
  if (!best->relative_to_event) return best->date;
  // "eerder op de dag", "een dag later": counted from the latest day or weekday
  // told before it (a day only from a day, a weekday from a weekday).
  for (auto it = ctx_.an.times.rbegin(); it != ctx_.an.times.rend(); ++it) {
    if (it->first >= best->first || it->relative_to_event || (!it->date.known() && it->date.weekday < 0)) continue;
    Date d = it->date;
    const int shift = best->event_offset;
    if (shift != 0) {
      const auto day = d.civil();
      if (day && d.precision == Precision::kDay) {
        d.value = AddDays(*day, shift).ToString();
        d.weekday = WeekdayOf(AddDays(*day, shift));
      } else if (!d.known()) {
        d.weekday = ((d.weekday + shift) % 7 + 7) % 7;
      }
      d.day_offset.reset();
      d.day = 0;
    }
    d.text = best->date.text;
    d.span = best->date.span;
    d.basis = DateBasis::kRelative;
    return d;
  }
  return best->date;
}

bool ArgumentReader::Governed(int first, int si) const {
  const Sentence& s = ctx_.an.sentences[si];
  const auto& toks = ctx_.tokens();
  for (int k = first - 1; k >= s.first && k >= first - kGovernReach; --k) {
    if (ctx_.lex.ClauseIs(toks[k].lower, "governs_trigger")) return true;
    if (toks[k].kind != TokenKind::kWord || ctx_.entity_at[k] >= 0) return false;
  }
  return false;
}

std::string ArgumentReader::StatusFor(const PhraseMatch& trigger, int si, const std::vector<int>& clauses) const {
  const Sentence& s = ctx_.an.sentences[si];
  const int clause = clauses[trigger.first - s.first];
  // "Hij moet terechtstaan voor de gijzeling": what is planned is not the event
  // a preposition makes the argument of another verb.
  const bool governed = Governed(trigger.first, si);
  // Every cue, overlapping ones too, the nearest to the trigger first ("wilde een
  // wapen kopen om daarmee een aanslag te plegen": the purpose, not the wish).
  std::vector<PhraseMatch> cues;
  for (int k = s.first; k < s.last; ++k) ctx_.lex.status.MatchAt(ctx_.tokens(), k, s.first, s.last, &cues);
  std::stable_sort(cues.begin(), cues.end(), [&](const PhraseMatch& a, const PhraseMatch& b) {
    return std::abs(a.first - trigger.first) < std::abs(b.first - trigger.first);
  });
  for (const auto& m : cues) {
    const std::string& status = ctx_.lex.status.rows()[m.row].value;
    if (status == "planned" && governed) continue;
    // A cue whose parts surround the trigger ("wou … plegen") or stands in its clause.
    bool surrounds = m.first < trigger.first && m.end > trigger.first;
    // A denial, retraction or belief governs what follows it ("trekt het bericht
    // in dat …", "dachten dat er een aardbeving …"): option governs.
    bool governs = ctx_.lex.status.rows()[m.row].options.count("governs") && m.first < trigger.first;
    if (surrounds || governs || clauses[m.first - s.first] == clause) return status;
  }
  return "occurred";
}

// The preposition heading the phrase a place ends ("naar de Noord-Griekse
// havenstad Thessaloniki"), or -1: words back from `i`, over articles,
// adjectives and place nouns, to the first preposition.
int ArgumentReader::GoverningWord(const std::vector<Token>& toks, int first, int i) const {
  for (int k = i - 1; k >= std::max(first, i - kPhraseWords); --k) {
    if (toks[k].kind != TokenKind::kWord) return -1;
    const std::string& w = toks[k].lower;
    if (IsPreposition(w) || ctx_.lex.ClauseIs(w, "agent") || ctx_.lex.ClauseIs(w, "destination") ||
        ctx_.lex.ClauseIs(w, "locative"))
      return k;
  }
  return -1;
}

bool ArgumentReader::AsLandmark(int first, int i, int head) const {
  const auto& toks = ctx_.tokens();
  if (head < 0) return false;
  // "ten oosten van Frankfurt", "in de buurt van Frankfurt"; not "in het westen van Hanau".
  if (head - 1 >= first && ctx_.lex.ClauseIs(toks[head - 1].lower, "vicinity") && ctx_.WordIs(toks[head].lower, "genitive"))
    return !(head - 2 >= first && ctx_.lex.ClauseIs(toks[head - 2].lower, "inside"));
  // "in Hanau bij Frankfurt": the place right before names the site.
  if (head != i - 1 || head - 1 < first || !ctx_.lex.ClauseIs(toks[head].lower, "locative")) return false;
  const int before = ctx_.entity_at[head - 1];
  return before >= 0 && ctx_.an.entities[before].type == EntityType::kPlace && ctx_.an.entities[before].last == head;
}

bool ArgumentReader::NotTheSite(const Entity& ent) const {
  const auto& toks = ctx_.tokens();
  return NotTheSite(ent, GoverningWord(toks, ctx_.an.sentences[toks[ent.first].sentence].first, ent.first));
}

bool ArgumentReader::NotTheSite(const Entity& ent, int head) const {
  const auto& toks = ctx_.tokens();
  const Sentence& s = ctx_.an.sentences[toks[ent.first].sentence];
  if (head >= 0 && (ctx_.lex.ClauseIs(toks[head].lower, "agent") || ctx_.lex.ClauseIs(toks[head].lower, "destination")))
    return true;
  return ent.last < s.last && ctx_.lex.ClauseIs(toks[ent.last].lower, "origin");
}

Location ArgumentReader::LocationFor(const PhraseMatch& trigger, int si, const std::vector<int>& clauses,
                                     bool only_mention, bool cities_only) const {
  const Sentence& s = ctx_.an.sentences[si];
  const auto& toks = ctx_.tokens();
  const int clause = clauses[trigger.first - s.first];
  Location loc;
  const Entity* place = nullptr;
  int best = 1 << 30;
  for (int i = s.first; i < s.last; ++i) {
    int e = ctx_.entity_at[i];
    if (e < 0 || ctx_.an.entities[e].first != i) continue;
    const Entity& ent = ctx_.an.entities[e];
    if (ent.type != EntityType::kPlace && (ent.type != EntityType::kCountry || cities_only)) continue;
    // 'Talibanstrijders' names no place; 'Amsterdam-Noord' is in Amsterdam.
    if (ent.partial && ctx_.article.text[ent.span.end] != '-') continue;
    // A place fronted at the sentence's start sets the scene for its other
    // clauses too ("In Antwerpen liep het aantal arrestaties op nadat feestjes
    // op relletjes uitliepen"), not for what a trigger between governs ("In
    // Milaan protesteerden duizenden over de treinramp").
    const bool fronted = i - 1 == s.first && ctx_.lex.ClauseIs(toks[s.first].lower, "locative");
    if (!only_mention && !fronted && clauses[i - s.first] != clause) continue;
    if (int between = TriggerBetween(si, trigger.first, i);
        between >= 0 && !(fronted && clauses[between - s.first] != clause))
      continue;
    // Nor is the place of a doer ("de door Saoedi-Arabië geleide coalitie"),
    // a destination ("reisde naar Libië") or someone's origin ("de uit
    // Tunesië afkomstige verdachte").
    const int head = GoverningWord(toks, s.first, i);
    if (NotTheSite(ent, head)) continue;
    // A country before the trigger with no preposition is a doer ("Rusland
    // heeft raketaanvallen uitgevoerd op Oekraïne"), not the place.
    if (ent.type == EntityType::kCountry && i < trigger.first && !(i > s.first && IsPreposition(toks[i - 1].lower)))
      continue;
    // Nearest to the trigger, after it preferred; a city beats a country, and
    // a place named as a landmark ("in Hanau, in de buurt van Frankfurt") loses.
    int d = std::abs(i - trigger.first) + (i < trigger.first ? 3 : 0) + (ent.type == EntityType::kCountry ? 6 : 0);
    if (AsLandmark(s.first, i, head)) d += kLandmarkPenalty;
    if (d < best) { best = d; place = &ent; }
  }
  if (place) {
    loc.id = place->id;
    loc.name = place->name;
    loc.country = place->country;
    loc.region = place->region;
    loc.lat = place->lat;
    loc.lon = place->lon;
    loc.span = place->span;
    // "nabij de stad Bishoftu", "in de buurt van", "50 kilometer ten zuiden van".
    for (int k = place->first - 1; k >= std::max(s.first, place->first - kVicinityWords) && toks[k].kind == TokenKind::kWord; --k)
      loc.approximate = loc.approximate || (ctx_.lex.ClauseIs(toks[k].lower, "vicinity") &&
                                            !(k > s.first && ctx_.lex.ClauseIs(toks[k - 1].lower, "inside")));
  }
  // A facility in the trigger's clause, near the trigger or after a locative
  // ('op de luchthaven van Kaboel', 'rond de luchthaven', 'bij een iets
  // verderop gelegen hotel"); the nearest wins.
  int best_site = 1 << 30;
  std::string site;
  for (int i = s.first; i < s.last; ++i) {
    if (i >= trigger.first && i < trigger.end) continue;
    if (clauses[i - s.first] != clause && !(place && i < place->first && place->first - i <= 3)) continue;
    if (ctx_.quote_at[i] >= 0 && ctx_.quote_at[trigger.first] < 0) continue;
    const auto* row = ctx_.lex.sites.Lookup(toks[i].lower);
    if (!row) continue;
    bool locative = false;
    for (int k = i - 1; k >= std::max(s.first, i - 5) && !locative; --k) locative = ctx_.lex.ClauseIs(toks[k].lower, "locative");
    int d = std::abs(i - trigger.first);
    if (!locative && d > kSiteWindow) continue;
    if (d < best_site) { best_site = d; site = row->value; if (loc.span.empty()) loc.span = toks[i].span; }
  }
  if (!site.empty()) loc.sites.push_back(site);
  if (!loc.sites.empty()) loc.site = loc.name.empty() ? loc.sites[0] : loc.name + " " + loc.sites[0];
  return loc;
}

Location ArgumentReader::PlaceAt(int si, int token) const {
  PhraseMatch at{token, token + 1, token + 1, 0, ""};
  return LocationFor(at, si, Clauses(si), true, false);
}

void ArgumentReader::MergeLocation(Location* into, const Location& from) const {
  if (from.id.empty() && from.sites.empty()) return;
  std::vector<std::string> sites = into->sites;
  for (const auto& s : from.sites)
    if (!Has(sites, s)) sites.push_back(s);
  // A country gives way to its city, a place near the event to the event's own.
  bool upgrade = !from.id.empty() && (into->id.empty() || (into->id == into->country && from.id != from.country &&
                                                           from.country == into->country) ||
                                      (into->approximate && !from.approximate && from.id != from.country));
  if (upgrade) {
    Span keep = into->span;
    *into = from;
    if (into->span.empty()) into->span = keep;
  }
  into->sites = sites;
  if (!into->sites.empty()) into->site = into->name.empty() ? into->sites[0] : into->name + " " + into->sites[0];
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
    const KbEntry* state = ctx_.az.kb().StateOf(iso);
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
  const bool governed = Governed(m.first, si);
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
  // "een Israëlische luchtaanval": the nationality before a violent trigger is the doer.
  if (cls == "violent" && !have_agent)
    for (int k = m.first - 1; k >= std::max(s.first, m.first - 2); --k)
      if (auto iso = ctx_.az.entity_rules().DemonymCountry(toks[k].lower); !iso.empty()) {
        add_state(agent_role, iso, toks[k].span);
        break;
      }
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
      const KbEntry* speaker = ctx_.az.kb().Find(src.id);
      if (!speaker || speaker->type != EntityType::kArmedGroup) continue;
      for (const auto& a : e->actors) {
        if (a.role != "perpetrator") continue;
        const KbEntry* doer = ctx_.az.kb().Find(a.id);
        if (doer && (doer->id == speaker->id || doer->parent == speaker->id || speaker->parent == doer->id))
          claimants.push_back(src);
      }
    }
  }
  for (const auto& src : claimants) {
    const KbEntry* kb = ctx_.az.kb().Find(src.id);
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
    for (const auto& m : ctx_.lex.figure_cues.FindAll(ctx_.tokens(), sentences[si].first, sentences[si].last))
      if (ctx_.lex.figure_cues.rows()[m.row].value == cls) return true;
  return false;
}

int ArgumentReader::SentenceOf(const Span& span) const {
  const auto& sentences = ctx_.an.sentences;  // in text order
  auto it = std::upper_bound(sentences.begin(), sentences.end(), span.begin,
                             [](uint32_t at, const Sentence& s) { return at < s.span.begin; });
  if (it == sentences.begin() || span.end > (it - 1)->span.end) return -1;
  return int(it - 1 - sentences.begin());
}

void ArgumentReader::AboardWhereNoneSurvived(EventMention* e) const {
  // "Aan boord waren 149 passagiers … Niemand heeft de crash overleefd": the
  // people on board are the dead.
  if (std::none_of(e->figures.begin(), e->figures.end(), [](const Figure& f) { return f.kind == "other"; })) return;
  if (!no_survivors_) no_survivors_ = CueInSentences("no_survivors", 0, int(ctx_.an.sentences.size()));
  if (!*no_survivors_) return;
  for (auto& f : e->figures) {
    const int si = SentenceOf(f.span);
    if (f.kind == "other" && si >= 0 && CueInSentences("aboard", si, si + 1)) {
      f.kind = "killed";
      f.reading = "aboard";
    }
  }
}

void ArgumentReader::FinishFigures(EventMention* e, const std::vector<bool>& in_title) const {
  AboardWhereNoneSurvived(e);
  auto& figs = e->figures;
  std::vector<bool> drop(figs.size(), false);
  for (size_t i = 0; i < figs.size(); ++i) {
    Figure& f = figs[i];
    for (const auto& c : e->claims)
      for (const auto& src : f.according_to) f.claim |= src.id == c.by.id;
  }
  // Drops figure i, kept as evidence, when a kept figure j restates it.
  auto absorb = [&](size_t i, const std::function<bool(size_t j)>& restates) {
    for (size_t j = 0; j < figs.size(); ++j)
      if (j != i && !drop[j] && figs[j].kind == figs[i].kind && restates(j)) {
        drop[i] = true;
        e->evidence.push_back(figs[i].span);
        return;
      }
  };
  // A figure repeated by the title or a fact box counts once: the body's.
  // Titles round ('Ruim veertig doden' over a body's 'zeker 41').
  for (size_t i = 0; i < figs.size(); ++i)
    if (figs[i].from_fact_box || in_title[i])
      absorb(i, [&](size_t j) {
        bool same = figs[j].value && figs[i].value && *figs[j].value == *figs[i].value;
        return !figs[j].from_fact_box && !in_title[j] && (same || (in_title[i] && RoundsTo(figs[i], figs[j])));
      });
  // A vague plural ('duizenden mensen') made precise by a figure in its range
  // ('ongeveer 8.000 betogers') is that figure.
  for (size_t i = 0; i < figs.size(); ++i)
    if (!drop[i] && !figs[i].value && figs[i].low && figs[i].part_of < 0)
      absorb(i, [&](size_t j) { return RoundsTo(figs[i], figs[j]); });
  // The same count said twice (lede and body, "zeker 19" and "19") is one
  // report, unless two different sources give it; a sourced saying wins,
  // and a sub-group wins over the same group counted on its own.
  auto source_id = [](const Figure& f) { return f.according_to.empty() ? std::string() : f.according_to[0].id; };
  for (size_t i = 0; i < figs.size(); ++i)
    for (size_t j = i + 1; j < figs.size(); ++j)
      if (!drop[i] && !drop[j] && figs[i].kind == figs[j].kind && figs[i].group == figs[j].group &&
          figs[i].value == figs[j].value && figs[i].low == figs[j].low &&
          (figs[i].value || figs[i].qualifier == figs[j].qualifier) &&
          (source_id(figs[i]) == source_id(figs[j]) || source_id(figs[i]).empty() || source_id(figs[j]).empty()) &&
          (figs[i].part_of < 0 || figs[j].part_of < 0)) {
        // A sub-group said again on its own ("onder wie 13 militairen … De 13
        // militairen") stays the sub-group.
        const size_t gone = figs[i].part_of >= 0 ? j
                            : figs[j].part_of >= 0 ? i
                            : source_id(figs[i]).empty() && !source_id(figs[j]).empty() ? i : j;
        drop[gone] = true;
        e->evidence.push_back(figs[gone].span);
      }
  // Victims named again ("Negen van de tien slachtoffers"): casualties an
  // event's count of dead or of injured already gives are those people.
  for (size_t i = 0; i < figs.size(); ++i)
    if (!drop[i] && figs[i].kind == "casualties" && figs[i].value && figs[i].part_of < 0)
      for (size_t j = 0; j < figs.size(); ++j)
        if (j != i && !drop[j] && (figs[j].kind == "killed" || figs[j].kind == "injured") && figs[j].value == figs[i].value &&
            figs[j].part_of < 0) {
          drop[i] = true;
          e->evidence.push_back(figs[i].span);
          break;
        }
  // Two fact-box or title figures with the same value are one.
  for (size_t i = 0; i < figs.size(); ++i)
    for (size_t j = i + 1; j < figs.size(); ++j)
      if (!drop[i] && !drop[j] && figs[i].kind == figs[j].kind && figs[i].value && figs[j].value &&
          *figs[i].value == *figs[j].value && figs[i].from_fact_box == figs[j].from_fact_box &&
          figs[i].from_fact_box)
        drop[j] = true;
  std::vector<int> new_index(figs.size(), -1);
  std::vector<Figure> kept;
  for (size_t i = 0; i < figs.size(); ++i)
    if (!drop[i]) { new_index[i] = int(kept.size()); kept.push_back(figs[i]); }
  for (auto& f : kept)
    if (f.part_of >= 0) f.part_of = new_index[f.part_of];
  figs = std::move(kept);
}

}  // namespace kroniek
