// kroniek — news articles in, a sourced event chronicle out.
//
//   kroniek [--lang CODE] analyze [--format jsonl|pretty] [--published DATE] FILE…|-
//   kroniek chronicle [--format jsonl|text] FILE…
//   kroniek eval-clusters --gold GOLD.json FILE…
//   kroniek eval --gold GOLD.jsonl [--errors] OUTPUT.jsonl…
//   kroniek ingest|articles|events|event|changes|export|correct|reanalyze|check|serve --db FILE …
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <iomanip>
#include <set>

#include "eval/cluster_score.h"
#include "eval/fact_score.h"
#include "ingest/inputs.h"
#include "output/chronicle_out.h"
#include "pipeline/driver.h"
#include "cli/store_commands.h"
#include "serve/serve.h"
#include "store/store.h"

namespace {

using kroniek::cli::LoadPipeline;

// $KRONIEK_WEB, else share/kroniek/web beside an installed binary, else the
// build's web/ folder when it was built.
std::string DefaultWebDir() {
  if (const char* env = std::getenv("KRONIEK_WEB")) return env;
  if (std::string installed = kroniek::InstalledDir("web"); !installed.empty()) return installed;
  std::error_code ec;
  return std::filesystem::exists(std::string(KRONIEK_WEB_DIR) + "/index.html", ec) ? KRONIEK_WEB_DIR : "";
}
using kroniek::cli::OpenStore;

// Names the articles read without events because their language has no resources.
void SayUnsupported(const std::vector<std::string>& unsupported) {
  for (const auto& u : unsupported) std::cerr << "kroniek: " << u << "\n";
  if (!unsupported.empty())
    std::cerr << "kroniek: " << unsupported.size() << " unsupported (no resources for their language; kept without events)\n";
}

int Analyze(const std::vector<std::string>& files, const std::string& format, const std::string& published,
            const std::string& lang, const std::string& resources) {
  kroniek::IngestOptions opts;
  opts.lang = lang;
  if (!published.empty()) {
    auto d = kroniek::ParseIsoDate(published);
    if (!d) {
      std::cerr << "kroniek: --published '" << published << "': expected YYYY, YYYY-MM or YYYY-MM-DD\n";
      return 2;
    }
    opts.published = *d;
  }
  auto pipeline = LoadPipeline(resources);
  if (!pipeline) return 2;
  std::vector<std::string> unsupported;
  kroniek::JsonLinesSink sink(*pipeline, std::cout, format == "pretty", &unsupported);
  int failed = 0;
  kroniek::Drive(*pipeline, kroniek::FromInputs(files, opts), sink, {}, kroniek::cli::Refused(&failed));
  SayUnsupported(unsupported);
  return failed ? 1 : 0;
}

int Chronicle(const std::vector<std::string>& files, const std::string& db, const std::string& format,
              const kroniek::IngestOptions& opts, const std::string& resources) {
  if (files.empty() && db.empty()) {
    std::cerr << "kroniek chronicle: give articles, --db FILE, or both\n";
    return 2;
  }
  // The store alone: its chronicle as kept (stored ids, corrections applied).
  if (files.empty()) return kroniek::cli::StoredChronicle(db, format);
  auto pipeline = LoadPipeline(resources);
  if (!pipeline) return 2;
  std::unique_ptr<kroniek::Store> store;
  if (!db.empty() && !(store = OpenStore(db, kroniek::Store::Mode::kWrite))) return 2;
  // The stored articles, then the files. An article given twice (stored and as
  // a file) is fused once, as ingest would; one whose id names another (two
  // folders' "001.txt") takes a distinct id.
  std::vector<kroniek::InputRecord> stored;  // read at once: no read is held open while analysing
  if (store) {
    auto st = store->ForEach([&](const nlohmann::json& r) { stored.push_back(kroniek::StoredRecord(db, r)); });
    if (!st.ok()) {
      std::cerr << "kroniek: " << st.message() << "\n";
      return 2;
    }
  }
  kroniek::ArticleSource source = [&, files_source = kroniek::FromInputs(files, opts)](const auto& emit) {
    for (auto& r : stored) emit(std::move(r));
    files_source(emit);
  };
  kroniek::ChronicleSink sink(*pipeline, true);
  int failed = 0;
  kroniek::Drive(*pipeline, source, sink, {}, kroniek::cli::Refused(&failed));
  for (const auto& note : sink.notes) std::cerr << "kroniek: " << note << "\n";
  std::vector<std::string> unsupported;
  auto result = sink.Chronicle(&unsupported);
  SayUnsupported(unsupported);
  if (format == "text") kroniek::WriteChronicleText(result, std::cout);
  else kroniek::WriteChronicleJsonl(result, std::cout);
  return failed ? 1 : 0;
}

int EvalClusters(const std::string& gold_path, const std::vector<std::string>& files, const kroniek::IngestOptions& opts,
                 const std::string& resources) {
  std::ifstream in(gold_path);
  if (!in) {
    std::cerr << "kroniek: " << gold_path << ": cannot open\n";
    return 2;
  }
  nlohmann::json gold;
  try {
    gold = nlohmann::json::parse(in);
  } catch (const std::exception& e) {
    std::cerr << "kroniek: " << gold_path << ": not JSON: " << e.what() << "\n";
    return 2;
  }
  auto pipeline = LoadPipeline(resources);
  if (!pipeline) return 2;
  kroniek::ChronicleSink sink(*pipeline);
  int failed = 0;
  kroniek::Drive(*pipeline, kroniek::FromInputs(files, opts), sink, {}, kroniek::cli::Refused(&failed));
  std::vector<std::string> unsupported;
  auto result = sink.Chronicle(&unsupported);
  SayUnsupported(unsupported);
  kroniek::ClusterScores s;
  if (auto st = kroniek::ScoreClusters(*result.chronicle, gold, &s); !st.ok()) {
    std::cerr << "kroniek: " << gold_path << ": " << st.message() << "\n";
    return 2;
  }
  for (const auto& p : s.problems) std::cerr << "kroniek: " << gold_path << ": " << p << "\n";
  auto row = [](const char* name, const kroniek::PRF& m) {
    std::cout << std::left << std::setw(7) << name << std::fixed << std::setprecision(3) << " P " << m.precision
              << "  R " << m.recall << "  F1 " << m.f1 << "\n";
  };
  std::cout << gold.value("set", gold_path) << ": " << s.mentions << " gold mentions, " << s.unmatched
            << " without a system event\n";
  row("MUC", s.muc);
  row("B3", s.b3);
  row("CEAF-e", s.ceafe);
  std::cout << "CoNLL  F1 " << std::fixed << std::setprecision(3) << s.conll << "\n";
  if (s.days + s.coarse > 0)
    std::cout << "dates  fused day right " << s.days_right << " of " << s.days << "; over-precise " << s.over_precise
              << " of " << s.coarse << "\n";
  if (s.real_days > 0)
    std::cout << "days   real day left alone " << s.real_days_left << " of " << s.real_days << "\n";
  return failed ? 1 : 0;
}

int EvalFacts(const std::string& gold_path, const std::vector<std::string>& outputs, bool errors) {
  std::vector<nlohmann::json> gold, system;
  auto st = kroniek::ReadJsonLines(gold_path, &gold);
  for (size_t i = 0; st.ok() && i < outputs.size(); ++i) st = kroniek::ReadJsonLines(outputs[i], &system);
  kroniek::FactScores s;
  if (st.ok()) st = kroniek::ScoreFacts(gold, system, &s);
  if (!st.ok()) {
    std::cerr << "kroniek: " << st.message() << "\n";
    return 2;
  }
  if (errors)
    for (const auto& e : s.errors) std::cout << e << "\n";
  std::cout << s.articles << " gold articles\n"
            << std::left << std::setw(22) << "" << std::right << std::setw(6) << "gold" << std::setw(8) << "system"
            << std::setw(9) << "matched" << std::setw(7) << "P" << std::setw(7) << "R" << std::setw(7) << "F1\n";
  for (const auto& [name, c] : s.rows)
    std::cout << std::left << std::setw(22) << name << std::right << std::setw(6) << c.gold << std::setw(8)
              << c.system << std::setw(9) << c.matched << std::fixed << std::setprecision(3) << std::setw(7)
              << c.Precision() << std::setw(7) << c.Recall() << std::setw(7) << c.F1() << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"kroniek: news articles in, a sourced event chronicle out"};
  app.require_subcommand(1);
  std::string resources = kroniek::DefaultResourceDir();
  app.add_option("--resources", resources, "resources folder (language data and knowledge base)");
  bool vague_figures = false;
  kroniek::IngestOptions read_options;  // how every command reads its input articles
  app.add_option("--lang", read_options.lang,
                 "language of the articles read by analyze, chronicle, eval-clusters and ingest whose record gives "
                 "none (default: CLD2 decides, nl when unsure)")
      ->check([](const std::string& s) {
        return kroniek::IsLanguageCode(s) ? std::string() : "a language code such as nl (ISO 639)";
      });
  app.add_flag("--vague-figures", vague_figures,
               "keep vague plurals (dozens, hundreds) as figures with no value and a range low..high");

