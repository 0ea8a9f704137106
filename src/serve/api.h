// The JSON API's routes (serve.h lists them), registered on a router. Reads go through a pool of read connections; writes (ingest,
// corrections) through one writer, one at a time, and only with the token.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "serve/http.h"
#include "serve/serve.h"
#include "serve/store_pool.h"

namespace kroniek {

// The event query a request's parameters ask for (/api/events, /api/export),
// or false with the reason in `error`.
bool EventQueryOf(const http::Request& req, EventQuery* q, std::string* error);

class Api {
 public:
  Api(const ServeOptions& options, const Pipeline& pipeline);
  // Opens the store (for writing when a token is set, which also migrates it).
  Status Open();
  // A store error as an answer may say it: without the store's path.
  std::string Public(const Status& st) const;
  void Register(http::Router& router);

 private:
  void Health(const http::Request& req, http::Response& res);
  void ListEvents(const http::Request& req, http::Response& res);
  void GetEvent(const http::Request& req, http::Response& res);
  void ListArticles(const http::Request& req, http::Response& res);
  void GetArticle(const http::Request& req, http::Response& res);
  void ListChanges(const http::Request& req, http::Response& res);
  void Export(const http::Request& req, http::Response& res);
  void PostArticles(const http::Request& req, http::Response& res);
  void PostCorrection(const http::Request& req, http::Response& res);
  // False (and the reply sent) unless the request carries the token.
  bool Authorised(const http::Request& req, http::Response& res) const;
  // The event filters of a request, its place name resolved; false with why.
  bool QueryOf(const http::Request& req, EventQuery* q, std::string* error) const;
  // A read connection, or false with a 503 sent.
  bool Reader(http::Response& res, std::shared_ptr<const Store>* store);

  const ServeOptions& options_;
  const Pipeline& pipeline_;
  StorePool readers_;
  std::mutex write_mu_;
  std::unique_ptr<Store> writer_;  // only with a token
};

}  // namespace kroniek
