// Requests per client per minute, as a token bucket per client address: a
// client may burst up to the whole minute's allowance, then gets one request
// back every 60/limit seconds. Thread-safe.
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace kroniek {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  // `per_minute` <= 0 allows everything.
  explicit RateLimiter(int per_minute) : per_minute_(per_minute) {}

  // True when `client` may make a request at `now` (and counts it); when
  // not, `retry_after` is the number of seconds until it may.
  bool Allow(const std::string& client, Clock::time_point now, int* retry_after);

 private:
  struct Bucket {
    double tokens = 0;
    Clock::time_point last;
  };
  const int per_minute_;
  std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;
  Clock::time_point last_sweep_;
};

}  // namespace kroniek
