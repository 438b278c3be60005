#pragma once
// Spreadsheets: reading the first sheet of an XLSX file (libzip + expat) and writing one
// (libxlsxwriter).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "report/csv.hpp"

namespace hoptac::report {

// The first worksheet's rows as text, each with its spreadsheet row number.
// Nothing and an error message when the file is not a readable XLSX.
std::optional<std::vector<Row>> read_xlsx(std::string_view data, std::string* error);

struct Sheet {
  std::string name;
  std::vector<std::string> header;
  // Cells are text; a cell whose column is marked numeric is written as a number.
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> numeric;
};

// The workbook's bytes.
std::string write_xlsx(const std::vector<Sheet>& sheets);

}  // namespace hoptac::report
