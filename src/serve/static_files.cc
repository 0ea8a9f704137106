#include "serve/static_files.h"

#include <sys/stat.h>

#include <charconv>
#include <climits>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

namespace kroniek {

namespace {

std::string ContentType(const std::string& path) {
  static const std::map<std::string, std::string> kTypes = {
      {"html", "text/html"},        {"htm", "text/html"},          {"js", "text/javascript"},
      {"mjs", "text/javascript"},   {"css", "text/css"},           {"json", "application/json"},
      {"map", "application/json"},  {"svg", "image/svg+xml"},      {"png", "image/png"},
      {"jpg", "image/jpeg"},        {"jpeg", "image/jpeg"},        {"gif", "image/gif"},
      {"webp", "image/webp"},       {"ico", "image/x-icon"},       {"woff", "font/woff"},
      {"woff2", "font/woff2"},      {"ttf", "font/ttf"},           {"txt", "text/plain"},
      {"xml", "application/xml"},   {"wasm", "application/wasm"},  {"pdf", "application/pdf"}};
  const size_t dot = path.rfind('.');
  const size_t slash = path.rfind('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "application/octet-stream";
  auto it = kTypes.find(path.substr(dot + 1));
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

// The real path of `path` when it is a regular file inside `root`, else "".
std::string FileInside(const std::string& root, const std::string& path) {
  char resolved[PATH_MAX];
  if (!realpath(path.c_str(), resolved)) return "";
  const std::string real = resolved;
  struct stat info{};
  const bool inside = real == root || real.compare(0, root.size() + 1, root + "/") == 0;
  if (!inside || stat(real.c_str(), &info) != 0) return "";
  if (S_ISDIR(info.st_mode)) return FileInside(root, real + "/index.html");
  return S_ISREG(info.st_mode) ? real : "";
}

// "bytes=A-B", "bytes=A-" or "bytes=-N" of a body of `size` bytes as
// [first, last]; false when it cannot be satisfied.
bool ByteRange(const std::string& range, size_t size, size_t* first, size_t* last) {
  const std::string spec = range.substr(range.find('=') == std::string::npos ? range.size() : range.find('=') + 1);
  const size_t dash = spec.find('-');
  if (!range.starts_with("bytes=") || dash == std::string::npos || size == 0) return false;
  auto number = [](std::string_view s, size_t* out) {
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
    return !s.empty() && ec == std::errc() && end == s.data() + s.size();
  };
  const std::string_view from(spec.data(), dash), to(spec.data() + dash + 1, spec.size() - dash - 1);
  size_t a = 0, b = size - 1;
  if (from.empty()) {  // the last N bytes
    if (!number(to, &b) || b == 0) return false;
    *first = size - std::min(b, size);
    *last = size - 1;
    return true;
  }
  if (!number(from, &a) || (!to.empty() && !number(to, &b)) || a >= size || b < a) return false;
  *first = a;
  *last = std::min(b, size - 1);
  return true;
}

}  // namespace

Status StaticFiles::Open(const std::string& folder) {
  char resolved[PATH_MAX];
  struct stat info{};
  if (!realpath(folder.c_str(), resolved) || stat(resolved, &info) != 0 || !S_ISDIR(info.st_mode))
    return Status::Error(folder + ": cannot serve the web page: not a folder");
  root_ = resolved;
  return Status();
}

bool StaticFiles::Serve(const http::Request& req, http::Response& res) const {
  if ((req.method != "GET" && req.method != "HEAD") || root_.empty() || !req.path.starts_with("/")) return false;
  const std::string file = FileInside(root_, root_ + req.path);
  if (file.empty()) return false;
  std::ifstream in(file, std::ios::binary);
  std::ostringstream content;
  if (!(content << in.rdbuf())) return false;
  std::string body = content.str();
  res.SetHeader("Accept-Ranges", "bytes");
  const std::string range = req.Header("Range");
  if (!range.empty()) {
    size_t first = 0, last = 0;
    if (!ByteRange(range, body.size(), &first, &last)) {
      res.status = 416;
      res.SetHeader("Content-Range", "bytes */" + std::to_string(body.size()));
      res.SetContent(R"({"error":"range not satisfiable"})", "application/json");
      return true;
    }
    res.status = 206;
    res.SetHeader("Content-Range",
                  "bytes " + std::to_string(first) + "-" + std::to_string(last) + "/" + std::to_string(body.size()));
    body = body.substr(first, last - first + 1);
  }
  res.SetContent(std::move(body), ContentType(file));
  return true;
}

}  // namespace kroniek
