#include "extract/typing.h"

#include <algorithm>
#include <cstdlib>
#include <map>

#include "core/resource_file.h"

namespace kroniek {

namespace {

// Every cue in a sentence: all rows that match at each token, not only the longest (the
// same word may name a truck attack and a road crash: "vrachtwagen").
std::vector<PhraseMatch> CuesIn(const Context& ctx, const Sentence& s) {
  std::vector<PhraseMatch> out;
  for (int i = s.first; i < s.last; ++i) ctx.lex.type_cues.MatchAt(ctx.tokens(), i, s.first, s.last, &out);
  return out;
}

// Whether a type_cues.tsv row names a type for one of the event's generic kinds (`all`:
// for every one of them, as a cue far from the event must: a lorry named elsewhere in a
// story of an explosion "ongeluk" does not make it a road crash).
bool CueFits(const PhraseTable::Row& row, const Ev& e, bool all = false) {
  auto f = row.options.find("for");
  if (f == row.options.end()) return false;
  const auto kinds = SplitBar(f->second);
  auto named = [&](const std::string& kind) { return std::find(kinds.begin(), kinds.end(), kind) != kinds.end(); };
  if (all) return !e.generic_kinds.empty() && std::all_of(e.generic_kinds.begin(), e.generic_kinds.end(), named);
  return std::any_of(e.generic_kinds.begin(), e.generic_kinds.end(), named);
}

// The cue of sentence si for the trigger at token `trigger`: the first row of the file
// that matches, of the cues no other trigger stands nearer to ("het brein achter de
// aanslag werd gedood bij een aanval met een drone": the drone is the second attack's).
std::string SentenceCue(const Context& ctx, const Ev& e, int si, int trigger) {
  const auto& rows = ctx.lex.type_cues.rows();
  const Sentence& s = ctx.an.sentences[si];
  std::vector<PhraseMatch> triggers;  // read once, and only when a cue fits
  bool triggers_read = false;
  auto nearer_trigger = [&](const PhraseMatch& cue) {
    if (!triggers_read) triggers = ctx.lex.triggers.FindAll(ctx.tokens(), s.first, s.last), triggers_read = true;
    return std::any_of(triggers.begin(), triggers.end(), [&](const PhraseMatch& t) {
      return std::abs(t.first - cue.first) < std::abs(trigger - cue.first);
    });
  };
  int best = -1;
  for (const auto& m : CuesIn(ctx, s))
    if (CueFits(rows[m.row], e) && (best < 0 || m.row < best) && !nearer_trigger(m)) best = m.row;
  return best < 0 ? "" : rows[best].value;
}

// The cue of the whole article (rows marked "article"): the type named most often.
std::string ArticleCue(const Context& ctx, const Ev& e) {
  const auto& rows = ctx.lex.type_cues.rows();
  std::map<std::string, int> count;
  for (const auto& s : ctx.an.sentences) {
    if (ctx.paragraph_kinds[s.paragraph] == ParagraphKind::kDebris) continue;
    for (const auto& m : CuesIn(ctx, s))
      if (rows[m.row].options.count("article") && CueFits(rows[m.row], e, true)) ++count[rows[m.row].value];
  }
  std::string best;
  for (const auto& [type, n] : count)
    if (best.empty() || n > count[best]) best = type;
  return best;
}

std::string CombinedKinds(const Context& ctx, const Ev& e) {
  for (const auto& [kinds, type] : ctx.lex.generic_combinations)
    if (std::includes(e.generic_kinds.begin(), e.generic_kinds.end(), kinds.begin(), kinds.end())) return type;
  return "";
}

// Generic events that found no specific mention take the type their figures
// imply (12 rockets intercepted: a rocket attack).
std::string FigureType(const Context& ctx, const Ev& e) {
  for (const auto& f : e.m.figures) {
    auto kind = ctx.lex.figure_kinds.find(f.kind);
    if (kind == ctx.lex.figure_kinds.end()) continue;
    const std::string& implied = kind->second.default_event;
    if (implied != "other" && ctx.lex.ClassOf(implied) == ctx.lex.ClassOf(e.m.type)) return implied;
  }
  return "";
}

// A generic attack on a military site is a battle.
std::string SiteType(const Context& ctx, const Ev& e) {
  if (ctx.lex.ClassOf(e.m.type) != "violent") return "";
  for (const auto& site : e.m.location.sites)
    if (ctx.lex.military_sites.count(site)) return "armed_clash";
  return "";
}

// A generic attack, its weapon unnamed, that killed or wounded men and women of armed forces
// ("Bij de aanval kwamen 17 militairen om") is a battle (generic_types.tsv "attack@military").
std::string MilitaryVictimsType(const Context& ctx, const Ev& e) {
  auto it = ctx.lex.event_types.find(e.m.type);
  if (it == ctx.lex.event_types.end() || it->second.military_victims_type.empty()) return "";
  auto serves = [&](const std::string& group) {
    return std::any_of(it->second.military_groups.begin(), it->second.military_groups.end(), [&](const std::string& g) {
      return group.size() >= g.size() && group.compare(group.size() - g.size(), g.size(), g) == 0;
    });
  };
  for (const auto& f : e.m.figures)
    if ((f.kind == "killed" || f.kind == "injured") && f.value && *f.value > 0 && serves(f.group))
      return it->second.military_victims_type;
  return "";
}

// In a story told in one specific type of violence (air strikes, missile
// attacks), an attack left unnamed is one more of them: the type every
// other violent event of the article has, phases aside.
std::string StoryType(const Context& ctx, const Ev& e, const std::vector<Ev>& events) {
  // An attack foiled or feared has no kind yet.
  if (ctx.lex.ClassOf(e.m.type) != "violent" || e.m.status != "occurred") return "";
  std::string type;
  for (const Ev& o : events) {
    if (&o == &e || o.generic || o.sub_event || ctx.lex.ClassOf(o.m.type) != "violent") continue;
    if (!type.empty() && o.m.type != type) return "";
    type = o.m.type;
  }
  // (Only a type its kind may be: a bombardment among shootings is still from the air.)
  if (!e.joins.empty() && std::find(e.joins.begin(), e.joins.end(), type) == e.joins.end()) return "";
  auto it = ctx.lex.event_types.find(type);
  return it != ctx.lex.event_types.end() && it->second.attack ? type : "";
}

// A generic attack a state's armed forces made on a place outside that state ("de Israëlische
// aanval op Doha"), its weapon unnamed: the type states strike abroad with (generic_types.tsv
// "attack@abroad").
std::string AbroadType(const Context& ctx, const Ev& e) {
  auto it = ctx.lex.event_types.find(e.m.type);
  if (it == ctx.lex.event_types.end() || it->second.abroad_type.empty() || e.m.location.country.empty()) return "";
  for (const auto& actor : e.m.actors) {
    if (actor.role != "perpetrator") continue;
    const KbEntry* doer = ctx.language.kb().Find(actor.id);
    const bool state = doer && (doer->type == EntityType::kState || doer->type == EntityType::kMilitary);
    if (state && !doer->country.empty() && doer->country != e.m.location.country) return it->second.abroad_type;
  }
  return "";
}

}  // namespace

std::string WeaponType(const Context& ctx, int sentence) {
  const auto& rows = ctx.lex.type_cues.rows();
  const Sentence& s = ctx.an.sentences[sentence];
  int best = -1;
  for (const auto& m : CuesIn(ctx, s))
    if (rows[m.row].options.count("weapon") && (best < 0 || m.row < best)) best = m.row;
  return best < 0 ? "" : rows[best].value;
}

std::string CueType(const Context& ctx, const std::string& type, int sentence, int trigger) {
  Ev generic;
  generic.m.type = type;
  generic.generic = true;
  generic.generic_kinds.insert(type);
  return SentenceCue(ctx, generic, sentence, trigger);
}

void TypeFromWords(const Context& ctx, int sentence, int trigger, Ev* e) {
  if (!e->generic) return;
  std::string type = SentenceCue(ctx, *e, sentence, trigger);
  if (type.empty()) {
    type = CombinedKinds(ctx, *e);
    e->combined = !type.empty();
  }
  if (type.empty()) return;
  e->m.type = type;
  e->generic = false;
}

void TypeGenericEvent(const Context& ctx, const std::vector<Ev>& events, Ev* e) {
  // (Explosions heard in an attack on an army camp are the battle's: "hevig geweervuur en
  // ontploffingen" make no bombing there.)
  if (e->combined) {
    if (const std::string site = SiteType(ctx, *e); !site.empty()) e->m.type = site;
  }
  if (!e->generic) {
    // a state's bombing abroad ("Israël bombardeerde doelen in Qatar") is done from the air
    // (generic_types.tsv "bombing@abroad").
    if (const std::string abroad = AbroadType(ctx, *e); !abroad.empty()) e->m.type = abroad;
    return;
  }
  std::string type = FigureType(ctx, *e);
  if (type.empty() && !e->victims_weapon.empty() && ctx.lex.ClassOf(e->victims_weapon) == ctx.lex.ClassOf(e->m.type))
    type = e->victims_weapon;
  if (type.empty()) type = SiteType(ctx, *e);
  if (type.empty()) type = MilitaryVictimsType(ctx, *e);
  // What the event's own figures and site say makes it specific; the article's context does not.
  if (!type.empty()) e->generic = false;
  // (A state's attack abroad is its own, whatever else the article tells: "de Israëlische
  // aanval op het consulaat in Damascus" in a report on Iran's missiles.)
  if (type.empty()) type = AbroadType(ctx, *e);
  if (type.empty()) type = StoryType(ctx, *e, events);
  if (type.empty()) type = ArticleCue(ctx, *e);
  if (type.empty()) {
    auto it = ctx.lex.event_types.find(e->m.type);
    if (it != ctx.lex.event_types.end()) type = it->second.default_type;
  }
  // Left to context or its default, it keeps the generic kind it was named by,
  // so that fusion can still find which attack or explosion it was.
  if (e->generic) e->m.generic = e->m.type;
  if (!type.empty()) e->m.type = type;
}

}  // namespace kroniek
