#pragma once
// The names of a petition's states: one table for the screen (web/src/i18n.ts holds the same
// words, checked by a test), the exports (CSV, XLSX) and the PDF.
#include <string_view>
#include <vector>

namespace hoptac::domain {

struct StateName {
  std::string_view code, vi, en;
};

// In the order of the workflow; drafts are not among the official figures.
const std::vector<StateName>& state_names();
std::string_view state_name_vi(std::string_view code);

}  // namespace hoptac::domain
