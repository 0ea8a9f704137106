// Per-article events on short articles of our own: an event keeps the most
// specific type its article supports, and only words that report an
// occurrence make events (no classifications, intertitles or parts told as
// events of their own).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "output/jsonl.h"
#include "test_util.h"

namespace kroniek {
namespace {

using nlohmann::json;

// The types of the article's events, in text order.
std::vector<std::string> Types(const std::string& text) {
  Article a = testing::MakeArticle(text, "2024-05-06");
  json out = testing::AnalyzeToJson(a);
  std::vector<std::string> types;
  for (const auto& e : out["events"]) types.push_back(e["type"].get<std::string>());
  return types;
}

using Vs = std::vector<std::string>;

// The killed counted after a sentence that tells two shootings are the one told last in it.
TEST(EventTyping, ACountAfterTwoEventsOfOneSentenceIsTheLatersOwn) {
  Article a = testing::MakeArticle(
      "In de stad Dayton is een schietpartij aan de gang.\n\nEnkele uren voor de schietpartij in Dayton richtte "
      "een man een bloedbad aan in de staat Texas. In een winkel schoot hij zeker 20 mensen dood.",
      "2019-08");
  json out = testing::AnalyzeToJson(a);
  ASSERT_EQ(out["events"].size(), 2u);
  EXPECT_TRUE(out["events"][0]["figures"].empty());
  ASSERT_EQ(out["events"][1]["figures"].size(), 1u);
  EXPECT_EQ(out["events"][1]["figures"][0]["value"], 20);
  EXPECT_EQ(out["events"][1]["location"]["id"], "geo:US.TX");
}

TEST(EventTyping, AnAttackToldAsAnExplosionIsABombing) {
  EXPECT_EQ(Types("Bij een aanslag in het centrum van Bagdad zijn zondag negen doden gevallen.\n\n"
                  "De explosie was tot ver in de stad te horen."),
            Vs({"bombing"}));
}

TEST(EventTyping, ACueWordInTheSentenceNamesTheType) {
  EXPECT_EQ(Types("Bij een aanslag met een bomauto in Mosul zijn twaalf mensen omgekomen."), Vs({"bombing"}));
  EXPECT_EQ(Types("Een man heeft zaterdag in Gent een aanval met een mes gepleegd op twee agenten."),
            Vs({"stabbing"}));
  EXPECT_EQ(Types("Boven Odesa waren vannacht explosies te horen toen drones de haven troffen."),
            Vs({"air_or_drone_strike"}));
}

TEST(EventTyping, AnUnnamedAttackInAStoryOfAirStrikesIsOneMore) {
  EXPECT_EQ(Types("Bij een luchtaanval op een markt in Idlib zijn maandag twaalf doden gevallen.\n\n"
                  "In Aleppo kwamen bij een aanval op een school zes mensen om."),
            Vs({"air_or_drone_strike", "air_or_drone_strike"}));
  // A foiled attack has no kind yet.
  EXPECT_EQ(Types("De politie heeft een aanslag in Keulen verijdeld.\n\n"
                  "Bij luchtaanvallen in Libanon vielen zondag twintig doden."),
            Vs({"attack_on_civilians", "air_or_drone_strike"}));
  // A kidnapping is no kind of attack an unnamed "aanslag" may turn out to be.
  EXPECT_EQ(Types("In Lagos zijn dinsdag drie journalisten ontvoerd.\n\n"
                  "In Abuja vielen bij een aanslag op een kerk vier doden."),
            Vs({"abduction", "attack_on_civilians"}));
}

TEST(EventTyping, TheArticleSaysWhichCrashItWas) {
  EXPECT_EQ(Types("Een passagiersvliegtuig met 80 inzittenden is zondag verdwenen boven de Andes.\n\n"
                  "Het toestel verloor kort na het opstijgen contact met de verkeerstoren.\n\n"
                  "Niemand heeft de crash overleefd."),
            Vs({"plane_crash"}));
}

TEST(EventTyping, ACollisionOfTrainsAndTheFireItCausedAreOneTrainCrash) {
  EXPECT_EQ(Types("Bij een frontale botsing tussen twee treinen bij Lyon zijn dinsdag zeven doden gevallen.\n\n"
                  "Door de klap brak er brand uit in twee wagons."),
            Vs({"train_crash"}));
  // the aircraft that blows up as it crashes
  EXPECT_EQ(Types("Een passagiersvliegtuig is zondag bij de landing in Lagos van de baan geraakt. "
                  "Het toestel botste tegen een hek en ontplofte. Vijf inzittenden kwamen om."),
            Vs({"plane_crash"}));
  EXPECT_EQ(Types("Een vrachtvliegtuig is maandag kort na het opstijgen neergestort bij Nairobi.\n\n"
                  "Daardoor ontstond een enorme explosie. Drie mensen kwamen om."),
            Vs({"plane_crash"}));
}

TEST(EventTyping, AVehicleDrivenIntoACrowdIsAnAttackAndTheShotAttackerPartOfIt) {
  EXPECT_EQ(Types("Een man is maandagavond in Marseille met een bestelwagen ingereden op een menigte.\n\n"
                  "De bestuurder werd even later door de politie doodgeschoten.\n\n"
                  "Bij de aanslag vielen vier doden."),
            Vs({"attack_on_civilians"}));
  EXPECT_EQ(Types("Bij een steekpartij in een winkelcentrum in Gent raakten drie mensen gewond. "
                  "De dader werd door agenten neergeschoten."),
            Vs({"stabbing"}));
  // told paragraphs after the attack, the article's only one
  EXPECT_EQ(Types("Een man heeft zaterdag in een station in Bremen drie reizigers neergestoken.\n\n"
                  "Twee van hen zijn zwaargewond.\n\n"
                  "Volgens de burgemeester heerst er grote verslagenheid.\n\n"
                  "Getuigen\n\n"
                  "De dader werd op het perron door een agent doodgeschoten."),
            Vs({"stabbing"}));
  // the police named before a relative clause that interrupts the sentence
  EXPECT_EQ(Types("Een man is in Leeds met een auto ingereden op bezoekers van een markt. "
                  "Toegesnelde agenten hebben de bestuurder, die een mes bij zich had, doodgeschoten."),
            Vs({"attack_on_civilians"}));
}

// A gunman shooting people, told first, is the news, not a phase after it: "de aanslag"
// told later names it.
TEST(EventTyping, AGunmanShootingPeopleIsTheAttackToldLater) {
  EXPECT_EQ(Types("In Graz heeft een schutter woensdagavond drie mensen doodgeschoten. "
                  "Na de aanslag vluchtte hij in een auto."),
            Vs({"shooting"}));
}

TEST(EventTyping, AShotAttackerToldElsewhereOrLaterIsAnEventOfItsOwn) {
  // another city: the suspect found and shot days after the attack
  EXPECT_EQ(Types("Bij een aanslag op een markt in Lyon vielen zes doden.\n\n"
                  "Donderdag werd de verdachte in Turijn door de politie doodgeschoten."),
            Vs({"attack_on_civilians", "shooting"}));
  // alone, the police shooting a man is the event
  EXPECT_EQ(Types("De politie heeft in Rotterdam een man doodgeschoten."), Vs({"shooting"}));
}

TEST(EventTyping, AClassificationTellsNoNewEvent) {
  EXPECT_EQ(Types("Bij een schietpartij in een café in Gent zijn twee doden gevallen.\n\n"
                  "Het parket gaat uit van een terreurdaad."),
            Vs({"shooting"}));
  EXPECT_EQ(Types("Het federaal parket beschouwt het als een terreuraanslag."), Vs());
}

TEST(EventTyping, AnIntertitleNamesNoType) {
  EXPECT_EQ(Types("Bij een aanslag op een markt in Kano zijn zondag elf doden gevallen.\n\n"
                  "Vuurgevecht\n\n"
                  "De daders ontkwamen."),
            Vs({"attack_on_civilians"}));
}

TEST(EventTyping, AHostageTakingDuringAShootingIsPartOfIt) {
  EXPECT_EQ(Types("Een gewapende man heeft dinsdag in Namen twee voorbijgangers doodgeschoten.\n\n"
                  "Daarna hield hij in een winkel een verkoopster gegijzeld."),
            Vs({"shooting"}));
}

// Storming the place where hostages are held, the fighting and the shots and blasts around
// it are phases of the hostage-taking, not a riot, a battle or a shooting of their own; a
// storming by a crowd is still a riot.
TEST(EventTyping, TheStormingOfAHostageTakingIsPartOfIt) {
  EXPECT_EQ(Types("Gewapende mannen hebben een school in Kazan bezet en honderden leerlingen gegijzeld.\n\n"
                  "Bij de bestorming van het gebouw vielen tientallen doden. Na hevige gevechten is het "
                  "complex in handen van het leger. Rond het gebouw werd urenlang geschoten en klonken twee explosies."),
            Vs({"abduction"}));
  EXPECT_EQ(Types("Honderden jongeren bestormden zaterdag het stadhuis van Gent."), Vs({"riot"}));
}

// An evacuation because of an attack or a disaster is part of it (its evacuated figure is
// that event's, as annotators of real news count it); one with no such cause is news of its own.
TEST(EventTyping, AnEvacuationBecauseOfAnAttackOrADisasterIsPartOfIt) {
  EXPECT_EQ(Types("In het station van Turijn is vrijdag een bom ontploft.\n\nHet station werd geëvacueerd."),
            Vs({"bombing"}));
  EXPECT_EQ(Types("Door een bosbrand bij Nîmes zijn woensdag 2000 inwoners geëvacueerd."), Vs({"fire"}));
  EXPECT_EQ(Types("Het leger heeft zondag 5000 burgers uit Charkiv geëvacueerd."), Vs({"evacuation"}));
}

// Floods a storm brings are part of it; a flood told first stays the news, the storm
// named after it does not take its later mentions.
TEST(EventTyping, FloodsAStormBringsArePartOfIt) {
  EXPECT_EQ(Types("Storm Ciarán trok donderdag over Toscane. Bij overstromingen kwamen daar vijf mensen om."),
            Vs({"storm"}));
  Article a = testing::MakeArticle("Bij een overstroming in Texas zijn twintig mensen omgekomen.\n\n"
                                   "De storm kwam zonder waarschuwing.\n\n"
                                   "De overstroming begon zaterdag bij de rivier.",
                                   "2024-05-08");
  json out = testing::AnalyzeToJson(a);
  ASSERT_EQ(out["events"].size(), 2u) << out["events"].dump(1);
  EXPECT_EQ(out["events"][0]["type"], "flood");
  EXPECT_EQ(out["events"][0]["date"]["value"], "2024-05-04");
  EXPECT_TRUE(out["events"][1]["date"]["value"].is_null()) << out["events"].dump(1);
}

// A part told with a date long before the article ("in 2019 stortten twee panden in") is
// another event than the undated news it could be a part of.
TEST(EventTyping, APartDatedLongBeforeIsAnEventOfItsOwn) {
  Article a = testing::MakeArticle("Bij een gasexplosie in een flat in Luik zijn zes bewoners omgekomen.\n\n"
                                   "In juni 2019 stortten in de stad al eens twee panden in.",
                                   "2024-05-08");
  json out = testing::AnalyzeToJson(a);
  ASSERT_EQ(out["events"].size(), 2u) << out["events"].dump(1);
  EXPECT_EQ(out["events"][0]["type"], "explosion_accident");
  EXPECT_TRUE(out["events"][0]["date"]["value"].is_null()) << out["events"].dump(1);
  EXPECT_EQ(out["events"][1]["date"]["value"], "2019-06");
}

// A lead that tells what, where and when ("Bij een brand in een pakhuis in Leiden zijn zondag
// …") a paragraph after an event it might be a part of opens another story, with its own
// toll. Told beside the event, or without a place or a time of its own, it stays a part.
TEST(EventTyping, ALeadAParagraphLaterOpensAStoryOfItsOwn) {
  Article a = testing::MakeArticle("Bij rellen in het centrum van Leiden raakten zondag vier agenten gewond.\n\n"
                                   "Bij een brand in een pakhuis in Leiden zijn zondag twee mensen omgekomen.",
                                   "2024-05-08");
  json out = testing::AnalyzeToJson(a);
  ASSERT_EQ(out["events"].size(), 2u) << out["events"].dump(1);
  EXPECT_EQ(out["events"][0]["type"], "riot");
  EXPECT_EQ(out["events"][1]["type"], "fire");
  ASSERT_EQ(out["events"][1]["figures"].size(), 1u) << out["events"].dump(1);
  EXPECT_EQ(out["events"][1]["figures"][0]["kind"], "killed");
  EXPECT_EQ(out["events"][1]["figures"][0]["value"], 2);
  EXPECT_EQ(out["events"][0]["figures"].size(), 1u) << out["events"].dump(1);
  EXPECT_EQ(Types("Bij rellen in Leiden raakten zondag vier agenten gewond. "
                  "Bij een brand in een winkel in Leiden raakten zondag twee agenten gewond."),
            Vs({"riot"}));
  EXPECT_EQ(Types("Bij rellen in Leiden raakten zondag vier agenten gewond.\n\n"
                  "Bij een brand in een winkel raakten twee agenten gewond."),
            Vs({"riot"}));
  EXPECT_EQ(Types("In Zwolle ontspoorde zondag een trein.\n\n"
                  "Bij een brand in een wagon in Zwolle raakten twee reizigers gewond."),
            Vs({"train_crash"}));
}

// Such a lead at another facility of the same town and day tells another event of the kind
// (a stabbing in a café, one in a supermarket); fusion keeps the article's two apart.
TEST(EventTyping, ALeadAtAnotherSiteIsAnotherEventOfTheKind) {
  Article a = testing::MakeArticle("Bij een steekpartij in een café in Venlo is zaterdag een man gedood.\n\n"
                                   "Bij een steekpartij in een supermarkt in Venlo raakte zaterdag een vrouw gewond.",
                                   "2024-05-08");
  json out = testing::AnalyzeToJson(a);
  ASSERT_EQ(out["events"].size(), 2u) << out["events"].dump(1);
  EXPECT_EQ(out["events"][0]["location"]["site"], "Venlo café");
  EXPECT_EQ(out["events"][1]["location"]["site"], "Venlo supermarket");
  EXPECT_EQ(out["events"][1]["figures"][0]["kind"], "injured");
  std::vector<Article> one = {a};
  auto result = BuildChronicle(testing::SharedPipeline(), std::move(one));
  size_t events = 0;
  for (const auto& e : result.chronicle->events()) events += !e.mentions.empty();
  EXPECT_EQ(events, 2u);
  // The same site, or a site told the second time only: one event.
  EXPECT_EQ(Types("Bij een steekpartij in een café in Venlo is zaterdag een man gedood.\n\n"
                  "Bij een steekpartij in het café in Venlo raakte zaterdag ook een vrouw gewond."),
            Vs({"stabbing"}));
  EXPECT_EQ(Types("Bij een steekpartij in Venlo is zaterdag een man gedood.\n\n"
                  "Bij een steekpartij in een café in Venlo raakte zaterdag ook een vrouw gewond."),
            Vs({"stabbing"}));
}

TEST(EventTyping, ANegatedAlternativeIsNoEvent) {
  EXPECT_EQ(Types("De politie gaat uit van een aanslag en niet van een verkeersongeval."), Vs());
}

// ACLED: a demonstration that turns into riots is a riot, the protest a part of it; one
// that only "turned violent" is left a protest (as the annotators of real news do).
TEST(EventTyping, AProtestThatTurnsIntoRiotsIsOneRiot) {
  EXPECT_EQ(Types("In Lyon ontaardde het protest tegen de pensioenhervorming zaterdag in rellen."), Vs({"riot"}));
  EXPECT_EQ(Types("In Lyon liep de betoging van de boeren zaterdag uit op plunderingen."), Vs({"riot"}));
  EXPECT_EQ(Types("In Lyon mondde de betoging van de boeren zaterdag uit in geweld."), Vs({"protest"}));
}

TEST(EventFigures, AFigureFarFromAnyTriggerGoesToTheEventTheArticleIsAbout) {
  Article a = testing::MakeArticle(
      "Bij een brand in een fabriek in Gent zijn dinsdag arbeiders omgekomen.\n\n"
      "De brand woedde urenlang.\n\n"
      "In 1998 verwoestte een brand een fabriek in Aalst.\n\n"
      "De eigenaar wil herbouwen.\n\n"
      "De vakbond eist een onderzoek.\n\n"
      "Het aantal doden staat voorlopig op zes.",
      "2024-05-08");
  json out = testing::AnalyzeToJson(a);
  ASSERT_EQ(out["events"].size(), 2u) << out["events"].dump(1);
  ASSERT_EQ(out["events"][0]["figures"].size(), 1u) << out["events"].dump(1);
  EXPECT_EQ(out["events"][0]["figures"][0]["value"], 6);
}

// The values of the killed figures of each event, in text order.
std::vector<std::vector<double>> KilledPerEvent(const std::string& text) {
  Article a = testing::MakeArticle(text, "2024-05-16");
  json out = testing::AnalyzeToJson(a);
  std::vector<std::vector<double>> per_event;
  for (const auto& e : out["events"]) {
    per_event.emplace_back();
    for (const auto& f : e["figures"])
      if (f["kind"] == "killed" && f["value"].is_number()) per_event.back().push_back(f["value"].get<double>());
  }
  return per_event;
}

TEST(EventFigures, ACountToldOfTwoEventsAtOnePlaceIsTheFirstOnes) {
  using Counts = std::vector<std::vector<double>>;
  EXPECT_EQ(KilledPerEvent("Een brand in een loods in Lyon kostte dinsdag acht mensen het leven.\n\n"
                           "Zaterdag betoogden duizenden bewoners in Lyon tegen de woningnood. "
                           "Acht mensen stierven bij de brand."),
            Counts({{8}, {}}));
  // two places, two counts that happen to be equal
  EXPECT_EQ(KilledPerEvent("Bij een raketaanval op Charkiv vielen dinsdag drie doden.\n\n"
                           "Bij een droneaanval op Odesa kwamen woensdag ook drie mensen om."),
            Counts({{3}, {3}}));
}

TEST(EventFigures, AFigureAtACityOfItsOwnIsOfTheSameKindOfEventThere) {
  Article a = testing::MakeArticle(
      "Rusland heeft vrijdag raketaanvallen uitgevoerd op Kyiv. In Dnipro vielen zeker twee doden.", "2024-05-08");
  json out = testing::AnalyzeToJson(a);
  ASSERT_EQ(out["events"].size(), 2u) << out["events"].dump(1);
  EXPECT_EQ(out["events"][1]["type"], "rocket_or_missile_attack");
  EXPECT_EQ(out["events"][1]["location"]["id"], "dnipro");
  ASSERT_EQ(out["events"][1]["figures"].size(), 1u);
  EXPECT_EQ(out["events"][1]["figures"][0]["value"], 2);
}

TEST(EventDates, WhatHappenedIsNotDatedAfterItsArticle) {
  // "in februari" read as the next February must not date the shooting.
  Article a = testing::MakeArticle(" date 2016-12 Titel\n\nBij een schietpartij in Gent vielen twee doden.\n\n"
                                   "De dader kwam in februari naar België.\n");
  json out = testing::AnalyzeToJson(a);
  ASSERT_EQ(out["events"].size(), 1u);
  EXPECT_TRUE(out["events"][0]["date"]["value"].is_null()) << out["events"][0]["date"].dump();
}

TEST(EventTyping, ThePlaceOfAnotherTriggerIsNotTheEventsPlace) {
  Article a = testing::MakeArticle(
      "In Milaan hebben duizenden mensen geprotesteerd over de treinramp van vorige week.", "2024-05-06");
  json out = testing::AnalyzeToJson(a);
  ASSERT_EQ(out["events"].size(), 2u);
  EXPECT_EQ(out["events"][0]["type"], "protest");
  EXPECT_EQ(out["events"][0]["location"]["name"], "Milan");
  EXPECT_EQ(out["events"][1]["type"], "train_crash");
  // Not read from the sentence (at most inherited from the events around it).
  const json& loc = out["events"][1]["location"];
  EXPECT_TRUE(loc.is_null() || loc.value("inferred", false));
}

// A ramming recalled with its date, long before the report ("reed op 3 maart 2019 een man in
// op": the indefinite past the verb's first part), is another event than the undated news,
// and its city is not where the news happened.
TEST(EventTyping, ARammingRecalledWithItsDateIsAnotherEventAndPlace) {
  Article a = testing::MakeArticle("Bij een aanslag met een auto in een winkelstraat zijn twee mensen omgekomen.\n\n"
                                   "In Keulen reed op 3 maart 2019 een man in op een optocht. Daarbij raakten 150 "
                                   "mensen gewond.",
                                   "2020-12-01");
  json out = testing::AnalyzeToJson(a);
  ASSERT_EQ(out["events"].size(), 2u) << out["events"].dump(1);
  EXPECT_TRUE(out["events"][0]["date"]["value"].is_null());
  EXPECT_TRUE(out["events"][0]["location"].is_null()) << out["events"][0]["location"].dump();
  ASSERT_EQ(out["events"][0]["figures"].size(), 1u);
  EXPECT_EQ(out["events"][0]["figures"][0]["value"], 2);
  EXPECT_EQ(out["events"][1]["date"]["value"], "2019-03-03");
  EXPECT_EQ(out["events"][1]["location"]["id"], "cologne");
  ASSERT_EQ(out["events"][1]["figures"].size(), 1u);
  EXPECT_EQ(out["events"][1]["figures"][0]["value"], 150);
}

// In an undated article, the day written out later ("op donderdag 13 februari") is the day
// of the event told first by its weekday ("Donderdag"), not another event's.
TEST(EventDates, ADayWithTheWeekdayToldBeforeDatesThatEvent) {
  Article a = testing::MakeArticle("Donderdag is in Gouda een auto ingereden op een groep toeschouwers.\n\n"
                                   "Zoals gemeld reed op donderdag 13 februari 2025 een man met zijn auto in op een "
                                   "groep toeschouwers aan de Markt. Er raakten twaalf mensen gewond.");
  json out = testing::AnalyzeToJson(a);
  ASSERT_EQ(out["events"].size(), 1u) << out["events"].dump(1);
  EXPECT_EQ(out["events"][0]["date"]["value"], "2025-02-13");
  ASSERT_EQ(out["events"][0]["figures"].size(), 1u);
  EXPECT_EQ(out["events"][0]["figures"][0]["value"], 12);
}

// A region in brackets after a town says where the town is ("Kassel (Hessen)").
TEST(EventTyping, ARegionInBracketsAfterATownIsNotThePlace) {
  Article a = testing::MakeArticle("In Kassel (Hessen) is zaterdag een brand uitgebroken in een fabriek.", "2024-05-06");
  json out = testing::AnalyzeToJson(a);
  ASSERT_EQ(out["events"].size(), 1u);
  EXPECT_EQ(out["events"][0]["location"]["id"], "geo:DE:kassel");
}

// A time in a relative clause on the victims ("die Halloween wilden vieren") is not the day
// they died ("zaterdagavond").
TEST(EventDates, ARelativeClauseOnTheVictimsDatesNoEvent) {
  Article a = testing::MakeArticle("Minstens 40 mensen die Halloween wilden vieren in een wijk van Keulen, zijn "
                                   "zaterdagavond gestorven. Ze werden verdrukt in de massa.",
                                   "2022-11-02");
  json out = testing::AnalyzeToJson(a);
  ASSERT_EQ(out["events"].size(), 1u);
  EXPECT_EQ(out["events"][0]["date"]["value"], "2022-10-29");
  EXPECT_EQ(out["events"][0]["date"]["text"], "zaterdagavond");
}

}  // namespace
}  // namespace kroniek
