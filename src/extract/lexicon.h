// The extract stage's language data (resources/<lang>/) and the language-neutral
// tables it reads (resources/kb/: event types, figure kinds, generic types), loaded once.
#pragma once

#include <optional>

#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "extract/confidence.h"
#include "extract/phrase_table.h"

namespace kroniek {

struct EventTypeInfo {
  std::string cls;           // violent | disaster | political | movement (kb/event_types.tsv)
  std::string default_type;  // for generic types: the type when left alone (generic_types.tsv)
  std::string abroad_type;   // and when a state's armed forces did it abroad (generic_types.tsv kind@abroad)
  std::string military_victims_type;  // and when those it killed or wounded serve in armed forces (kind@military)
  std::vector<std::string> military_groups;  // the groups that serve so ("service members")
  bool attack = false;       // a kind of attack an unnamed "aanslag" may turn out to be
  bool ongoing = false;      // told as it goes on: "nieuwe rellen" may be more of the riots told before
  bool vague = false;        // says little of what happened ("other", "accident")
  bool follows = false;      // a follow-up: told with no time of its own after another event, it came after it (arrests)
  std::vector<std::string> refines;  // types it tells more of (option refines=)
  std::optional<double> widespread_km;  // option widespread=: one event over a region (kb/event_types.tsv)
};

struct FigureKindInfo {
  std::vector<std::string> classes;  // event classes the figure may attach to
  std::string default_event;         // event type to create when none is near
  bool own = false;                  // a default-type event in the figure's sentence takes it first
  bool one_by_number = false;        // one person is counted by "één" or "1", not by the article
  bool toll = false;                 // counts the victims (killed, injured, casualties)
};

struct ExtractLexicon {
  PhraseTable triggers, figure_nouns, group_nouns, figure_verbs, figure_cues, attribution, sources,
      status, relations, stances, channels, sites, pronouns, clause, freshness, uncounted,
      type_cues,          // words that say which specific type a generic event is (type_cues.tsv)
      reference_frames,   // frames whose trigger classifies an event told before (reference_frames.tsv)
      event_names;        // words that introduce an event's own name (event_names.tsv)
  std::unordered_map<std::string, std::string> trigger_modifiers;  // modifier -> type
  std::unordered_map<std::string, EventTypeInfo> event_types;
  std::unordered_map<std::string, FigureKindInfo> figure_kinds;
  // Generic kinds told of one event together and the type they make
  // ("aanslag" + "explosie": a bombing), from generic_types.tsv.
  std::vector<std::pair<std::set<std::string>, std::string>> generic_combinations;
  std::set<std::string> military_sites;  // English names of sites whose attack is a battle
  // noun_shapes.tsv: how a plural noun and a participle look.
  std::vector<std::string> plural_endings, participle_prefixes, participle_endings, adjective_endings;
  ConfidenceModel confidence;  // confidence.tsv

  Status Load(const std::string& lang_dir, const std::string& kb_dir);
  // noun_shapes.tsv.
  Status LoadShapes(const std::string& path);
  // Indexes `clause`'s one-word rows by word; refuses a table without a word of a
  // class the code asks for (core/word_classes.h).
  Status IndexClauseClasses(const std::string& path);

  const std::string& ClassOf(const std::string& type) const;
  // How far apart two countries' places of one event of this type may lie, when its places
  // in one country are always one event's (kb/event_types.tsv widespread=); none: not so.
  std::optional<double> WidespreadKm(const std::string& type) const;
  // The type's row of kb/event_types.tsv (an empty row for an unknown type).
  const EventTypeInfo& TypeInfo(const std::string& type) const;
  bool IsGeneric(const std::string& type) const;
  // Whether `specific` tells more of what happened than `general` (kb/event_types.tsv refines=).
  bool Refines(const std::string& general, const std::string& specific) const;
  bool KindFits(const std::string& kind, const std::string& type) const;
  // The event type that counting this kind tells (arrested: arrest), figure_kinds.tsv option
  // own, or "".
  std::string OwnEventOf(const std::string& kind) const;
  // Whether the kind counts the victims (figure_kinds.tsv option toll).
  bool IsToll(const std::string& kind) const;
  // Whether one person told with the article ("een man werd opgepakt") tells the event, not a count.
  bool OneByNumberOnly(const std::string& kind) const;
  // A word that may be a plural noun, not a participle ('inzittenden', not 'omgekomen').
  bool LooksPlural(const std::string& lower) const;
  // A verb form by its shape: a participle prefix near its start and a participle's ending
  // ('neergekomen', 'opgepakt').
  bool LooksParticiple(const std::string& lower) const;
  // Whether a word has an adjective ending (noun_shapes.tsv: "dodelijke").
  bool LooksAdjective(const std::string& lower) const;
  // The class a row of `clause` has for this token ("door" -> agent…).
  bool ClauseIs(const std::string& lower, const std::string& cls) const;
  // The classes of `clause`'s one-word rows, by word (what ClauseIs looks up).
  std::unordered_map<std::string, std::vector<std::string>> clause_word_classes;
};

}  // namespace kroniek
