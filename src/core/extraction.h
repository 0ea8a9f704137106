// What extraction finds in one article (stage 3's output): its event mentions
// with type, date, place, actors by role, figures with qualifier and source;
// quotes with speakers; debris spans. Data only; extract/extract.h says how it
// is made.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/span.h"

namespace kroniek {

struct Source {
  std::string name;  // surface name ('Amerikaanse diplomaten', 'de taliban')
  std::string id;    // knowledge-base id, "person:…", or "unnamed:<noun>"
  Span span;
};

struct Figure {
  std::string kind;       // killed | injured | casualties | … (SCHEMA.md)
  std::string group;      // normalised English: "people", "US service members"
  Span group_span;        // the group's words in the text, if any
  std::optional<double> value, low, high;
  std::string qualifier = "exact";
  std::vector<Source> according_to;  // empty when the outlet states it itself
  int part_of = -1;       // index of the total this is a sub-group of
  Span span;              // the figure's words
  double confidence = 0.8;
  bool from_fact_box = false;
  bool in_title = false;  // stated in the title
  std::string reading;    // how its kind was read: noun | predicate | toll | verb_after | parent | list | context | alone
  std::vector<std::string> signals;  // what its confidence rests on (confidence.h)
  bool claim = false;     // stated by the perpetrator's own claim
  bool one_person = false;  // one person told with the article, outside a list ("een Belgische vrouw kwam om")
  std::string freshness;  // "provisional" ('tot zover bekend'), "update" ('inmiddels'), or ""
};

struct ActorRole {
  std::string role;  // perpetrator | claimed_by | suspected | target | victim | responder
  std::string id, name;
  Span span;
};

struct Location {
  std::string id, name, country;
  std::string region;              // a city's first-order region ("geo:US.TX"), if known
  std::optional<double> lat, lon;
  long population = 0;            // a city's population, 0 when unknown
  std::string site;               // facility inside the place, or empty
  std::vector<std::string> sites;  // every facility named ("airport", "hotel")
  Span span;
  bool inferred = false;           // not named with the event: taken from the discourse
  bool approximate = false;        // named as near the event ("in de buurt van Bishoftu")
  bool district = false;           // named as a part of a city ("in de wijk Neudorf")
};

// A city and the first-order region it lies in ("Abilene" and "Texas").
inline bool InRegion(const Location& city, const std::string& region) {
  return !city.region.empty() && city.region == region;
}

// Two places told with facilities and none in common ("in een café", "in een supermarkt").
inline bool SitesDiffer(const Location& a, const Location& b) {
  if (a.sites.empty() || b.sites.empty()) return false;
  for (const auto& site : a.sites)
    if (std::find(b.sites.begin(), b.sites.end(), site) != b.sites.end()) return false;
  return true;
}

struct Relation { std::string type; int event = -1; };
struct Claim { Source by; std::string channel; Span span; };
struct Stance { Source actor; std::string stance; Source toward; Span span; };

struct EventMention {
  std::string type;       // SCHEMA.md event type
  std::string generic;    // the generic kind the text named ("attack", "explosion") when `type` is only its default
  std::string name;       // the event's own name, folded ("eunice" for "storm Eunice", "mh17"), or ""
  Span name_span;         // where the text gives it
  Span trigger;
  Date date;
  Location location;
  std::vector<ActorRole> actors;
  std::vector<Figure> figures;
  std::string status = "occurred";
  std::vector<Relation> relations;
  std::vector<Claim> claims;
  std::vector<Stance> stances;
  std::vector<Span> evidence;  // every trigger span merged into this event
  double confidence = 0.7;
  std::vector<std::string> signals;  // what its confidence rests on (confidence.h)
  int first_sentence = 0;      // where the event is first mentioned
  // First named as known ("de aanslag in Halle", "Vijf jaar na de brand"): maybe an
  // event long before the report, which a later report recalls (fusion).
  bool definite = false;
  // The first day it can have been, when a comparison tells it came after another time
  // ("de zwaarste beving sinds 1999": 2000-01-01), ISO, or "".
  std::string after;
};

struct Quote {
  Source speaker;
  std::string role;  // speaker's role word, if any
  std::string affiliation;  // id of the organisation an unnamed speaker speaks for
  Span span;         // the quoted words, marks excluded
  std::string kind;  // full | partial | pull
};

struct Cleaned { std::string kind; Span span; };

struct Extraction {
  std::vector<EventMention> events;
  std::vector<Quote> quotes;
  std::vector<Cleaned> cleaned;
};

}  // namespace kroniek
