// Golden end-to-end tests: each *.expect file names an article and the facts
// its analysis must contain (values, kinds, dates — never copied sentences).
//
// Format, one fact per line, attributes as key=value ("…" for spaces):
//   article PATH            relative to the .expect file, or $SHARED/… for ../shared
//                           (default: the .txt of the same name)
//   published DATE          as --published
//   event  type= date= from= status= place= site= sites=a,b perpetrator= claimed_by=
//          target= responder= channel= relation=TYPE:EVENT_TYPE
//   figure event=TYPE kind= value=N|null qualifier= group= source= sources=a,b
//          claim=true part_of_kind= low= high= count=N
//   no-figure  (same keys as figure: no figure may match)
//   quote kind= speaker= affiliation= text=SUBSTRING
//   no-quote text=SUBSTRING
//   stance actor= stance= toward=
//   cleaned kind=
//   time value= precision=
//   no-event type= …
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "output/jsonl.h"
#include "test_util.h"

namespace kroniek {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using Attrs = std::map<std::string, std::string>;

struct Expectation {
  int line = 0;
  std::string verb;
  Attrs attrs;
};

std::vector<Expectation> ParseExpect(const fs::path& path, std::string* article, std::string* published) {
  std::ifstream in(path);
  std::vector<Expectation> out;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    Expectation e{n};
    words >> e.verb;
    if (e.verb == "article") { words >> *article; continue; }
    if (e.verb == "published") { words >> *published; continue; }
    std::string rest;
    std::getline(words, rest);
    size_t i = 0;
    while (i < rest.size()) {
      while (i < rest.size() && rest[i] == ' ') ++i;
      if (i >= rest.size()) break;
      size_t eq = rest.find('=', i);
      std::string key = rest.substr(i, eq - i), value;
      i = eq + 1;
      if (i < rest.size() && rest[i] == '"') {
        size_t close = rest.find('"', i + 1);
        value = rest.substr(i + 1, close - i - 1);
        i = close + 1;
      } else {
        size_t sp = rest.find(' ', i);
        value = rest.substr(i, sp == std::string::npos ? std::string::npos : sp - i);
        i = sp == std::string::npos ? rest.size() : sp;
      }
      e.attrs[key] = value;
    }
    out.push_back(e);
  }
  return out;
}

std::vector<std::string> SplitComma(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string part;
  while (std::getline(ss, part, ',')) out.push_back(part);
  return out;
}

std::string Str(const json& j) { return j.is_null() ? "null" : j.is_string() ? j.get<std::string>() : j.dump(); }

bool NumberIs(const json& j, const std::string& want) {
  if (want == "null") return j.is_null();
  return j.is_number() && j.get<double>() == std::stod(want);
}

bool EventMatches(const json& ev, const json& events, const Attrs& a) {
  for (const auto& [key, want] : a) {
    if (key == "type" && ev["type"] != want) return false;
    if (key == "date" && Str(ev["date"]["value"]) != want) return false;
    if (key == "from" && Str(ev["date"]["from"]) != want) return false;
    if (key == "precision" && ev["date"]["precision"] != want) return false;
    if (key == "status" && ev["status"] != want) return false;
    if (key == "place" && (ev["location"].is_null() || Str(ev["location"]["id"]) != want)) return false;
    if (key == "country" && (ev["location"].is_null() || Str(ev["location"]["country"]) != want)) return false;
    if (key == "site" && (ev["location"].is_null() || Str(ev["location"]["site"]) != want)) return false;
    if (key == "sites") {
      if (ev["location"].is_null()) return false;
      json sites = ev["location"].contains("sites") ? ev["location"]["sites"] : json::array();
      for (const auto& s : SplitComma(want))
        if (std::find(sites.begin(), sites.end(), s) == sites.end()) return false;
    }
    if (key == "perpetrator" || key == "claimed_by" || key == "target" || key == "responder" || key == "victim") {
      bool found = false;
      for (const auto& actor : ev["actors"]) found |= actor["role"] == key && actor["id"] == want;
      if (!found) return false;
    }
    if (key == "channel") {
      bool found = false;
      for (const auto& c : ev["claims"]) found |= Str(c["channel"]) == want;
      if (!found) return false;
    }
    if (key == "relation") {
      auto colon = want.find(':');
      bool found = false;
      for (const auto& r : ev["relations"])
        for (const auto& other : events)
          found |= r["type"] == want.substr(0, colon) && other["id"] == r["event"] && other["type"] == want.substr(colon + 1);
      if (!found) return false;
    }
  }
  return true;
}

bool FigureMatches(const json& f, const json& ev, const Attrs& a) {
  for (const auto& [key, want] : a) {
    if (key == "event" && ev["type"] != want) return false;
    if (key == "kind" && f["kind"] != want) return false;
    if (key == "value" && !NumberIs(f["value"], want)) return false;
    if (key == "low" && !NumberIs(f["low"], want)) return false;
    if (key == "high" && !NumberIs(f["high"], want)) return false;
    if (key == "qualifier" && f["qualifier"] != want) return false;
    if (key == "group" && f["group"] != want) return false;
    if (key == "source" && (want == "null" ? !f["according_to"].is_null()
                                            : (f["according_to"].is_null() || f["according_to"]["id"] != want)))
      return false;
    if (key == "sources") {
      json all = f.contains("sources") ? f["sources"] : json::array({f["according_to"]});
      for (const auto& id : SplitComma(want)) {
        bool found = false;
        for (const auto& s : all) found |= !s.is_null() && s["id"] == id;
        if (!found) return false;
      }
    }
    if (key == "claim" && (f.value("claim", false) != (want == "true"))) return false;
    if (key == "part_of_kind") {
      if (f["part_of"].is_null()) return false;
      if (ev["figures"][f["part_of"].get<int>()]["kind"] != want) return false;
    }
  }
  return true;
}

