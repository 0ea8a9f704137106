// Great-circle distance between two points given in degrees.
#pragma once

#include <cmath>

namespace kroniek {

// How far a place said to be near an event ("nabij Addis Abeba", "in de buurt
// van Bishoftu") may lie from the site another report names.
inline constexpr double kNearSiteKm = 75;
// How far a part of a city may lie from its centre ('Neudorf', 'Straatsburg').
inline constexpr double kDistrictKm = 25;

inline double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kEarthKm = 6371, kRad = 3.14159265358979323846 / 180;
  const double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthKm * std::asin(std::sqrt(h));
}

// How far a country reaches from the point that stands for it: a place in it may lie this
// far from that point ("Irak" and "Iran" for one quake near their border).
inline constexpr double kCountryReachKm = 500;

// Whether two places lie within `km` of each other, a country reaching kCountryReachKm
// beyond its point; never when `km` is 0 (an event that stays within one country).
inline bool WithinKm(double lat1, double lon1, bool country1, double lat2, double lon2, bool country2, double km) {
  if (km <= 0) return false;
  return DistanceKm(lat1, lon1, lat2, lon2) <= km + (country1 ? kCountryReachKm : 0) + (country2 ? kCountryReachKm : 0);
}

}  // namespace kroniek
