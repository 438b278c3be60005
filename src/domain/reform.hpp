#pragma once
// The 2025 reform of administrative units: from 1 July 2025 districts no longer exist and
// communes were merged. What a report of a year that spans that day says about how it counted.
#include <string>

namespace hoptac::domain {

inline constexpr int kReformYear = 2025, kReformMonth = 7, kReformDay = 1;

// Whether the year has days before and after 1 July 2025.
bool year_spans_reform(int year);

// The line under a table of places / of agencies in a report of `year`: "" unless the year
// spans the reform. Each says what the code does (core/reports.cpp).
std::string places_note(int year);
std::string agencies_note(int year);

}  // namespace hoptac::domain
