#include "cli/store_commands.h"

#include <unistd.h>

#include <chrono>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <thread>

#include "ingest/inputs.h"
#include "output/chronicle_out.h"
#include "output/event_detail.h"
#include "output/export.h"
#include "pipeline/store_driver.h"

namespace kroniek::cli {

std::unique_ptr<Store> OpenStore(const std::string& db, Store::Mode mode) {
  std::unique_ptr<Store> store;
  if (auto st = Store::Open(db, mode, &store); !st.ok()) {
    std::cerr << "kroniek: " << st.message() << "\n";
    return nullptr;
  }
  return store;
}

namespace {
bool keep_vague_figures = false;  // set once from the command line, before any pipeline loads
}  // namespace

void KeepVagueFigures(bool keep) { keep_vague_figures = keep; }

std::function<Status(const Status&)> Refused(int* failed) {
  return [failed](const Status& st) {
    std::cerr << "kroniek: " << st.message() << "\n";
    ++*failed;
    return Status();
  };
}

std::unique_ptr<Pipeline> LoadPipeline(const std::string& resources, bool for_store) {
  auto pipeline = std::make_unique<Pipeline>();
  if (auto st = pipeline->Load(resources); !st.ok()) {
    std::cerr << "kroniek: " << st.message() << "\n";
    return nullptr;
  }
  pipeline->KeepVagueFigures(keep_vague_figures);
  pipeline->KeepMarks(for_store);
  return pipeline;
}

namespace {

// A progress line on a terminal (rate and, when the total is known, ETA);
// nothing when stderr is a pipe or a file.
class Progress {
 public:
  Progress() : tty_(isatty(STDERR_FILENO)), start_(std::chrono::steady_clock::now()) {}
  void Show(int done, int total, const char* what) {
    if (!tty_) return;
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    double rate = s > 0 ? done / s : 0;
    std::fprintf(stderr, "\r%s %d", what, done);
    if (total > 0) {
      std::fprintf(stderr, "/%d [", total);
      const int width = 30, filled = total ? width * done / total : 0;
      for (int i = 0; i < width; ++i) std::fputc(i < filled ? '#' : '.', stderr);
      std::fprintf(stderr, "] ETA %.0fs", rate > 0 ? (total - done) / rate : 0.0);
    }
    std::fprintf(stderr, "  %.0f articles/s   ", rate);
    std::fflush(stderr);
  }
  void Done() {
    if (tty_) std::fputc('\n', stderr);
  }

