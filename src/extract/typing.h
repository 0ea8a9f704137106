// Internal to the extract stage: the type of an event whose mentions were all
// generic ("aanslag", "explosie", "ongeluk"). The event keeps the most
// specific type its article supports, and a generic type only when nothing
// more specific is said about it.
#pragma once

#include <vector>

#include "extract/assembler.h"

namespace kroniek {

// As soon as a mention (its trigger at token `trigger`) in sentence `sentence` joins a
// generic event: the type a cue word of that sentence no other trigger stands nearer to
// names ("een aanslag met een bomauto",
// type_cues.tsv), else the type its generic kinds make together ("aanslag" +
// "explosie": a bombing, generic_types.tsv). The event is then specific, like
// one a specific trigger named.
void TypeFromWords(const Context& ctx, int sentence, int trigger, Ev* e);

// The type such a cue word gives a generic mention of `type` at token `trigger` ("Russische
// drones vielen de centrale aan": an air or drone strike), or "" when none does.
std::string CueType(const Context& ctx, const std::string& type, int sentence, int trigger);

// When the article is read, a generic event left takes, in this order: what
// its figures imply (rockets intercepted: a rocket attack); a battle for an
// attack on a military site; the type of every other violent event of the
// article (an attack in a story of air strikes); a cue word of the article
// ("crash" in a story of an airliner); else the generic's default type. It
// stays generic (e->generic) when only the article or the default typed it.
void TypeGenericEvent(const Context& ctx, const std::vector<Ev>& events, Ev* e);

// The attack a weapon named in sentence `sentence` makes of a victim count that
// no event word names ("twee mensen gedood door een man met een mes": a
// stabbing; type_cues.tsv rows with option weapon), or "".
std::string WeaponType(const Context& ctx, int sentence);

}  // namespace kroniek
