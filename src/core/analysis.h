// The analysis of one article (stage 2's output): tokens, sentences, number
// phrases, time expressions and entity mentions, each with byte offsets into
// the article's text. Data only; analyze/analyze.h says how it is made.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/span.h"

namespace kroniek {

enum class TokenKind { kWord, kNumber, kPunct, kQuote };

struct Token {
  Span span;
  std::string lower;      // case-folded surface
  TokenKind kind = TokenKind::kWord;
  bool capitalized = false;  // first letter upper case
  int sentence = -1;         // index into Analysis::sentences

  bool operator==(const Token&) const = default;
};

struct Sentence {
  Span span;
  int first = 0;      // first token index
  int last = 0;       // one past the last token index
  int paragraph = 0;  // index into Article::paragraphs

  bool operator==(const Sentence&) const = default;
};

// A number phrase: 'zeker in ieder geval twee', '122.000', 'tientallen'.
struct Quantity {
  Span span;                    // qualifier included
  int first = 0, last = 0;      // token range (qualifier included)
  int number_token = 0;         // the token carrying the number
  std::optional<double> value;  // null for vague plurals
  std::optional<double> low, high;
  std::string qualifier = "exact";
  bool article_like = false;  // "een": a number only in tight patterns

  bool operator==(const Quantity&) const = default;
};

// A time expression resolved against the publication date.
struct TimeMention {
  Date date;
  int first = 0, last = 0;  // token range
  bool relative_to_event = false;  // "eerder op de dag", "een dag later": a day counted from the event nearby
  int event_offset = 0;            // that many days after it ("een dag later" 1, "de dag ervoor" -1), or
                                   // with same_period so many months or years ("drie maanden later" 3)
  int same_period = 0;             // "dezelfde maand" 30, "dat jaar" 365: the month or year of the time told before it
  bool anniversary = false;        // "vandaag precies vier jaar geleden": the event's day, years back
  int after_named = 0;             // "zes dagen na de ramp": so many days after the event the words after it
                                   // name (0: none); told in the present, the report's distance from it

  bool operator==(const TimeMention&) const = default;
};

enum class EntityType { kPlace, kCountry, kSite, kArmedGroup, kState, kMilitary,
                        kGovernment, kAgency, kOrganisation, kPerson, kGroupNoun };

struct Entity {
  Span span;
  int first = 0, last = 0;  // token range
  std::string id;           // knowledge-base id, or "person:<name>" for persons
  std::string name;         // canonical name
  EntityType type = EntityType::kPlace;
  std::string country;      // ISO alpha-2 where known
  std::optional<double> lat, lon;
  std::string parent;       // parent id (IS-K -> IS, Kabul -> AF)
  std::string region;       // for a city: the first-order region it lies in ("geo:US.TX"), if known
  long population = 0;      // for a city: its population, 0 when unknown
  bool plural = false;      // grammatical number of the name ("de VS vrezen")
  std::string role;         // for persons: role word ("generaal"); for sites: site kind
  bool partial = false;     // matched as the modifier of a compound ('Talibanstrijders')
  bool anaphor = false;     // resolved from a description ("de radicale militie")
  bool district = false;    // named as a part of a city ("de wijk Neudorf")

  bool operator==(const Entity&) const = default;
};

struct Analysis {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<Quantity> quantities;  // in text order
  std::vector<TimeMention> times;    // in text order
  std::vector<Entity> entities;      // in text order
  // Places of datelines ("AMSTERDAM -"): where the report was written, not a fact of it;
  // an event that no sentence places falls back on them last.
  std::vector<Entity> dateline_places;

  bool operator==(const Analysis&) const = default;
};

}  // namespace kroniek
