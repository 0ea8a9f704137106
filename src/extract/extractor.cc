#include "extract/extract.h"

namespace kroniek {

class ExtractorImpl {
 public:
  Status Load(const std::string& dir, const std::string& lang) { return Status(); }
};

Extractor::Extractor() : impl_(std::make_unique<ExtractorImpl>()) {}
Extractor::~Extractor() = default;

Status Extractor::Load(const std::string& dir, const std::string& lang) { return impl_->Load(dir, lang); }

void Extractor::Extract(const Article& article, const Analysis& analysis, const Analyzer& analyzer,
                        Extraction* out) const {
  *out = Extraction();
}

}  // namespace kroniek
