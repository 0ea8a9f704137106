// Fetching inputs over HTTP(S) with libcurl, for `ingest URL` and feeds.
//
// In:  an http:// or https:// URL.
// Out: the body (gzip and deflate undone), its content type and the URL it
//      came from after redirects, or a Status naming the URL and the reason.
// Only http and https are followed (also on redirects); a body over
// max_bytes is refused; network errors, 429 and 5xx are tried again up to
// `retries` times with a growing pause; other 4xx are final. No connection
// is made to a loopback, private, link-local, multicast or unspecified
// address, whatever name or spelling led there and on every redirect, unless
// that address and port are allowed (FetchOptions::allow).
#pragma once

#include <set>
#include <string>
#include <utility>

#include "core/status.h"

namespace kroniek {

struct FetchOptions {
  long timeout_seconds = 30;          // the whole transfer
  long connect_timeout_seconds = 10;
  size_t max_bytes = 8u << 20;
  int retries = 2;                    // after the first try
  double retry_pause_seconds = 1.0;   // doubled after each try
  int max_redirects = 5;
  std::string user_agent = "kroniek/" KRONIEK_VERSION " (news event chronicle)";
  // Addresses ("127.0.0.1", "::1", numeric) and ports fetched although not public.
  std::set<std::pair<std::string, int>> allow;
};

// Adds the addresses HOST resolves to, with PORT, to `options.allow`
// ("localhost:8080", "127.0.0.1:8080", "[::1]:8080").
Status AllowHost(const std::string& host_port, FetchOptions* options);
// Whether a numeric address is one fetching never connects to unless allowed.
bool IsNonPublicAddress(const std::string& numeric);

// What a server said identifies a version of a document (ETag,
// Last-Modified); sent back, it lets the server answer "not modified".
struct Validators {
  std::string etag, last_modified;
};

struct Fetched {
  std::string url;           // after redirects
  std::string content_type;  // lower-cased, parameters kept
  std::string body;
  Validators validators;     // of this version, when the server gave them
  bool not_modified = false;  // 304 to `known`: no body
};

bool IsUrl(const std::string& input);
// With `known` validators, an unchanged document comes back as not_modified.
Status Fetch(const std::string& url, const FetchOptions& options, Fetched* out, const Validators* known = nullptr);

}  // namespace kroniek