class GoldenTest : public ::testing::TestWithParam<fs::path> {};

TEST_P(GoldenTest, FactsHold) {
  const fs::path expect = GetParam();
  std::string article_path, published;
  auto expectations = ParseExpect(expect, &article_path, &published);
  fs::path article_file = fs::path(expect).replace_extension(".txt");
  if (article_path.rfind("$SHARED/", 0) == 0) article_file = fs::path(testing::SharedDir()) / article_path.substr(8);
  else if (!article_path.empty()) article_file = expect.parent_path() / article_path;
  if (!fs::exists(article_file)) {
    if (testing::InCI()) FAIL() << article_file << " is missing (CI=true)";
    GTEST_SKIP() << article_file << " not found";
  }
  IngestOptions opts;
  if (!published.empty()) opts.published = *ParseIsoDate(published);
  Article article;
  Status st = ReadArticleFile(article_file.string(), opts, &article);
  ASSERT_TRUE(st.ok()) << st.message();
  const json out = testing::SharedPipeline().RunToJson(article);
  const json& events = out["events"];
  for (const auto& e : expectations) {
    SCOPED_TRACE(expect.filename().string() + ":" + std::to_string(e.line) + ": " + e.verb);
    if (e.verb == "event" || e.verb == "no-event") {
      bool found = false;
      for (const auto& ev : events) found |= EventMatches(ev, events, e.attrs);
      EXPECT_EQ(found, e.verb == "event") << out["events"].dump(1);
    } else if (e.verb == "figure" || e.verb == "no-figure") {
      int matches = 0;
      Attrs attrs = e.attrs;
      attrs.erase("count");
      for (const auto& ev : events)
        for (const auto& f : ev["figures"]) matches += FigureMatches(f, ev, attrs);
      if (e.verb == "no-figure") EXPECT_EQ(matches, 0) << out["events"].dump(1);
      else if (e.attrs.count("count")) EXPECT_EQ(matches, std::stoi(e.attrs.at("count"))) << out["events"].dump(1);
      else EXPECT_GT(matches, 0) << out["events"].dump(1);
    } else if (e.verb == "quote" || e.verb == "no-quote") {
      bool found = false;
      for (const auto& q : out["quotes"]) {
        bool ok = true;
        std::string surface = article.text.substr(q["span"][0].get<size_t>(), q["span"][1].get<size_t>() - q["span"][0].get<size_t>());
        for (const auto& [key, want] : e.attrs) {
          if (key == "kind") ok &= q["kind"] == want;
          if (key == "speaker") ok &= Str(q["speaker"]["id"]) == want;
          if (key == "affiliation") ok &= Str(q["speaker"]["affiliation"]) == want;
          if (key == "text") ok &= surface.find(want) != std::string::npos;
        }
        found |= ok;
      }
      EXPECT_EQ(found, e.verb == "quote") << out["quotes"].dump(1);
    } else if (e.verb == "stance") {
      bool found = false;
      for (const auto& ev : events)
        for (const auto& s : ev["stances"]) {
          bool ok = true;
          for (const auto& [key, want] : e.attrs) {
            if (key == "actor") ok &= s["actor"]["id"] == want;
            if (key == "stance") ok &= s["stance"] == want;
            if (key == "toward") ok &= s["toward"]["id"] == want;
            if (key == "event") ok &= ev["type"] == want;
          }
          found |= ok;
        }
      EXPECT_TRUE(found) << out["events"].dump(1);
    } else if (e.verb == "cleaned") {
      bool found = false;
      for (const auto& c : out["cleaned"]) found |= c["kind"] == e.attrs.at("kind");
      EXPECT_TRUE(found);
    } else if (e.verb == "time") {
      bool found = false;
      for (const auto& t : out["times"]) {
        bool ok = true;
        for (const auto& [key, want] : e.attrs) {
          if (key == "value") ok &= Str(t["value"]) == want;
          if (key == "precision") ok &= t["precision"] == want;
          if (key == "text") ok &= Str(t["text"]) == want;
        }
        found |= ok;
      }
      EXPECT_TRUE(found) << out["times"].dump(1);
    } else if (e.verb == "published") {
    } else {
      ADD_FAILURE() << "unknown expectation '" << e.verb << "'";
    }
  }
}

std::vector<fs::path> ExpectFiles() {
  std::vector<fs::path> out;
  for (const char* dir : {"examples/nl", "tests/golden"}) {
    fs::path d = fs::path(testing::SourceDir()) / dir;
    if (!fs::exists(d)) continue;
    for (const auto& entry : fs::directory_iterator(d))
      if (entry.path().extension() == ".expect") out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string Name(const ::testing::TestParamInfo<fs::path>& info) {
  std::string s = info.param.stem().string();
  for (char& c : s)
    if (!isalnum(static_cast<unsigned char>(c))) c = '_';
  return s;
}

INSTANTIATE_TEST_SUITE_P(Articles, GoldenTest, ::testing::ValuesIn(ExpectFiles()), Name);

}  // namespace
}  // namespace kroniek
