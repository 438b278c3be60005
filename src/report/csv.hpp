#pragma once
// CSV as Excel reads and writes it (RFC 4180): comma-separated, fields quoted when they hold a
// comma, quote or line break, UTF-8 with a byte-order mark so that Excel shows Vietnamese.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hoptac::report {

struct Row {
  int line = 0;  // where the row starts in the file, from 1
  std::vector<std::string> cells;
};

struct CsvError {
  int line = 0;
  std::string message_vi, message_en;
};

// Parses a whole file; a leading BOM is skipped, empty lines are dropped.
// Returns the error of the first malformed line instead, if any; a file of more than
// kMaxCsvRows rows, or a row of more than kMaxCsvCells cells, is an error too.
constexpr size_t kMaxCsvRows = 200000;
constexpr size_t kMaxCsvCells = 1000;
std::vector<Row> parse_csv(std::string_view data, std::optional<CsvError>* error);

// Writes rows; every cell is guarded against formula injection (report/formula_guard.hpp).
class CsvWriter {
 public:
  CsvWriter();  // starts with the BOM
  void row(const std::vector<std::string>& cells);
  const std::string& str() const { return out_; }

 private:
  std::string out_;
};

}  // namespace hoptac::report
