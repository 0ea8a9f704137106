#include "analyze/entities.h"

#include <algorithm>

#include "core/resource_file.h"
#include "core/utf8.h"

namespace kroniek {

namespace {
constexpr int kMaxAdjectives = 5;  // "de door uiterst bloedige aanslagen beruchte groep"
constexpr int kAntecedentSentences = 20;  // how far back "de groep" may find what it names

bool ByPosition(const Entity& a, const Entity& b) { return a.first < b.first; }

bool ClassMatches(const std::string& cls, EntityType t) {
  if (cls == "armed_group") return t == EntityType::kArmedGroup;
  if (cls == "military") return t == EntityType::kMilitary;
  if (cls == "government") return t == EntityType::kGovernment || t == EntityType::kState;
  return false;
}
}  // namespace

Status EntityRules::Load(const std::string& dir, const WordTables& words) {
  words_ = &words;
  ResourceFile nouns, particles, portfolios, place_cues;
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(dir + "/actor_nouns.tsv", 2, &nouns));
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(dir + "/name_particles.tsv", 1, &particles));
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(dir + "/portfolios.tsv", 1, &portfolios));
  KRONIEK_RETURN_IF_ERROR(LoadResourceFile(dir + "/place_cues.tsv", 2, &place_cues));
  for (const auto& r : place_cues.rows)
    if (r.fields[1] == "city" || r.fields[1] == "region") place_nouns_.insert(ToLower(r.fields[0]));
  for (const auto& r : portfolios.rows) portfolios_.insert(ToLower(r.fields[0]));
  for (const auto& r : nouns.rows) actor_nouns_[ToLower(r.fields[0])] = r.fields[1];
  for (const auto& r : particles.rows) particles_.insert(ToLower(r.fields[0]));
  return Status();
}

void EntityRules::FindPersons(const Article& article, const std::vector<Token>& tokens, const Sentence& s,
                              const std::vector<int>& owner, std::vector<Entity>* found,
                              std::unordered_map<std::string, Entity>* known) const {
  auto is_name_token = [&](int i) {
    const Token& t = tokens[i];
    return t.kind == TokenKind::kWord && t.capitalized && owner[i] < 0 && !words_->IsFunctionWord(t.lower) &&
           words_->RoleOf(t.lower).empty() && words_->DemonymCountry(t.lower).empty() && !portfolios_.count(t.lower);
  };
  for (int i = s.first; i < s.last; ++i) {
    if (!is_name_token(i)) continue;
    int end = i + 1;
    while (end < s.last) {
      if (is_name_token(end)) { ++end; continue; }
      // "van der", "bin", "De" in "Bart De Wever": particles between name parts.
      int p = end;
      while (p < s.last && particles_.count(tokens[p].lower) && owner[p] < 0) ++p;
      if (p > end && p < s.last && is_name_token(p)) {
        end = p + 1;
        continue;
      }
      break;
    }
    if (i > s.first && place_nouns_.count(tokens[i - 1].lower)) {  // 'de provincie Kunar'
      i = end - 1;
      continue;
    }
    std::string role;
    if (i > s.first) role = words_->RoleOf(tokens[i - 1].lower);
    // "minister van Mobiliteit Georges Gilkinet": the role stands before the portfolio.
    for (int k = i - 1; role.empty() && k > s.first && portfolios_.count(tokens[k].lower); --k)
      if (words_->WordIs(tokens[k - 1].lower, "genitive") && k - 2 >= s.first) role = words_->RoleOf(tokens[k - 2].lower);
    // A role after one word that follows an article names no person: the word is an
    // adjective ("de Brusselse burgemeester", "de Slowaakse premier").
    const bool adjective = end - i == 1 && i > s.first && words_->WordIs(tokens[i - 1].lower, "determiner");
    if (role.empty() && end < s.last && !adjective) role = words_->RoleOf(tokens[end].lower);
    std::string name = article.text.substr(tokens[i].span.begin, tokens[end - 1].span.end - tokens[i].span.begin);
    std::string surname = tokens[end - 1].lower;
    bool sentence_initial_single = end - i == 1 && i == s.first;
    bool accept = (!role.empty() && !sentence_initial_single) || end - i >= 2 || (!role.empty() && end < s.last) ||
                  known->count(surname);
    if (!accept) { i = end - 1; continue; }
    Entity e;
    if (end - i == 1 && known->count(surname)) e = known->at(surname);  // 'McKenzie' after 'generaal McKenzie'
    e.span = {tokens[i].span.begin, tokens[end - 1].span.end};
    e.first = i;
    e.last = end;
    e.type = EntityType::kPerson;
    if (e.id.empty()) {
      e.name = name;
      e.id = "person:" + name;
    }
    if (!role.empty()) e.role = role;
    // Nationality from 'de Amerikaanse generaal McKenzie'.
    if (i >= 2 && e.country.empty()) e.country = words_->DemonymCountry(tokens[i - 2].lower);
    (*known)[surname] = e;
    found->push_back(e);
    i = end - 1;
  }
}

