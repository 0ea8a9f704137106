// ArgumentReader, part three: the time a sentence gives an event mention (DateFor), and
// what keeps a time from being an event's. Part one, the mentions: mentions.cc; part two,
// the other arguments: arguments.cc.
#include "extract/arguments.h"

#include <algorithm>
#include <cstdlib>

namespace kroniek {

namespace {

// "Diezelfde maand", "dat jaar": the month or year of `before`, when it names one.
Date SamePeriodAs(const TimeMention& t, const Date& before) {
  Date d = t.date;
  const bool month = t.same_period < 365;
  const size_t length = month ? 7 : 4;  // "YYYY-MM", "YYYY"
  const auto c = before.civil();
  if (!before.known() || before.value.size() < length || !c) return d;
  // ("drie maanden later", "twee jaar eerder": so many months or years on.)
  const int months = c->year * 12 + (c->month - 1) + (month ? t.event_offset : 0);
  const Civil shifted = month ? Civil{months / 12, months % 12 + 1, 0} : Civil{c->year + t.event_offset, 0, 0};
  d.value = shifted.ToString().substr(0, length);
  d.precision = month ? Precision::kMonth : Precision::kYear;
  d.basis = DateBasis::kRelative;
  return d;
}

constexpr int kSincePhraseReach = 7;  // words from "sinds" to what its phrase names ("sinds de verkiezingen van vorige maand")
constexpr int kUndatedTimePenalty = 20;  // tokens a time the report cannot date counts as further away
constexpr int kRelativeTimePenalty = 50;  // and a time counted from another ("rond 22 uur"), less than another clause
constexpr int kOtherNounsClausePenalty = 200;  // and one of a relative clause on another noun, more

}  // namespace

bool ArgumentReader::SinceAnotherThing(int si, int token, int at) const {
  // A preposition of time relation after the trigger, a few words before `at` (not right
  // before the word before it: "sinds maart" is a period of the event's own), no punctuation
  // or other preposition of time between.
  const auto& toks = ctx_.tokens();
  for (int k = at - 2; k > token && k >= at - kSincePhraseReach; --k) {
    if (toks[k].kind == TokenKind::kPunct) return false;
    if (!ctx_.lex.ClauseIs(toks[k].lower, "time_relation")) continue;
    // ("sinds dinsdag in Lyon": a period of its own, then its place.)
    for (const auto& t : ctx_.an.times)
      if (t.first <= k + 1 && t.last > k) return false;
    return true;
  }
  return false;
}

bool ArgumentReader::SetsTheScene(int si, int first) const {
  const auto& toks = ctx_.tokens();
  int k = first - 1;
  while (k > ctx_.an.sentences[si].first &&
         (ctx_.lex.LooksAdjective(toks[k].lower) || ctx_.WordIs(toks[k].lower, "determiner")))
    --k;
  return k >= ctx_.an.sentences[si].first && ctx_.lex.ClauseIs(toks[k].lower, "circumstance");
}

bool ArgumentReader::SemicolonBetween(int from, int to) const {
  for (int k = from; k < to; ++k)
    if (ctx_.tokens()[k].lower == ";" && ctx_.quote_at[k] < 0) return true;
  return false;
}

Date ArgumentReader::DateFor(int si, int token, const std::vector<std::string>& own_verbs, bool participant) const {
  const Sentence& s = ctx_.an.sentences[si];
  const auto clauses = Clauses(si);
  const TimeMention* best = nullptr;
  int best_score = 1 << 30;
  // "afscheid genomen van de kinderen die omkwamen bij de brand": a trigger in a relative
  // clause takes no time of the clause around it (the farewell's).
  const bool in_relative = InRelativeClause(si, token, clauses);
  const auto compared = ComparisonPointsAfter(si, token);
  const bool named_by_count = NamedByCount(si, token);
  auto proceeding_before = [&](int from) {  // a trial's word in the trigger's clause, before it
    for (int k = from; k < token; ++k)
      if (clauses[k - s.first] == clauses[token - s.first] && ctx_.lex.ClauseIs(ctx_.tokens()[k].lower, "proceeding"))
        return true;
    return false;
  };
  const TimeMention* today = TodayTold(ctx_, si);
  for (const auto& t : ctx_.an.times) {
    if (t.first < s.first || t.first >= s.last || &t == today) continue;
    // ("De storm houdt aan tot morgenochtend": a period's end dates no event.)
    if (t.date.from.empty() && !t.date.to.empty()) continue;
    // ("De aanslagpleger is maandag veroordeeld": the time of the trial, not the attack.)
    PhraseMatch at;
    at.first = t.first;
    if (participant && ClauseHas(at, si, clauses, "proceeding")) continue;
    // ("Een rechtbank heeft woensdag een man veroordeeld voor de brand in 2019": a time before
    // the trial's word is the trial's, not that of the event it is about.)
    if (t.first < token && proceeding_before(t.last)) continue;
    // ("De brand was dinsdagochtend geblust": the time the event ended, not its day.)
    if (ClauseHas(at, si, clauses, "ending")) continue;
    if (in_relative && clauses[t.first - s.first] != clauses[token - s.first]) continue;
    // "…, zoals de minister in maart al beloofde, …": the time of the clause beside it.
    if (clauses[t.first - s.first] != clauses[token - s.first] && InAside(si, t.first, clauses)) continue;
    // "de straat op om de aanslag van een jaar geleden te herdenken": the time is the other trigger's.
    // ("Zaterdag werden bij rellen twintig mensen opgepakt": the scene set between them shares it.)
    if (const int other = TriggerBetween(si, token, t.first, own_verbs, true);
        other >= 0 && !(t.first < other && SetsTheScene(si, other)))
      continue;
    // ("Vandaag, vier dagen na de schietpartij": the count's time, and one before it, are not the
    // shooting's, nor the time of the clause's verb after it, "Vier dagen na storm Enora is het westen
    // vandaag opnieuw getroffen"; its own phrase's day is: "na de brand van zondag 12 oktober", "na
    // de brand in Charleroi, op zondag 18 januari, is …".)
    if (named_by_count && !InOwnPhrase(si, token, t)) continue;
    // "Vrijdag is de verdachte van de schietpartij van zondag aangehouden": the shooting's.
    if (QualifiesOtherTrigger(si, token, t.first)) continue;
    // "de grootste protesten sinds de verkiezingen van vorige maand": the time is the other thing's.
    if (t.first > token && SinceAnotherThing(si, token, t.first)) continue;
    // "De verdachte werd gearresteerd en wordt zaterdag voorgeleid": a time after "en" and a
    // verb of its own is that clause's.
    if (t.first > token && CoordinatedClauseBetween(si, token, t.first)) continue;
    // "Drie doden door schietpartijen; geen onderwijs vrijdag": a clause after a semicolon
    // tells a thing of its own.
    if (SemicolonBetween(std::min(token, t.first), std::max(token, t.first))) continue;
    // ("De storm was de zwaarste sinds 2007": what it is compared with.)
    auto at_point = [&](const std::pair<int, int>& p) { return t.first >= p.first && t.first <= p.second; };
    if (std::any_of(compared.begin(), compared.end(), at_point)) continue;
    // "De politie liet dinsdag weten dat de man … inreed": the report's time
    // (a quote's event keeps the time of its report: the only one it has).
    const int cue = ctx_.sentence_sources[si].cue;
    if (cue >= s.first && ctx_.quote_at[token] < 0 && clauses[t.first - s.first] == clauses[cue - s.first] &&
        clauses[token - s.first] != clauses[cue - s.first])
      continue;
    const bool own_clause = clauses[t.first - s.first] == clauses[token - s.first];
    int score = std::abs(t.first - token) + (own_clause ? 0 : 100);
    // "Minstens 40 mensen die Halloween wilden vieren, zijn zaterdagavond omgekomen": a relative
    // clause not right after the token's noun tells of another thing than the event ("de brand
    // die dinsdag uitbrak" tells of it; "opgepakt die zaterdag een vrouw neerstak" of the man).
    if (!own_clause && !in_relative && InRelativeClause(si, t.first, clauses) &&
        !(ClauseOpening(si, t.first, clauses) == token + 1 && NamedByNoun(si, token))) {
      // ("aangehouden die de boot bestuurden die donderdag kapseisde": when that clause tells
      // an event of its own, the time is that event's.)
      int clause_end = t.last;
      while (clause_end < s.last && clauses[clause_end - s.first] == clauses[t.first - s.first]) ++clause_end;
      if (TriggerBetween(si, t.last - 1, clause_end) >= 0) continue;
      score += kOtherNounsClausePenalty;
    }
    // "Het bombardement gebeurde gisteren op het orthodox nieuwjaar", in a report dated to
    // the month: the day the clause names beats the one it cannot count.
    if (!t.date.known()) score += kUndatedTimePenalty;
    // ("De schok kwam zaterdagavond rond 22 uur": the day named beats the hour.)
    if (t.relative_to_event) score += kRelativeTimePenalty;
    // "de aanslag van een jaar geleden", "de brand van vorige week": the time that qualifies the trigger.
    if (t.first == token + 2 && ctx_.WordIs(ctx_.tokens()[token + 1].lower, "genitive")) score = -1;
    // ("Bijna negen jaar na de uitbarsting van de vulkaan Semeru op 5 februari 2017 heeft …": a
    // calendar date in the trigger's own phrase beats a count before it.)
    else if (t.date.basis == DateBasis::kExplicit && t.date.known() && InOwnPhrase(si, token, t))
      score = std::min(score, 0);
    if (score < best_score) { best = &t; best_score = score; }
  }
  if (!best) return Date();
  if (!best->relative_to_event) return best->date;
  // ("waar vier dagen na de ramp in Hyen een modderstroom … raakte": counted from the event it
  // names, which CountsFromTheReport dates it by, not from the day told last.)
  if (best->after_named) return best->date;
  // "eerder op de dag", "een dag later": counted from the latest day or weekday
  // told before it (a day only from a day, a weekday from a weekday).
  for (auto it = ctx_.an.times.rbegin(); it != ctx_.an.times.rend(); ++it) {
    if (it->first >= best->first || it->relative_to_event || (!it->date.known() && it->date.weekday < 0)) continue;
    // (The month of any time told: "In januari waarschuwde de groep … Diezelfde maand".)
    if (best->same_period) {
      if (it->date.known()) return SamePeriodAs(*best, it->date);
      continue;
    }
    // (Not the time of a report, a plan, an end or a thing: "meldt het ministerie zaterdag".)
    if (NotAnEventsTime(*it)) continue;
    // (Not a year or a month: "de aanslagen in 2015 … Eerder op de dag" counts from the day told.)
    if (it->date.known() && it->date.precision != Precision::kDay) continue;
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

const TimeMention* ArgumentReader::CountNaming(int si, int token) const {
  const int before_modifiers = WordBeforeModifiers(token, si);
  for (const TimeMention& t : ctx_.an.times)
    if (t.after_named && (token == t.last || before_modifiers == t.last)) return &t;
  return nullptr;
}

bool ArgumentReader::InOwnPhrase(int si, int token, const TimeMention& t) const {
  // (Before its clause's finite verb: "na de aanval op de markt op 12 mei", "na de brand in
  // Charleroi, op zondag 18 januari, is"; not "na storm Enora is het westen vandaag …".)
  const auto& toks = ctx_.tokens();
  if (t.first <= token) return false;
  for (int k = token + 1; k < t.first; ++k)
    if (ctx_.lex.ClauseIs(toks[k].lower, "present_tense") || ctx_.lex.ClauseIs(toks[k].lower, "past_tense")) return false;
  return true;
}

bool ArgumentReader::QualifiesOtherTrigger(int si, int token, int at) const {
  const Sentence& s = ctx_.an.sentences[si];
  const auto& toks = ctx_.tokens();
  for (const auto& m : ctx_.lex.triggers.FindAll(toks, s.first, s.last)) {
    if (m.first == token || m.first == s.first) continue;
    if (at != m.last && !(at == m.last + 1 && ctx_.WordIs(toks[m.last].lower, "genitive"))) continue;
    int k = m.first - 1;  // a noun: its determiner before it, over adjectives
    while (k > s.first && ctx_.lex.LooksAdjective(toks[k].lower)) --k;
    if (ctx_.WordIs(toks[k].lower, "determiner")) return true;
  }
  return false;
}

Date ArgumentReader::EntryDay(int si) const {
  if (!entry_times_) {
    const auto& sentences = ctx_.an.sentences;
    std::vector<int> entries(ctx_.article.paragraphs.size(), -1);
    int count = 0;
    bool forward = true;
    std::string last;
    for (int k = 0; k < int(ctx_.an.times.size()); ++k) {
      const TimeMention& t = ctx_.an.times[k];
      const int at = ctx_.tokens()[t.first].sentence;
      const bool opens_paragraph = at == 0 || sentences[at - 1].paragraph != sentences[at].paragraph;
      if (t.first != sentences[at].first || !opens_paragraph || t.date.precision != Precision::kDay ||
          t.date.value.empty() || entries[sentences[at].paragraph] >= 0)
        continue;
      entries[sentences[at].paragraph] = k;
      forward = forward && t.date.value > last;
      last = t.date.value;
      ++count;
    }
    if (count < 2 || !forward) entries.assign(entries.size(), -1);
    entry_times_ = std::move(entries);
  }
  const int entry = (*entry_times_)[ctx_.an.sentences[si].paragraph];
  return entry >= 0 ? ctx_.an.times[entry].date : Date();
}

Date ArgumentReader::ThenDate(int si, int token) const {
  const Sentence& s = ctx_.an.sentences[si];
  const auto& toks = ctx_.tokens();
  Date then;
  if (si > 0 && ctx_.WordIs(toks[s.first].lower, "occasion") && !OpensSubject(s, s.first + 1)) {
    for (const auto& t : ctx_.an.times)
      if (toks[t.first].sentence == si - 1 && t.date.known() && !t.relative_to_event) then = t.date;
  } else {
    const auto clauses = Clauses(si);
    int opening = ClauseOpening(si, token, clauses);
    // ("toen in Yamba, veertig kilometer verderop, 34 burgers werden gedood": a count right after
    // an apposition goes on with the clause before it.)
    if (opening > s.first + 1 && opening + 1 < s.last && toks[opening].lower == "," && ctx_.quantity_at[opening + 1] >= 0) {
      const int apposition = ClauseOpening(si, opening - 1, clauses);
      const int before = apposition > s.first ? ClauseOpening(si, apposition - 1, clauses) : apposition;
      if (toks[apposition].lower == "," && before < apposition && toks[before].lower == "," &&
          ctx_.WordIs(toks[before + 1].lower, "occasion"))
        opening = before;
    }
    if (opening + 1 >= s.last || toks[opening].lower != "," || !ctx_.WordIs(toks[opening + 1].lower, "occasion"))
      return Date();
    for (const auto& t : ctx_.an.times)
      if (t.last == opening && t.date.known() && !t.relative_to_event) then = t.date;
  }
  // (The moment a period starts from: "sinds augustus 2006. Toen …" is August 2006.)
  if (!then.from.empty() && then.to == ctx_.article.published.value) then.from.clear(), then.to.clear();
  return then;
}

bool ArgumentReader::InPlannedClause(int si, int token, const std::vector<int>& clauses) const {
  const int first = ctx_.an.sentences[si].first;
  for (const auto& m : ctx_.lex.status.FindAll(ctx_.tokens(), first, ctx_.an.sentences[si].last))
    if (ctx_.lex.status.rows()[m.row].value == "planned" && clauses[m.first - first] == clauses[token - first]) return true;
  return false;
}

bool ArgumentReader::NotAnEventsTime(const TimeMention& t) const {
  const int si = ctx_.tokens()[t.first].sentence;
  const Sentence& s = ctx_.an.sentences[si];
  const auto clauses = Clauses(si);
  // ("Sinds dinsdagvoormiddag is de brand geblust": the time it ended.)
  PhraseMatch at;
  at.first = t.first;
  if (ClauseHas(at, si, clauses, "ending")) return true;
  // ("De premier zal donderdag de rampplek bezoeken": a plan's.)
  if (InPlannedClause(si, t.first, clauses)) return true;
  const auto triggers = ctx_.lex.triggers.FindAll(ctx_.tokens(), s.first, s.last);
  // ("de balans van zaterdag" labels a thing; "de aanslag van dinsdag" an event.)
  if (t.date.reference)
    return std::none_of(triggers.begin(), triggers.end(), [&](const PhraseMatch& m) { return m.last == t.first - 1; });
  const int cue = ctx_.sentence_sources[si].cue;
  if (cue < s.first) return false;
  const int clause = clauses[cue - s.first];
  if (clauses[t.first - s.first] != clause) return false;
  // ("Volgens het instituut werden gisteren twee bevingen gemeten": the time of what it tells.)
  for (const auto& m : triggers)
    if (clauses[m.first - s.first] == clause) return false;
  return true;
}

bool ArgumentReader::CoordinatedClauseBetween(int si, int token, int other) const {
  const auto& toks = ctx_.tokens();
  const int last = std::min(other, ctx_.an.sentences[si].last - 1);
  for (int k = token + 1; k < last; ++k)
    if (ctx_.WordIs(toks[k].lower, "coordinator") && ctx_.lex.ClauseIs(toks[k + 1].lower, "auxiliary")) return true;
  return false;
}

}  // namespace kroniek
