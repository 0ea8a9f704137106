#include "ingest/fetch.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netdb.h>
#include <netinet/in.h>

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

// Refuses, before it connects, a socket to an address that is not public.
struct Guard {
  const FetchOptions* options;
  std::string refused;  // the address refused, if any
};

curl_socket_t OpenSocket(void* user, curlsocktype, curl_sockaddr* a) {
  auto* guard = static_cast<Guard*>(user);
  char host[INET6_ADDRSTRLEN] = "";
  int port = 0;
  if (a->family == AF_INET) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(&a->addr);
    inet_ntop(AF_INET, &in->sin_addr, host, sizeof host);
    port = ntohs(in->sin_port);
  } else if (a->family == AF_INET6) {
    const auto* in6 = reinterpret_cast<const sockaddr_in6*>(&a->addr);
    inet_ntop(AF_INET6, &in6->sin6_addr, host, sizeof host);
    port = ntohs(in6->sin6_port);
  } else {
    guard->refused = "an address of family " + std::to_string(a->family);
    return CURL_SOCKET_BAD;
  }
  if (IsNonPublicAddress(host) && !guard->options->allow.count({host, port})) {
    guard->refused = std::string(host) + ":" + std::to_string(port);
    return CURL_SOCKET_BAD;
  }
  return socket(a->family, a->socktype, a->protocol);
}

// One try: the CURLcode, and the HTTP status when there was an answer.
CURLcode TryOnce(const std::string& url, const FetchOptions& o, const Validators* known, Fetched* out, long* status,
                 Sink* sink, Guard* guard, std::string* error) {
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
  curl_easy_setopt(c, CURLOPT_OPENSOCKETFUNCTION, OpenSocket);
  curl_easy_setopt(c, CURLOPT_OPENSOCKETDATA, guard);
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

bool IsNonPublicAddress(const std::string& numeric) {
  in_addr v4{};
  in6_addr v6{};
  if (inet_pton(AF_INET6, numeric.c_str(), &v6) == 1) {
    const uint8_t* b = v6.s6_addr;
    if (IN6_IS_ADDR_V4MAPPED(&v6) || IN6_IS_ADDR_V4COMPAT(&v6)) {  // ::ffff:127.0.0.1
      char inner[INET_ADDRSTRLEN];
      inet_ntop(AF_INET, b + 12, inner, sizeof inner);
      return IsNonPublicAddress(inner);
    }
    return IN6_IS_ADDR_UNSPECIFIED(&v6) || IN6_IS_ADDR_LOOPBACK(&v6) || IN6_IS_ADDR_LINKLOCAL(&v6) ||
           IN6_IS_ADDR_SITELOCAL(&v6) || IN6_IS_ADDR_MULTICAST(&v6) || (b[0] & 0xfe) == 0xfc;  // fc00::/7
  }
  if (inet_pton(AF_INET, numeric.c_str(), &v4) != 1) return true;  // not an address: never connect
  const uint32_t a = ntohl(v4.s_addr);
  auto in = [a](uint32_t net, int bits) { return (a >> (32 - bits)) == (net >> (32 - bits)); };
  return in(0x00000000, 8) || in(0x0a000000, 8) || in(0x7f000000, 8) || in(0xa9fe0000, 16) ||  // 0/8 10/8 127/8 169.254/16
         in(0xac100000, 12) || in(0xc0a80000, 16) || in(0x64400000, 10) ||                    // 172.16/12 192.168/16 100.64/10
         in(0xe0000000, 4) || in(0xf0000000, 4);                                               // multicast, reserved
}

Status AllowHost(const std::string& host_port, FetchOptions* options) {
  const size_t colon = host_port.rfind(':');
  std::string host = colon == std::string::npos ? "" : host_port.substr(0, colon);
  const std::string port = colon == std::string::npos ? "" : host_port.substr(colon + 1);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  char* end = nullptr;
  const long number = port.empty() ? 0 : std::strtol(port.c_str(), &end, 10);
  if (host.empty() || port.empty() || *end || number < 1 || number > 65535)
    return Status::Error("--allow-host " + host_port + ": expected HOST:PORT");
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (getaddrinfo(host.c_str(), nullptr, &hints, &found) != 0)
    return Status::Error("--allow-host " + host_port + ": cannot resolve " + host);
  for (addrinfo* p = found; p; p = p->ai_next) {
    char numeric[INET6_ADDRSTRLEN] = "";
    const void* where = p->ai_family == AF_INET
                            ? static_cast<const void*>(&reinterpret_cast<sockaddr_in*>(p->ai_addr)->sin_addr)
                            : static_cast<const void*>(&reinterpret_cast<sockaddr_in6*>(p->ai_addr)->sin6_addr);
    if (inet_ntop(p->ai_family, where, numeric, sizeof numeric)) options->allow.insert({numeric, int(number)});
  }
  freeaddrinfo(found);
  return Status();
}

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
    Guard guard{&options, ""};
    CURLcode rc = TryOnce(url, options, known, out, &status, &sink, &guard, &error);
    if (!guard.refused.empty())
      return Status::Error(url + ": refused: " + guard.refused + " is not a public address (--allow-host allows it)");
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
