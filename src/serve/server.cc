#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <thread>

#include "serve/api.h"
#include "serve/rate_limiter.h"
#include "serve/serve.h"

namespace kroniek {

extern const char* const kOpenApiJson;  // src/serve/openapi.json, built in

namespace {

// Errors without a body of their own (404 of an unknown path, 413 of a body
// over the limit, …) get one in the API's shape.
void JsonError(const httplib::Request&, httplib::Response& res) {
  if (!res.body.empty()) return;
  static const std::map<int, std::string> kReasons = {
      {400, "bad request"},         {404, "not found"},          {405, "method not allowed"},
      {413, "request body over the size limit"},                 {414, "request line too long"},
      {416, "range not satisfiable"}, {500, "internal error"}};
  auto reason = kReasons.find(res.status);
  const std::string error = reason != kReasons.end() ? reason->second : "HTTP " + std::to_string(res.status);
  res.set_content(nlohmann::json{{"error", error}}.dump(), "application/json");
}

}  // namespace

Status Serve(const ServeOptions& options, const Pipeline& pipeline, const std::function<void(int port)>& listening) {
  Api api(options, pipeline);
  KRONIEK_RETURN_IF_ERROR(api.Open());

  httplib::Server server;
  const int threads = std::max(1, options.threads);
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_payload_max_length(options.max_body);
  server.set_read_timeout(10, 0);
  server.set_write_timeout(30, 0);
  server.set_keep_alive_timeout(5);
  server.set_tcp_nodelay(true);  // headers and body go out at once, not 40 ms apart
  // The page runs only its own scripts; article text is never markup.
  // Leaflet styles its elements inline; map tiles may come from elsewhere.
  server.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                              {"Referrer-Policy", "no-referrer"},
                              {"X-Frame-Options", "DENY"},
                              {"Content-Security-Policy",
                               "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                               "img-src 'self' data: https:; connect-src 'self'; frame-ancestors 'none'"}});

  // A port another process listens on is an error: no SO_REUSEPORT (the
  // library's default), which would let two servers share it.
  server.set_socket_options([](int sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });

  RateLimiter limiter(options.rate_per_minute);
  server.set_pre_routing_handler([&limiter](const httplib::Request& req, httplib::Response& res) {
    if (req.path.find('\0') != std::string::npos) {  // "/index.html%00.js"
      res.status = 400;
      res.set_content(nlohmann::json{{"error", "a NUL byte in the path"}}.dump(), "application/json");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.get_header_value("Range").find(',') != std::string::npos) {  // one range at most
      res.status = 416;
      res.set_content(nlohmann::json{{"error", "several ranges in one request are not served"}}.dump(),
                      "application/json");
      return httplib::Server::HandlerResponse::Handled;
    }
    int retry_after = 0;
    if (limiter.Allow(req.remote_addr, RateLimiter::Clock::now(), &retry_after))
      return httplib::Server::HandlerResponse::Unhandled;
    res.status = 429;
    res.set_header("Retry-After", std::to_string(retry_after));
    res.set_content(nlohmann::json{{"error", "too many requests; retry after " + std::to_string(retry_after) + " s"}}
                        .dump(),
                    "application/json");
    return httplib::Server::HandlerResponse::Handled;
  });
  server.set_error_handler(JsonError);
  // A handler that throws answers 500 with no exception text (cpp-httplib's
  // default puts it in an EXCEPTION_WHAT header).
  server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    res.status = 500;
    res.set_content(nlohmann::json{{"error", "internal error"}}.dump(), "application/json");
  });
  if (options.access_log)
    server.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      std::fprintf(stderr, "%s %s %s %d %zu\n", req.remote_addr.c_str(), req.method.c_str(), req.path.c_str(),
                   res.status, res.body.size());
    });

  server.Get("/api/openapi.json", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(kOpenApiJson, "application/json");
  });
  api.Register(server);
  // The page's files; httplib refuses paths that climb out of the folder.
  if (!options.web_dir.empty()) {
    if (!server.set_mount_point("/", options.web_dir))
      return Status::Error(options.web_dir + ": cannot serve the web page: not a folder");
  } else {
    server.Get("/", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(nlohmann::json{{"kroniek", KRONIEK_VERSION}, {"api", "/api/openapi.json"}}.dump(),
                      "application/json");
    });
  }

  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.host);
  } else if (!server.bind_to_port(options.host, port)) {
    port = -1;
  }
  if (port < 0)
    return Status::Error("cannot listen on " + options.host + ":" + std::to_string(options.port) +
                         " (in use, or not an address of this machine)");

  // SIGINT and SIGTERM stop the server cleanly: blocked in every thread and
  // taken by one waiting thread, so no handler runs inside httplib.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  std::atomic<bool> stopped{false};
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    stopped = true;
    server.stop();
  });
  listening(port);
  const bool ok = server.listen_after_bind();
  if (!stopped) kill(getpid(), SIGTERM);  // wake the waiter
  waiter.join();
  return ok ? Status() : Status::Error("the server stopped on an error");
}

}  // namespace kroniek
