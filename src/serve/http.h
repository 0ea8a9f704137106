// The HTTP exchange as the API sees it, whatever server library carries it:
// a parsed request in, a response (a body, or a stream of chunks) out, and a
// router from method and path pattern to handler.
#pragma once

#include <functional>
#include <map>
#include <regex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kroniek::http {

struct CaseInsensitiveLess {
  bool operator()(const std::string& a, const std::string& b) const;
};

struct Request {
  std::string method;                                               // "GET", "POST", …
  std::string path;                                                 // percent-decoded; may hold a NUL byte
  std::multimap<std::string, std::string> params;                   // the query's parameters, decoded
  std::map<std::string, std::string, CaseInsensitiveLess> headers;  // names in any case
  std::string body;                                                 // the whole request body
  std::string remote_addr;                                          // the client's IP address
  std::vector<std::string> matches;  // the route pattern's groups; [0] is the whole path

  bool HasParam(const std::string& name) const { return params.count(name) > 0; }
  // The first value of a parameter, "" when absent.
  std::string Param(const std::string& name) const;
  // A header's value, "" when absent.
  std::string Header(const std::string& name) const;
};

// Puts the next part of a streamed body in `chunk` and sets `done` after the
// last part; false when the stream failed (the client sees it cut short).
using ChunkSource = std::function<bool(std::string* chunk, bool* done)>;

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;  // besides Content-Type
  std::string content_type;
  std::string body;
  ChunkSource stream;  // when set, the body is sent chunked from it, not from `body`

  void SetContent(std::string content, std::string type);
  void SetHeader(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
  void SetStream(std::string type, ChunkSource source);
};

using Handler = std::function<void(const Request&, Response&)>;

// "%41+b" -> "A b" (with `plus_is_space`, as in a query); bad escapes stay as written.
std::string DecodeUrl(std::string_view text, bool plus_is_space);
// "a=1&b=%20x&c" -> {a: "1", b: " x", c: ""}.
void ParseQuery(std::string_view query, std::multimap<std::string, std::string>* params);

// Routes by method and a path pattern matched whole (a regular expression
// whose groups become Request::matches). GET routes also answer HEAD.
class Router {
 public:
  void Get(const std::string& pattern, Handler handler) { Add("GET", pattern, std::move(handler)); }
  void Post(const std::string& pattern, Handler handler) { Add("POST", pattern, std::move(handler)); }
  // Runs the first matching route and returns true; false when none matches.
  bool Dispatch(Request& req, Response& res) const;

 private:
  struct Route {
    std::string method;
    std::regex pattern;
    Handler handler;
  };
  void Add(std::string method, const std::string& pattern, Handler handler);
  std::vector<Route> routes_;
};

}  // namespace kroniek::http
