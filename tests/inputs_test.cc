// Every input kind, and every kind of bad input: a clear refusal naming the
// record and the reason, while the rest of the batch goes on.
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

#include "core/json_depth.h"
#include "ingest/inputs.h"

namespace kroniek {
namespace {

namespace fs = std::filesystem;

class Inputs : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("kroniek_inputs_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& data) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << data;
    return p.string();
  }
  std::string WriteGz(const std::string& name, const std::string& data) {
    fs::path p = dir_ / name;
    gzFile f = gzopen(p.string().c_str(), "wb");
    gzwrite(f, data.data(), unsigned(data.size()));
    gzclose(f);
    return p.string();
  }
  std::vector<InputRecord> Read(const std::vector<std::string>& inputs) {
    std::vector<InputRecord> out;
    ReadInputs(inputs, {}, [&](InputRecord&& r) { out.push_back(std::move(r)); });
    return out;
  }
  fs::path dir_;
};

TEST_F(Inputs, JsonLinesRecordsWithTheirMetadataAndUnknownFields) {
  std::string path = Write("feed.jsonl",
      R"({"id": "a1", "url": "https://example.org/1", "source": "De Krant", "published": "2024-03-13T08:00:00Z", "title": "Brand", "text": "Bij een brand vielen twee doden.", "section": "binnenland"})" "\n"
      "\n"
      R"({"id": "a2", "text": "Tekst twee."})" "\n");
  auto records = Read({path});
  ASSERT_EQ(records.size(), 2u);
  ASSERT_TRUE(records[0].status.ok()) << records[0].status.message();
  const Article& a = records[0].article;
  EXPECT_EQ(a.id, "a1");
  EXPECT_EQ(a.url, "https://example.org/1");
  EXPECT_EQ(a.source, "De Krant");
  EXPECT_EQ(a.title, "Brand");
  EXPECT_EQ(a.published.value, "2024-03-13");
  EXPECT_EQ(a.published.basis, DateBasis::kMetadata);
  EXPECT_NE(a.extra_json.find("binnenland"), std::string::npos);
  EXPECT_EQ(records[1].article.id, "a2");
  EXPECT_EQ(records[1].name, path + ":3");
}

TEST_F(Inputs, BadJsonLinesAreNamedByLineAndTheRestGoesOn) {
  std::string path = Write("bad.jsonl",
      "{\"id\": \"ok1\", \"text\": \"Goed.\"}\n"
      "{\"id\": \"broken\", \"text\": \n"
      "[1, 2]\n"
      "{\"id\": \"notext\"}\n"
      "{\"id\": \"empty\", \"text\": \"  \"}\n"
      "{\"id\": \"latin\", \"text\": \"caf\xe9\"}\n"
      "{\"id\": \"ok2\", \"text\": \"Ook goed.\"}\n");
  auto records = Read({path});
  ASSERT_EQ(records.size(), 7u);
  EXPECT_TRUE(records[0].status.ok());
  EXPECT_NE(records[1].status.message().find(path + ":2: refused: broken JSON"), std::string::npos);
  EXPECT_NE(records[2].status.message().find("must be a JSON object"), std::string::npos);
  EXPECT_NE(records[3].status.message().find("no \"text\""), std::string::npos);
  EXPECT_NE(records[4].status.message().find("empty"), std::string::npos);
  EXPECT_NE(records[5].status.message().find("invalid UTF-8"), std::string::npos);
  EXPECT_TRUE(records[6].status.ok());
  EXPECT_EQ(records[6].article.id, "ok2");
}

// JSON nested beyond the limit is refused before it is parsed (no stack
// overflow): at the limit a record still reads, one level more does not.
TEST_F(Inputs, DeeplyNestedJsonIsRefusedByNameAndTheRestGoesOn) {
  auto nested = [](int depth) {  // a record whose "extra" field holds `depth` - 1 arrays
    return "{\"id\": \"d" + std::to_string(depth) + "\", \"text\": \"Tekst.\", \"extra\": " +
           std::string(depth - 1, '[') + std::string(depth - 1, ']') + "}";
  };
  std::string path = Write("deep.jsonl", nested(kMaxJsonDepth) + "\n" + nested(kMaxJsonDepth + 1) + "\n" +
                                             nested(100000) + "\n{\"id\": \"ok\", \"text\": \"Goed.\"}\n");
  auto records = Read({path});
  ASSERT_EQ(records.size(), 4u);
  EXPECT_TRUE(records[0].status.ok()) << records[0].status.message();
  EXPECT_NE(records[1].status.message().find(path + ":2: refused: JSON nested deeper than 64 levels"), std::string::npos)
      << records[1].status.message();
  EXPECT_NE(records[2].status.message().find(path + ":3: refused: JSON nested deeper"), std::string::npos);
  EXPECT_TRUE(records[3].status.ok());
  // a .json document: its array of records is one level more
  std::string doc = Write("deep.json", "[" + nested(kMaxJsonDepth) + "]");
  records = Read({doc});
  ASSERT_EQ(records.size(), 1u);
  EXPECT_TRUE(records[0].status.ok()) << records[0].status.message();
  doc = Write("deeper.json", std::string(200000, '[') + std::string(200000, ']'));
  records = Read({doc});
  ASSERT_EQ(records.size(), 1u);
  EXPECT_NE(records[0].status.message().find("refused: JSON nested deeper"), std::string::npos);
  EXPECT_EQ(JsonDepth("{\"a\": \"[[[[\", \"b\": [{}]}"), 3);  // brackets in strings do not count
}

TEST_F(Inputs, HtmlMainTextWithoutNavigationOrScripts) {
  std::string path = Write("page.html", R"(<!doctype html><html><head><title>Site | Nieuws</title>
<meta property="article:published_time" content="2024-05-18T10:00:00+02:00">
<script>var tracking = "geen nieuws";</script></head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
<article><h1>Klimaatmars in Amsterdam</h1>
<p>In Amsterdam liepen zaterdag ongeveer 10.000 mensen mee in een klimaatmars, meldt de politie.</p>
<aside>Lees ook: iets anders</aside>
<figure><img src="x.jpg"><figcaption>Foto: ANP</figcaption></figure>
<p>De demonstratie verliep <b>rustig</b>.</p></article>
<footer>© De Krant</footer></body></html>)");
  auto records = Read({path});
  ASSERT_EQ(records.size(), 1u);
  ASSERT_TRUE(records[0].status.ok()) << records[0].status.message();
  const Article& a = records[0].article;
  EXPECT_EQ(a.title, "Klimaatmars in Amsterdam");
  EXPECT_EQ(a.published.value, "2024-05-18");
  EXPECT_EQ(a.text,
            "In Amsterdam liepen zaterdag ongeveer 10.000 mensen mee in een klimaatmars, meldt de politie.\n\n"
            "De demonstratie verliep rustig.");
}

TEST_F(Inputs, HostileHtmlIsRefused) {
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<div>";
  auto records = Read({Write("deep.html", "<html><body>" + deep + "tekst</body></html>"),
                       Write("empty.html", "<html><body><script>x()</script></body></html>"),
                       Write("ok.html", "<p>Bij een brand vielen doden.</p>")});
  ASSERT_EQ(records.size(), 3u);
  EXPECT_NE(records[0].status.message().find("nested deeper"), std::string::npos) << records[0].status.message();
  EXPECT_NE(records[1].status.message().find("no text"), std::string::npos) << records[1].status.message();
  EXPECT_TRUE(records[2].status.ok());
}

TEST_F(Inputs, GzipFilesAndBrokenGzip) {
  std::string good = WriteGz("article.txt.gz", " date 2024-01-02 Titel\n\nTekst van het artikel.\n");
  std::string feed = WriteGz("feed.jsonl.gz", "{\"id\": \"z1\", \"text\": \"Een.\"}\n{\"id\": \"z2\", \"text\": \"Twee.\"}\n");
  std::string broken = Write("broken.txt.gz", std::string("\x1f\x8b\x08\x00garbage", 12));
  auto records = Read({good, feed, broken});
  ASSERT_EQ(records.size(), 4u);
  ASSERT_TRUE(records[0].status.ok()) << records[0].status.message();
  EXPECT_EQ(records[0].article.id, "article");
  EXPECT_EQ(records[0].article.published.value, "2024-01-02");
  EXPECT_EQ(records[1].article.id, "z1");
  EXPECT_EQ(records[2].article.id, "z2");
  EXPECT_NE(records[3].status.message().find("gzip"), std::string::npos);
}

// A gzip that inflates far beyond an article is refused at the article limit,
// without inflating the rest; a gzipped JSON Lines file is read record by
// record, so one oversized record is refused by its line and the others read.
// Limits read before the HTML parser runs, at the limit and one past it:
// nesting (400 elements, <html> and <body> counted), elements, attributes.
TEST_F(Inputs, HtmlLimitsHoldBeforeParsing) {
  auto page = [](const std::string& inner) { return "<html><body>" + inner + "<p>Tekst van het artikel.</p></body></html>"; };
  auto divs = [](int n) {
    std::string open, close;
    for (int i = 0; i < n; ++i) open += "<div>", close += "</div>";
    return open + "<p>Tekst.</p>" + close;
  };
  std::string many_br, attributes_ok = "<p", attributes_over = "<p";
  for (int i = 0; i < 99996; ++i) many_br += "<br>";  // with html, body and three p: 100,000 elements
  for (int i = 0; i < 1000; ++i) attributes_ok += " a" + std::to_string(i) + "=\"1\"";
  attributes_over = attributes_ok + " extra>x</p>";
  attributes_ok += ">x</p>";
  auto records = Read({Write("d398.html", page(divs(398))), Write("d399.html", page(divs(399))),
                       Write("d80000.html", page(divs(80000))), Write("e100000.html", page("<p>x</p>" + many_br)),
                       Write("e100001.html", page("<p>x</p>" + many_br + "<br>")),
                       Write("a1000.html", page(attributes_ok)), Write("a1001.html", page(attributes_over))});
  ASSERT_EQ(records.size(), 7u);
  EXPECT_TRUE(records[0].status.ok()) << records[0].status.message();
  EXPECT_NE(records[1].status.message().find("nested deeper than 400"), std::string::npos) << records[1].status.message();
  EXPECT_NE(records[2].status.message().find("nested deeper than 400"), std::string::npos) << records[2].status.message();
  EXPECT_TRUE(records[3].status.ok()) << records[3].status.message();
  EXPECT_NE(records[4].status.message().find("more than 100000 elements"), std::string::npos) << records[4].status.message();
  EXPECT_TRUE(records[5].status.ok()) << records[5].status.message();
  EXPECT_NE(records[6].status.message().find("more than 1000 attributes"), std::string::npos) << records[6].status.message();
}

TEST_F(Inputs, GzipBombsStopAtTheLimit) {
  const size_t limit = IngestOptions().max_bytes;
  std::string bomb = WriteGz("bomb.txt.gz", std::string(64u << 20, 'a'));  // 64 MiB of one letter
  std::string exact = WriteGz("exact.txt.gz", std::string(limit, 'b'));
  std::string over = WriteGz("over.txt.gz", std::string(limit + 1, 'b'));
  auto records = Read({bomb, exact, over});
  ASSERT_EQ(records.size(), 3u);
  EXPECT_NE(records[0].status.message().find("gzip inflates beyond " + std::to_string(limit) + " bytes"),
            std::string::npos) << records[0].status.message();
  EXPECT_EQ(records[1].status.message().find("gzip inflates"), std::string::npos) << records[1].status.message();
  EXPECT_NE(records[2].status.message().find("gzip inflates beyond"), std::string::npos);

  const std::string big = "{\"id\": \"big\", \"text\": \"" + std::string(limit, 'x') + "\"}";
  std::string feed = WriteGz("feed.jsonl.gz", "{\"id\": \"z1\", \"text\": \"Een.\"}\n" + big +
                                                  "\n{\"id\": \"z3\", \"text\": \"Drie.\"}");
  records = Read({feed});
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].article.id, "z1");
  EXPECT_NE(records[1].status.message().find(feed + ":2: refused: more than"), std::string::npos)
      << records[1].status.message();
  EXPECT_EQ(records[2].article.id, "z3");  // the last line needs no newline
}

