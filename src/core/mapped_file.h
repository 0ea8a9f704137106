// A read-only memory-mapped file: large generated tables (the GeoNames
// gazetteer) are searched in place instead of parsed at start-up.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace kroniek {

class MappedFile {
 public:
  MappedFile() = default;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  Status Open(const std::string& path);
  std::string_view data() const { return {data_, size_}; }

 private:
  const char* data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace kroniek
