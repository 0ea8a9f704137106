// Figure candidates: numbers with what they count, their kind, qualifier and
// source, before they are attached to events.
#pragma once

#include <vector>

#include "extract/context.h"

namespace kroniek {

struct FigureCandidate {
  Figure figure;
  int sentence = 0;
  int token = 0;          // the number token, or the noun for figures without one
  int end_token = 0;      // one past the figure's last token
  int parent_token = -1;  // number token of the figure this is a sub-group of
  bool continuation = false;  // a counted group whose kind comes from the sentence before
  bool in_title = false;
  bool kind_from_predicate = false;  // the kind was read off a verb, not the noun
  int place_token = -1;  // in a list of counts per place ("…, in Den Bosch 20"), its place's first token
  std::string needs_event;    // the event type the figure only counts for ("betogers": protest)
};

// Erases the figures marked in `erase`, each part_of kept on its total (-1 when the total goes).
void EraseFigures(std::vector<Figure>* figures, const std::vector<bool>& erase);

// All figure candidates of the article, in text order.
std::vector<FigureCandidate> FindFigures(const Context& ctx, const Extraction& x);

}  // namespace kroniek