  auto* analyze = app.add_subcommand("analyze", "analyze articles: one JSON line per article (SCHEMA.md)");
  std::vector<std::string> files;
  std::string format = "jsonl", published;
  analyze->add_option("files", files, "text, JSON Lines or HTML files (.gz too), folders, or - for stdin")->required();
  analyze->add_option("--format", format, "jsonl (one line per article) or pretty")
      ->check(CLI::IsMember({"jsonl", "pretty"}));
  analyze->add_option("--published", published, "publication date of every file (YYYY[-MM[-DD]])");

  auto* chronicle = app.add_subcommand("chronicle", "fuse articles into events with reconciled figures (SCHEMA.md)");
  std::vector<std::string> chronicle_files;
  std::string chronicle_format = "jsonl";
  std::string chronicle_db;
  chronicle->add_option("files", chronicle_files, "text, JSON Lines or HTML files (.gz too), folders, or - for stdin");
  chronicle->add_option("--db", chronicle_db,
                        "the chronicle kept in this store (kroniek ingest); with files, the stored articles fused "
                        "with them (nothing is saved)");
  chronicle->add_option("--format", chronicle_format, "jsonl (one line per event, then per article) or text")
      ->check(CLI::IsMember({"jsonl", "text"}));

  auto* ingest = app.add_subcommand("ingest", "analyze and store articles once each in a SQLite file, updating its events");
  std::string db = "kroniek.db";
  std::vector<std::string> ingest_files;
  int batch = 1024;
  ingest->add_option("--db", db, "the store (created when missing)");
  ingest->add_option("--batch", batch, "articles per transaction")->check(CLI::Range(1, 100000));
  int ingest_threads = 0;
  ingest->add_option("--threads", ingest_threads, "analysis threads (0: one per core)")->check(CLI::Range(0, 256));
  ingest->add_option("files", ingest_files,
                     "text, JSON Lines or HTML files (.gz too), folders, - for stdin, http(s) URLs of pages or "
                     "RSS/Atom feeds")->required();
  kroniek::IngestOptions ingest_options;
  ingest->add_option("--timeout", ingest_options.fetch.timeout_seconds, "seconds per URL fetch")
      ->check(CLI::Range(1, 3600));
  ingest->add_option("--retries", ingest_options.fetch.retries,
                     "tries again after a network error, 429 or 5xx (with a growing pause)")->check(CLI::Range(0, 10));
  ingest->add_option("--max-feed-items", ingest_options.max_feed_items, "items read from one feed")
      ->check(CLI::Range(1, 100000));
  std::vector<std::string> allow_hosts;
  ingest->add_option("--allow-host", allow_hosts,
                     "HOST:PORT fetched although its address is not public (loopback, private); repeatable")
      ->allow_extra_args(false);  // one HOST:PORT per --allow-host
  int every = 0;
  ingest->add_option("--every", every, "read the inputs again every this many seconds, until stopped (feeds)")
      ->check(CLI::Range(0, 86400 * 7));

