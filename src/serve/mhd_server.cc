#include "serve/mhd_server.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netdb.h>
#include <sys/resource.h>
#include <strings.h>
#include <sys/socket.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <optional>

namespace kroniek {

namespace {

constexpr unsigned kListenBacklog = 1024;
constexpr size_t kConnectionMemory = 64 << 10;  // request line, headers and read buffer
// A body over the limit is read and dropped up to this far past it, so that a
// client still sending reads the 413 rather than a reset connection; further
// than that (or declared further) it gets the 413 at once.
constexpr uint64_t kDrainBytes = 16 << 20;
constexpr size_t kStreamBlock = 32 << 10;
// A keep-alive connection is closed after this many requests, so that no
// client holds one for ever.
constexpr int kRequestsPerConnection = 1000;

// One request in flight: what has been read of it so far.
struct Exchange {
  http::Request request;
  uint64_t received = 0;  // body bytes, kept or dropped
  bool too_large = false;
};

// A streamed body handed out in the pieces the library asks for.
struct Stream {
  http::ChunkSource source;
  std::string pending;
  size_t sent = 0;  // of `pending`
  bool done = false;
};

ssize_t ReadStream(void* cls, uint64_t, char* buf, size_t max) {
  auto* stream = static_cast<Stream*>(cls);
  try {
    while (stream->sent == stream->pending.size()) {
      if (stream->done) return MHD_CONTENT_READER_END_OF_STREAM;
      stream->pending.clear();
      stream->sent = 0;
      if (!stream->source(&stream->pending, &stream->done)) return MHD_CONTENT_READER_END_WITH_ERROR;
    }
  } catch (...) {
    return MHD_CONTENT_READER_END_WITH_ERROR;
  }
  const size_t n = std::min(max, stream->pending.size() - stream->sent);
  std::memcpy(buf, stream->pending.data() + stream->sent, n);
  stream->sent += n;
  return ssize_t(n);
}

void FreeStream(void* cls) { delete static_cast<Stream*>(cls); }

MHD_Result Send(MHD_Connection* connection, http::Response& res) {
  MHD_Response* response =
      res.stream ? MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, kStreamBlock, ReadStream,
                                                     new Stream{std::move(res.stream), {}, 0, false}, FreeStream)
                 : MHD_create_response_from_buffer(res.body.size(), res.body.data(), MHD_RESPMEM_MUST_COPY);
  if (!response) return MHD_NO;
  if (!res.content_type.empty()) MHD_add_response_header(response, "Content-Type", res.content_type.c_str());
  for (const auto& [name, value] : res.headers) MHD_add_response_header(response, name.c_str(), value.c_str());
  const MHD_Result queued = MHD_queue_response(connection, unsigned(res.status), response);
  MHD_destroy_response(response);
  return queued;
}

// Counts the connection's requests; true when this is the last one it may make.
bool LastOnConnection(MHD_Connection* connection) {
  const MHD_ConnectionInfo* info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
  auto* served = info ? static_cast<int*>(info->socket_context) : nullptr;
  return served && ++*served >= kRequestsPerConnection;
}

MHD_Result SendTooLarge(MHD_Connection* connection) {
  http::Response res;
  res.status = 413;
  res.SetContent(R"({"error":"request body over the size limit"})", "application/json");
  return Send(connection, res);
}

std::string ClientAddress(MHD_Connection* connection) {
  const MHD_ConnectionInfo* info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
  char text[INET6_ADDRSTRLEN] = "";
  if (!info || !info->client_addr) return text;
  const sockaddr* addr = info->client_addr;
  if (addr->sa_family == AF_INET)
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(addr)->sin_addr, text, sizeof(text));
  else if (addr->sa_family == AF_INET6)
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(addr)->sin6_addr, text, sizeof(text));
  return text;
}

MHD_Result AddHeader(void* cls, MHD_ValueKind, const char* key, const char* value) {
  auto& headers = static_cast<http::Request*>(cls)->headers;
  auto [it, added] = headers.emplace(key, value ? value : "");
  if (!added) it->second += std::string(", ") + (value ? value : "");  // a repeated header is one list
  return MHD_YES;
}

MHD_Result AddParam(void* cls, MHD_ValueKind, const char* key, const char* value) {
  static_cast<http::Request*>(cls)->params.emplace(http::DecodeUrl(key, true), http::DecodeUrl(value ? value : "", true));
  return MHD_YES;
}

// Paths and parameters arrive as sent: http::DecodeUrl decodes them into
// strings that may hold a NUL byte, which the library's own decoding would cut at.
size_t KeepEscapes(void*, MHD_Connection*, char* text) { return std::strlen(text); }

std::optional<uint64_t> DeclaredLength(const http::Request& req) {
  const std::string value = req.Header("Content-Length");
  uint64_t length = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), length);
  if (value.empty() || ec != std::errc() || end != value.data() + value.size()) return std::nullopt;
  return length;
}

std::unique_ptr<Exchange> Begin(MHD_Connection* connection, const char* url, const char* method) {
  auto exchange = std::make_unique<Exchange>();
  http::Request& req = exchange->request;
  req.method = method;
  req.path = http::DecodeUrl(url, false);
  req.remote_addr = ClientAddress(connection);
  MHD_get_connection_values(connection, MHD_HEADER_KIND, AddHeader, &req);
  MHD_get_connection_values(connection, MHD_GET_ARGUMENT_KIND, AddParam, &req);
  return exchange;
}

