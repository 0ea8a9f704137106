#include "core/mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace kroniek {

MappedFile::~MappedFile() {
  if (data_ && size_) munmap(const_cast<char*>(data_), size_);
}

Status MappedFile::Open(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::Error(path + ": " + std::strerror(errno));
  struct stat st;
  if (fstat(fd, &st) != 0) {
    int err = errno;
    close(fd);
    return Status::Error(path + ": " + std::strerror(err));
  }
  size_ = size_t(st.st_size);
  if (size_ > 0) {
    void* p = mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) {
      int err = errno;
      close(fd);
      size_ = 0;
      return Status::Error(path + ": " + std::strerror(err));
    }
    data_ = static_cast<const char*>(p);
  }
  close(fd);
  return Status();
}

}  // namespace kroniek