const Entity* EntityRules::Antecedent(const std::vector<Entity>& all, const std::vector<Sentence>& sentences,
                                      const Sentence& s, int det, const std::string& cls) const {
  auto before = std::lower_bound(all.begin(), all.end(), det, [](const Entity& e, int at) { return e.first < at; });
  auto it = before;
  while (it != all.begin() && (it - 1)->first >= s.first)
    if (ClassMatches(cls, (--it)->type)) return &*it;
  // ("it" now stands at the sentence's first entity.)
  const int oldest = std::max(0, sentences.empty() ? 0 : int(&s - &sentences[0]) - kAntecedentSentences);
  const Entity* match = nullptr;
  int match_sentence = -1;
  int sj = int(&s - &sentences[0]) - 1;
  for (auto back = it; back != all.begin();) {
    --back;
    while (sj >= 0 && back->first < sentences[sj].first) --sj;  // the sentence holding `back`
    if (sj < oldest || (match && sj < match_sentence)) break;
    if (ClassMatches(cls, back->type)) {
      match = &*back;  // moving left within the sentence: its first match wins
      match_sentence = sj;
    }
  }
  return match;
}

void EntityRules::Find(const Article& article, const std::vector<Token>& tokens, const std::vector<Sentence>& sentences,
                       const KnowledgeBase& kb, const std::vector<bool>& blocked, std::vector<Entity>* entities) const {
  std::vector<int> owner(tokens.size(), -1);  // token -> entity index
  for (size_t k = 0; k < entities->size(); ++k)
    for (int i = (*entities)[k].first; i < (*entities)[k].last; ++i) owner[i] = int(k);
  for (size_t i = 0; i < tokens.size(); ++i)
    if (blocked[i] && owner[i] < 0) owner[i] = int(entities->size());  // times: not names

  // The article's main country: the first country or place named.
  std::string main_country;
  for (const auto& e : *entities)
    if ((e.type == EntityType::kCountry || e.type == EntityType::kPlace) && !e.country.empty()) {
      main_country = e.country;
      break;
    }

  std::vector<Entity> found;
  std::unordered_map<std::string, Entity> known_surnames;
  for (const Sentence& s : sentences) FindPersons(article, tokens, s, owner, &found, &known_surnames);

  // Descriptions: det [words] NOUN, no name in apposition. Their antecedents
  // come from `all`, every entity so far in text order.
  std::vector<Entity> all = *entities;
  all.insert(all.end(), found.begin(), found.end());
  std::stable_sort(all.begin(), all.end(), ByPosition);
  for (const Sentence& s : sentences) {
    for (int i = s.first; i < s.last; ++i) {
      auto noun = actor_nouns_.find(tokens[i].lower);
      if (noun == actor_nouns_.end() || owner[i] >= 0) continue;
      int det = -1;
      for (int k = i - 1; k >= s.first && k >= i - 1 - kMaxAdjectives; --k) {
        if (words_->WordIs(tokens[k].lower, "definite")) { det = k; break; }
        if (tokens[k].kind != TokenKind::kWord || owner[k] >= 0) break;
      }
      if (det < 0) continue;
      if (i + 1 < s.last && owner[i + 1] >= 0 && owner[i + 1] < int(entities->size())) continue;  // apposition
      Entity e;
      e.span = {tokens[det].span.begin, tokens[i].span.end};
      e.first = det;
      e.last = i + 1;
      e.anaphor = true;
      if (noun->second == "branch") {
        // "de lokale tak van ORG" -> ORG's child in the article's country.
        if (i + 2 < s.last && words_->WordIs(tokens[i + 1].lower, "genitive") && owner[i + 2] >= 0 &&
            owner[i + 2] < int(entities->size())) {
          const Entity& parent = (*entities)[owner[i + 2]];
          if (const KbEntry* child = kb.ChildIn(parent.id, main_country)) {
            e.id = child->id;
            e.name = child->name;
            e.type = child->type;
            e.country = child->country;
            e.parent = child->parent;
            e.last = (*entities)[owner[i + 2]].last;
            e.span.end = (*entities)[owner[i + 2]].span.end;
            found.push_back(e);
          }
        }
        continue;
      }
      // Refer back: this sentence's earlier actors (nearest first), then the
      // nearest earlier sentence's first actor of the class (a few sentences back at most).
      const Entity* antecedent = Antecedent(all, sentences, s, det, noun->second);
      if (!antecedent) continue;
      e.id = antecedent->id;
      e.name = antecedent->name;
      e.type = antecedent->type;
      e.country = antecedent->country;
      e.parent = antecedent->parent;
      e.plural = false;
      found.push_back(e);
      all.insert(std::upper_bound(all.begin(), all.end(), e, ByPosition), e);
      for (int k = e.first; k < e.last; ++k) owner[k] = int(entities->size());
    }
  }
  entities->insert(entities->end(), found.begin(), found.end());
  // A branch description swallows the parent's name inside it.
  std::erase_if(*entities, [&](const Entity& inner) {
    return std::any_of(found.begin(), found.end(), [&](const Entity& outer) {
      return outer.span.contains(inner.span) && !(outer.span == inner.span);
    });
  });
  std::sort(entities->begin(), entities->end(), [](const Entity& a, const Entity& b) { return a.first < b.first; });
}

}  // namespace kroniek
