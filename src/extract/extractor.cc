#include "extract/extract.h"

#include <algorithm>

#include "extract/context.h"
#include "extract/events.h"
#include "extract/figures.h"
#include "extract/lexicon.h"
#include "extract/quotes.h"

namespace kroniek {

constexpr size_t kMaxListLineBytes = 80;  // a fact box's line: "Zeker 40 doden en 120 gewonden"

class ExtractorImpl {
 public:
  Status Load(const std::string& dir, const std::string& lang) {
    KRONIEK_RETURN_IF_ERROR(lexicon_.Load(dir + "/" + lang, dir + "/kb"));
    return quotes_.Load(dir + "/" + lang);
  }
  void Extract(const Article& article, const Analysis& analysis, const Language& language, Extraction* out) const {
    *out = Extraction();
    Context ctx(article, analysis, language, lexicon_);
    for (const auto& p : article.paragraphs)
      if (p.kind == ParagraphKind::kDebris) out->cleaned.push_back({p.debris, p.span});
    for (const auto& stamp : article.inline_stamps) out->cleaned.push_back({"dateline", stamp});
    MarkFactBoxes(&ctx, out);
    quotes_.Pair(ctx);
    ctx.FindSentenceSources();
    quotes_.Classify(ctx, out);
    quotes_.FindPullQuotes(ctx, out);
    auto figures = FindFigures(ctx, *out);  // reads quotes through ctx.quote_spans' indexes
    BuildEvents(ctx, figures, out);
    std::stable_sort(out->quotes.begin(), out->quotes.end(),
                     [](const Quote& a, const Quote& b) { return a.span.begin < b.span.begin; });
  }

 private:
  // A fact box: a short paragraph that opens with a number and a capitalised
  // label ("122.000 Evacuaties …") repeating a number the body gives too, or a
  // short list line (no closing full stop: "Zeker 40 doden en 120 gewonden")
  // whose every number the body gives too.
  static void MarkFactBoxes(Context* ctx, Extraction* out) {
    const auto& toks = ctx->tokens();
    const auto& qs = ctx->an.quantities;
    for (size_t p = 0; p < ctx->article.paragraphs.size(); ++p) {
      if (ctx->paragraph_kinds[p] != ParagraphKind::kBody) continue;
      const Span span = ctx->article.paragraphs[p].span;
      auto first = std::lower_bound(toks.begin(), toks.end(), span.begin,
                                    [](const Token& t, uint32_t at) { return t.span.begin < at; });
      if (first == toks.end() || first + 1 == toks.end()) continue;
      auto repeated = [&](const Quantity& in) {
        return std::any_of(qs.begin(), qs.end(), [&](const Quantity& q) {
          return q.value && *q.value == *in.value && !span.contains(q.span);
        });
      };
      bool box = false;
      if (first->kind == TokenKind::kNumber && (first + 1)->capitalized) {
        int qi = ctx->quantity_at[first - toks.begin()];
        box = qi >= 0 && qs[qi].value && repeated(qs[qi]);
      } else if (span.size() <= kMaxListLineBytes && ctx->article.text[span.end - 1] != '.') {
        int numbers = 0;
        box = true;
        for (const auto& q : qs)
          if (span.contains(q.span) && !q.article_like) {
            ++numbers;
            box = box && q.value && repeated(q);
          }
        box = box && numbers > 0;
      }
      if (!box) continue;
      ctx->paragraph_kinds[p] = ParagraphKind::kFactBox;
      out->cleaned.push_back({"fact_box", span});
    }
  }

  ExtractLexicon lexicon_;
  QuoteRules quotes_;
};

Extractor::Extractor() : impl_(std::make_unique<ExtractorImpl>()) {}
Extractor::~Extractor() = default;

Status Extractor::Load(const std::string& dir, const std::string& lang) { return impl_->Load(dir, lang); }

namespace {

// Leaves out the figures of vague plurals, keeping each sub-group's total.
void DropVagueFigures(Extraction* out) {
  for (EventMention& e : out->events) {
    std::vector<bool> vague(e.figures.size());
    for (size_t i = 0; i < e.figures.size(); ++i) vague[i] = !e.figures[i].value && e.figures[i].low;
    EraseFigures(&e.figures, vague);
  }
}

}  // namespace

void Extractor::Extract(const Article& article, const Analysis& analysis, const Language& language,
                        Extraction* out) const {
  impl_->Extract(article, analysis, language, out);
  if (!keep_vague_) DropVagueFigures(out);
}

}  // namespace kroniek