  auto* articles = app.add_subcommand("articles", "list the stored articles (JSON Lines, without their text)");
  std::string articles_text;
  articles->add_option("--db", db, "the store");
  articles->add_option("--text", articles_text, "only articles whose title or text match (SQLite FTS5: words, \"a phrase\", OR, NOT, prefix*)");

  kroniek::EventQuery query;
  double min_killed = -1;
  std::string events_format = "jsonl";
  auto add_filters = [&](CLI::App* cmd) {
    cmd->add_option("--db", db, "the store");
    cmd->add_option("--from", query.from, "events on or after this date (YYYY[-MM[-DD]])");
    cmd->add_option("--to", query.to, "events on or before this date (YYYY[-MM[-DD]])");
    cmd->add_option("--place", query.place, "place or country id, or a place name");
    cmd->add_option("--actor", query.actor, "actor id, or part of a name");
    cmd->add_option("--type", query.type, "event type (SCHEMA.md)");
    cmd->add_option("--min-killed", min_killed, "at least this many killed (best total)");
    cmd->add_option("--text", query.text, "reported by an article matching this (SQLite FTS5)");
  };
  auto* events = app.add_subcommand("events", "query the stored events (chronicle records)");
  add_filters(events);
  events->add_option("--limit", query.limit, "at most this many")->check(CLI::Range(1, 1000000));
  events->add_option("--offset", query.offset, "skip this many")->check(CLI::NonNegativeNumber);
  events->add_option("--format", events_format, "jsonl or text")->check(CLI::IsMember({"jsonl", "text"}));

