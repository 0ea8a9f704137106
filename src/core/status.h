// Errors as values: library code returns a Status; only main() prints and exits.
#pragma once

#include <string>
#include <utility>

namespace kroniek {

class Status {
 public:
  Status() = default;
  static Status Error(std::string message) { return Status(std::move(message)); }
  bool ok() const { return message_.empty(); }
  const std::string& message() const { return message_; }

 private:
  explicit Status(std::string m) : message_(m.empty() ? "unknown error" : std::move(m)) {}
  std::string message_;
};

#define KRONIEK_RETURN_IF_ERROR(expr)        \
  do {                                       \
    ::kroniek::Status _st = (expr);          \
    if (!_st.ok()) return _st;               \
  } while (0)

}  // namespace kroniek