MHD_Result OnRequest(void* cls, MHD_Connection* connection, const char* url, const char* method, const char*,
                     const char* upload_data, size_t* upload_size, void** context) {
  const auto* server = static_cast<const HttpServer*>(cls);
  const uint64_t max_body = server->limits().max_body;
  auto* exchange = static_cast<Exchange*>(*context);
  if (!exchange) {  // the headers are in
    exchange = Begin(connection, url, method).release();
    *context = exchange;  // OnCompleted deletes it
    const auto declared = DeclaredLength(exchange->request);
    exchange->too_large = declared && *declared > max_body;
    // A client waiting for "100 Continue" has sent none of the body yet.
    const bool waits = strcasecmp(exchange->request.Header("Expect").c_str(), "100-continue") == 0;
    if (declared && (*declared > max_body + kDrainBytes || (waits && *declared > max_body)))
      return SendTooLarge(connection);
    return MHD_YES;
  }
  if (*upload_size > 0) {  // a piece of the body
    exchange->received += *upload_size;
    if (exchange->received > max_body && !exchange->too_large) {
      exchange->too_large = true;
      std::string().swap(exchange->request.body);
    }
    if (!exchange->too_large) exchange->request.body.append(upload_data, *upload_size);
    *upload_size = 0;
    if (exchange->received > max_body + kDrainBytes) return SendTooLarge(connection);  // refused: the connection closes
    return MHD_YES;
  }
  if (exchange->too_large) return SendTooLarge(connection);
  http::Response res;
  try {
    server->handler()(exchange->request, res);
  } catch (...) {  // the handler's own guard failed (out of memory): no text of it goes out
    res = http::Response();
    res.status = 500;
    res.SetContent(R"({"error":"internal error"})", "application/json");
  }
  if (LastOnConnection(connection)) res.SetHeader("Connection", "close");
  return Send(connection, res);
}

void OnConnection(void*, MHD_Connection*, void** socket_context, MHD_ConnectionNotificationCode code) {
  if (code == MHD_CONNECTION_NOTIFY_STARTED) *socket_context = new int(0);
  else delete static_cast<int*>(*socket_context);
}

void OnCompleted(void*, MHD_Connection*, void** context, MHD_RequestTerminationCode) {
  delete static_cast<Exchange*>(*context);
  *context = nullptr;
}

// The connection limit, with the process's open-file limit raised to allow it
// (each connection is a descriptor).
unsigned ConnectionsAllowed(int wanted) {
  constexpr rlim_t kSpareFiles = 64;  // the store's files, logs, …
  rlimit files{};
  if (getrlimit(RLIMIT_NOFILE, &files) != 0) return unsigned(wanted);
  const rlim_t needed = rlim_t(wanted) + kSpareFiles;
  if (files.rlim_cur < needed) {
    files.rlim_cur = std::min(needed, files.rlim_max);
    setrlimit(RLIMIT_NOFILE, &files);
    getrlimit(RLIMIT_NOFILE, &files);
  }
  return unsigned(std::max<rlim_t>(1, std::min<rlim_t>(rlim_t(wanted), files.rlim_cur - std::min(files.rlim_cur, kSpareFiles))));
}

}  // namespace

HttpServer::HttpServer(const HttpLimits& limits, RequestHandler handler) : limits_(limits), handler_(std::move(handler)) {}

HttpServer::~HttpServer() {
  if (daemon_) MHD_stop_daemon(daemon_);
}

Status HttpServer::Start(const std::string& host, int port) {
  const Status cannot = Status::Error("cannot listen on " + host + ":" + std::to_string(port) +
                                      " (in use, or not an address of this machine)");
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* found = nullptr;
  if (getaddrinfo(host.c_str(), nullptr, &hints, &found) != 0 || !found) return cannot;
  sockaddr_storage address{};
  std::memcpy(&address, found->ai_addr, found->ai_addrlen);
  freeaddrinfo(found);
  const bool v6 = address.ss_family == AF_INET6;
  if (v6) reinterpret_cast<sockaddr_in6*>(&address)->sin6_port = htons(uint16_t(port));
  else reinterpret_cast<sockaddr_in*>(&address)->sin_port = htons(uint16_t(port));

  // No MHD_OPTION_LISTENING_ADDRESS_REUSE: the default sets SO_REUSEADDR but
  // not SO_REUSEPORT, so a port another server listens on is an error.
  const unsigned flags = MHD_USE_EPOLL_INTERNAL_THREAD | (v6 ? MHD_USE_IPv6 : 0);
  const unsigned threads = unsigned(std::max(1, limits_.threads));
  daemon_ = MHD_start_daemon(
      flags, uint16_t(port), nullptr, nullptr, OnRequest, const_cast<HttpServer*>(this),
      MHD_OPTION_SOCK_ADDR, reinterpret_cast<sockaddr*>(&address),
      MHD_OPTION_THREAD_POOL_SIZE, threads,  // 1: one event loop, no pool
      MHD_OPTION_CONNECTION_LIMIT, ConnectionsAllowed(limits_.max_connections),
      MHD_OPTION_PER_IP_CONNECTION_LIMIT, unsigned(limits_.max_per_client),
      MHD_OPTION_CONNECTION_TIMEOUT, unsigned(limits_.idle_timeout_seconds),
      MHD_OPTION_LISTEN_BACKLOG_SIZE, kListenBacklog,
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, kConnectionMemory,
      MHD_OPTION_UNESCAPE_CALLBACK, KeepEscapes, nullptr,
      MHD_OPTION_NOTIFY_COMPLETED, OnCompleted, nullptr,
      MHD_OPTION_NOTIFY_CONNECTION, OnConnection, nullptr,
      MHD_OPTION_END);
  if (!daemon_) return cannot;
  const MHD_DaemonInfo* info = MHD_get_daemon_info(daemon_, MHD_DAEMON_INFO_BIND_PORT);
  port_ = info ? info->port : port;
  return Status();
}

}  // namespace kroniek
