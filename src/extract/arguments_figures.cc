// ArgumentReader, part four: finishing an event's figures — the people on board
// where none survived, and one report per figure said twice (title and body, a
// fact box, a vague plural made precise, a sub-group said again).
#include <algorithm>
#include <cmath>
#include <functional>

#include "extract/arguments.h"
#include "extract/figure_words.h"

namespace kroniek {

namespace {

// Whether a title's figure can be a rounded statement of the body's figure.
bool RoundsTo(const Figure& title, const Figure& body) {
  if (!body.value || title.part_of >= 0 || body.part_of >= 0) return false;
  double v = *body.value;
  if (!title.value) return title.low && title.high && *title.low <= v && v <= *title.high;
  double t = *title.value;
  // Only a round number rounds ("ruim veertig"); "zeker 13" over a body's 15 is an older count.
  if (std::fmod(t, 5) != 0) return false;
  const std::string& q = title.qualifier;
  if (q == "more_than" || q == "at_least") return v >= t && v <= t * 1.25;
  if (q == "about") return std::abs(v - t) <= t * 0.15;
  return false;
}

}  // namespace

void ArgumentReader::AboardWhereNoneSurvived(EventMention* e) const {
  // "Aan boord waren 149 passagiers … Niemand heeft de crash overleefd": the
  // people on board are the dead.
  if (std::none_of(e->figures.begin(), e->figures.end(), [](const Figure& f) { return f.kind == "other"; })) return;
  if (!no_survivors_) no_survivors_ = CueInSentences("no_survivors", 0, int(ctx_.an.sentences.size()));
  if (!*no_survivors_) return;
  std::vector<bool> aboard(e->figures.size(), false);
  for (size_t i = 0; i < e->figures.size(); ++i) {
    const int si = SentenceOf(e->figures[i].span);
    aboard[i] = e->figures[i].kind == "other" && si >= 0 && CueInSentences("aboard", si, si + 1);
  }
  // "Van de 29 inzittenden kwamen er 23 om": fewer dead than were on board, so some
  // survived (a report that nobody did was an early one).
  // (Not "Onder de doden zijn vijf Nederlanders": a part of the dead.)
  double most_aboard = 0, fewest_dead = -1;
  for (size_t i = 0; i < e->figures.size(); ++i) {
    const Figure& f = e->figures[i];
    if (!f.value) continue;
    if (aboard[i]) most_aboard = std::max(most_aboard, *f.value);
    if (f.kind == "killed" && f.group == "people" && (fewest_dead < 0 || *f.value < fewest_dead)) fewest_dead = *f.value;
  }
  if (fewest_dead >= 0 && fewest_dead < most_aboard) return;
  for (size_t i = 0; i < e->figures.size(); ++i) {
    Figure& f = e->figures[i];
    if (aboard[i]) {
      f.kind = "killed";
      f.reading = "aboard";
    }
  }
}

void ArgumentReader::VictimsWhereOnlyDeathsTold(EventMention* e) const {
  // "Alle inzittenden kwamen om. Onder de slachtoffers waren 32 Kenianen": where the article
  // tells of deaths and names no injury, the victims are the dead. (None counted, "geen
  // slachtoffers", stays what it says.)
  auto& figs = e->figures;
  if (std::none_of(figs.begin(), figs.end(), [](const Figure& f) { return f.kind == "killed"; })) return;
  if (!injuries_told_) {
    injuries_told_ = false;
    for (const auto& s : ctx_.an.sentences) *injuries_told_ = *injuries_told_ || figure_words::HarmsTold(ctx_, s).count("injured");
  }
  if (*injuries_told_) return;
  // (Not victims some of whom died: "vijf reizigers werden neergestoken, van wie er twee stierven".)
  std::vector<bool> has_dead_part(figs.size(), false);
  for (const Figure& f : figs)
    if (f.kind == "killed" && f.part_of >= 0 && f.part_of < int(figs.size())) has_dead_part[f.part_of] = true;
  for (size_t i = 0; i < figs.size(); ++i)
    if (figs[i].kind == "casualties" && figs[i].value && *figs[i].value > 0 && !has_dead_part[i]) figs[i].kind = "killed";
}

void ArgumentReader::FinishFigures(EventMention* e, const std::vector<bool>& in_title) const {
  AboardWhereNoneSurvived(e);
  VictimsWhereOnlyDeathsTold(e);
  auto& figs = e->figures;
  std::vector<bool> drop(figs.size(), false);
  for (size_t i = 0; i < figs.size(); ++i) {
    Figure& f = figs[i];
    for (const auto& c : e->claims)
      for (const auto& src : f.according_to) f.claim |= src.id == c.by.id;
  }
  // Drops figure i, kept as evidence, when a kept figure j restates it.
  auto absorb = [&](size_t i, const std::function<bool(size_t j)>& restates) {
    for (size_t j = 0; j < figs.size(); ++j)
      if (j != i && !drop[j] && figs[j].kind == figs[i].kind && restates(j)) {
        drop[i] = true;
        e->evidence.push_back(figs[i].span);
        return;
      }
  };
  // A figure repeated by the title or a fact box counts once: the body's.
  // Titles round ('Ruim veertig doden' over a body's 'zeker 41').
  for (size_t i = 0; i < figs.size(); ++i)
    if (figs[i].from_fact_box || in_title[i])
      absorb(i, [&](size_t j) {
        bool same = figs[j].value && figs[i].value && *figs[j].value == *figs[i].value;
        return !figs[j].from_fact_box && !in_title[j] && (same || (in_title[i] && RoundsTo(figs[i], figs[j])));
      });
  // A vague plural ('duizenden mensen') made precise by a figure in its range
  // ('ongeveer 8.000 betogers') is that figure.
  for (size_t i = 0; i < figs.size(); ++i)
    if (!drop[i] && !figs[i].value && figs[i].low && figs[i].part_of < 0)
      absorb(i, [&](size_t j) { return RoundsTo(figs[i], figs[j]); });
  // The same count said twice (lede and body, "zeker 19" and "19") is one
  // report, unless two different sources give it; a sourced saying wins,
  // and a sub-group wins over the same group counted on its own.
  auto source_id = [](const Figure& f) { return f.according_to.empty() ? std::string() : f.according_to[0].id; };
  // (Title and lede both saying "acht doden, onder wie drie kinderen": one sub-group of one total.)
  auto same_total = [&](const Figure& a, const Figure& b) {
    const Figure &x = figs[a.part_of], &y = figs[b.part_of];
    return x.kind == y.kind && x.value && x.value == y.value;
  };
  // (Told again in another sentence, the group may be named more closely: "15 personen
  // opgepakt" and "15 verdachten".)
  auto sentence_of = [&](const Figure& f) {
    const auto& ss = ctx_.an.sentences;
    auto after = std::upper_bound(ss.begin(), ss.end(), f.span.begin,
                                  [](uint32_t b, const Sentence& s) { return b < s.span.begin; });
    return int(after - ss.begin()) - 1;
  };
  // ("drie andere mensen": others; "een man … een vrouw": one person each, maybe not the same.)
  auto others = [&](const Figure& f) {
    const auto& toks = ctx_.an.tokens;
    auto k = std::lower_bound(toks.begin(), toks.end(), f.span.begin,
                              [](const Token& t, uint32_t b) { return t.span.begin < b; });
    for (; k != toks.end() && k->span.end <= f.span.end; ++k)
      if (ctx_.WordIs(k->lower, "other")) return true;
    return false;
  };
  auto same_group = [&](const Figure& a, const Figure& b) {
    if (a.group == b.group) return true;
    return (a.group == "people" || b.group == "people") && a.value && *a.value > 1 &&
           sentence_of(a) != sentence_of(b) && !others(a) && !others(b);
  };
  for (size_t i = 0; i < figs.size(); ++i)
    for (size_t j = i + 1; j < figs.size(); ++j)
      if (!drop[i] && !drop[j] && figs[i].kind == figs[j].kind && same_group(figs[i], figs[j]) &&
          figs[i].value == figs[j].value && figs[i].low == figs[j].low &&
          (figs[i].value || figs[i].qualifier == figs[j].qualifier) &&
          (source_id(figs[i]) == source_id(figs[j]) || source_id(figs[i]).empty() || source_id(figs[j]).empty()) &&
          (figs[i].part_of < 0 || figs[j].part_of < 0 || same_total(figs[i], figs[j]))) {
        // A sub-group said again on its own ("onder wie 13 militairen … De 13
        // militairen") stays the sub-group.
        const size_t gone = figs[i].part_of >= 0 ? j
                            : figs[j].part_of >= 0 ? i
                            : source_id(figs[i]).empty() && !source_id(figs[j]).empty() ? i
                            : figs[i].group == "people" && figs[j].group != "people" ? i : j;
        drop[gone] = true;
        e->evidence.push_back(figs[gone].span);
      }
  // Victims named again ("Negen van de tien slachtoffers"): casualties an
  // event's count of dead or of injured already gives are those people.
  for (size_t i = 0; i < figs.size(); ++i)
    if (!drop[i] && figs[i].kind == "casualties" && figs[i].value && figs[i].part_of < 0)
      for (size_t j = 0; j < figs.size(); ++j)
        if (j != i && !drop[j] && (figs[j].kind == "killed" || figs[j].kind == "injured") && figs[j].value == figs[i].value &&
            figs[j].part_of < 0) {
          drop[i] = true;
          e->evidence.push_back(figs[i].span);
          break;
        }
  // One person told with the article beside a count of that kind ("Bij de aanslag vielen
  // vier doden. Ook een Belgische vrouw kwam om") is one of those counted, not a count.
  for (size_t i = 0; i < figs.size(); ++i)
    if (!drop[i] && figs[i].one_person && figs[i].part_of < 0)
      for (size_t j = 0; j < figs.size(); ++j)
        if (j != i && !drop[j] && !figs[j].one_person && figs[j].kind == figs[i].kind && figs[j].value && *figs[j].value > 1) {
          drop[i] = true;
          e->evidence.push_back(figs[i].span);
          break;
        }
  // Two fact-box or title figures with the same value are one.
  for (size_t i = 0; i < figs.size(); ++i)
    for (size_t j = i + 1; j < figs.size(); ++j)
      if (!drop[i] && !drop[j] && figs[i].kind == figs[j].kind && figs[i].value && figs[j].value &&
          *figs[i].value == *figs[j].value && figs[i].from_fact_box == figs[j].from_fact_box &&
          figs[i].from_fact_box)
        drop[j] = true;
  std::vector<int> new_index(figs.size(), -1);
  std::vector<Figure> kept;
  for (size_t i = 0; i < figs.size(); ++i)
    if (!drop[i]) { new_index[i] = int(kept.size()); kept.push_back(figs[i]); }
  for (auto& f : kept)
    if (f.part_of >= 0) f.part_of = new_index[f.part_of];
  figs = std::move(kept);
}

}  // namespace kroniek
