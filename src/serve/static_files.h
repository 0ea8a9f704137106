// The web page's files, served from one folder: GET and HEAD, a content type
// by extension, one byte range at most (Range: bytes=A-B, A- or -N), and never
// a file whose real path (links resolved) lies outside the folder.
#pragma once

#include <string>

#include "core/status.h"
#include "serve/http.h"

namespace kroniek {

class StaticFiles {
 public:
  // Fails when `folder` is not a folder.
  Status Open(const std::string& folder);
  // Answers a request for a file in the folder ("/" is index.html) and
  // returns true; false (nothing answered) when there is no such file.
  bool Serve(const http::Request& req, http::Response& res) const;

 private:
  std::string root_;  // the folder's real path
};

}  // namespace kroniek
