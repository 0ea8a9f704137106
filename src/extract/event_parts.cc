// Parts and phases (EventAssembler, events.h): the event a mention is a part of or follows,
// told before it or later in its paragraphs.
#include "extract/events.h"

#include <algorithm>
#include <functional>

#include "extract/figure_words.h"

namespace kroniek {

int EventAssembler::ResolvePart(const MentionInfo& m, int sentence) const {
  // The latest event of a type the mention may be part of, told in the same
  // or the previous paragraphs; else the only such event of the article.
  const auto& sentences = ctx_.an.sentences;
  int best = -1, only = -1, count = 0;
  for (size_t k = 0; k < events_.size(); ++k) {
    const Ev& e = events_[k];
    if (std::find(m.part_of.begin(), m.part_of.end(), e.m.type) == m.part_of.end()) continue;
    if (e.m.status == "foiled" || e.m.status == "hypothetical" || InAnotherBlock(sentence, e) ||
        KeptApartByCount(m, sentence, e))
      continue;
    // (A region-wide flood or storm takes in the evacuation of a town anywhere in it.)
    if (!DatesCompatible(e.m.date, m.date) ||
        !WidelyCompatible(e.m.location, m.location, ctx_.lex.WidespreadKm(e.m.type)))
      continue;
    // ("In november 2018 stortten twee panden in": dated long before, no part of the undated news;
    // but "Bij de explosie en de instorting … zijn begin 2010 …": its sentence's time is the whole's.)
    if ((m.long_before || m.past) && !e.m.date.known() && e.last_sentence != sentence) continue;
    if (OpensAnotherStory(m, sentence, e)) continue;
    only = int(k);
    ++count;
    if (sentences[sentence].paragraph - sentences[e.last_sentence].paragraph > kPartParagraphs) continue;
    if (best < 0 || e.last_sentence >= events_[best].last_sentence) best = int(k);
  }
  return best >= 0 ? best : count == 1 ? only : -1;
}

int EventAssembler::ResolvePhase(const MentionInfo& m, int sentence) const {
  // The event told last of the phase's class, when nothing the phase says of
  // its own day or place rules it out; a phase told elsewhere ("vrijdag werd
  // de verdachte in Milaan doodgeschoten") stays an event of its own.
  // A phase denied or only feared is news of its own ("the attacker was not shot").
  if (m.status != "occurred" && m.status != "alleged") return -1;
  const auto& sentences = ctx_.an.sentences;
  for (int k = int(events_.size()) - 1; k >= 0; --k) {
    const Ev& e = events_[k];
    if (e.sub_event || ctx_.lex.ClassOf(e.m.type) != ctx_.lex.ClassOf(m.type) || InAnotherBlock(sentence, e) ||
        KeptApartByCount(m, sentence, e))
      continue;
    // (Shot by the police during riots or fighting is news of its own: a phase follows an attack.)
    if (ctx_.lex.TypeInfo(e.m.type).ongoing) continue;
    if (e.m.status == "foiled" || e.m.status == "hypothetical" || e.m.status == "planned") return -1;
    if (!DatesCompatible(e.m.date, m.date) ||
        !LocationsCompatible(e.m.location, m.location))
      return -1;
    if (m.date.known() && !e.m.date.known()) return -1;  // a day of its own, the attack's unknown
    // ("De aanslag van dinsdag … werd gisteravond doodgeschoten": told by another day of its own.)
    const bool own_day = m.date.weekday >= 0 || m.date.day_offset;
    const bool event_day = e.m.date.weekday >= 0 || e.m.date.day_offset;
    if (own_day && event_day && (m.date.weekday != e.m.date.weekday || m.date.day_offset != e.m.date.day_offset))
      return -1;
    // Told far from its event, the phase still follows the article's only event of its class
    // ("… De dader werd op het perron doodgeschoten", paragraphs after the stabbing).
    if (sentences[sentence].paragraph - sentences[e.last_sentence].paragraph <= kPartParagraphs) return k;
    const auto same_class = [&](const Ev& x) { return !x.sub_event && ctx_.lex.ClassOf(x.m.type) == ctx_.lex.ClassOf(m.type); };
    return std::count_if(events_.begin(), events_.end(), same_class) == 1 ? k : -1;
  }
  return -1;
}

int EventAssembler::EventToldAfter(const std::vector<std::vector<MentionInfo>>& mentions, const MentionInfo& m,
                                   int si) const {
  if (m.status != "occurred" && m.status != "alleged") return -1;
  const std::string cls = ctx_.lex.ClassOf(m.type);
  const auto followed = [&](const std::string& type) {
    return ctx_.lex.ClassOf(type) == cls && !ctx_.lex.TypeInfo(type).ongoing;
  };
  for (const Ev& e : events_)
    if (!e.sub_event && followed(e.m.type)) return -1;  // told before: ResolvePhase decides
  // A phase with a time of its own ("is vanochtend doodgeschoten") is news of its own, unless
  // its own sentence tells the attack after it ("… nadat hij mensen had aangevallen met een mes").
  const int until = LaterMention(mentions, m, si, followed);
  if ((m.date.known() || m.date.weekday >= 0 || m.date.day_offset) && until != si) return -1;
  return until;
}

int EventAssembler::WholeToldAfter(const std::vector<std::vector<MentionInfo>>& mentions, const MentionInfo& m,
                                   int si) const {
  if (m.part_of.empty() || (m.status != "occurred" && m.status != "alleged")) return -1;
  auto whole = [&](const std::string& type) { return std::find(m.part_of.begin(), m.part_of.end(), type) != m.part_of.end(); };
  // Only a part that says little of itself waits (a collapse); a fire, an evacuation or
  // a protest told first is news of its own, unless its sentence tells what it was at
  // ("Dertig omwonenden werden geëvacueerd bij een zware brand").
  const auto& toks = ctx_.tokens();
  auto at_whole = [&](const MentionInfo& x) {
    const int first = ctx_.an.sentences[si].first;
    int k = x.first - 1;
    while (k > first && figure_words::IsAdjectiveLike(ctx_, toks[k])) --k;
    return x.first > m.first && whole(x.type) && k >= first &&
           (ctx_.lex.ClauseIs(toks[k].lower, "circumstance") ||
            (k > first && ctx_.WordIs(toks[k].lower, "indefinite") && ctx_.lex.ClauseIs(toks[k - 1].lower, "circumstance")));
  };
  const bool at = std::any_of(mentions[si].begin(), mentions[si].end(), at_whole);
  if (!ctx_.lex.TypeInfo(m.type).vague && !at) return -1;
  for (const Ev& e : events_)
    if (whole(e.m.type)) return -1;  // told before: ResolvePart decides
  return at ? si : LaterMention(mentions, m, si, whole);
}

int EventAssembler::LaterMention(const std::vector<std::vector<MentionInfo>>& mentions, const MentionInfo& m, int si,
                                 const std::function<bool(const std::string&)>& of_type) const {
  const auto& sentences = ctx_.an.sentences;
  // (Later in its own sentence too: "werd neergeschoten nadat hij mensen had aangevallen met een mes".)
  for (int sj = si; sj < int(sentences.size()); ++sj) {
    if (sentences[sj].paragraph - sentences[si].paragraph > kPartParagraphs) break;
    for (const auto& x : mentions[sj]) {
      if (sj == si && x.first <= m.first) continue;
      if (x.phase || !x.part_of.empty() || x.anaphoric || !of_type(x.type)) continue;
      if (x.status != "occurred" && x.status != "alleged") continue;
      // ("De zoektocht wordt bemoeilijkt door een storm": what hampers the aftermath caused nothing.)
      PhraseMatch at;
      at.first = x.first;
      if (args_.ClauseHas(at, sj, args_.Clauses(sj), "hindrance")) continue;
      if (DatesCompatible(x.date, m.date) &&
          LocationsCompatible(x.location, m.location))
        return sj;
    }
  }
  return -1;
}

}  // namespace kroniek
