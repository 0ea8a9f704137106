// Internal to the extract stage: reading an event mention's arguments from
// its sentence — date, place, actors, claims, status, relations, stances —
// and finishing an event's figures.
#pragma once

#include <optional>

#include <vector>

#include "extract/assembler.h"

namespace kroniek {

// A location at an entity of the analysis or an entry of the knowledge base.
template <typename Named>
Location LocationAt(const Named& x) {
  Location l;
  l.id = x.id;
  l.name = x.name;
  l.country = x.country;
  l.lat = x.lat;
  l.lon = x.lon;
  if constexpr (requires { x.population; }) l.population = x.population;
  return l;
}

// Two places one event may have: the same, a city and its country or region,
// or a place named as near the other (within kNearSiteKm).
bool LocationsCompatible(const Location& a, const Location& b);
// The same for an event that reaches over a region (ExtractLexicon::WidespreadKm): any two
// places of one country, or of two countries at most `km` apart.
bool WidelyCompatible(const Location& a, const Location& b, std::optional<double> km);
// Whether a count of days after an event ("tien dagen na de brand", TimeMention::after_named) is
// told as the report's present: a now word just before it, a headline, or the nearest finite
// verb in the present and no perfect (report_counts.cc).
bool ToldAsNow(const Context& ctx, const TimeMention& t);
// The report's day a sentence opens with ("Het is maandag, een week na het ongeluk …", also after a
// dateline's dash): a weekday that is today, no event's time (report_counts.cc); else nullptr.
const TimeMention* TodayTold(const Context& ctx, int si);

class ArgumentReader {
 public:
  explicit ArgumentReader(const Context& ctx);

  // The trigger mentions of sentence si with type, status, date and place.
  std::vector<MentionInfo> Mentions(int si) const;
  // Whether the word at token k (of sentence s) opens a subject: "toen hij thuiskwam" opens
  // a clause, "Toen kwamen 300 mensen om" ("then") does not.
  bool OpensSubject(const Sentence& s, int k) const;
  // The one place sentence si - 1 names, the one "daar" points to ("vluchtte naar Antwerpen.
  // Daar werd hij opgepakt"); none if it names none or several.
  Location PlaceNamedBefore(int si) const;
  // The time "toen" points to, opening sentence si: the last one the sentence before
  // dates ("… sinds augustus 2006. Toen stortte een toestel neer"); or opening the clause
  // of `token` right after a time and a comma ("sinds 2014, toen in Soma …"); unknown if none.
  Date ThenDate(int si, int token) const;
  // The date of what is said at `token` in sentence si; `own_verbs`, the verbs a
  // participant trigger requires ("bom" requires "ontplofte"), are not other triggers;
  // a `participant`'s clause that tells a later proceeding (a trial) dates it not.
  Date DateFor(int si, int token, const std::vector<std::string>& own_verbs = {}, bool participant = false) const;
  // The tokens [first, last] where a time is the point a comparison after the trigger at
  // `token` counts from ("De storm was de zwaarste sinds 2007").
  std::vector<std::pair<int, int>> ComparisonPointsAfter(int si, int token) const;
  // Whether a semicolon (outside quotes) lies among tokens [from, to).
  bool SemicolonBetween(int from, int to) const;
  // Whether the trigger at `first` opens a phrase of circumstance ("bij de rellen"): the scene of
  // what its clause tells, at its time.
  bool SetsTheScene(int si, int first) const;
  void MergeLocation(Location* into, const Location& from) const;
  // The place sentence si gives what is said at `token` (a figure's number); `chosen`, if
  // given, gets the place's entity (null when none).
  Location PlaceAt(int si, int token, const Entity** chosen = nullptr) const;
  // Where the hurt are cared for ("ligt zwaargewond in een ziekenhuis in Niamey", "wordt
  // behandeld in het ziekenhuis van Niamey"), not where they were hurt.
  bool WhereCaredFor(const Entity& place) const;
  // Actors and claims the sentence gives the mention's event.
  void AddArguments(const MentionInfo& m, int si, EventMention* e) const;
  void AddRelations(int si, const std::vector<SentenceMention>& mentions, size_t from, std::vector<Ev>* events) const;
  void AddStances(int si, const std::vector<SentenceMention>& mentions, size_t from, std::vector<Ev>* events) const;
  // Whether a figure cue of class `cls` stands in sentences [first, last).
  bool CueInSentences(const std::string& cls, int first_sentence, int last_sentence) const;
  // The sentence holding `span`, or -1.
  int SentenceOf(const Span& span) const;
  // Counts of people on board are the dead where the article says none survived.
  void AboardWhereNoneSurvived(EventMention* e) const;
  // Victims counted where the article tells of deaths and of no injuries are the dead.
  void VictimsWhereOnlyDeathsTold(EventMention* e) const;
  // Merges repeated figures (title, fact box) and marks claims.
  void FinishFigures(EventMention* e, const std::vector<bool>& in_title) const;

