#include "eval/cluster_score.h"

#include <algorithm>
#include <limits>
#include <map>
#include <set>

namespace kroniek {

namespace {

using Partition = std::vector<std::vector<int>>;  // clusters of mention indexes

Partition Group(const std::vector<std::string>& labels) {
  std::map<std::string, std::vector<int>> by_label;
  for (size_t i = 0; i < labels.size(); ++i) by_label[labels[i]].push_back(int(i));
  Partition out;
  for (auto& [label, members] : by_label) out.push_back(members);
  return out;
}

PRF Make(double p, double r) {
  PRF s{p, r, 0};
  s.f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
  return s;
}

// MUC: links needed to connect each cluster, minus those the other side cuts.
double MucRecall(const Partition& key, const std::vector<std::string>& response_label) {
  double num = 0, den = 0;
  for (const auto& k : key) {
    std::set<std::string> parts;
    for (int m : k) parts.insert(response_label[m]);
    num += double(k.size()) - double(parts.size());
    den += double(k.size()) - 1;
  }
  return den > 0 ? num / den : 1.0;
}

// Maximum-weight assignment (Hungarian algorithm on the negated costs).
double BestAssignment(const std::vector<std::vector<double>>& w) {
  const int n = int(w.size()), m = n ? int(w[0].size()) : 0;
  const int size = std::max(n, m);
  if (size == 0) return 0;
  std::vector<std::vector<double>> cost(size + 1, std::vector<double>(size + 1, 0));
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < m; ++j) cost[i + 1][j + 1] = -w[i][j];
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> u(size + 1), v(size + 1);
  std::vector<int> p(size + 1), way(size + 1);
  for (int i = 1; i <= size; ++i) {
    p[0] = i;
    int j0 = 0;
    std::vector<double> minv(size + 1, inf);
    std::vector<bool> used(size + 1, false);
    do {
      used[j0] = true;
      int i0 = p[j0], j1 = 0;
      double delta = inf;
      for (int j = 1; j <= size; ++j) {
        if (used[j]) continue;
        double cur = cost[i0][j] - u[i0] - v[j];
        if (cur < minv[j]) { minv[j] = cur; way[j] = j0; }
        if (minv[j] < delta) { delta = minv[j]; j1 = j; }
      }
      for (int j = 0; j <= size; ++j) {
        if (used[j]) { u[p[j]] += delta; v[j] -= delta; }
        else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] != 0);
    do {
      int j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0);
  }
  double total = 0;
  for (int j = 1; j <= size; ++j)
    if (p[j] >= 1 && p[j] <= n && j <= m) total += w[p[j] - 1][j - 1];
  return total;
}

// The fused date of each dated gold cluster: that of the system event holding most of its
// mentions (response labels "eventN").
void ScoreDates(const Chronicle& chronicle, const nlohmann::json& gold, const std::vector<std::string>& key,
                const std::vector<std::string>& response, ClusterScores* out) {
  for (const auto& cluster : gold["clusters"]) {
    const std::string date = cluster.value("date", ""), real_day = cluster.value("day", "");
    if (date.empty() && real_day.empty()) continue;
    std::map<std::string, int> votes;
    for (size_t i = 0; i < key.size(); ++i)
      if (key[i] == cluster.value("id", "") && response[i].rfind("event", 0) == 0 && response[i] != "event-1")
        ++votes[response[i]];
    Date fused;
    if (!votes.empty()) {
      const auto most = std::max_element(votes.begin(), votes.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
      const int e = std::stoi(most->first.substr(5));
      if (e >= 0 && e < int(chronicle.events().size())) fused = chronicle.events()[e].date;
    }
    if (!real_day.empty()) {
      ++out->real_days;
      out->real_days_left += fused.value == real_day || (fused.from == real_day && fused.to == real_day);
    }
    if (date.empty()) continue;
    const bool day = date.size() == 10;
    out->days += day;
    out->days_right += day && fused.value == date;
    out->coarse += !day;
    out->over_precise += !day && fused.value.size() > date.size();
  }
}

}  // namespace

ClusterScores ScorePartitions(const std::vector<std::string>& key, const std::vector<std::string>& response) {
  ClusterScores s;
  s.mentions = int(key.size());
  if (key.empty()) return s;
  Partition K = Group(key), R = Group(response);
  s.muc = Make(MucRecall(R, key), MucRecall(K, response));

  double p = 0, r = 0;
  for (size_t i = 0; i < key.size(); ++i) {
    double both = 0, in_k = 0, in_r = 0;
    for (size_t j = 0; j < key.size(); ++j) {
      bool same_k = key[i] == key[j], same_r = response[i] == response[j];
      in_k += same_k;
      in_r += same_r;
      both += same_k && same_r;
    }
    p += both / in_r;
    r += both / in_k;
  }
  s.b3 = Make(p / key.size(), r / key.size());

  std::vector<std::vector<double>> phi(K.size(), std::vector<double>(R.size(), 0));
  for (size_t a = 0; a < K.size(); ++a)
    for (size_t b = 0; b < R.size(); ++b) {
      std::vector<int> common;
      std::set_intersection(K[a].begin(), K[a].end(), R[b].begin(), R[b].end(), std::back_inserter(common));
      phi[a][b] = 2.0 * common.size() / double(K[a].size() + R[b].size());
    }
  double sim = BestAssignment(phi);
  s.ceafe = Make(sim / R.size(), sim / K.size());
  s.conll = (s.muc.f1 + s.b3.f1 + s.ceafe.f1) / 3;
  return s;
}

Status ScoreClusters(const Chronicle& chronicle, const nlohmann::json& gold, ClusterScores* out) {
  if (!gold.contains("clusters") || !gold["clusters"].is_array()) return Status::Error("gold: no \"clusters\" array");
  std::map<std::string, int> article_index;
  for (size_t i = 0; i < chronicle.articles().size(); ++i) article_index[chronicle.articles()[i].article.id] = int(i);
  std::vector<std::string> key, response;
  std::vector<std::string> problems;
  int unmatched = 0;
  for (const auto& cluster : gold["clusters"]) {
    const std::string id = cluster.value("id", "");
    for (const auto& m : cluster["mentions"]) {
      const std::string article = m.value("article", "");
      const std::string trigger = m.value("trigger", "");
      const int nth = m.value("nth", 1);
      key.push_back(id);
      std::string found;
      auto it = article_index.find(article);
      if (it == article_index.end()) {
        problems.push_back(article + ": no such article");
      } else {
        const AnalyzedArticle& a = chronicle.articles()[it->second];
        size_t pos = std::string::npos, from = 0;
        for (int k = 0; k < nth; ++k, from = pos + 1) pos = a.article.text.find(trigger, from);
        if (pos == std::string::npos) {
          problems.push_back(article + ": '" + trigger + "' not in the text");
        } else {
          const Span where{uint32_t(pos), uint32_t(pos + trigger.size())};
          const auto& events = a.extraction.events;
          for (size_t e = 0; e < events.size() && found.empty(); ++e)
            for (const auto& span : events[e].evidence)
              if (span.begin < where.end && where.begin < span.end) {
                found = "event" + std::to_string(chronicle.EventOf({it->second, int(e)}));
                break;
              }
          if (found.empty()) problems.push_back(article + ": no event at '" + trigger + "'");
        }
      }
      if (found.empty()) {
        ++unmatched;
        found = "unmatched" + std::to_string(key.size());  // a singleton
      }
      response.push_back(found);
    }
  }
  *out = ScorePartitions(key, response);
  ScoreDates(chronicle, gold, key, response, out);
  out->unmatched = unmatched;
  out->problems = problems;
  return Status();
}

}  // namespace kroniek