  auto* event = app.add_subcommand("event", "one stored event: reports, sources, verdicts, toll history, corrections");
  std::string event_id;
  event->add_option("--db", db, "the store");
  event->add_option("id", event_id, "event id (ev…)")->required();

  auto* changes = app.add_subcommand("changes", "new events and changed best figures, oldest first (JSON Lines)");
  std::string since;
  int64_t after = 0;
  int changes_limit = 10000;
  changes->add_option("--db", db, "the store");
  changes->add_option("--since", since, "from this time on (ISO 8601 UTC, e.g. 2026-11-27T10:00:00Z, or a date)");
  changes->add_option("--after", after, "after this change number (a cursor for polling)");
  changes->add_option("--limit", changes_limit, "at most this many")->check(CLI::Range(1, 1000000));

  auto* export_cmd = app.add_subcommand("export", "export the stored events: jsonl, csv (ACLED columns) or geojson");
  std::string export_format = "jsonl";
  add_filters(export_cmd);
  export_cmd->add_option("--format", export_format, "jsonl, csv or geojson")
      ->check(CLI::IsMember({"jsonl", "csv", "geojson"}));

  auto* correct = app.add_subcommand("correct", "correct the chronicle: merge, split, relink, set_figure, reject_figure");
  kroniek::Correction correction;
  std::string correction_args = "{}";
  correct->add_option("--db", db, "the store");
  correct->add_option("action", correction.action, "merge | split | relink | set_figure | reject_figure")->required();
  correct->add_option("--who", correction.who, "who makes the correction")->required();
  correct->add_option("--why", correction.why, "why")->required();
  correct->add_option("--args", correction_args,
                      "JSON: merge {\"events\":[A,B]}; split {\"event\":A,\"mentions\":[{\"article\":X,\"event\":\"e2\"}]}; "
                      "relink {\"mention\":{…},\"to\":B}; set_figure {\"event\":A,\"kind\":\"killed\",\"value\":N}; "
                      "reject_figure {\"event\":A,\"kind\":K,\"article\":X,\"span\":[b,e]}")
      ->required();

  auto* reanalyze = app.add_subcommand("reanalyze", "analyze every stored article again and rebuild the events (corrections kept)");
  reanalyze->add_option("--db", db, "the store");
  auto* check = app.add_subcommand("check", "check the store: SQLite's integrity_check and kroniek's own invariants");
  check->add_option("--db", db, "the store");