TEST_F(Inputs, FoldersInPathOrderSkippingHiddenAndOtherFiles) {
  Write("b/two.txt", "Twee.");
  Write("a/one.txt", "Een.");
  Write("a/.hidden.txt", "Verborgen.");
  Write("a/picture.jpg", "\xff\xd8\xff");
  Write("c/three.jsonl", "{\"id\": \"drie\", \"text\": \"Drie.\"}\n");
  auto records = Read({dir_.string()});
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].article.id, "one");
  EXPECT_EQ(records[1].article.id, "two");
  EXPECT_EQ(records[2].article.id, "drie");
}

TEST_F(Inputs, BadFilesAreNamed) {
  auto records = Read({Write("binary.txt", std::string("PK\x03\x04\0\0zip", 9)), (dir_ / "missing.txt").string(),
                       Write("big.txt", std::string(9u << 20, 'a'))});
  ASSERT_EQ(records.size(), 3u);
  EXPECT_NE(records[0].status.message().find("binary.txt: refused: binary"), std::string::npos)
      << records[0].status.message();
  EXPECT_NE(records[1].status.message().find("missing.txt: cannot open"), std::string::npos);
  EXPECT_NE(records[2].status.message().find("exceeds the limit"), std::string::npos);
}

}  // namespace
}  // namespace kroniek
