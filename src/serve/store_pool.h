// Read connections to one store, shared by the request workers: a worker
// takes one, and it goes back to the pool when the last holder lets go.
// Each SQLite connection is used by one thread at a time.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/store.h"

namespace kroniek {

class StorePool {
 public:
  explicit StorePool(std::string path) : path_(std::move(path)) {}

  Status Acquire(std::shared_ptr<const Store>* out) {
    std::unique_ptr<Store> store;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!idle_.empty()) {
        store = std::move(idle_.back());
        idle_.pop_back();
      }
    }
    if (!store) {
      KRONIEK_RETURN_IF_ERROR(Store::Open(path_, Store::Mode::kRead, &store));
    }
    *out = std::shared_ptr<const Store>(store.release(), [this](const Store* s) {
      std::lock_guard<std::mutex> lock(mu_);
      idle_.emplace_back(const_cast<Store*>(s));
    });
    return Status();
  }

 private:
  const std::string path_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Store>> idle_;
};

}  // namespace kroniek