 private:
  bool tty_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace

int Ingest(const std::string& db, const std::vector<std::string>& inputs, const IngestOptions& options, int batch_size,
           int threads, int every_seconds, const std::string& resources) {
  auto store = OpenStore(db, Store::Mode::kCreate);
  auto pipeline = store ? LoadPipeline(resources, true) : nullptr;
  if (!pipeline) return 2;
  StoreDriver driver(*pipeline, *store, threads);
  Progress progress;
  // Articles stored by an older kroniek (or cleared for re-analysis) first.
  if (auto st = driver.CatchUp(batch_size, [&](int d, int t) { progress.Show(d, t, "analyzing stored articles"); });
      !st.ok()) {
    std::cerr << "kroniek: " << st.message() << "\n";
    return 2;
  }
  IngestOptions opts = options;
  opts.known_url = [&](const std::string& url) {
    Article probe;
    probe.id = probe.url = url;
    bool known = false;
    return store->Known(probe, &known).ok() && known;
  };
  std::map<std::string, Validators> validators;  // unchanged feeds are not read again
  opts.validators = &validators;
  bool any_failed = false;
  // Once, or every `every_seconds` until stopped (a feed polled all day).
  for (int round = 1;; ++round) {
    IngestCounts counts;
    std::vector<std::string> errors;
    int seen = 0;
    StoreDriver::NewArticles sink(driver, &counts, &errors, &errors);
    sink.after_batch = [&] {
      for (const auto& e : errors) std::cerr << "kroniek: " << e << "\n";
      errors.clear();
      progress.Show(seen, 0, "ingested");
    };
    // Feed items known already are duplicates, not read again.
    ArticleSource source = [&](const std::function<void(InputRecord&&)>& emit) {
      ReadInputs(inputs, opts, [&](InputRecord&& r) {
        if (r.known) ++counts.duplicates;
        else if (r.status.ok()) ++seen;
        emit(std::move(r));
      });
    };
    Status st = Drive(*pipeline, source, sink, {size_t(batch_size), threads}, Refused(&counts.failed));
    if (!st.ok()) {
      std::cerr << "kroniek: " << st.message() << "\n";
      ++counts.failed;
    }
    progress.Done();
    std::cerr << "kroniek: " << db << ": " << (every_seconds ? "round " + std::to_string(round) + ": " : "")
              << counts.added << " new, " << counts.duplicates << " duplicate, " << counts.failed << " failed, "
              << counts.unsupported << " unsupported"
              << std::endl;
    any_failed |= counts.failed > 0;
    if (every_seconds <= 0) break;
    std::this_thread::sleep_for(std::chrono::seconds(every_seconds));
  }
  return any_failed ? 1 : 0;
}

int Articles(const std::string& db, const std::string& text_query) {
  auto store = OpenStore(db, Store::Mode::kRead);
  if (!store) return 2;
  auto st = store->ForEach([&](const nlohmann::json& record) {
    nlohmann::json row = record;
    row.erase("text");
    std::cout << row.dump() << "\n";
  }, text_query);
  if (!st.ok()) {
    std::cerr << "kroniek: " << st.message() << "\n";
    return 2;
  }
  return 0;
}

int Events(const std::string& db, const EventQuery& query, const std::string& format) {
  auto store = OpenStore(db, Store::Mode::kRead);
  if (!store) return 2;
  std::vector<nlohmann::json> events;
  if (auto st = store->Events(query, &events); !st.ok()) {
    std::cerr << "kroniek: " << st.message() << "\n";
    return 2;
  }
  for (const auto& r : events) {
    if (format == "jsonl") {
      std::cout << r.dump() << "\n";
      continue;
    }
    const auto& ev = r["event"];
    std::cout << ev["id"].get<std::string>() << "  "
              << DateText(ev["date"]) << "  "
              << ev["type"].get<std::string>();
    if (ev["location"].is_object() && ev["location"]["name"].is_string())
      std::cout << " in " << ev["location"]["name"].get<std::string>();
    if (ev["totals"].contains("killed")) std::cout << "  killed " << ev["totals"]["killed"];
    std::cout << "  (" << ev["mentions"].size() << " mentions)\n";
  }
  return 0;
}

int StoredChronicle(const std::string& db, const std::string& format) {
  auto store = OpenStore(db, Store::Mode::kRead);
  if (!store) return 2;
  auto st = store->ForEachEvent({}, [&](const nlohmann::json& r) {
    if (format == "text") WriteEventText(r, std::cout);
    else std::cout << r.dump() << "\n";
  });
  if (!st.ok()) {
    std::cerr << "kroniek: " << st.message() << "\n";
    return 2;
  }
  return 0;
}

int ShowEvent(const std::string& db, const std::string& id) {
  auto store = OpenStore(db, Store::Mode::kRead);
  if (!store) return 2;
  nlohmann::json detail;
  if (auto st = EventDetail(*store, id, &detail); !st.ok()) {
    std::cerr << "kroniek: " << st.message() << "\n";
    return 2;
  }
  if (detail.is_null()) {
    std::cerr << "kroniek: " << db << ": no event '" << id << "'\n";
    return 1;
  }
  std::cout << detail.dump(2) << "\n";
  return 0;
}

int Changes(const std::string& db, const std::string& since, int64_t after, int limit) {
  auto store = OpenStore(db, Store::Mode::kRead);
  if (!store) return 2;
  std::vector<Change> changes;
  if (auto st = store->Changes(since, after, limit, &changes); !st.ok()) {
    std::cerr << "kroniek: " << st.message() << "\n";
    return 2;
  }
  for (const auto& c : changes) std::cout << ChangeToJson(c).dump() << "\n";
  return 0;
}

int Export(const std::string& db, const EventQuery& query, const std::string& format, const std::string& resources) {
  auto store = OpenStore(db, Store::Mode::kRead);
  if (!store) return 2;
  auto exporter = MakeExporter(format, ExportContextOf(*store, resources));
  exporter->Begin(std::cout);
  if (auto st = store->ForEachEvent(query, [&](const nlohmann::json& r) { exporter->Add(r, std::cout); }); !st.ok()) {
    std::cerr << "kroniek: " << st.message() << "\n";
    return 2;
  }
  exporter->End(std::cout);
  return 0;
}

int Correct(const std::string& db, const Correction& correction, const std::string& resources) {
  auto store = OpenStore(db, Store::Mode::kWrite);
  auto pipeline = store ? LoadPipeline(resources, true) : nullptr;
  if (!pipeline) return 2;
  StoreDriver driver(*pipeline, *store);
  nlohmann::json result;
  if (auto st = driver.Correct(correction, &result); !st.ok()) {
    std::cerr << "kroniek: " << db << ": correction refused: " << st.message() << "\n";
    return 1;
  }
  std::cout << result.dump() << "\n";
  return 0;
}

int Reanalyze(const std::string& db, const std::string& resources) {
  auto store = OpenStore(db, Store::Mode::kWrite);
  auto pipeline = store ? LoadPipeline(resources, true) : nullptr;
  if (!pipeline) return 2;
  StoreDriver driver(*pipeline, *store);
  Progress progress;
  auto st = driver.Reanalyze(1024, [&](int d, int t) { progress.Show(d, t, "re-analyzing"); });
  progress.Done();
  if (!st.ok()) {
    std::cerr << "kroniek: " << st.message() << "\n";
    return 2;
  }
  return 0;
}

int Check(const std::string& db) {
  auto store = OpenStore(db, Store::Mode::kRead);
  if (!store) return 2;
  std::vector<std::string> problems;
  if (auto st = store->Check(&problems); !st.ok()) {
    std::cerr << "kroniek: " << st.message() << "\n";
    return 2;
  }
  for (const auto& p : problems) std::cerr << "kroniek: " << db << ": " << p << "\n";
  if (problems.empty()) std::cout << db << ": ok\n";
  return problems.empty() ? 0 : 1;
}

int Serve(ServeOptions options, const std::string& token_file) {
  if (!token_file.empty()) {
    std::ifstream in(token_file);
    if (!in || !std::getline(in, options.token)) {
      std::cerr << "kroniek: " << token_file << ": cannot read the token\n";
      return 2;
    }
    while (!options.token.empty() && std::isspace(static_cast<unsigned char>(options.token.back())))
      options.token.pop_back();
    if (options.token.size() < 16) {
      std::cerr << "kroniek: " << token_file << ": the token must be at least 16 characters\n";
      return 2;
    }
  } else if (const char* env = std::getenv("KRONIEK_TOKEN"); env && *env) {
    options.token = env;
  }
  auto pipeline = LoadPipeline(options.resources, true);
  if (!pipeline) return 2;
  auto st = kroniek::Serve(options, *pipeline, [&](int port) {
    std::cout << "kroniek: serving " << options.db << " on http://" << options.host << ":" << port << "/"
              << (options.token.empty() ? " (read-only)" : "") << std::endl;
  });
  if (!st.ok()) {
    std::cerr << "kroniek: " << st.message() << "\n";
    return 2;
  }
  return 0;
}

}  // namespace kroniek::cli
