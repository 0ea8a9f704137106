// Facts an analysis must contain, written one per line (the *.expect files
// and the examples of resource files):
//   event  type= generic= date= from= precision= status= place= country= site= sites=a,b
//          perpetrator= claimed_by= target= responder= victim= channel=
//          relation=TYPE:EVENT_TYPE count=N (the article has N events in all)
//   figure event=TYPE kind= value=N|null qualifier= group= source= sources=a,b
//          claim=true part_of_kind= low= high= count=N confidence_at_least=P
//   quote kind= speaker= affiliation= text=SUBSTRING
//   stance actor= stance= toward= event=
//   entity id= type= role= text=SURFACE
//   cleaned kind=
//   time value= precision= text=
//   no-event / no-figure / no-quote / no-entity: nothing may match.
// Attribute values with spaces are written in double quotes. A verb or key not
// listed here is an error, so a typo in an expectation fails its test.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "core/document.h"

namespace kroniek::testing {

struct Expectation {
  int line = 0;
  std::string verb;
  std::map<std::string, std::string> attrs;
};

// Parses "verb key=value …"; false when the line has no verb.
bool ParseExpectation(const std::string& line, Expectation* out);

// "" when `output` (an ArticleToJson record of `article`) holds the fact,
// else what is wrong.
std::string Check(const Expectation& e, const nlohmann::json& output, const Article& article);

}  // namespace kroniek::testing