  // A compound place naming what the news is about ("de Soedan-oorlog"), not a site.
  bool NamesTopic(const Entity& place) const;
  // A region or country right after a town that says where the town lies ("Butler,
  // Pennsylvania", "Lewiston in de staat Maine"): the town is the site.
  bool QualifiesPlaceBefore(const Entity& place) const;
  // A place named as the doer's ("de door Saoedi-Arabië geleide coalitie"), a
  // destination ("reisde naar Libië") or an origin ("de uit Tunesië afkomstige
  // verdachte", "de trein van Athene naar Thessaloniki", "het toestel uit Lissabon"):
  // never an event's site, but the place left is a withdrawal's or evacuation's
  // (`leaving`: "alle troepen uit Mali vertrekken").
  bool NotTheSite(const Entity& place) const;
  // "het door overstromingen getroffen Pakistan": the place named right after a participle of
  // being struck, whose "door" phrase holds the trigger; null when none.
  const Entity* StruckPlace(const PhraseMatch& trigger, int si) const;
  // A place a road or a movement leads to ("richting Brussel", "in de richting van Brussel").
  bool Towards(const Entity& place) const;
  // An end of a route written with a dash ("de intercity Brussel – Amsterdam"): a place the
  // vehicle left or was bound for, not where the event happened.
  bool EndOfRoute(const Entity& place) const;
  // A place someone went to or came from ("onderweg naar Amsterdam", "een getuige uit
  // Breda", "de uit Tunesië afkomstige verdachte"): not even the country of the news.
  bool WhereSomeoneWentOrCameFrom(const Entity& place) const;
  // The same, with its governing word found; `leaving`: the place left is no origin.
  bool WhereSomeoneWentOrCameFrom(const Entity& place, int head, bool leaving) const;
  // The same, with the preposition heading its phrase already found (GoverningWord).
  // Whether a place stands in a parenthesis that tells a time ("(middernacht in België)").
  bool InClockNote(const Entity& ent) const;
  bool NotTheSite(const Entity& place, int head, bool leaving = false) const;
  // Clause index of each token of sentence si (commas and clause words split).
  std::vector<int> Clauses(int si) const;
  // Whether the clause of `token` tells a plan (a status word of value "planned": "zal");
  // `clauses` as Clauses(si) gives them.
  bool InPlannedClause(int si, int token, const std::vector<int>& clauses) const;
  // Whether a word of clause class `cls` (clause.tsv) stands in the clause of `trigger.first`.
  bool ClauseHas(const PhraseMatch& trigger, int si, const std::vector<int>& clauses, const std::string& cls) const;
  // The determiner before the trigger at `token`, over adjectives ("de zware brand"), or -1.
  int NounOpener(int si, int token) const;
  // Whether the trigger is such a noun, not a verb ("opgepakt die …", "die explodeerde"): a
  // relative clause right after it may describe it.
  bool NamedByNoun(int si, int token) const;
  // Whether `token` stands in a relative clause ("die", "dat" after a noun or comma).
  bool InRelativeClause(int si, int token, const std::vector<int>& clauses) const;
  // Whether `token` lies in a relative clause that describes a thing or person ("toeristen die
  // dinsdag zouden vertrekken"), not in what a verb tells ("meldde dat het vuur … uitbrak").
  bool DescribesAThing(int si, int token) const;
  // Whether the mention starting at token `first` stands in a phrase a word of clause class
  // antecedent opens ("na de [dodelijke] brand"): told as what came before another event.
  bool AfterAntecedent(int first, int si) const;

  // The day a timeline's entry opens with, for the mentions of sentence si that tell none: a page
  // whose paragraphs open with days going forward ("Zondag 11 januari\nOm 04.20 uur zakt …");
  // unknown outside such entries.
  Date EntryDay(int si) const;

