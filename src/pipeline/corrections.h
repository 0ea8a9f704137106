// Corrections by people: merge two events, split mentions off an event,
// relink one mention to another event, set or reject a figure.
//
// A correction arrives naming events by id (what a person sees) and is kept
// by the article mentions it concerns (article id + trigger offset), because
// event ids and clusters change as articles arrive or are analyzed again.
// Each time those mentions are fused, the correction is applied again.
#pragma once

#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "fuse/fuse.h"
#include "store/fuse_index.h"

namespace kroniek {

// Checks a correction as a person gave it and turns its event ids into the
// mentions they hold ("anchors"). Returns the events it concerns.
Status AnchorCorrection(const FuseIndex& index, Correction* c, std::set<std::string>* events);

// The stored events holding any anchor of `c`.
Status EventsOfCorrection(const FuseIndex& index, const Correction& c, std::set<std::string>* events);

// Clustering corrections (merge, split, relink, reject_figure), before Reconcile.
void ApplyCorrections(const std::vector<Correction>& corrections, Chronicle* chronicle);

// After Reconcile: a set figure replaces the best value, and every event
// touched by a correction lists it (who, when, why) in its record.
void AnnotateCorrections(const std::vector<Correction>& corrections, const Chronicle& chronicle, int event,
                         nlohmann::json* record);

}  // namespace kroniek
