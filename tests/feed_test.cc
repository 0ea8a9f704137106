#include "ingest/feed.h"

#include <gtest/gtest.h>

namespace kroniek {
namespace {

TEST(FeedDate, Rfc822AndRfc3339) {
  EXPECT_EQ(FeedDate("Wed, 15 Feb 2023 06:30:00 +0100"), "2023-02-15");
  EXPECT_EQ(FeedDate("5 Mar 23 10:00 GMT"), "2023-03-05");
  EXPECT_EQ(FeedDate("2024-07-10T12:00:00Z"), "2024-07-10");
  EXPECT_EQ(FeedDate("2024-07-10"), "2024-07-10");
  EXPECT_EQ(FeedDate("gisteren"), "");
  EXPECT_EQ(FeedDate("Wed, 15 Foo 2023"), "");
}

TEST(ParseFeed, Rss2ItemsWithoutLinksDropped) {
  Feed feed;
  ASSERT_TRUE(ParseFeed("f", R"(<?xml version="1.0"?><rss version="2.0"><channel><title>Krant</title>
    <item><title>A</title><link>http://x/a</link><pubDate>Mon, 02 Jan 2023 10:00:00 GMT</pubDate></item>
    <item><title>B</title><guid>http://x/b</guid></item><item><title>no link</title></item></channel></rss>)",
                        &feed).ok());
  EXPECT_EQ(feed.title, "Krant");
  ASSERT_EQ(feed.items.size(), 2u);
  EXPECT_EQ(feed.items[0].link, "http://x/a");
  EXPECT_EQ(feed.items[0].published, "2023-01-02");
  EXPECT_EQ(feed.items[1].link, "http://x/b");
}

TEST(ParseFeed, AtomAndRdf) {
  Feed atom;
  ASSERT_TRUE(ParseFeed("a", R"(<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>E</title>
    <link rel="self" href="http://x/self"/><link href="http://x/e"/><published>2022-05-01T00:00:00Z</published>
    </entry></feed>)", &atom).ok());
  ASSERT_EQ(atom.items.size(), 1u);
  EXPECT_EQ(atom.items[0].link, "http://x/e");
  EXPECT_EQ(atom.items[0].published, "2022-05-01");
  Feed rdf;
  ASSERT_TRUE(ParseFeed("r", R"(<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>R</title></channel>
    <item><title>I</title><link>http://x/i</link><dc:date>2021-08-30</dc:date></item></rdf:RDF>)", &rdf).ok());
  ASSERT_EQ(rdf.items.size(), 1u);
  EXPECT_EQ(rdf.items[0].published, "2021-08-30");
  EXPECT_TRUE(LooksLikeFeed("<?xml version=\"1.0\"?>\n<!-- c --><rss>"));
  EXPECT_FALSE(LooksLikeFeed("<!doctype html><html>"));
}

TEST(ParseFeed, RefusesEntitiesAndBrokenXml) {
  Feed feed;
  Status st = ParseFeed("f", R"(<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "x">]><rss><channel><title>&a;</title></channel></rss>)",
                        &feed);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("f: refused"), std::string::npos);
  EXPECT_FALSE(ParseFeed("g", "<rss><channel>", &feed).ok());
}

}  // namespace
}  // namespace kroniek
