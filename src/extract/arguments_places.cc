// ArgumentReader, the place of an event mention: the place a sentence gives a
// trigger (nearest, a city over a country, never a doer's, a destination, an
// origin or a landmark), the other places of a list it heads, the sites named
// with it, which places one event may have, and how two places merge.
#include <algorithm>
#include <cstdlib>

#include "core/geo.h"
#include "extract/arguments.h"

namespace kroniek {

namespace {

constexpr int kSiteWindow = 5;    // tokens from the trigger to a site noun
constexpr int kVicinityWords = 6;  // "in de buurt van de Ethiopische hoofdstad Addis Abeba"
constexpr int kPhraseWords = 4;    // "naar de Noord-Griekse havenstad Thessaloniki"
constexpr int kLandmarkPenalty = 8;  // distance added to a place given as a landmark
constexpr int kOtherClausePenalty = 10;  // a place told in another clause of the sentence
constexpr int kQualifierWords = 5;  // "Leeds, in het noorden van Engeland": words between a town and its region
constexpr int kStruckWords = 3;  // "door de zware overstromingen getroffen": words between "door", the trigger and the participle
constexpr int kTakenToWords = 3;  // "naar een militair ziekenhuis in …": an article and adjectives before the site
constexpr int kTakingWords = 2;   // "naar het ziekenhuis [zijn gebracht] in Turijn"

bool Has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

// The location of a place named in the text: its region and words too.
Location LocationOf(const Entity& place) {
  Location loc = LocationAt(place);
  loc.region = place.region;
  loc.span = place.span;
  loc.district = place.district;
  return loc;
}

}  // namespace

bool LocationsCompatible(const Location& a, const Location& b) {
  if (a.id.empty() || b.id.empty() || a.id == b.id) return true;
  // "nabij Addis Abeba" and "in de buurt van Bishoftu": one site, named by what is near it.
  if ((a.approximate || b.approximate) && a.lat && a.lon && b.lat && b.lon &&
      DistanceKm(*a.lat, *a.lon, *b.lat, *b.lon) < kNearSiteKm)
    return true;
  // "de steekpartij in Sydney" and "in de wijk Bondi Junction": a city and a part of it.
  if ((a.district || b.district) && a.country == b.country && a.lat && a.lon && b.lat && b.lon &&
      DistanceKm(*a.lat, *a.lon, *b.lat, *b.lon) <= kDistrictKm)
    return true;
  // A city and its country or region are compatible; two cities are not.
  if (InRegion(a, b.id) || InRegion(b, a.id)) return true;
  if (a.country != b.country) return false;
  return a.id == a.country || b.id == b.country;
}

bool WidelyCompatible(const Location& a, const Location& b, std::optional<double> km) {
  if (LocationsCompatible(a, b)) return true;
  if (!km) return false;
  if (a.country == b.country) return true;
  return a.lat && a.lon && b.lat && b.lon &&
         WithinKm(*a.lat, *a.lon, a.id == a.country, *b.lat, *b.lon, b.id == b.country, *km);
}

// The preposition heading the phrase a place ends ("naar de Noord-Griekse
// havenstad Thessaloniki"), or -1: words back from `i`, over articles,
// adjectives and place nouns, to the first preposition.
int ArgumentReader::GoverningWord(const std::vector<Token>& toks, int first, int i) const {
  for (int k = i - 1; k >= std::max(first, i - kPhraseWords); --k) {
    if (toks[k].kind != TokenKind::kWord) return -1;
    const std::string& w = toks[k].lower;
    if (IsPreposition(w) || ctx_.lex.ClauseIs(w, "agent") || ctx_.lex.ClauseIs(w, "destination") ||
        ctx_.lex.ClauseIs(w, "locative"))
      return k;
  }
  return -1;
}

bool ArgumentReader::AsLandmark(int first, int i, int head) const {
  const auto& toks = ctx_.tokens();
  if (head < 0) return false;
  // "ten oosten van Frankfurt", "in de buurt van Frankfurt"; not "in het westen van Hanau".
  if (head - 1 >= first && ctx_.lex.ClauseIs(toks[head - 1].lower, "vicinity") && ctx_.WordIs(toks[head].lower, "genitive"))
    return !(head - 2 >= first && ctx_.lex.ClauseIs(toks[head - 2].lower, "inside"));
  // "in Hanau bij Frankfurt": the place right before names the site.
  if (head != i - 1 || head - 1 < first || !ctx_.lex.ClauseIs(toks[head].lower, "locative")) return false;
  const int before = ctx_.entity_at[head - 1];
  return before >= 0 && ctx_.an.entities[before].type == EntityType::kPlace && ctx_.an.entities[before].last == head;
}

bool ArgumentReader::QualifiesPlaceBefore(const Entity& ent) const {
  // "in Butler, Pennsylvania", "in Lewiston in de staat Maine", "in Volkmarsen (Hessen)": the
  // region or country right after a town says where the town is.
  const auto& toks = ctx_.tokens();
  const int first = ctx_.an.sentences[toks[ent.first].sentence].first;
  for (int k = ent.first - 1; k >= first && k >= ent.first - kQualifierWords - 1; --k) {
    if (const int before = ctx_.entity_at[k]; before >= 0) {
      const Entity& town = ctx_.an.entities[before];
      return k == ent.first - 1 ? false
                                : town.type == EntityType::kPlace && town.last == k + 1 &&
                                      (town.region == ent.id || town.country == ent.id);
    }
    // (A country's adjective may stand between: "in Dayton in de Amerikaanse staat Ohio".)
    const bool demonym = !ctx_.language.words().DemonymCountry(toks[k].lower).empty();
    if ((toks[k].capitalized && !demonym) ||
        (toks[k].kind != TokenKind::kWord && toks[k].lower != "," && toks[k].lower != "("))
      return false;
  }
  return false;
}

bool ArgumentReader::NamesTopic(const Entity& ent) const {
  // "de Soedan-oorlog": a compound naming what the news is about, as "de oorlog in Soedan".
  const std::string& word = ctx_.tokens()[ent.first].lower;
  const auto dash = word.rfind('-');
  return dash != std::string::npos && ctx_.lex.ClauseIs(word.substr(dash + 1), "topic");
}

bool ArgumentReader::NotTheSite(const Entity& ent) const {
  const auto& toks = ctx_.tokens();
  return NotTheSite(ent, GoverningWord(toks, ctx_.an.sentences[toks[ent.first].sentence].first, ent.first));
}

bool ArgumentReader::WhereSomeoneWentOrCameFrom(const Entity& ent) const {
  const auto& toks = ctx_.tokens();
  return WhereSomeoneWentOrCameFrom(ent, GoverningWord(toks, ctx_.an.sentences[toks[ent.first].sentence].first, ent.first),
                                    false);
}

bool ArgumentReader::WhereSomeoneWentOrCameFrom(const Entity& ent, int head, bool leaving) const {
  const auto& toks = ctx_.tokens();
  const Sentence& s = ctx_.an.sentences[toks[ent.first].sentence];
  // ("een inwoner van Hongkong": where someone lives.)
  const bool home = head > s.first && ctx_.WordIs(toks[head].lower, "genitive") && ctx_.lex.ClauseIs(toks[head - 1].lower, "resident");
  return home || Towards(ent) ||
         (head >= 0 && (ctx_.lex.ClauseIs(toks[head].lower, "destination") ||
                        (!leaving && ctx_.lex.ClauseIs(toks[head].lower, "provenance")))) ||
         (ent.last < s.last && ctx_.lex.ClauseIs(toks[ent.last].lower, "origin"));
}

bool ArgumentReader::Towards(const Entity& ent) const {
  const auto& toks = ctx_.tokens();
  const int first = ctx_.an.sentences[toks[ent.first].sentence].first;
  const int head = GoverningWord(toks, first, ent.first);
  // ("richting Brussel", "in de richting van Brussel")
  return head >= first && (ctx_.lex.ClauseIs(toks[head].lower, "direction") ||
                           (head > first && ctx_.WordIs(toks[head].lower, "genitive") &&
                            ctx_.lex.ClauseIs(toks[head - 1].lower, "direction")));
}

bool ArgumentReader::EndOfRoute(const Entity& ent) const {
  const auto& toks = ctx_.tokens();
  auto dash = [&](int k) { return k >= 0 && k < int(toks.size()) && (toks[k].lower == "-" || toks[k].lower == "–"); };
  auto place_at = [&](int k, bool starts) {
    if (k < 0 || k >= int(toks.size()) || ctx_.entity_at[k] < 0) return false;
    const Entity& e = ctx_.an.entities[ctx_.entity_at[k]];
    return (e.type == EntityType::kPlace || e.type == EntityType::kCountry) && (starts ? e.first == k : e.last == k + 1);
  };
  const int sentence = toks[ent.first].sentence;
  auto same = [&](int k) { return k >= 0 && k < int(toks.size()) && toks[k].sentence == sentence; };
  return (dash(ent.last) && same(ent.last + 1) && place_at(ent.last + 1, true)) ||
         (dash(ent.first - 1) && same(ent.first - 2) && place_at(ent.first - 2, false));
}

const Entity* ArgumentReader::StruckPlace(const PhraseMatch& trigger, int si) const {
  const Sentence& s = ctx_.an.sentences[si];
  const auto& toks = ctx_.tokens();
  bool by = false;
  for (int k = trigger.first - 1; k >= std::max(s.first, trigger.first - kStruckWords) && !by; --k)
    by = ctx_.lex.ClauseIs(toks[k].lower, "agent");
  if (!by) return nullptr;
  for (int k = trigger.end; k < std::min(s.last - 1, trigger.end + kStruckWords); ++k) {
    if (!ctx_.lex.ClauseIs(toks[k].lower, "stricken")) continue;
    const int e = ctx_.entity_at[k + 1];
    if (e < 0 || ctx_.an.entities[e].first != k + 1) return nullptr;
    const Entity& place = ctx_.an.entities[e];
    return place.type == EntityType::kPlace || place.type == EntityType::kCountry ? &place : nullptr;
  }
  return nullptr;
}

bool ArgumentReader::InClockNote(const Entity& ent) const {
  const auto& toks = ctx_.tokens();
  const Sentence& s = ctx_.an.sentences[toks[ent.first].sentence];
  int open = -1, close = -1;
  for (int k = ent.first - 1; k >= s.first && open < 0; --k) {
    if (toks[k].lower == ")") return false;
    if (toks[k].lower == "(") open = k;
  }
  for (int k = ent.last; k < s.last && close < 0; ++k) {
    if (toks[k].lower == "(") return false;
    if (toks[k].lower == ")") close = k;
  }
  if (open < 0 || close < 0) return false;
  for (int k = open + 1; k < close; ++k)
    if (ctx_.lex.ClauseIs(toks[k].lower, "clock")) return true;
  return false;
}

bool ArgumentReader::Reached(const Sentence& s, int head) const {
  // "werd gevoeld tot in Algerije", "gevoeld werd in Rabat", "was te voelen in Servië en in de
  // stad Graz": how far it reached, not where it happened (a later item of such a list too).
  const auto& toks = ctx_.tokens();
  for (int k = head; k > s.first && ctx_.lex.ClauseIs(toks[k].lower, "locative");) {
    if (ctx_.lex.ClauseIs(toks[k - 1].lower, "reach") ||
        (k - 2 >= s.first && ctx_.lex.ClauseIs(toks[k - 1].lower, "auxiliary") && ctx_.lex.ClauseIs(toks[k - 2].lower, "reach")))
      return true;
    if (toks[k - 1].lower != "," && !ctx_.WordIs(toks[k - 1].lower, "coordinator")) return false;
    int j = k - 2;  // back over the list's item before, to its locative
    while (j > s.first && j >= k - 1 - kPhraseWords && !ctx_.lex.ClauseIs(toks[j].lower, "locative") &&
           (toks[j].kind == TokenKind::kWord || toks[j].lower == ","))
      --j;
    if (j >= k - 1 || !ctx_.lex.ClauseIs(toks[j].lower, "locative")) return false;
    k = j;
  }
  return false;
}

bool ArgumentReader::NotTheSite(const Entity& ent, int head, bool leaving) const {
  const auto& toks = ctx_.tokens();
  if (EndOfRoute(ent)) return true;
  const Sentence& s = ctx_.an.sentences[toks[ent.first].sentence];
  if ((head >= 0 && ctx_.lex.ClauseIs(toks[head].lower, "agent")) || WhereSomeoneWentOrCameFrom(ent, head, leaving))
    return true;
  // "het skioord tussen Istanbul en Ankara", "de wedstrijd tussen België en Marokko":
  // what lies between places is at neither (but for a border between them).
  if (head >= 0 && ctx_.WordIs(toks[head].lower, "between") &&
      !(head > s.first && ctx_.lex.ClauseIs(toks[head - 1].lower, "border")))
    return true;
  // "tegen de oorlog in Soedan", "het geweld van het leger": the place of what the news is
  // about, not where it happened.
  if (head > s.first && (ctx_.lex.ClauseIs(toks[head].lower, "locative") || ctx_.WordIs(toks[head].lower, "genitive")) &&
      ctx_.lex.ClauseIs(toks[head - 1].lower, "topic"))
    return true;
  // "De rechtbank in Alkmaar": where a court sits.
  if (head > s.first && ctx_.lex.ClauseIs(toks[head].lower, "locative") && ctx_.lex.ClauseIs(toks[head - 1].lower, "seat"))
    return true;
  // "op 4 kilometer van de grens met Polen": the neighbour across a border, not the site.
  if (head > s.first && ctx_.lex.ClauseIs(toks[head].lower, "neighbour") && ctx_.lex.ClauseIs(toks[head - 1].lower, "border"))
    return true;
  if (Reached(s, head)) return true;
  // "om 22 uur plaatselijke tijd (middernacht bij ons in België)": where a time is told, not the site.
  if (InClockNote(ent)) return true;
  // "gebracht naar het ziekenhuis van Tilburg", "per helikopter naar een groot ziekenhuis in
  // Agadir", "naar het ziekenhuis zijn gebracht in Turijn": where someone was taken to (an
  // article and adjectives between, or the verb of taking).
  if (head - 3 < s.first ||
      !(ctx_.WordIs(toks[head].lower, "genitive") || ctx_.lex.ClauseIs(toks[head].lower, "locative")))
    return false;
  int site = head - 1;
  while (site > s.first && site >= head - kTakingWords &&
         (ctx_.lex.ClauseIs(toks[site].lower, "auxiliary") || ctx_.lex.ClauseIs(toks[site].lower, "taken")))
    --site;
  if (!ctx_.lex.sites.Lookup(toks[site].lower)) return false;
  for (int k = site - 1; k >= s.first && k >= site - kTakenToWords; --k) {
    if (ctx_.lex.ClauseIs(toks[k].lower, "destination")) return true;
    if (toks[k].kind != TokenKind::kWord || toks[k].capitalized) break;
  }
  return false;
}

Location ArgumentReader::LocationFor(const PhraseMatch& trigger, int si, const std::vector<int>& clauses,
                                     bool only_mention, bool cities_only, const Entity** chosen, bool leaving) const {
  const Sentence& s = ctx_.an.sentences[si];
  const auto& toks = ctx_.tokens();
  const int clause = clauses[trigger.first - s.first];
  Location loc;
  const Entity* place = nullptr;
  int best = 1 << 30;
  for (int i = s.first; i < s.last; ++i) {
    int e = ctx_.entity_at[i];
    if (e < 0 || ctx_.an.entities[e].first != i) continue;
    const Entity& ent = ctx_.an.entities[e];
    if (ent.type != EntityType::kPlace && (ent.type != EntityType::kCountry || cities_only)) continue;
    // 'Talibanstrijders' names no place; 'Amsterdam-Noord' is in Amsterdam.
    if (ent.partial && (ctx_.article.text[ent.span.end] != '-' || NamesTopic(ent))) continue;
    // A place fronted at the sentence's start sets the scene for its other
    // clauses too ("In Antwerpen liep het aantal arrestaties op nadat feestjes
    // op relletjes uitliepen"), not for what a trigger between governs ("In
    // Milaan protesteerden duizenden over de treinramp").
    const bool fronted = i - 1 == s.first && ctx_.lex.ClauseIs(toks[s.first].lower, "locative");
    // (A relative clause right after the trigger tells its place: "In Beieren hangen de vlaggen
    // halfstok na de mesaanval die vrijdag in Würzburg drie levens kostte".)
    const bool own = clauses[i - s.first] == clause ||
                     (i > trigger.last && trigger.end < s.last && ctx_.WordIs(toks[trigger.end].lower, "relative") &&
                      PlaceRightAfter(trigger, si, LocationOf(ent)));
    if (!only_mention && !fronted && !own) continue;
    if (int between = TriggerBetween(si, trigger.first, i);
        between >= 0 && !(fronted && clauses[between - s.first] != clause))
      continue;
    // Nor is the place of a doer ("de door Saoedi-Arabië geleide coalitie"),
    // a destination ("reisde naar Libië") or someone's origin ("de uit
    // Tunesië afkomstige verdachte").
    const int head = GoverningWord(toks, s.first, i);
    if (NotTheSite(ent, head, leaving) || QualifiesPlaceBefore(ent)) continue;
    // Nor a place in what "sinds" names after the trigger ("alle aanvallen sinds de oorlog in Gaza").
    if (i > trigger.last && SinceAnotherThing(si, trigger.first, i + 1)) continue;
    // A country before the trigger with no preposition is a doer ("Rusland
    // heeft raketaanvallen uitgevoerd op Oekraïne"), not the place; so is one inside
    // a trigger's gap ("de raketten die Iran op Israël afvuurde").
    const bool in_gap = i >= trigger.last && i < trigger.end;
    if (ent.type == EntityType::kCountry && (i < trigger.first || in_gap) &&
        !(i > s.first && IsPreposition(toks[i - 1].lower)))
      continue;
    // "de aanval van Rusland op Georgië": the country of the trigger's "van", a target after it, is the doer.
    if (ent.type == EntityType::kCountry && i == trigger.end + 1 && ctx_.WordIs(toks[trigger.end].lower, "genitive") &&
        ent.last < s.last && ctx_.lex.ClauseIs(toks[ent.last].lower, "target"))
      continue;
    // Nearest to the trigger, after it preferred; a city beats a country, and
    // a place named as a landmark ("in Hanau, in de buurt van Frankfurt") loses.
    // (After a split trigger, from its last word: "schoot 69 mensen dood op Utøya".)
    // (A place after the trigger counts from its preposition: "op het eiland Utøya" is as
    // near as "op Utøya".)
    const int from = i >= trigger.end ? trigger.end - 1 : trigger.first;
    const int at = i > from && head > from ? head : i;
    int d = std::abs(at - from) + (i < trigger.first ? 3 : 0) + (ent.type == EntityType::kCountry ? 6 : 0);
    if (AsLandmark(s.first, i, head)) d += kLandmarkPenalty;
    // (A place in the trigger's own clause beats one in the next: "In Eindhoven werden 55
    // mensen aangehouden, in Den Bosch 20".)
    if (!fronted && !own) d += kOtherClausePenalty;
    if (d < best) { best = d; place = &ent; }
  }
  if (const Entity* struck = StruckPlace(trigger, si)) place = struck;
  if (chosen) *chosen = place;
  if (place) {
    loc = LocationOf(*place);
    // "nabij de stad Bishoftu", "in de buurt van", "50 kilometer ten zuiden van".
    for (int k = place->first - 1; k >= std::max(s.first, place->first - kVicinityWords) && toks[k].kind == TokenKind::kWord; --k)
      loc.approximate = loc.approximate || (ctx_.lex.ClauseIs(toks[k].lower, "vicinity") &&
                                            !(k > s.first && ctx_.lex.ClauseIs(toks[k - 1].lower, "inside")));
  }
  // A facility in the trigger's clause, near the trigger or after a locative
  // ('op de luchthaven van Kaboel', 'rond de luchthaven', 'bij een iets
  // verderop gelegen hotel"); the nearest wins.
  int best_site = 1 << 30;
  std::string site;
  for (int i = s.first; i < s.last; ++i) {
    if (i >= trigger.first && i < trigger.end) continue;
    if (clauses[i - s.first] != clause && !(place && i < place->first && place->first - i <= 3)) continue;
    if (ctx_.quote_at[i] >= 0 && ctx_.quote_at[trigger.first] < 0) continue;
    const auto* row = ctx_.lex.sites.Lookup(toks[i].lower);
    if (!row) continue;
    bool locative = false;
    for (int k = i - 1; k >= std::max(s.first, i - 5) && !locative; --k) locative = ctx_.lex.ClauseIs(toks[k].lower, "locative");
    int d = std::abs(i - trigger.first);
    if (!locative && d > kSiteWindow) continue;
    if (d < best_site) { best_site = d; site = row->value; if (loc.span.empty()) loc.span = toks[i].span; }
  }
  if (!site.empty()) loc.sites.push_back(site);
  if (!loc.sites.empty()) loc.site = loc.name.empty() ? loc.sites[0] : loc.name + " " + loc.sites[0];
  return loc;
}

std::vector<Location> ArgumentReader::CoordinatedPlaces(const Entity& place, int si) const {
  const Sentence& s = ctx_.an.sentences[si];
  const auto& toks = ctx_.tokens();
  auto separator = [&](int k) { return toks[k].lower == "," || ctx_.WordIs(toks[k].lower, "coordinator"); };
  // The item that starts at token k (after "en", perhaps its own locative: "en in Gent").
  auto item_at = [&](int k) -> const Entity* {
    if (k < s.last && ctx_.lex.ClauseIs(toks[k].lower, "locative") && ctx_.WordIs(toks[k - 1].lower, "coordinator")) ++k;
    const int e = k < s.last ? ctx_.entity_at[k] : -1;
    return e >= 0 && ctx_.an.entities[e].first == k && ctx_.an.entities[e].type == place.type ? &ctx_.an.entities[e] : nullptr;
  };
  std::vector<const Entity*> items = {&place};
  bool coordinated = false;
  for (int k = place.last; k < s.last && separator(k);) {
    const Entity* next = item_at(k + 1);
    if (!next) break;
    coordinated = coordinated || toks[k].lower != ",";
    items.push_back(next);
    k = next->last;
  }
  for (const Entity* first = &place; first->first - 2 >= s.first;) {
    int k = first->first - 1;
    if (ctx_.lex.ClauseIs(toks[k].lower, "locative") && k - 1 > s.first && ctx_.WordIs(toks[k - 1].lower, "coordinator")) --k;
    if (!separator(k)) break;
    const int e = ctx_.entity_at[k - 1];
    if (e < 0 || ctx_.an.entities[e].last != k || ctx_.an.entities[e].type != place.type) break;
    coordinated = coordinated || toks[k].lower != ",";
    first = &ctx_.an.entities[e];
    items.insert(items.begin(), first);
  }
  // ("in Molenbeek, Brussel" names one place twice; "tussen Athene en Thessaloniki" a stretch.)
  const int opening = items.front()->first - 1;
  if (!coordinated || (opening >= s.first && ctx_.WordIs(toks[opening].lower, "between"))) return {};
  std::vector<Location> others;
  const Location here = LocationOf(place);
  for (const Entity* item : items) {
    const Location there = LocationOf(*item);
    if (item != &place && !item->partial && !NotTheSite(*item, GoverningWord(toks, s.first, item->first)) &&
        !LocationsCompatible(here, there))
      others.push_back(there);
  }
  return others;
}

bool ArgumentReader::PlaceWordIn(const PhraseMatch& trigger, int si, const std::vector<int>& clauses) const {
  const Sentence& s = ctx_.an.sentences[si];
  const auto& toks = ctx_.tokens();
  const int clause = clauses[trigger.first - s.first];
  bool there = false;
  int last_word = -1;
  for (int k = s.first; k < s.last; ++k) {
    if (clauses[k - s.first] != clause || toks[k].kind != TokenKind::kWord) continue;
    there = there || ctx_.WordIs(toks[k].lower, "there");
    last_word = k;
  }
  // "Daar gingen geruchten over": a preposition left at the clause's end takes "daar" as its object.
  return there && !ctx_.WordIs(toks[last_word].lower, "stranded");
}

Location ArgumentReader::PlaceNamedBefore(int si) const {
  if (si == 0) return Location();
  const Sentence& s = ctx_.an.sentences[si - 1];
  const Entity* place = nullptr;
  for (int i = s.first; i < s.last; ++i) {
    const int e = ctx_.entity_at[i];
    if (e < 0 || ctx_.an.entities[e].first != i) continue;
    const Entity& ent = ctx_.an.entities[e];
    if ((ent.type != EntityType::kPlace && ent.type != EntityType::kCountry) || ent.partial) continue;
    if (Towards(ent)) continue;
    // "in de provincies Antwerpen, Namen en Luik. Daar …": which of them is not said.
    if (place && place->id != ent.id) return Location();
    place = &ent;
  }
  return place ? LocationOf(*place) : Location();
}

Location ArgumentReader::PlaceAt(int si, int token, const Entity** chosen) const {
  PhraseMatch at{token, token + 1, token + 1, 0, ""};
  return LocationFor(at, si, Clauses(si), true, false, chosen);
}

bool ArgumentReader::WhereCaredFor(const Entity& place) const {
  const auto& toks = ctx_.tokens();
  const int first = ctx_.an.sentences[toks[place.first].sentence].first;
  const int head = GoverningWord(toks, first, place.first);
  return head > first && (ctx_.WordIs(toks[head].lower, "genitive") || ctx_.lex.ClauseIs(toks[head].lower, "locative")) &&
         ctx_.lex.ClauseIs(toks[head - 1].lower, "aftercare");
}

void ArgumentReader::MergeLocation(Location* into, const Location& from) const {
  if (from.id.empty() && from.sites.empty()) return;
  std::vector<std::string> sites = into->sites;
  for (const auto& s : from.sites)
    if (!Has(sites, s)) sites.push_back(s);
  // A country gives way to its city, a place near the event to the event's own.
  bool upgrade = !from.id.empty() && (into->id.empty() || (into->id == into->country && from.id != from.country &&
                                                           from.country == into->country) ||
                                      (into->approximate && !from.approximate && from.id != from.country));
  if (upgrade) {
    Span keep = into->span;
    *into = from;
    if (into->span.empty()) into->span = keep;
  }
  into->sites = sites;
  if (!into->sites.empty()) into->site = into->name.empty() ? into->sites[0] : into->name + " " + into->sites[0];
}

}  // namespace kroniek
