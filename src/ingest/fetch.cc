#include "ingest/fetch.h"

#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <mutex>
#include <thread>

namespace kroniek {

namespace {

struct Sink {
  std::string* body;
  size_t max_bytes;
  bool too_large = false;
};

size_t Write(char* data, size_t size, size_t n, void* user) {
  auto* sink = static_cast<Sink*>(user);
  if (sink->body->size() + size * n > sink->max_bytes) {
    sink->too_large = true;
    return 0;  // aborts the transfer
  }
  sink->body->append(data, size * n);
  return size * n;
}

// One try: the CURLcode, and the HTTP status when there was an answer.
CURLcode TryOnce(const std::string& url, const FetchOptions& o, const Validators* known, Fetched* out, long* status,
                 Sink* sink, std::string* error) {
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) return CURLE_FAILED_INIT;
  char errbuf[CURL_ERROR_SIZE] = "";
  out->body.clear();
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, long(o.max_redirects));
  curl_easy_setopt(c, CURLOPT_TIMEOUT, o.timeout_seconds);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, o.connect_timeout_seconds);
  curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(o.max_bytes));
  curl_easy_setopt(c, CURLOPT_USERAGENT, o.user_agent.c_str());
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // whatever libcurl can undo
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, Write);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, sink);
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(nullptr, curl_slist_free_all);
  if (known) {
    curl_slist* list = nullptr;
    if (!known->etag.empty()) list = curl_slist_append(list, ("If-None-Match: " + known->etag).c_str());
    if (!known->last_modified.empty())
      list = curl_slist_append(list, ("If-Modified-Since: " + known->last_modified).c_str());
    headers.reset(list);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, list);
  }
  CURLcode rc = curl_easy_perform(c);
  curl_header* h = nullptr;
  if (curl_easy_header(c, "ETag", 0, CURLH_HEADER, -1, &h) == CURLHE_OK) out->validators.etag = h->value;
  if (curl_easy_header(c, "Last-Modified", 0, CURLH_HEADER, -1, &h) == CURLHE_OK) out->validators.last_modified = h->value;
  *error = errbuf[0] ? errbuf : curl_easy_strerror(rc);
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, status);
  char* type = nullptr;
  if (curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &type) == CURLE_OK && type) {
    out->content_type = type;
    std::transform(out->content_type.begin(), out->content_type.end(), out->content_type.begin(),
                   [](unsigned char ch) { return char(std::tolower(ch)); });
  }
  char* final_url = nullptr;
  if (curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &final_url) == CURLE_OK && final_url) out->url = final_url;
  return rc;
}

}  // namespace

bool IsUrl(const std::string& input) { return input.starts_with("http://") || input.starts_with("https://"); }

Status Fetch(const std::string& url, const FetchOptions& options, Fetched* out, const Validators* known) {
  static std::once_flag init;
  std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  if (!IsUrl(url)) return Status::Error(url + ": refused: only http and https URLs are fetched");
  double pause = options.retry_pause_seconds;
  std::string reason;
  for (int attempt = 0;; ++attempt) {
    Sink sink{&out->body, options.max_bytes};
    long status = 0;
    std::string error;
    CURLcode rc = TryOnce(url, options, known, out, &status, &sink, &error);
    if (sink.too_large || rc == CURLE_FILESIZE_EXCEEDED)
      return Status::Error(url + ": refused: over the limit of " + std::to_string(options.max_bytes) + " bytes");
    if (rc == CURLE_UNSUPPORTED_PROTOCOL || rc == CURLE_TOO_MANY_REDIRECTS || rc == CURLE_URL_MALFORMAT)
      return Status::Error(url + ": cannot fetch: " + error);
    bool again;
    if (rc != CURLE_OK) {
      reason = error;
      again = true;
    } else if (status >= 200 && status < 300) {
      return Status();
    } else if (status == 304 && known) {
      out->not_modified = true;
      return Status();
    } else {
      reason = "HTTP " + std::to_string(status);
      again = status == 429 || status >= 500;
    }
    if (!again || attempt >= options.retries)
      return Status::Error(url + ": cannot fetch: " + reason +
                           (attempt ? " (after " + std::to_string(attempt + 1) + " tries)" : ""));
    std::this_thread::sleep_for(std::chrono::duration<double>(pause));
    pause *= 2;
  }
}

}  // namespace kroniek