 private:
  mutable std::optional<std::vector<int>> entry_times_;  // per paragraph, the time opening its entry, or -1
  mutable std::optional<bool> no_survivors_;  // the article says nobody on board survived (read once)
  mutable std::optional<bool> injuries_told_;  // the article names an injury anywhere (read once)
  // The preposition ("van", "voor", "om") that makes the trigger at `first` another verb's
  // argument, or -1.
  int Governor(int first, int si) const;
  // Whether t is the time an event ended ("Sinds dinsdag is de brand geblust"), of a plan,
  // a label of a thing ("de balans van zaterdag") or the time of a report: in the clause of
  // its sentence's source cue, which tells no event ("Dat meldt het ministerie zaterdag").
  bool NotAnEventsTime(const TimeMention& t) const;
  // Whether a clause of its own, "en" and a finite verb ("en wordt … voorgeleid"), opens
  // between tokens `token` and `other` of sentence si.
  bool CoordinatedClauseBetween(int si, int token, int other) const;
  std::string StatusFor(const PhraseMatch& trigger, int si, const std::vector<int>& clauses) const;
  // The trigger's place; `chosen`, when given, gets the entity that names it (or nullptr).
  Location LocationFor(const PhraseMatch& trigger, int si, const std::vector<int>& clauses, bool only_mention,
                       bool cities_only, const Entity** chosen = nullptr, bool leaving = false) const;
  // The other places of a list that names `place` ("in Brussel, Antwerpen en Luik"): each
  // another location of the kind of event told there.
  std::vector<Location> CoordinatedPlaces(const Entity& place, int si) const;
  // Whether sentence si holds a time of the trigger's own: right after it, or
  // in its clause when that clause tells when it happened.
  bool OwnTimeIn(const PhraseMatch& trigger, int si, const std::vector<int>& clauses) const;
  bool IsPreposition(const std::string& lower) const;
  // Whether the words between a trigger and `at` open a phrase naming another, earlier thing
  // before the word just before `at` ("sinds de verkiezingen van vorige maand", clause.tsv
  // time_relation; "sinds maart" is the trigger's own period).
  bool SinceAnotherThing(int si, int token, int at) const;
  // Whether the trigger's clause names its place with "daar" (function_words.tsv: there).
  bool PlaceWordIn(const PhraseMatch& trigger, int si, const std::vector<int>& clauses) const;
  // Whether the place at token i, its phrase headed by `head`, is named as a
  // landmark near the site ("ten oosten van Frankfurt", "Hanau bij Frankfurt").
  bool AsLandmark(int first, int i, int head) const;
  // The preposition heading the phrase that ends before token i, or -1.
  // Whether the locative at `head` (perhaps after others in a list) tells how far something
  // reached ("gevoeld tot in Algerije").
  bool Reached(const Sentence& s, int head) const;
  int GoverningWord(const std::vector<Token>& toks, int first, int i) const;
  // Whether sentence si is an intertitle: alone in a short body paragraph, no full stop.
  bool IsHeading(int si) const;
  // The first token of the clause `token` lies in (its comma, if one opens it).
  int ClauseOpening(int si, int token, const std::vector<int>& clauses) const;
  // Whether `token` lies in a clause set off beside another ("zoals de minister in maart al beloofde").
  bool InAside(int si, int token, const std::vector<int>& clauses) const;
  // The first token of another trigger of sentence si between tokens `token` and `other`
  // (none of `own_verbs`), or -1. `time_at_other`: `other` is a time, which a noun a
  // preposition governs after it does not claim ("Vrijdag is de verdachte van de
  // schietpartij aangehouden").
  int TriggerBetween(int si, int token, int other, const std::vector<std::string>& own_verbs = {},
                     bool time_at_other = false) const;
  // Whether the time at token `at` qualifies another trigger noun than the one at `token`,
  // right after it ("de verdachte van de schietpartij van afgelopen zondag"): that event's.
  // The count of days after whose event the trigger at `token` names ("vier dagen na de brand"),
  // or null.
  const TimeMention* CountNaming(int si, int token) const;
  bool NamedByCount(int si, int token) const { return CountNaming(si, token) != nullptr; }
  // Whether time t, after the trigger at `token`, is of the trigger's own phrase: no finite verb
  // between them ("de brand in Charleroi, op zondag 18 januari," but not "… is vandaag …").
  bool InOwnPhrase(int si, int token, const TimeMention& t) const;
  bool QualifiesOtherTrigger(int si, int token, int at) const;
  // "raket" in "raket- en droneaanvallen": the first member of an elided
  // compound before the trigger at `first`, or null.
  const std::string* ElidedModifier(int first, int si) const;
  // Whether a negation governs the trigger starting at token `first`.
  bool Negated(int first, int si) const;
  // Whether a negation stands between the parts of a trigger told apart ("schoten … niet gelost").
  bool NegatedInGap(const PhraseMatch& trigger) const;
  // Whether the trigger's word is a name ("de file op de A12 bij Schoten"): then no trigger.
  bool IsAName(const PhraseMatch& match, int si) const;
  // Whether the trigger is a definite mention inside a phrase of another act ("drie uur
  // na de schietpartij", "het onderzoek naar de aanslag"): a place it has is its own,
  // right after it (PlaceRightAfter), not the sentence's.
  bool InPrepositionalReference(const PhraseMatch& trigger, int si) const;
  // Whether the circumstance preposition at token prep tells what someone or something took
  // part in ("hun rol bij de aanslag", "betrokken bij de crash"), not what happened at it.
  bool PartTakenIn(int prep, int si) const;
  // Whether a circumstance word governs the trigger, indefinite ("Bij een brand in …").
  bool OpensWithCircumstance(const PhraseMatch& trigger, int si) const;
  // Whether the trigger tells what struck a thing its phrase describes ("het door een explosie
  // getroffen gebouw"): the sentence's time is not its own.
  bool NamesWhatBefellAThing(const PhraseMatch& trigger, int si) const;
  // The time that follows the trigger closely after a preposition ("de aanslag op 22 maart"),
  // or null.
  const TimeMention* TimeTiedTo(const PhraseMatch& trigger, int si) const;
  // An anniversary told in sentence si ("precies een jaar geleden"), or null.
  const TimeMention* AnniversaryIn(int si) const;
  // Whether a time is the trigger's own complement ("de aanslag van woensdag", not "eiste de
  // aanval woensdag op").
  bool TimeGoverned(const PhraseMatch& trigger, int si) const;
  bool PlaceRightAfter(const PhraseMatch& trigger, int si, const Location& place) const;
  // The reference frame (of the sentence's `frames`, reference_frames.tsv) the trigger at
  // `first` stands in: "classifies", "compared", or "".
  std::string ReferenceFrame(int first, const std::vector<PhraseMatch>& frames) const;
  // Whether the trigger names a case, not an event ("bij brand.", clause.tsv condition).
  bool Condition(const PhraseMatch& trigger, int si) const;
  // The first day the trigger's event can have been when a comparison frame tells it came
  // after a time ("de zwaarste beving sinds 1999": 2000-01-01), ISO, or "".
  // `compared` is set to the span of the time compared with, if the text gives it as a time.
  std::string ComparedAfter(const PhraseMatch& trigger, int si, const std::vector<PhraseMatch>& frames,
                            Span* compared) const;
  // Whether an indefinite article stands near the trigger in its clause ("stortte een toestel neer").
  bool IndefiniteNear(const PhraseMatch& match, int si, const std::vector<int>& clauses) const;
  // Whether a recurrence word (clause.tsv) opens the trigger's phrase ("een nieuwe schietpartij"), or
  // "again" stands before it in its clause ("is opnieuw een voertuig in een afgrond gereden").
  bool TellsRecurrence(const PhraseMatch& match, int si, const std::vector<int>& clauses) const;
  // "Enkele dagen later … bij een ontbranding": an indefinite trigger days after what was told.
  bool TellsDaysLater(const PhraseMatch& match, int si, const std::vector<int>& clauses) const;
  // Sets m's past and long_before from its own date (MentionInfo says what they mean).
  void MarkLongBefore(const PhraseMatch& match, int si, const std::vector<int>& clauses, bool bare, MentionInfo* m) const;
  // Whether a function word of class `cls` ("also") stands in the clause of token `first`.
  bool ClauseHasClass(const std::string& cls, int first, int si, const std::vector<int>& clauses) const;
  // Whether one of the words "a|b|c" (or a compound they head) stands in the
  // clause of token `first`, not as the target of a preposition ('op agenten').
  bool ClauseHas(const std::string& bar_words, int first, int si, const std::vector<int>& clauses) const;
  // The row's options for this mention: part, joins, part_of (with part_if), phase_if, anaphoric.
  bool TargetOfAttack(const PhraseMatch& attack, const PhraseMatch& match) const;
  void ReadRowOptions(const PhraseTable::Row& row, const PhraseMatch& match, int si, const std::vector<int>& clauses,
                      const std::string& frame, MentionInfo* m) const;
  // The word before a trigger's adjectives ("na de [dodelijke] schietpartij"): its article, or
  // the word that opens its phrase when it has none; at most the sentence's first token.
  int WordBeforeModifiers(int first, int si) const;
  // Whether the part mention matches[mi] is, by a word of clause class antecedent before it, what
  // a whole of a type in `wholes` told in the sentence came after ("protesten na de brand").
  bool FollowsWholeInSentence(const std::vector<PhraseMatch>& matches, size_t mi, const std::vector<std::string>& wholes,
                              int si) const;

  const Context& ctx_;
};

}  // namespace kroniek
