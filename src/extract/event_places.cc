// Where an article's events happened: those told without a place take the place of the
// events around them, else the article's main city or country (EventAssembler, events.h).
#include <algorithm>
#include <functional>
#include <map>

#include "extract/arguments.h"
#include "extract/events.h"

namespace kroniek {

void EventAssembler::MainPlaces(const Entity** main_city, const KbEntry** main_country) const {
  std::map<std::string, int> city_count;
  std::map<std::string, int> country_count;  // countries named, or named through their places
  // (A city not in the sentences that tell only an event dated long before the article: "In
  // Volkmarsen bij Kassel reed op 24 februari 2020 een man in op een carnavalsstoet", told
  // in a report of another attack; an anniversary's places are the event's own.)
  std::map<int, bool> long_ago_only;  // sentence -> tells only such events
  bool news = false;                  // an event not dated long before
  for (const Ev& e : events_) {
    const bool long_ago = DatedLongBefore(e);
    news = news || !long_ago;
    for (int si : e.mention_sentences) {
      auto [it, fresh] = long_ago_only.emplace(si, long_ago);
      if (!fresh) it->second = it->second && long_ago;
    }
  }
  for (const auto& ent : ctx_.an.entities) {
    if (ctx_.InAside(ctx_.tokens()[ent.first].sentence)) continue;  // another story's
    const auto it = long_ago_only.find(ctx_.tokens()[ent.first].sentence);
    const bool long_ago = news && it != long_ago_only.end() && it->second;
    // (Not through their people: "Israëlische supporters" in Amsterdam; nor through where
    // someone went or came from: "onderweg naar Amsterdam", "een getuige uit Breda".)
    const bool demonym = !ctx_.language.words().DemonymCountry(ctx_.tokens()[ent.first].lower).empty();
    if ((ent.type == EntityType::kPlace || ent.type == EntityType::kCountry) && !ent.country.empty() && !demonym &&
        !args_.WhereSomeoneWentOrCameFrom(ent))
      ++country_count[ent.country];
    if (ent.type == EntityType::kPlace && !ent.partial && !long_ago && !args_.NotTheSite(ent) &&
        ++city_count[ent.id] > (*main_city ? city_count[(*main_city)->id] : 0))
      *main_city = &ent;
  }
  // A city in a country the article names less than another is not where its
  // events happened ("het ministerie in Den Haag" in a report on Sri Lanka): that
  // other country is.
  // An article that names no city places its events in the country it names most, when
  // it names that one more than once and more than any other.
  auto top = std::max_element(country_count.begin(), country_count.end(),
                              [](const auto& a, const auto& b) { return a.second < b.second; });
  const bool sole_top = top != country_count.end() && top->second >= 2 &&
                        std::none_of(country_count.begin(), country_count.end(), [&](const auto& c) {
                          return c.first != top->first && c.second == top->second;
                        });
  if (top != country_count.end() &&
      (*main_city ? top->first != (*main_city)->country && top->second > country_count[(*main_city)->country]
                  : sole_top))
    *main_country = ctx_.language.kb().Country(top->first);
}

bool EventAssembler::DatedLongBefore(const Ev& e) const {
  const DayRange published = RangeOf(ctx_.article.published);
  return e.m.date.known() && published.known() && RangeOf(e.m.date).hi < published.lo - kBackgroundDays;
}

const Ev* EventAssembler::PlacedNearby(const Ev& e, const std::function<bool(const Location&)>& fits) const {
  const auto& sentences = ctx_.an.sentences;
  const int paragraph = sentences[e.m.first_sentence].paragraph;
  const Ev* best = nullptr;
  int best_distance = 1 << 30;
  // (Not where an event dated long before happened, for news: "In Keulen reed op 3 maart
  // 2019 een man in op een optocht", told after an attack the article reports.)
  const bool news = !DatedLongBefore(e);
  const bool aside = ctx_.InAside(e.m.first_sentence);
  for (const Ev& o : events_) {
    if (&o == &e || o.m.location.id.empty() || o.m.location.inferred || !fits(o.m.location)) continue;
    if (ctx_.InAside(o.m.first_sentence) != aside) continue;  // (another story's, or the article's)
    if (news && DatedLongBefore(o)) continue;
    for (int si : o.mention_sentences) {
      int d = std::abs(sentences[si].paragraph - paragraph);
      if (d <= 2 && std::abs(si - e.m.first_sentence) < best_distance) {
        best = &o;
        best_distance = std::abs(si - e.m.first_sentence);
      }
    }
  }
  return best;
}

bool EventAssembler::ToldByAdjective(const Location& loc) const {
  for (const auto& ent : ctx_.an.entities)
    if (ent.span.begin == loc.span.begin && ent.span.end == loc.span.end)
      return !ctx_.language.words().DemonymCountry(ctx_.tokens()[ent.first].lower).empty();
  return false;
}

void EventAssembler::InheritLocations() {
  // An event told without a place happened where the events around it did
  // (the same or the previous paragraphs); else in the article's main city.
  // One told only by its country's adjective ("voor de Griekse kust", "KOCANI (ANP) - … in
  // een Noord-Macedonische nachtclub") lies in such a place when it is in that country
  // (not one told in a country: "rellen in heel Frankrijk").
  const Entity* main_city = nullptr;
  const KbEntry* main_country = nullptr;
  MainPlaces(&main_city, &main_country);
  const Entity* dateline = ctx_.an.dateline_places.empty() ? nullptr : &ctx_.an.dateline_places.front();
  for (Ev& e : events_) {
    Location& loc = e.m.location;
    const bool country_only = !loc.id.empty() && loc.id == loc.country && ToldByAdjective(loc);
    if (!loc.id.empty() && !country_only) continue;
    const std::string& cls = ctx_.lex.ClassOf(e.m.type);
    if (country_only && cls == "movement") continue;
    auto fits = [&](const Location& l) { return !country_only || (l.country == loc.country && l.id != l.country); };
    Location from;
    if (const Ev* best = PlacedNearby(e, fits)) from = best->m.location;
    else if (ctx_.InAside(e.m.first_sentence)) continue;  // another story, not the article's
    else if (main_country && !country_only) from = LocationAt(*main_country);
    else if (main_city && fits(LocationAt(*main_city))) { from = LocationAt(*main_city); from.region = main_city->region; }
    else if (dateline && fits(LocationAt(*dateline))) { from = LocationAt(*dateline); from.region = dateline->region; }
    else continue;
    // A withdrawal or an evacuation leaves a country, not a neighbour's city.
    if (cls == "movement") {
      const KbEntry* country = ctx_.language.kb().Country(from.country);
      if (!country) continue;
      from = LocationAt(*country);
    }
    loc.id = from.id;
    loc.name = from.name;
    loc.country = from.country;
    loc.lat = from.lat;
    loc.lon = from.lon;
    loc.population = from.population;
    loc.region = from.region;  // (found by reports told of its region: "de deelstaat Odisha")
    loc.span = Span();
    loc.inferred = true;
    if (!loc.sites.empty()) loc.site = loc.name + " " + loc.sites[0];
  }
}

}  // namespace kroniek
