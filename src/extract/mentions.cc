// ArgumentReader, part one: the trigger mentions of a sentence and what
// their own words say (negation, classification, intertitles, parts, phases,
// status, date and place).
#include <algorithm>

#include "core/resource_file.h"
#include "extract/arguments.h"
#include "extract/figure_words.h"

namespace kroniek {

namespace {

// "In oktober werd een café beschoten", told in May: what happened in a month
// named alone is of the last such month, not the next one the nearest reading gave.
void BeforePublication(const Date& published, Date* d) {
  if (d->month == 0 || d->day != 0 || d->precision != Precision::kMonth || !published.known()) return;
  const auto when = d->civil();
  if (!when || RangeOf(*d).lo <= RangeOf(published).hi) return;
  d->value = Civil{when->year - 1, when->month, 0}.ToString();
  // (Its days too: "eind juli", "14 en 15 juli".)
  for (std::string* end : {&d->from, &d->to})
    if (const auto c = ParseIsoDate(*end); c && c->day)
      *end = Civil{c->year - 1, c->month, std::min(c->day, DaysInMonth(c->year - 1, c->month))}.ToString();
}

constexpr int kNegationReach = 3;    // tokens from a negation to its trigger ("niet van een ongeval")
constexpr int kComparedTimeReach = 5;  // tokens from a comparison's "sinds" to its time ("sinds de ramp van 1999")
constexpr int kFrameReach = 3;       // tokens from a reference frame to its trigger ("een van de dodelijkste")
constexpr int kIndefiniteReach = 4;  // "een toestel" before or after its trigger
constexpr int kMaxHeadingWords = 5;  // an intertitle: a short paragraph without a full stop
constexpr int kPhraseModifiers = 2;  // "na de [dodelijke] schietpartij"
constexpr int kRecurrenceReach = 3;  // "opnieuw [een dodelijke] schietpartij"
}  // namespace

bool ArgumentReader::InPrepositionalReference(const PhraseMatch& trigger, int si) const {
  // "drie uur na de schietpartij", "het onderzoek naar de aanslag": a definite mention in
  // a phrase of another act; not "bij de aanslag", which tells what happened at it.
  const Sentence& s = ctx_.an.sentences[si];
  const auto& toks = ctx_.tokens();
  const int k = WordBeforeModifiers(trigger.first, si);
  if (k <= s.first) return false;
  const std::string& prep = toks[k - 1].lower;
  // ("het toestel betrokken bij een crash": a part taken, in a crash told for the first time too.)
  if (ctx_.lex.ClauseIs(prep, "circumstance") && ctx_.WordIs(toks[k].lower, "indefinite")) return PartTakenIn(k - 1, si);
  if (!ctx_.WordIs(toks[k].lower, "definite")) return false;
  if (ctx_.lex.ClauseIs(prep, "circumstance")) return PartTakenIn(k - 1, si);
  return (ctx_.lex.ClauseIs(prep, "preposition") || ctx_.lex.ClauseIs(prep, "governs_trigger") ||
          ctx_.lex.ClauseIs(prep, "destination")) &&
         !ctx_.lex.ClauseIs(prep, "locative");
}

int ArgumentReader::WordBeforeModifiers(int first, int si) const {
  const Sentence& s = ctx_.an.sentences[si];
  const auto& toks = ctx_.tokens();
  int k = first - 1;
  while (k > s.first && k >= first - 1 - kPhraseModifiers && ctx_.entity_at[k] < 0 &&
         (ctx_.lex.LooksAdjective(toks[k].lower) || figure_words::IsAdjectiveLike(ctx_, toks[k])) &&
         !ctx_.WordIs(toks[k].lower, "definite") && !ctx_.WordIs(toks[k].lower, "indefinite"))
    --k;
  return k;
}

bool ArgumentReader::OpensWithCircumstance(const PhraseMatch& trigger, int si) const {
  // "Bij een (grote) brand", "Door een explosie": an indefinite mention a circumstance word governs.
  const auto& toks = ctx_.tokens();
  const int k = WordBeforeModifiers(trigger.first, si);
  return k > ctx_.an.sentences[si].first && ctx_.WordIs(toks[k].lower, "indefinite") &&
         ctx_.lex.ClauseIs(toks[k - 1].lower, "circumstance");
}

bool ArgumentReader::PartTakenIn(int prep, int si) const {
  // "hun rol bij de aanslag": a possessive and a noun right before the preposition;
  // "het toestel betrokken bij de crash": a word of taking part.
  const auto& toks = ctx_.tokens();
  const int noun = prep - 1, owner = prep - 2;
  if (noun >= ctx_.an.sentences[si].first && ctx_.lex.ClauseIs(toks[noun].lower, "involvement")) return true;
  return owner >= ctx_.an.sentences[si].first && toks[noun].kind == TokenKind::kWord &&
         !ctx_.language.words().IsFunctionWord(toks[noun].lower) && ctx_.lex.ClauseIs(toks[owner].lower, "possessive");
}

bool ArgumentReader::ClauseHas(const PhraseMatch& trigger, int si, const std::vector<int>& clauses,
                               const std::string& cls) const {
  const Sentence& s = ctx_.an.sentences[si];
  const int clause = clauses[trigger.first - s.first];
  for (int k = s.first; k < s.last; ++k)
    if (clauses[k - s.first] == clause && ctx_.lex.ClauseIs(ctx_.tokens()[k].lower, cls)) return true;
  return false;
}

void ArgumentReader::MarkLongBefore(const PhraseMatch& match, int si, const std::vector<int>& clauses, bool bare,
                                    MentionInfo* m) const {
  // "In 2013 stortte een toestel neer", "Bij overstromingen in mei vorig jaar": an
  // indefinite event dated long before the article is not the undated news it reports.
  if (!m->date.known() || (m->date.basis != DateBasis::kExplicit && m->date.basis != DateBasis::kRelative)) return;
  // ("de zwaarste beving sinds augustus 1953" names the quake of then, not a period up to now)
  Date point = m->date;
  point.from.clear();
  point.to.clear();
  const DayRange when = RangeOf(point), published = RangeOf(ctx_.article.published);
  m->long_before = published.known() && when.hi < published.lo - kBackgroundDays;
  // (So is one told by its own name: "na orkaan Luis in 1995".)
  if (IndefiniteNear(match, si, clauses) || (bare && ctx_.lex.LooksPlural(ctx_.tokens()[match.first].lower)) ||
      !m->name.empty())
    m->past = published.known() ? m->long_before : m->date.basis == DateBasis::kExplicit;
}

bool ArgumentReader::IsHeading(int si) const {
  const auto& sentences = ctx_.an.sentences;
  const Sentence& s = sentences[si];
  if (ctx_.paragraph_kinds[s.paragraph] != ParagraphKind::kBody || s.last - s.first > kMaxHeadingWords) return false;
  // Between paragraphs of text, alone in its own.
  bool alone = si > 0 && sentences[si - 1].paragraph != s.paragraph && si + 1 < int(sentences.size()) &&
               sentences[si + 1].paragraph != s.paragraph;
  return alone && ctx_.tokens()[s.last - 1].kind == TokenKind::kWord;
}

const std::string* ArgumentReader::ElidedModifier(int first, int si) const {
  const Sentence& s = ctx_.an.sentences[si];
  const auto& toks = ctx_.tokens();
  if (first - 3 < s.first || !ctx_.WordIs(toks[first - 1].lower, "coordinator") || toks[first - 2].lower != "-" ||
      toks[first - 3].kind != TokenKind::kWord)
    return nullptr;
  return &toks[first - 3].lower;
}

// A trigger word that is a name: a place found there, or a word written with a capital
// after a word in lower case ("de file op de A12 bij Schoten"), unless a name follows it
// ("zware schade door Storm Ciara") or it is a compound a name begins ("de Pukkelpopstorm").
bool ArgumentReader::IsAName(const PhraseMatch& match, int si) const {
  const int token = match.first;
  if (const int e = ctx_.entity_at[token]; e >= 0) {
    const Entity& ent = ctx_.an.entities[e];
    if (ent.type == EntityType::kPlace && !ent.partial && !ent.anaphor) return true;
  }
  const auto& toks = ctx_.tokens();
  const Sentence& s = ctx_.an.sentences[si];
  if (!toks[token].capitalized || token == s.first || !match.modifier.empty()) return false;
  const Token& before = toks[token - 1];
  const bool after_lower_word = before.kind == TokenKind::kWord && !before.capitalized;
  const bool name_follows = token + 1 < s.last && toks[token + 1].capitalized;
  return after_lower_word && !name_follows;
}

bool ArgumentReader::Negated(int first, int si) const {
  // "geen arrestaties", "een aanslag en niet van een verkeersongeval": a
  // negation before the trigger, over articles and prepositions only.
  const Sentence& s = ctx_.an.sentences[si];
  const auto& toks = ctx_.tokens();
  // ("Er werden voorlopig geen verdachten opgepakt", "nog geen verdachte aangehouden": the negated
  // noun the verb tells of; not "niemand zag de schietpartij".)
  // ("Niemand is gearresteerd": a negation right before the auxiliary of the trigger's verb.)
  if (first - 2 >= s.first && ctx_.lex.ClauseIs(toks[first - 1].lower, "auxiliary") &&
      ctx_.WordIs(toks[first - 2].lower, "negation"))
    return true;
  bool noun_passed = false;
  for (int k = first - 1; k >= std::max(s.first, first - kNegationReach); --k) {
    if (ctx_.WordIs(toks[k].lower, "negation")) return true;
    // ("geen enkele aanhouding": a count of none.)
    for (const Quantity& q : ctx_.an.quantities)
      if (q.first <= k && k < q.last && q.value && *q.value == 0) return true;
    // ("er was geen brand of explosie": a negated noun before "of" negates the one after it.)
    if (ctx_.WordIs(toks[k].lower, "alternative") && k - 2 >= s.first && toks[k - 1].kind == TokenKind::kWord &&
        !toks[k - 1].capitalized && ctx_.WordIs(toks[k - 2].lower, "negation"))
      return true;
    if (ctx_.lex.ClauseIs(toks[k].lower, "clause_start") || ctx_.WordIs(toks[k].lower, "coordinator")) return false;
    if (ctx_.language.words().IsFunctionWord(toks[k].lower)) continue;
    const bool negated_noun = !noun_passed && k > s.first && !toks[k].capitalized && ctx_.entity_at[k] < 0 &&
                              ((ctx_.lex.LooksPlural(toks[k].lower) && ctx_.WordIs(toks[k - 1].lower, "negation")) ||
                               ctx_.WordIs(toks[k - 1].lower, "negative_determiner"));
    if (!negated_noun) return false;
    noun_passed = true;
  }
  return false;
}

bool ArgumentReader::NegatedInGap(const PhraseMatch& trigger) const {
  // "schoten werden er niet gelost": a negation between the parts of a trigger told apart.
  // ("werd niet alleen herdacht maar ook gedemonstreerd" negates nothing.)
  const auto& toks = ctx_.tokens();
  for (int k = trigger.last; k < trigger.end; ++k)
    if (ctx_.WordIs(toks[k].lower, "negation") && !(k + 1 < trigger.end && ctx_.WordIs(toks[k + 1].lower, "restrictive")))
      return true;
  return false;
}

bool ArgumentReader::Condition(const PhraseMatch& trigger, int si) const {
  // "Schakel de pompen uit bij brand.": a bare singular after a word of condition, closing its
  // clause in the body of the text, names a case, not an event ("Twee doden bij brand in
  // loods" in a headline names one).
  const Sentence& s = ctx_.an.sentences[si];
  const auto& toks = ctx_.tokens();
  if (ctx_.paragraph_kinds[s.paragraph] != ParagraphKind::kBody || trigger.first == s.first ||
      trigger.end >= s.last || trigger.end != trigger.last)
    return false;
  return ctx_.lex.ClauseIs(toks[trigger.first - 1].lower, "condition") && toks[trigger.end].kind == TokenKind::kPunct &&
         !ctx_.lex.LooksPlural(toks[trigger.first].lower);
}

std::vector<std::pair<int, int>> ArgumentReader::ComparisonPointsAfter(int si, int token) const {
  const Sentence& s = ctx_.an.sentences[si];
  std::vector<std::pair<int, int>> points;
  for (const auto& f : ctx_.lex.reference_frames.FindAll(ctx_.tokens(), s.first, s.last))
    if (ctx_.lex.reference_frames.rows()[f.row].value == "compared" && f.first > token)
      points.push_back({f.end - 1, f.end + kComparedTimeReach});
  return points;
}

std::string ArgumentReader::ComparedAfter(const PhraseMatch& trigger, int si, const std::vector<PhraseMatch>& frames,
                                          Span* compared) const {
  // "de zwaarste beving sinds 1999", "de grootste betoging sinds de verkiezingen van 2019":
  // the trigger inside a comparison frame, a time (or a bare year) just after its "sinds".
  const Sentence& s = ctx_.an.sentences[si];
  const auto& toks = ctx_.tokens();
  for (const auto& f : frames) {
    if (ctx_.lex.reference_frames.rows()[f.row].value != "compared" || f.first > trigger.first || f.end <= trigger.last)
      continue;
    std::string point;
    for (const auto& t : ctx_.an.times) {
      if (t.first < f.end - 1 || t.first > f.end + kComparedTimeReach || t.first >= s.last) continue;
      point = t.date.value.empty() ? t.date.from : t.date.value;
      *compared = t.date.span;
      break;
    }
    const std::string& next = f.end < s.last ? toks[f.end].lower : "";
    if (point.empty() && next.size() == 4 && std::all_of(next.begin(), next.end(), ::isdigit)) point = next;
    const DayRange when = RangeOf(point);
    if (when.known()) return FromDayNumber(when.hi + 1).ToString();
  }
  return "";
}

std::string ArgumentReader::ReferenceFrame(int first, const std::vector<PhraseMatch>& frames) const {
  // "het gaat om een terreurdaad", "beschouwt het als een aanslag", "een van
  // de dodelijkste aanvallen": the trigger classifies an event, it tells none;
  // "de dodelijkste aanval sinds de aanslag van 2015": it names the event compared with.
  const auto& toks = ctx_.tokens();
  // A determiner after other words opens another phrase ("als een terrorist een aanslag pleegt"),
  // but for one coordinated ("of het om een ongeluk of een aanslag gaat").
  auto opens_phrase = [&](int k, bool after_word) {
    return after_word && ctx_.WordIs(toks[k].lower, "determiner") && !ctx_.WordIs(toks[k - 1].lower, "coordinator") &&
           !ctx_.WordIs(toks[k - 1].lower, "alternative");
  };
  for (const auto& f : frames) {
    if (f.end > first || first - f.end > kFrameReach) continue;
    bool words = true, after_word = false;
    // (A quotation mark may open the classifying words: sprak van “een achterbakse aanslag”.)
    for (int k = f.end; k < first; ++k) {
      words = words && (toks[k].kind == TokenKind::kWord || toks[k].kind == TokenKind::kQuote) && !opens_phrase(k, after_word);
      after_word |= toks[k].kind == TokenKind::kWord;
    }
    if (words) return ctx_.lex.reference_frames.rows()[f.row].value;
  }
  return "";
}

bool ArgumentReader::IndefiniteNear(const PhraseMatch& match, int si, const std::vector<int>& clauses) const {
  const Sentence& s = ctx_.an.sentences[si];
  const int clause = clauses[match.first - s.first];
  // (A verb's words in parts reach over what stands between: "reed op 3 maart een man in op een optocht".)
  const int last = std::max(match.last, match.end);
  for (int k = std::max(s.first, match.first - kIndefiniteReach); k < std::min(s.last, last + kIndefiniteReach); ++k)
    if (clauses[k - s.first] == clause && ctx_.WordIs(ctx_.tokens()[k].lower, "indefinite")) return true;
  return false;
}

bool ArgumentReader::TellsRecurrence(const PhraseMatch& match, int si, const std::vector<int>& clauses) const {
  // "een nieuwe schietpartij", "opnieuw een schietpartij", "nog een dodelijke
  // schietpartij": over adjectives and an indefinite article, back to a recurrence word;
  // not "de tweede schietpartij in een week", which classifies one told before.
  const auto& toks = ctx_.tokens();
  const int first = ctx_.an.sentences[si].first;
  // ("is opnieuw een voertuig in een afgrond gereden": again, in the trigger's clause before it, or
  // between its parts: "sloeg ten zuiden van het eiland opnieuw een migrantenboot om".)
  for (int k = first; k < std::max(match.first, match.end); ++k)
    if (clauses[k - first] == clauses[match.first - first] && ctx_.lex.ClauseIs(toks[k].lower, "again")) return true;
  for (int k = match.first - 1; k >= first && k >= match.first - kRecurrenceReach; --k) {
    if (ctx_.lex.ClauseIs(toks[k].lower, "recurrence")) return k == first || !ctx_.WordIs(toks[k - 1].lower, "definite");
    if (!ctx_.WordIs(toks[k].lower, "indefinite") && !ctx_.lex.LooksAdjective(toks[k].lower)) return false;
  }
  return false;
}

bool ArgumentReader::TellsDaysLater(const PhraseMatch& match, int si, const std::vector<int>& clauses) const {
  // ("Enkele dagen later kwam … bij een ontbranding nog een mijnwerker om": days later, an
  // indefinite trigger of its clause.)
  const auto& toks = ctx_.tokens();
  const int first = ctx_.an.sentences[si].first;
  for (int k = first + 1; k < match.first; ++k)
    if (clauses[k - first] == clauses[match.first - first] && ctx_.lex.ClauseIs(toks[k].lower, "later") &&
        ctx_.lex.ClauseIs(toks[k - 1].lower, "day_unit"))
      return IndefiniteNear(match, si, clauses);
  return false;
}

bool ArgumentReader::ClauseHasClass(const std::string& cls, int first, int si, const std::vector<int>& clauses) const {
  const Sentence& s = ctx_.an.sentences[si];
  for (int k = s.first; k < s.last; ++k)
    if (clauses[k - s.first] == clauses[first - s.first] && ctx_.WordIs(ctx_.tokens()[k].lower, cls)) return true;
  return false;
}

bool ArgumentReader::ClauseHas(const std::string& bar_words, int first, int si, const std::vector<int>& clauses) const {
  const Sentence& s = ctx_.an.sentences[si];
  const auto words = SplitBar(bar_words);
  const int clause = clauses[first - s.first];
  const auto& toks = ctx_.tokens();
  // Not the target ("opende het vuur op twee politieagenten").
  auto target = [&](int k) {
    for (int j = std::max(s.first, k - 2); j < k; ++j)
      if (ctx_.lex.ClauseIs(toks[j].lower, "target")) return true;
    return false;
  };
  for (int k = s.first; k < s.last; ++k)
    if (clauses[k - s.first] == clause && !target(k))
      for (const auto& w : words)
        if (IsWordOrHead(toks[k].lower, w)) return true;
  return false;
}

std::vector<MentionInfo> ArgumentReader::Mentions(int si) const {
  const Sentence& s = ctx_.an.sentences[si];
  if (ctx_.paragraph_kinds[s.paragraph] == ParagraphKind::kDebris) return {};
  const auto& toks = ctx_.tokens();
  const auto clauses = Clauses(si);
  auto matches = ctx_.lex.triggers.FindAll(toks, s.first, s.last);
  const auto frames = ctx_.lex.reference_frames.FindAll(toks, s.first, s.last);  // reference_frames.tsv
  std::vector<MentionInfo> out;
  int statistic = -1;  // whether the sentence counts over a period, read once when asked
  for (size_t mi = 0; mi < matches.size(); ++mi) {
    const auto& match = matches[mi];
    const auto& row = ctx_.lex.triggers.rows()[match.row];
    if (Negated(match.first, si) || NegatedInGap(match)) continue;
    if (IsAName(match, si)) continue;  // "in Schoten", not shots
    if (mi > 0 && TargetOfAttack(matches[mi - 1], match)) continue;
    const std::string frame = ReferenceFrame(match.first, frames);
    if (Condition(match, si)) continue;
    MentionInfo m;
    m.type = row.value;
    if (!match.modifier.empty()) {
      auto mod = ctx_.lex.trigger_modifiers.find(match.modifier);
      if (mod != ctx_.lex.trigger_modifiers.end()) {
        if (mod->second == "none") continue;  // "hartaanval"
        if (ctx_.lex.IsGeneric(m.type)) m.type = mod->second;
      }
    }
    // "drone- en raketaanvallen": the kind named first is the event's.
    if (const std::string* first = ElidedModifier(match.first, si)) {
      auto mod = ctx_.lex.trigger_modifiers.find(*first);
      if (mod != ctx_.lex.trigger_modifiers.end() && mod->second != "none" &&
          ctx_.lex.ClassOf(mod->second) == ctx_.lex.ClassOf(m.type))
        m.type = mod->second;
    }
    m.generic = ctx_.lex.IsGeneric(m.type);
    m.indefinite = match.first > s.first && ctx_.WordIs(toks[match.first - 1].lower, "indefinite");
    m.definite = match.first > s.first && ctx_.WordIs(toks[match.first - 1].lower, "definite");
    // ("Een tweede bom ontplofte": another participant, maybe of the same attack.)
    m.days_later = TellsDaysLater(match, si, clauses);
    m.recurrence = !row.options.count("participant") && (TellsRecurrence(match, si, clauses) || m.days_later);
    ReadRowOptions(row, match, si, clauses, frame, &m);
    if (!m.part_of.empty() && FollowsWholeInSentence(matches, mi, m.part_of, si)) m.part_of.clear();
    m.first = match.first;
    m.last = match.last;
    m.name = OwnNameAt(ctx_, match.first, s.last);
    m.end = match.end;
    m.span = ctx_.TokenSpan(match.first, match.last);
    m.status = StatusFor(match, si, clauses);
    const bool participant = row.options.count("participant") > 0;
    m.date = DateFor(si, match.first, participant ? row.required : std::vector<std::string>(), participant);
    const TimeMention* count = CountNaming(si, match.first);
    m.named_by_count = count != nullptr;
    m.counted_from_now = count && ToldAsNow(ctx_, *count);
    // "Toen stortte …", "sinds 1972, toen ook 77 doden vielen bij een botsing": then's time,
    // not the period since.
    const bool undated = !m.date.known() && m.date.weekday < 0 && !m.date.day_offset && !m.date.month &&
                         m.date.from.empty() && m.date.to.empty();
    if (Date then = ThenDate(si, match.first); then.known() && (undated || m.date.span == then.span)) m.date = then;
    // ("het zwaarste noodweer sinds de wolkbreuk van 2017, toen …": the event compared with,
    // dated after it, is one the text tells; undated it is only named.)
    if (frame == "compared" && !(m.date.known() && m.date.basis == DateBasis::kExplicit && m.date.span.begin > m.span.begin))
      continue;
    m.compared = frame == "compared";
    if (m.status == "occurred" || m.status == "alleged") BeforePublication(ctx_.article.published, &m.date);
    // "de aanval" refers back: a date in its sentence is the claim's or the
    // report's ("eiste de aanval woensdag op"), not the event's, and a place
    // outside its clause another's ("Het ongeluk gebeurde nadat het toestel
    // in Addis Abeba was opgestegen").
    // Nor is a time elsewhere in the sentence ("zijn aandeel in de aanslag kostte
    // hem vorig jaar een celstraf"), unless the clause says when it happened
    // ("De aanslag vond plaats op 24 mei"). Nor a country: an actor more often.
    const bool refers_back = m.generic && match.first > s.first && ctx_.WordIs(toks[match.first - 1].lower, "definite");
    // (Told by a source, only a time the trigger governs is its own: "de aanslag van woensdag";
    // a source the next sentence names, "Dat heeft de burgemeester gemeld", leaves the time
    // to what this one tells.)
    const bool told = !ctx_.sentence_sources[si].sources.empty() && ctx_.sentence_sources[si].cue >= 0;
    // (Those called to it are called as it happens: "De brandweer werd dinsdagochtend
    // gealarmeerd voor de brand" keeps the time.)
    const bool alarm = frame == "alarm";
    if (refers_back && !alarm && (told ? !TimeGoverned(match, si) : !OwnTimeIn(match, si, clauses))) m.date = Date();
    // ("Een van de gewonden van de schietpartij is maandag overleden": the time and place
    // are of the dying, not of the shooting.)
    const bool in_reference = InPrepositionalReference(match, si);
    if (in_reference && !alarm && !OwnTimeIn(match, si, clauses)) m.date = Date();
    // (An entry of a timeline tells what happened on the day it opens with.)
    if (!refers_back && !in_reference && !m.date.known() && m.date.weekday < 0 && !m.date.day_offset)
      if (Date entry = EntryDay(si); entry.known()) m.date = entry;
    // (Not a period: "de zwaarste aanslag sinds maart vorig jaar" compares.)
    // (Dated by the time compared with long before, the mention names that earlier event too:
    // "de zwaarste beving sinds augustus 1953. Toen kwamen 450 mensen om."; a recent one, or a
    // year alone, only bounds it: "de grootste rellen sinds maart", "de zwaarste beving sinds 1999".)
    Span compared;
    m.after = ComparedAfter(match, si, frames, &compared);
    if (!compared.empty() && m.date.span == compared) {
      const DayRange published = RangeOf(ctx_.article.published);
      if (m.date.precision != Precision::kYear &&
          (!published.known() || RangeOf(m.date.value.empty() ? m.date.from : m.date.value).hi < published.lo - kBackgroundDays))
        m.after.clear();
      else m.date = Date();
    }
    m.own_time = m.date.known() && m.date.from.empty() && m.date.to.empty() && OwnTimeIn(match, si, clauses);
    // ("Volgens justitie had de jongen de aanval drie weken geleden beraamd": the preparing's time,
    // unless a preposition ties it to the act: "de aanslag op 22 maart was maanden voorbereid".)
    // (Nor the time of remembering it: "Zaterdag werd de treinramp herdacht".)
    const bool dated = m.date.known() || m.date.weekday >= 0 || m.date.day_offset || m.date.month ||
                       !m.date.from.empty() || !m.date.to.empty();
    // (A gathering to remember is the remembering: "gingen zaterdag de straat op om de
    // aanslag te herdenken" keeps its time.)
    const bool remembered = ClauseHas(match, si, clauses, "remembrance") && ctx_.lex.ClassOf(m.type) != "political";
    // ("herdacht vandaag de aanslag op de brug van vorig jaar": the time tied to it is its own;
    // "vrijdag … gevonden in het door een explosie getroffen gebouw": the explosion came before.)
    // ("… die zondag in elkaar zakte terwijl hij zijn ondergelopen kelder leegschepte": a thing
    // in the state the event left it.)
    const bool state = match.first > s.first && match.last < s.last &&
                       (ctx_.WordIs(toks[match.first - 1].lower, "determiner") ||
                        ctx_.lex.ClauseIs(toks[match.first - 1].lower, "possessive") ||
                        ctx_.lex.ClauseIs(toks[match.first - 1].lower, "also_possessive")) &&
                       std::find(row.required.begin(), row.required.end(), toks[match.last].lower) != row.required.end();
    if (dated && (ClauseHas(match, si, clauses, "preparation") || remembered || state || NamesWhatBefellAThing(match, si))) {
      const TimeMention* tied = TimeTiedTo(match, si);
      // ("herdachten zaterdag de ramp, precies een jaar geleden": what is remembered was then.)
      if (!tied && remembered) tied = AnniversaryIn(si);
      m.date = tied ? tied->date : Date();
    }
    // (A disaster has no doer: "In Duitsland kostte het noodweer 42 levens" places it.)
    const bool cities_only = refers_back && ctx_.lex.ClassOf(m.type) != "disaster";
    const Entity* place = nullptr;
    m.location = LocationFor(match, si, clauses, matches.size() == 1 && !refers_back, cities_only, &place,
                             ctx_.lex.ClassOf(m.type) == "movement");
    // ACLED codes one event per place: "In Brussel, Antwerpen en Luik kwam het tot rellen"
    // (but a storm over Gent and Antwerpen is one storm: kb/event_types.tsv widespread=).
    const bool widespread = ctx_.lex.WidespreadKm(m.type).has_value();
    if (place && !m.location.approximate && !widespread) m.also_at = CoordinatedPlaces(*place, si);
    // (Nor the place of remembering it: "In Polen werd de vliegramp herdacht"; "de aanslag in de
    // metro" keeps its own.)
    if (!m.location.id.empty() && (in_reference || remembered) && !PlaceRightAfter(match, si, m.location))
      m.location = Location();
    // "Ook in Antwerpen kwam het tot rellen. Daar werden 87 mensen opgepakt": the place
    // just named, where what is told may be another event of the kind (elsewhere below).
    const bool there = m.location.id.empty() && !refers_back && !in_reference && PlaceWordIn(match, si, clauses);
    if (there) m.location = PlaceNamedBefore(si);
    // ("alle aanvallen van die groep": a quantified plural is as bare as one with no article.)
    const bool bare = match.first == s.first || ctx_.lex.ClauseIs(toks[match.first - 1].lower, "preposition") ||
                      ctx_.lex.ClauseIs(toks[match.first - 1].lower, "governs_trigger") ||
                      ctx_.WordIs(toks[match.first - 1].lower, "all");
    MarkLongBefore(match, si, clauses, bare, &m);
    // "Ook in Antwerpen kwam het tot rellen": the same kind of event elsewhere.
    m.elsewhere = !refers_back && !m.location.id.empty() && !m.location.approximate && !widespread &&
                  (there || ClauseHasClass("also", match.first, si, clauses));
    m.lead = !there && !m.location.id.empty() && !m.location.inferred && OpensWithCircumstance(match, si);
    // An intertitle ("Vuurgevecht", "Autobom") announces what follows: it tells no event.
    m.heading = IsHeading(si);
    // "de daders van terreurdaden", "betrokken bij aanslagen": a bare plural with no place
    // or time names a kind of event, not one; so does one in a statistic, bare or counted
    // and placed in no town ("elk jaar … bij woningbranden", "in 2020 waren er achttien
    // schietincidenten", "vorig jaar 14 ontploffingen in België").
    const bool plural = ctx_.lex.LooksPlural(toks[match.first].lower);
    const bool unplaced = (m.location.id.empty() || m.location.inferred || m.location.id == m.location.country) &&
                          m.location.sites.empty();
    // ("maar ontvoeringen van westerlingen zijn hier zeldzaam": how often such things happen.)
    const bool determined = match.first > s.first && (ctx_.WordIs(toks[match.first - 1].lower, "definite") ||
                                                      ctx_.WordIs(toks[match.first - 1].lower, "demonstrative"));
    const bool kind = plural && ((!determined && ClauseHas(match, si, clauses, "habitual")) ||
                                 (bare && m.generic && m.location.id.empty() && m.location.sites.empty() &&
                                  !m.date.known() && m.date.weekday < 0) ||
                                 ((bare || (unplaced && figure_words::Counted(ctx_, s, match.first))) &&
                                  (statistic < 0 ? statistic = figure_words::TellsStatistic(ctx_, s) : statistic)));
    m.anaphoric = m.anaphoric || m.heading || kind;
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace kroniek
