#include "report/csv.hpp"

#include "report/formula_guard.hpp"

namespace hoptac::report {

std::vector<Row> parse_csv(std::string_view d, std::optional<CsvError>* error) {
  std::vector<Row> rows;
  if (d.substr(0, 3) == "\xEF\xBB\xBF") d.remove_prefix(3);
  size_t i = 0;
  int line = 1;
  while (i < d.size()) {
    Row row;
    row.line = line;
    std::string cell;
    bool row_done = false;
    while (!row_done) {
      if (i < d.size() && d[i] == '"') {
        // A quoted field: "" is a quote; it may span lines.
        int started = line;
        ++i;
        for (;;) {
          if (i >= d.size()) {
            *error = CsvError{started, "Dấu ngoặc kép chưa được đóng", "Unterminated quoted field"};
            return {};
          }
          char ch = d[i++];
          if (ch == '"') {
            if (i < d.size() && d[i] == '"') {
              cell += '"';
              ++i;
            } else {
              break;
            }
          } else {
            if (ch == '\n') ++line;
            cell += ch;
          }
        }
        if (i < d.size() && d[i] != ',' && d[i] != '\n' && d[i] != '\r') {
          *error =
              CsvError{line, "Có ký tự sau dấu ngoặc kép đóng", "Characters after a closing quote"};
          return {};
        }
      } else {
        while (i < d.size() && d[i] != ',' && d[i] != '\n' && d[i] != '\r') {
          if (d[i] == '"') {
            *error = CsvError{line, "Dấu ngoặc kép giữa ô", "A quote inside an unquoted field"};
            return {};
          }
          cell += d[i++];
        }
      }
      if (row.cells.size() >= kMaxCsvCells) {
        *error = CsvError{line, "Quá " + std::to_string(kMaxCsvCells) + " cột",
                          "More than " + std::to_string(kMaxCsvCells) + " columns"};
        return {};
      }
      row.cells.push_back(std::move(cell));
      cell.clear();
      if (i >= d.size()) {
        row_done = true;
      } else if (d[i] == ',') {
        ++i;
      } else {
        if (d[i] == '\r') ++i;
        if (i < d.size() && d[i] == '\n') ++i;
        ++line;
        row_done = true;
      }
    }
    bool empty = row.cells.size() == 1 && row.cells[0].empty();
    if (!empty && rows.size() >= kMaxCsvRows) {
      *error = CsvError{line, "Quá " + std::to_string(kMaxCsvRows) + " dòng",
                        "More than " + std::to_string(kMaxCsvRows) + " rows"};
      return {};
    }
    if (!empty) rows.push_back(std::move(row));
  }
  return rows;
}

CsvWriter::CsvWriter() : out_("\xEF\xBB\xBF") {}

void CsvWriter::row(const std::vector<std::string>& cells) {
  bool first = true;
  for (const auto& raw : cells) {
    const std::string c = guard_cell(raw);
    if (!first) out_ += ',';
    first = false;
    if (c.find_first_of(",\"\r\n") == std::string::npos) {
      out_ += c;
      continue;
    }
    out_ += '"';
    for (char ch : c) {
      if (ch == '"') out_ += '"';
      out_ += ch;
    }
    out_ += '"';
  }
  out_ += "\r\n";
}

}  // namespace hoptac::report
