#include "report/document.hpp"

#include <cstdio>

#include "report/csv.hpp"
#include "report/xlsx.hpp"

namespace hoptac::report {

std::string vietnamese_date_phrase(int year, int month, int day) {
  char buf[64];
  if (month <= 2)
    std::snprintf(buf, sizeof buf, "ngày %02d tháng %02d năm %d", day, month, year);
  else
    std::snprintf(buf, sizeof buf, "ngày %02d tháng %d năm %d", day, month, year);
  return buf;
}

std::string write_csv(const Document& d) {
  CsvWriter w;
  w.row({d.kind + " " + d.summary});
  for (const auto& s : d.sections)
    for (const auto& t : s.tables) {
      w.row({});
      w.row({t.title.empty() ? s.heading : t.title});
      w.row(t.header);
      for (const auto& r : t.rows) w.row(r);
      if (!t.note.empty()) w.row({t.note});
    }
  return w.str();
}

std::string write_xlsx(const Document& d) {
  std::vector<Sheet> sheets;
  for (const auto& s : d.sections)
    for (const auto& t : s.tables) {
      // Sheet names: at most 31 characters, unique.
      std::string name =
          std::to_string(sheets.size() + 1) + ". " + (t.title.empty() ? s.heading : t.title);
      std::string trimmed;
      size_t chars = 0;
      for (size_t i = 0; i < name.size() && chars < 30; ++i) {
        unsigned char ch = static_cast<unsigned char>(name[i]);
        if (ch == ':' || ch == '/' || ch == '\\' || ch == '?' || ch == '*' || ch == '[' ||
            ch == ']')
          continue;
        if ((ch & 0xC0) != 0x80) ++chars;
        trimmed += name[i];
      }
      while (!trimmed.empty() && (static_cast<unsigned char>(trimmed.back()) & 0xC0) == 0xC0)
        trimmed.pop_back();
      sheets.push_back({trimmed, t.header, t.rows, t.numeric});
      if (!t.note.empty()) sheets.back().rows.push_back({t.note});  // the first column is text
    }
  if (sheets.empty()) sheets.push_back({"1", {d.kind + " " + d.summary}, {}, {}});
  return report::write_xlsx(sheets);
}

}  // namespace hoptac::report
