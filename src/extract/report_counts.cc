// The report's distance from an event it names: "vandaag, zes dagen na de ramp", "Drie dagen
// na de brand is er verwarring": told in the present, a count of days after an event says the
// report appeared so many days after it (the event's Date::day_offset). Fusion and the
// publication inference read it as they read "zes dagen geleden".
#include <algorithm>

#include "core/resource_file.h"
#include "extract/events.h"

namespace kroniek {

namespace {

constexpr int kNowWordReach = 3;     // "vandaag, zes dagen na": words before the count
constexpr int kNamedWithin = 4;      // "na de [dodelijke] brand": words from the count's end to the trigger
constexpr int kRecentDays = 62;      // an event dated longer before the report is not the one it counts from
constexpr int kWeek = 7;
constexpr int kDatelineWords = 4;    // "DOUARNENEZ (AFP) -": words a dateline opens a sentence with

// The event the words after the count name: the one that took their trigger, else the first
// told of a type the trigger may name, not dated long before the report. -1 when none.
int NamedEvent(const Context& ctx, const TimeMention& t, const Extraction& out) {
  const auto& toks = ctx.tokens();
  const Sentence& s = ctx.an.sentences[toks[t.first].sentence];
  const auto matches = ctx.lex.triggers.FindAll(toks, t.last, std::min(s.last, t.last + kNamedWithin));
  if (matches.empty()) return -1;
  const PhraseMatch& named = matches.front();
  const Span span = toks[named.first].span;
  for (size_t k = 0; k < out.events.size(); ++k)
    for (const Span& ev : out.events[k].evidence)
      if (ev.contains(span)) return int(k);
  const auto& row = ctx.lex.triggers.rows()[named.row];
  const auto joins = row.options.count("joins") ? SplitBar(row.options.at("joins")) : std::vector<std::string>();
  const DayRange report = RangeOf(ctx.article.published);
  for (size_t k = 0; k < out.events.size(); ++k) {
    const EventMention& e = out.events[k];
    const bool names = e.type == row.value || ctx.lex.Refines(row.value, e.type) ||
                       std::find(joins.begin(), joins.end(), e.type) != joins.end();
    const DayRange when = RangeOf(e.date);
    if (!names || e.status != "occurred" || (when.known() && report.known() && when.hi < report.lo - kRecentDays)) continue;
    return int(k);
  }
  return -1;
}

// Told in the past, "De arrestaties kwamen vier dagen na de schietpartij" dates the events its
// sentence tells (the arrests) from the one it names: that day plus the count, or none.
void DateFromTheNamed(const Context& ctx, const TimeMention& t, int named, Extraction* out) {
  const Date& from = out->events[named].date;
  const auto day = from.precision == Precision::kDay ? from.civil() : std::nullopt;
  const Span sentence = ctx.an.sentences[ctx.tokens()[t.first].sentence].span;
  const Span count = t.date.span;
  for (size_t k = 0; k < out->events.size(); ++k) {
    Date& d = out->events[k].date;
    const auto& evidence = out->events[k].evidence;
    const bool told_here = std::any_of(evidence.begin(), evidence.end(), [&](const Span& e) { return sentence.contains(e); });
    // (Not a time of its own; the count's, or the named event's it took: "Twee dagen na de brand
    // op zaterdag 10 januari werd de eigenaar opgepakt".)
    if (int(k) == named || !told_here || (d.known() && d.span != count && (from.span.empty() || d.span != from.span))) continue;
    d = day ? DateOf(AddDays(*day, t.after_named), DateBasis::kRelative) : Date();
    d.basis = DateBasis::kRelative;
    d.text = ctx.Text(count);
    d.span = count;
  }
}

}  // namespace

const TimeMention* TodayTold(const Context& ctx, int si) {
  const auto& toks = ctx.tokens();
  const Sentence& s = ctx.an.sentences[si];
  int first = s.first;  // (after a dateline's dash: "DOUARNENEZ - Het is maandag")
  for (int k = s.first; k < std::min(s.last, s.first + kDatelineWords); ++k)
    if (toks[k].kind == TokenKind::kPunct && (toks[k].lower == "-" || toks[k].lower == "–")) first = k + 1;
  if (first + 2 >= s.last || !ctx.lex.ClauseIs(toks[first].lower, "impersonal") ||
      !ctx.lex.ClauseIs(toks[first + 1].lower, "copula"))
    return nullptr;
  for (const TimeMention& t : ctx.an.times)
    if (t.first == first + 2 && t.date.weekday >= 0 && !t.relative_to_event) return &t;
  return nullptr;
}

namespace {

// The report's weekday a sentence opens with ("Het is maandag, een week na het ongeluk …"), if any.
std::optional<int> TodaysWeekday(const Context& ctx, int si) {
  const TimeMention* today = TodayTold(ctx, si);
  return today ? std::optional<int>(today->date.weekday) : std::nullopt;
}

// Whether a span lies in a sentence that tells the event.
bool ToldWith(const Context& ctx, const EventMention& e, const Span& span) {
  for (const Sentence& s : ctx.an.sentences)
    if (s.span.contains(span))
      return std::any_of(e.evidence.begin(), e.evidence.end(), [&](const Span& ev) { return s.span.contains(ev); });
  return false;
}

}  // namespace

bool ToldAsNow(const Context& ctx, const TimeMention& t) {
  const auto& toks = ctx.tokens();
  const Sentence& s = ctx.an.sentences[toks[t.first].sentence];
  for (int k = std::max(s.first, t.first - kNowWordReach); k < t.first; ++k)
    if (ctx.lex.ClauseIs(toks[k].lower, "now")) return true;
  const ParagraphKind kind = ctx.paragraph_kinds[s.paragraph];
  if (kind == ParagraphKind::kTitle || kind == ParagraphKind::kHeading) return true;
  auto tense_at = [&](int k) {
    if (ctx.lex.ClauseIs(toks[k].lower, "past_tense")) return -1;
    if (!ctx.lex.ClauseIs(toks[k].lower, "present_tense")) return 0;
    // (A participle closing the clause after a perfect's auxiliary, "is … neergekomen", tells the
    // event's time, not the report's.)
    if (ctx.lex.ClauseIs(toks[k].lower, "perfect_auxiliary"))
      for (int j = k + 1; j < s.last && toks[j].kind != TokenKind::kPunct; ++j)
        if (ctx.lex.LooksParticiple(toks[j].lower)) return -1;
    return 1;
  };
  for (int k = t.last; k < s.last; ++k)
    if (const int tense = tense_at(k)) return tense > 0;
  for (int k = t.first - 1; k >= s.first; --k)
    if (const int tense = tense_at(k)) return tense > 0;
  return false;
}

void CountsFromTheReport(const Context& ctx, Extraction* out) {
  const auto& toks = ctx.tokens();
  const auto report = ctx.article.published.civil();
  std::vector<std::pair<const TimeMention*, int>> counts;  // each count and the event it names
  for (const TimeMention& t : ctx.an.times)
    if (t.after_named > 0)
      if (const int k = NamedEvent(ctx, t, *out); k >= 0) counts.push_back({&t, k});
  // (A count the named event took for its own date, through a mention that joined it, is none of its;
  // nor is "planned" what that day after the report made it: EventAssembler::StillToCome.)
  const DayRange published = RangeOf(ctx.article.published);
  for (const auto& [t, k] : counts)
    if (EventMention& e = out->events[k]; e.date.span == t->date.span && !e.date.span.empty()) {
      if (e.status == "planned" && RangeOf(e.date).lo > published.hi) e.status = "occurred";
      e.date = Date();
      e.date.basis = DateBasis::kRelative;
    }
  for (const auto& [t, k] : counts) {
    // (A count of weeks is a day's distance only told as exact: "precies twee weken na", or with
    // the report's weekday: "Het is maandag, een week na het ongeluk".)
    const auto today = TodaysWeekday(ctx, toks[t->first].sentence);
    const bool exact = t->after_named % kWeek != 0 || today ||
                       (t->first > 0 && ctx.lex.ClauseIs(toks[t->first - 1].lower, "exactly"));
    // (A sentence that opens with today's weekday tells its count as now, whatever verb a relative
    // clause after it has: "Het is vrijdag, precies een week na de nacht waarin de cycloon raasde".)
    if (t->date.approximate || !exact || !(today || ToldAsNow(ctx, *t))) {
      DateFromTheNamed(ctx, *t, k, out);
      continue;
    }
    Date& d = out->events[k].date;
    // The event's day: its own, else the count's day less the count, else the report's.
    std::optional<Civil> day;
    if (t->date.known() && t->date.precision == Precision::kDay) day = AddDays(*t->date.civil(), -t->after_named);
    else if (report && ctx.article.published.precision == Precision::kDay) day = AddDays(*report, -t->after_named);
    // (A day a sentence beside its own lent it gives way to the day the count gives.)
    if (day && !d.span.empty() && !ToldWith(ctx, out->events[k], d.span)) d = Date();
    if (d.day_offset) continue;
    if (d.known() && d.precision == Precision::kDay && day && DayNumber(*day) != DayNumber(*d.civil())) continue;
    if (!d.known() && day) {
      SetDay(&d, *day);
      d.basis = DateBasis::kRelative;
    }
    if (d.text.empty()) {
      d.span = {toks[t->first].span.begin, toks[t->last - 1].span.end};
      d.text = ctx.Text(d.span);
    }
    d.day_offset = -t->after_named;
    if (today && d.weekday < 0) d.weekday = ((*today - t->after_named) % kWeek + kWeek) % kWeek;
  }
}

}  // namespace kroniek
