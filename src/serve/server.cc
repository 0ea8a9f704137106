#include <pthread.h>
#include <signal.h>

#include <cstdio>

#include "serve/api.h"
#include "serve/mhd_server.h"
#include "serve/rate_limiter.h"
#include "serve/serve.h"
#include "serve/static_files.h"

namespace kroniek {

extern const char* const kOpenApiJson;  // src/serve/openapi.json, built in

namespace {

void ReplyError(http::Response& res, int status, const std::string& error) {
  res.status = status;
  res.SetContent(nlohmann::json{{"error", error}}.dump(), "application/json");
}

// An unknown path gets a body in the API's shape.
void GiveErrorBody(http::Response& res) {
  if (res.status >= 400 && res.body.empty() && !res.stream)
    ReplyError(res, res.status, res.status == 404 ? "not found" : "HTTP " + std::to_string(res.status));
}

// The page runs only its own scripts; article text is never markup.
// Leaflet styles its elements inline; map tiles may come from elsewhere.
void AddSecurityHeaders(http::Response& res) {
  res.SetHeader("X-Content-Type-Options", "nosniff");
  res.SetHeader("Referrer-Policy", "no-referrer");
  res.SetHeader("X-Frame-Options", "DENY");
  res.SetHeader("Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                "img-src 'self' data: https:; connect-src 'self'; frame-ancestors 'none'");
}

// Requests answered before routing: true when `res` holds the refusal.
bool Refused(RateLimiter& limiter, const http::Request& req, http::Response& res) {
  if (req.path.find('\0') != std::string::npos) {  // "/index.html%00.js"
    ReplyError(res, 400, "a NUL byte in the path");
    return true;
  }
  if (req.Header("Range").find(',') != std::string::npos) {  // one range at most
    ReplyError(res, 416, "several ranges in one request are not served");
    return true;
  }
  int retry_after = 0;
  if (limiter.Allow(req.remote_addr, RateLimiter::Clock::now(), &retry_after)) return false;
  ReplyError(res, 429, "too many requests; retry after " + std::to_string(retry_after) + " s");
  res.SetHeader("Retry-After", std::to_string(retry_after));
  return true;
}

HttpLimits LimitsOf(const ServeOptions& options) {
  return {.threads = std::max(1, options.threads),
          .max_connections = options.max_connections,
          .max_per_client = options.max_per_client,
          .idle_timeout_seconds = options.idle_timeout,
          .max_body = options.max_body};
}

}  // namespace

Status Serve(const ServeOptions& options, const Pipeline& pipeline, const std::function<void(int port)>& listening) {
  Api api(options, pipeline);
  KRONIEK_RETURN_IF_ERROR(api.Open());
  http::Router router;
  router.Get("/api/openapi.json", [](const http::Request&, http::Response& res) {
    res.SetContent(kOpenApiJson, "application/json");
  });
  api.Register(router);
  StaticFiles files;
  if (!options.web_dir.empty()) {
    KRONIEK_RETURN_IF_ERROR(files.Open(options.web_dir));
  } else {
    router.Get("/", [](const http::Request&, http::Response& res) {
      res.SetContent(nlohmann::json{{"kroniek", KRONIEK_VERSION}, {"api", "/api/openapi.json"}}.dump(),
                     "application/json");
    });
  }

  RateLimiter limiter(options.rate_per_minute);
  auto answer = [&](http::Request& req, http::Response& res) {
    try {
      if (!Refused(limiter, req, res) && !router.Dispatch(req, res) && !files.Serve(req, res)) res.status = 404;
    } catch (...) {  // no exception text goes out
      res = http::Response();
      ReplyError(res, 500, "internal error");
    }
    GiveErrorBody(res);
    AddSecurityHeaders(res);
    if (options.access_log)
      std::fprintf(stderr, "%s %s %s %d %zu\n", req.remote_addr.c_str(), req.method.c_str(), req.path.c_str(),
                   res.status, res.body.size());
  };

  // SIGINT and SIGTERM stop the server cleanly: blocked in every thread (the
  // server's threads inherit the mask) and taken here.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  HttpServer server(LimitsOf(options), answer);
  KRONIEK_RETURN_IF_ERROR(server.Start(options.host, options.port));
  listening(server.port());
  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  return Status();  // the server stops as it goes out of scope, finishing requests in progress
}

}  // namespace kroniek
