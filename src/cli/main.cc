// kroniek — news articles in, a sourced event chronicle out.
//
//   kroniek analyze [--format jsonl|pretty] [--published DATE] FILE…|-
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "pipeline/pipeline.h"

namespace {

int Analyze(const std::vector<std::string>& files, const std::string& format, const std::string& published,
            const std::string& resources) {
  kroniek::IngestOptions opts;
  if (!published.empty()) {
    auto d = kroniek::ParseIsoDate(published);
    if (!d) {
      std::cerr << "kroniek: --published '" << published << "': expected YYYY, YYYY-MM or YYYY-MM-DD\n";
      return 2;
    }
    opts.published = *d;
  }
  kroniek::Pipeline pipeline;
  if (auto st = pipeline.Load(resources); !st.ok()) {
    std::cerr << "kroniek: " << st.message() << "\n";
    return 2;
  }
  int failed = 0;
  for (const auto& file : files) {
    kroniek::Article article;
    if (auto st = kroniek::ReadArticleFile(file, opts, &article); !st.ok()) {
      std::cerr << "kroniek: " << st.message() << "\n";
      ++failed;
      continue;
    }
    auto j = pipeline.RunToJson(article);
    std::cout << (format == "pretty" ? j.dump(2) : j.dump()) << "\n";
  }
  return failed ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"kroniek: news articles in, a sourced event chronicle out"};
  app.require_subcommand(1);
  std::string resources = kroniek::DefaultResourceDir();
  app.add_option("--resources", resources, "resources folder (language data and knowledge base)");

  auto* analyze = app.add_subcommand("analyze", "analyse articles: one JSON line per article (SCHEMA.md)");
  std::vector<std::string> files;
  std::string format = "jsonl", published;
  analyze->add_option("files", files, "text files, or - for stdin")->required();
  analyze->add_option("--format", format, "jsonl (one line per article) or pretty")
      ->check(CLI::IsMember({"jsonl", "pretty"}));
  analyze->add_option("--published", published, "publication date of every file (YYYY[-MM[-DD]])");

  CLI11_PARSE(app, argc, argv);
  if (*analyze) return Analyze(files, format, published, resources);
  return 0;
}
