#include "serve/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace kroniek {

bool RateLimiter::Allow(const std::string& client, Clock::time_point now, int* retry_after) {
  if (per_minute_ <= 0) return true;
  const double per_second = per_minute_ / 60.0;
  std::lock_guard<std::mutex> lock(mu_);
  // Buckets full again are forgotten, so many clients do not grow the map forever.
  if (now - last_sweep_ > std::chrono::minutes(1)) {
    std::erase_if(buckets_, [&](const auto& kv) {
      return kv.second.tokens + std::chrono::duration<double>(now - kv.second.last).count() * per_second >=
             per_minute_;
    });
    last_sweep_ = now;
  }
  auto [it, fresh] = buckets_.try_emplace(client);
  Bucket& b = it->second;
  if (fresh) {
    b.tokens = per_minute_;
  } else {
    double elapsed = std::max(0.0, std::chrono::duration<double>(now - b.last).count());
    b.tokens = std::min<double>(per_minute_, b.tokens + elapsed * per_second);
  }
  b.last = now;
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return true;
  }
  if (retry_after) *retry_after = std::max(1, int(std::ceil((1 - b.tokens) / per_second - 1e-9)));
  return false;
}

}  // namespace kroniek
