// Internal to the extract stage: the state of event assembly.
#pragma once

#include <string>
#include <vector>

#include "extract/context.h"
#include "extract/figures.h"

namespace kroniek {

// One trigger occurrence with what its own clause says.
struct MentionInfo {
  std::string type;                // event type, or a generic one ("attack")
  bool generic = false;
  bool indefinite = false;         // "een aanval": introduces an event, does not refer back
  bool part = false;               // may be a part of an event told before ("een andere explosie")
  std::vector<std::string> joins;  // types a generic trigger may refer back to
  Span span;                       // trigger words
  int first = 0, last = 0, end = 0;  // tokens: first part, whole match
  std::string status = "occurred";
  Date date;
  Location location;
};

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
  bool sub_event = false;  // follows another event ("Daarna openden … het vuur")
  int first_token = 0;
  int last_sentence = 0;
  int mentions = 0;
  std::vector<int> mention_sentences;
  std::vector<bool> title_figures;  // per figure: stated in the title
};

class ArgumentReader;

}  // namespace kroniek
