// The HTTP server itself, on libmicrohttpd: epoll with a pool of threads,
// bounded connections (in all and per client address), an idle timeout, a
// real listen backlog and a memory bound per connection. It reads requests
// into http::Request, lets one handler answer, and writes the http::Response.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "core/status.h"
#include "serve/http.h"

struct MHD_Daemon;

namespace kroniek {

struct HttpLimits {
  int threads;               // event loops, each running its requests' handlers
  int max_connections;       // in all (held under the open-file limit)
  int max_per_client;        // per client address
  int idle_timeout_seconds;  // a connection that sends nothing this long is closed
  size_t max_body;           // bytes of a request body; more is a 413
};

// Answers one request; may change it (the router records the path's groups).
using RequestHandler = std::function<void(http::Request&, http::Response&)>;

class HttpServer {
 public:
  HttpServer(const HttpLimits& limits, RequestHandler handler);
  ~HttpServer();  // stops, waiting for requests in progress

  // Binds host:port (0: any free port; a port in use is an error) and serves
  // from the pool's threads until destroyed.
  Status Start(const std::string& host, int port);
  int port() const { return port_; }

  // Used by the library's callbacks (mhd_server.cc).
  const HttpLimits& limits() const { return limits_; }
  const RequestHandler& handler() const { return handler_; }

 private:
  const HttpLimits limits_;
  const RequestHandler handler_;
  MHD_Daemon* daemon_ = nullptr;
  int port_ = 0;
};

}  // namespace kroniek
