// The word classes kroniek's code asks a language folder for, in one place. A
// folder that gives no word of one is refused at load, the file and the class
// named; tests/word_classes_test.cc finds every class the code names here.
#pragma once

#include <array>
#include <string_view>

namespace kroniek {

// function_words.tsv: closed-class words ("de": determiner, definite; "van": genitive).
inline constexpr std::array<std::string_view, 28> kFunctionWordClasses = {
    "all", "also", "alternative", "anaphoric_that", "between", "clause_break", "comparison", "coordinator",
    "definite", "demonstrative", "determiner", "elision", "elliptic", "filler", "genitive", "indefinite",
    "negation", "negative_determiner", "object_pronoun", "occasion", "ordinal", "other", "relative",
    "restrictive", "stranded", "subject", "there", "yet"};

// clause.tsv: words that tell how a clause relates to an event ("door": agent).
inline constexpr std::array<std::string_view, 55> kClauseClasses = {
    "aftercare", "again", "agent", "also_possessive", "antecedent", "aside", "auxiliary", "border", "circumstance", "clause_start",
    "clock", "condition", "copula", "day_unit", "destination", "direction", "dying", "earlier", "earlier_one", "ending", "exactly", "governs_trigger", "habitual",
    "hedge", "hindrance", "impersonal", "inside", "involvement", "later", "locative", "neighbour", "now", "occurrence", "origin", "past_tense",
    "perfect_auxiliary", "possessive", "preparation", "preposition", "present_tense", "proceeding", "provenance", "reach", "reaction", "recurrence", "relative_after", "remembrance",
    "resident", "seat", "stricken", "taken", "target", "time_relation", "topic", "vicinity"};

}  // namespace kroniek
