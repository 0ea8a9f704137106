#include "language/language.h"

namespace kroniek {

Status Language::Load(const std::string& dir, const std::string& code) {
  code_ = code;
  KRONIEK_RETURN_IF_ERROR(kb_.Load(dir, code));
  return words_.Load(dir + "/" + code);
}

}  // namespace kroniek