  auto* serve = app.add_subcommand("serve", "serve the store over HTTP: the JSON API (/api/openapi.json) and the web page");
  kroniek::ServeOptions serve_options;
  std::string token_file;
  int max_body_mib = 16;
  bool quiet = false;
  serve->add_option("--db", db, "the store");
  serve->add_option("--host", serve_options.host, "address to listen on (127.0.0.1: this machine only)");
  serve->add_option("--port", serve_options.port, "port (0: any free one; the port is printed)")->check(CLI::Range(0, 65535));
  serve_options.web_dir = DefaultWebDir();
  serve->add_option("--web", serve_options.web_dir, "folder of the web page's files (\"\": none)");
  serve->add_option("--token-file", token_file,
                    "file holding the token that POST /api/articles and /api/corrections need "
                    "(or $KRONIEK_TOKEN); without one the server is read-only");
  serve->add_option("--max-body", max_body_mib, "largest request body, in MiB")->check(CLI::Range(1, 1024));
  serve->add_option("--rate", serve_options.rate_per_minute, "requests per minute per client (0: no limit)")
      ->check(CLI::NonNegativeNumber);
  serve->add_option("--threads", serve_options.threads, "request workers")->check(CLI::Range(1, 256));
  serve->add_option("--max-connections", serve_options.max_connections, "open connections in all")
      ->check(CLI::Range(1, 1 << 20));
  serve->add_option("--max-per-client", serve_options.max_per_client, "open connections per client address")
      ->check(CLI::Range(1, 1 << 20));
  serve->add_option("--idle-timeout", serve_options.idle_timeout, "seconds before a silent connection is closed")
      ->check(CLI::Range(1, 3600));
  serve->add_flag("--quiet", quiet, "no access log on stderr");

  auto* eval_clusters = app.add_subcommand("eval-clusters", "score clustering against gold clusters (MUC, B3, CEAF-e, CoNLL)");
  std::string gold;
  std::vector<std::string> eval_files;
  eval_clusters->add_option("--gold", gold, "gold clusters (JSON)")->required();
  eval_clusters->add_option("files", eval_files, "the articles the gold speaks of")->required();

  auto* eval = app.add_subcommand("eval", "score analyzed articles against gold facts (precision, recall, F1)");
  std::string fact_gold;
  std::vector<std::string> outputs;
  bool list_errors = false;
  eval->add_option("--gold", fact_gold, "gold facts (JSON Lines, one article per line)")->required();
  eval->add_option("outputs", outputs, "`kroniek analyze` output, optionally followed by `kroniek chronicle` output")
      ->required();
  eval->add_flag("--errors", list_errors, "list every missed and spurious fact first");

  CLI11_PARSE(app, argc, argv);
  kroniek::cli::KeepVagueFigures(vague_figures);
  if (*eval) return EvalFacts(fact_gold, outputs, list_errors);
  if (*eval_clusters) return EvalClusters(gold, eval_files, read_options, resources);
  if (*analyze) return Analyze(files, format, published, read_options.lang, resources);
  if (*chronicle) return Chronicle(chronicle_files, chronicle_db, chronicle_format, read_options, resources);
  if (min_killed >= 0) query.min_killed = min_killed;
  namespace cli = kroniek::cli;
  if (*ingest) {
    for (const auto& host : allow_hosts)
      if (auto st = kroniek::AllowHost(host, &ingest_options.fetch); !st.ok()) {
        std::cerr << "kroniek: " << st.message() << "\n";
        return 2;
      }
    ingest_options.lang = read_options.lang;
    return cli::Ingest(db, ingest_files, ingest_options, batch, ingest_threads, every, resources);
  }
  if (*articles) return cli::Articles(db, articles_text);
  if ((*events || *export_cmd) && !query.place.empty()) {  // "Gent" is also the place ghent
    auto pipeline = LoadPipeline(resources);
    if (!pipeline) return 2;
    query.place_ids = pipeline->PlaceIds(query.place);
  }
  if (*events) return cli::Events(db, query, events_format);
  if (*event) return cli::ShowEvent(db, event_id);
  if (*changes) return cli::Changes(db, since, after, changes_limit);
  if (*export_cmd) return cli::Export(db, query, export_format, resources);
  if (*reanalyze) return cli::Reanalyze(db, resources);
  if (*check) return cli::Check(db);
  if (*serve) {
    serve_options.db = db;
    serve_options.resources = resources;
    serve_options.max_body = size_t(max_body_mib) << 20;
    serve_options.access_log = !quiet;
    return cli::Serve(serve_options, token_file);
  }
  if (*correct) {
    correction.args = nlohmann::json::parse(correction_args, nullptr, false);
    if (correction.args.is_discarded()) {
      std::cerr << "kroniek correct: --args is not JSON: " << correction_args << "\n";
      return 2;
    }
    return cli::Correct(db, correction, resources);
  }
  return 0;
}
