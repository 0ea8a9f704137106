// Stage 6 — serve: the store over HTTP, a thin adapter over the same queries
// as the command line.
//
// In:  HTTP requests.
// Out: JSON (GET /api/events, /api/events/ID, /api/articles, /api/articles/ID,
//      /api/changes, /api/export, /api/health; the contract at
//      /api/openapi.json), and the web page's files from a served folder.
//      POST /api/articles (ingest) and POST /api/corrections need the
//      configured token (Authorization: Bearer T); without one the server is
//      read-only. Bodies over the size limit get 413, clients over the rate
//      limit 429, request paths outside the served folder 404. Connections
//      are bounded in all and per client address, and closed when idle.
#pragma once

#include <functional>
#include <string>

#include "core/status.h"
#include "pipeline/pipeline.h"

namespace kroniek {

struct ServeOptions {
  std::string db;                  // the store file
  std::string host = "127.0.0.1";  // loopback unless told otherwise
  int port = 8080;                 // 0: any free port
  std::string web_dir;             // the page's files; empty: none
  std::string resources;           // the resources folder the pipeline loaded
  std::string token;               // empty: writes refused
  size_t max_body = 16 << 20;      // bytes per request body
  int rate_per_minute = 600;       // per client address; 0: no limit
  int threads = 8;                 // request workers (event loops)
  int max_connections = 4096;      // open connections in all
  int max_per_client = 16;         // open connections per client address
  int idle_timeout = 10;           // seconds a connection may send nothing
  bool access_log = true;          // one line per request on stderr
};

// Serves until SIGINT or SIGTERM; `listening(port)` is called once bound.
Status Serve(const ServeOptions& options, const Pipeline& pipeline, const std::function<void(int port)>& listening);

}  // namespace kroniek
