// Internal to the extract stage: the state of event assembly.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "extract/context.h"
#include "extract/figures.h"

namespace kroniek {

constexpr int kBackgroundDays = 60;  // a date this long before the article is another event's

// One trigger occurrence with what its own clause says.
struct MentionInfo {
  std::string type;                // event type, or a generic one ("attack")
  bool generic = false;
  bool indefinite = false;         // "een aanval": introduces an event, does not refer back
  bool definite = false;           // "de aanslag": names an event as known
  bool part = false;               // may be a part of an event told before ("een andere explosie")
  std::vector<std::string> joins;  // types a generic trigger may refer back to
  // Types of event this mention may be a part of without naming it (the fire
  // after a collision, the attacker shot by the police); empty: none.
  std::vector<std::string> part_of;
  bool anaphoric = false;          // only refers to an event told before ("het gaat om een aanslag")
  bool compared = false;           // the event compared with ("sinds de wolkbreuk van 2017"): joins none told before
  bool named_by_count = false;     // "vier dagen na [de storm]": another event than its sentence's others
  bool days_later = false;         // "Enkele dagen later … bij een ontbranding": another event of the kind
  bool counted_from_now = false;   // so counted from the report ("Het vonnis valt tien dagen na [de brand]"): recent
  bool by_toll = false;            // no trigger: an event only its figure tells ("154 doden")
  bool own_time = false;           // its clause says when it happened ("De ramp vond plaats op 3 mei")
  // Told with a date long before the article ("In 2013 stortte een toestel
  // neer"): not the undated news the article reports. Undated article: any
  // explicit date of an indefinite mention ("in september 2009 getroffen door
  // een zware aardbeving") sets it, and only the headline's event may take it.
  bool past = false;
  // Dated explicitly long before the article ("de beving van L'Aquila in april
  // 2009"): not an event the article tells with a weekday ("vrijdagavond").
  bool long_before = false;
  std::string name;  // the event's own name told with its trigger ("orkaan Luis"), folded
  // "een nieuwe schietpartij", "opnieuw een aanslag": another event of the kind than
  // those told before (unless its type is ongoing, kb/event_types.tsv: "nieuwe rellen").
  bool recurrence = false;
  bool elsewhere = false;          // "ook in Antwerpen": not an event told at another or no place
  // "Bij een brand in een fabriek in Tilburg": an indefinite mention a circumstance word
  // governs, at a place it names. With a time of its own, a paragraph or more after an event
  // it might be a part of, it opens a story of its own (ResolvePart).
  bool lead = false;
  std::vector<Location> also_at;   // the other places of a list ("in Brussel, Antwerpen en Luik"): one event each
  bool heading = false;            // in an intertitle: names no type of the event it joins
  bool phase = false;              // a phase that follows another event ("de dader werd doodgeschoten")
  Span span;                       // trigger words
  int first = 0, last = 0, end = 0;  // tokens: first part, whole match
  std::string status = "occurred";
  Date date;
  std::string after;               // the first day it can have been ("de zwaarste beving sinds 1999"), or ""
  Location location;
};

// The own name an event-name cue at token `first` gives ("orkaan Luis", "vlucht MH17"; folded),
// or "" (resources/<lang>/event_names.tsv).
std::string OwnNameAt(const Context& ctx, int first, int sentence_last);

struct SentenceMention {
  int sentence;
  MentionInfo mention;
  int event;  // index into the assembler's events
};

// An event while it is being assembled.
struct Ev {
  EventMention m;
  int id = 0;
  bool generic = false;
  std::vector<std::string> joins;
  std::set<std::string> generic_kinds;  // the generic kinds of its mentions ("attack", "explosion")
  bool combined = false;  // typed by generic kinds told together ("aanval" and "ontploffingen": a bombing)
  bool sub_event = false;  // follows another event ("Daarna openden … het vuur")
  bool recent = false;  // told with a weekday or a day counted from publication ("vrijdagavond", "gisteren")
  std::string name;  // the own name its mentions told ("orkaan Irma"): one told otherwise is another
  bool further = false;  // first told as more of its kind ("verdere aanvallen"): as a plan, no event told after it
  bool compared = false;  // the event a superlative compares with: told as background
  int counted_in = -1;    // a sentence that counts days after it ("Vier dagen na storm Enora is …")
  int last_sentence = 0;
  int last_token = 0;  // its last mention's first token
  int mentions = 0;
  std::vector<int> mention_sentences;
  std::vector<int> figure_sentences;  // the sentences its figures are told in
  std::vector<bool> title_figures;  // per figure: stated in the title
  std::string victims_weapon;  // the weapon's type where its victims are counted ("een man met een mes verwondde acht mensen")
};

class ArgumentReader;

}  // namespace kroniek
