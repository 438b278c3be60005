#include "report/xlsx.hpp"

#include <expat.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "report/formula_guard.hpp"

namespace hoptac::report {

namespace {

// Cells of numeric columns arrive formatted the Vietnamese way ("59.000.000", "71,5%"):
// "." groups thousands, "," is the decimal mark. Spreadsheets want the number.
double vietnamese_number(const std::string& v) {
  std::string plain;
  for (char ch : v) {
    if (ch == '.' || ch == '%' || ch == ' ') continue;
    plain += ch == ',' ? '.' : ch;
  }
  return std::strtod(plain.c_str(), nullptr);
}

std::optional<std::string> zip_entry(zip_t* z, const char* name) {
  zip_stat_t st;
  if (zip_stat(z, name, 0, &st) != 0) return std::nullopt;
  if (st.size > 256u * 1024 * 1024) return std::nullopt;  // refuse zip bombs
  std::unique_ptr<zip_file_t, decltype(&zip_fclose)> f(zip_fopen(z, name, 0), &zip_fclose);
  if (!f) return std::nullopt;
  std::string out(st.size, '\0');
  zip_int64_t n = zip_fread(f.get(), out.data(), st.size);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) return std::nullopt;
  return out;
}

// Runs expat over `xml`, calling the handlers on the object `self`.
template <class Handler>
bool parse_xml(const std::string& xml, Handler& self) {
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, decltype(&XML_ParserFree)> p(
      XML_ParserCreate("UTF-8"), &XML_ParserFree);
  XML_SetUserData(p.get(), &self);
  XML_SetElementHandler(
      p.get(),
      [](void* u, const XML_Char* name, const XML_Char** attrs) {
        static_cast<Handler*>(u)->start(name, attrs);
      },
      [](void* u, const XML_Char* name) { static_cast<Handler*>(u)->end(name); });
  XML_SetCharacterDataHandler(p.get(), [](void* u, const XML_Char* s, int len) {
    static_cast<Handler*>(u)->text(std::string_view(s, static_cast<size_t>(len)));
  });
  return XML_Parse(p.get(), xml.data(), static_cast<int>(xml.size()), XML_TRUE) == XML_STATUS_OK;
}

std::string_view local(const char* name) {
  std::string_view n(name);
  auto colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const char* attr(const XML_Char** attrs, std::string_view key) {
  for (int i = 0; attrs[i]; i += 2)
    if (local(attrs[i]) == key) return attrs[i + 1];
  return nullptr;
}

constexpr size_t kMaxSharedStrings = 1000000;
constexpr size_t kMaxCellSlots = 4000000;  // cells of all rows, empty ones included

struct SharedStrings {
  std::vector<std::string> items;
  bool in_si = false, in_t = false, too_many = false;
  void start(const char* name, const XML_Char**) {
    auto n = local(name);
    if (n == "si") {
      in_si = true;
      if (items.size() >= kMaxSharedStrings) {
        too_many = true;
        in_si = false;
        return;
      }
      items.emplace_back();
    } else if (n == "t" && in_si) {
      in_t = true;
    }
  }
  void end(const char* name) {
    auto n = local(name);
    if (n == "si") in_si = false;
    if (n == "t") in_t = false;
  }
  void text(std::string_view s) {
    if (in_t && in_si && items.back().size() < 100000) items.back() += s;
  }
};

constexpr int kMaxColumns = 16384;      // XFD, the last column Excel has
constexpr int kMaxRowNumber = 1048576;  // Excel's last row
constexpr size_t kMaxRows = 200000;     // more than any province's register

// "C7" -> 2; -1 when the reference has no letters or more than Excel's columns.
int column_of(const char* ref) {
  int col = 0;
  const char* p = ref;
  for (; *p >= 'A' && *p <= 'Z'; ++p) {
    col = col * 26 + (*p - 'A' + 1);
    if (col > kMaxColumns) return -1;  // stops before any overflow
  }
  return p == ref ? -1 : col - 1;
}

// A whole number in [0, max] written in decimal, or nothing.
std::optional<int64_t> bounded_number(std::string_view s, int64_t max) {
  if (s.empty() || s.size() > 19) return std::nullopt;
  int64_t v = 0;
  for (char ch : s) {
    if (ch < '0' || ch > '9') return std::nullopt;
    v = v * 10 + (ch - '0');
    if (v > max) return std::nullopt;
  }
  return v;
}

struct SheetReader {
  const std::vector<std::string>* shared = nullptr;
  std::vector<Row> rows;
  std::string type, value;
  std::string error;  // the first number out of range, if any; the whole sheet is then refused
  int col = 0;
  size_t slots = 0;
  bool in_value = false;
  void fail(std::string why) {
    if (error.empty()) error = std::move(why);
  }
  void start(const char* name, const XML_Char** attrs) {
    auto n = local(name);
    if (!error.empty()) return;
    if (n == "row") {
      if (rows.size() >= kMaxRows) return fail("more than " + std::to_string(kMaxRows) + " rows");
      Row r;
      const char* num = attr(attrs, "r");
      auto line =
          num ? bounded_number(num, kMaxRowNumber) : std::optional<int64_t>(rows.size() + 1);
      if (!line || *line < 1) return fail("a row number is out of range");
      r.line = static_cast<int>(*line);
      rows.push_back(std::move(r));
    } else if (n == "c") {
      const char* t = attr(attrs, "t");
      type = t ? t : "n";
      const char* ref = attr(attrs, "r");
      col = ref ? column_of(ref) : static_cast<int>(rows.empty() ? 0 : rows.back().cells.size());
      if (col < 0) return fail("a cell reference is out of range");
      value.clear();
    } else if (n == "v" || n == "t") {
      in_value = true;
    }
  }
  void end(const char* name) {
    auto n = local(name);
    if (n == "v" || n == "t") in_value = false;
    if (!error.empty()) return;
    if (n == "c" && !rows.empty() && col >= 0 && col < 1000) {
      std::string cell = value;
      if (type == "s") {
        auto idx = bounded_number(value, static_cast<int64_t>(shared->size()) - 1);
        if (!idx) return fail("a shared string index is out of range");
        cell = (*shared)[static_cast<size_t>(*idx)];
      } else if (type == "b") {
        cell = value == "1" ? "TRUE" : "FALSE";
      } else if (type == "n" && value.size() > 2 && value.ends_with(".0")) {
        cell = value.substr(0, value.size() - 2);
      }
      auto& cells = rows.back().cells;
      if (cells.size() <= static_cast<size_t>(col)) {
        slots += static_cast<size_t>(col) + 1 - cells.size();
        if (slots > kMaxCellSlots) return fail("too many cells");
        cells.resize(static_cast<size_t>(col) + 1);
      }
      cells[static_cast<size_t>(col)] = std::move(cell);
    }
  }
  void text(std::string_view s) {
    if (in_value && value.size() < 100000) value += s;
  }
};

}  // namespace

std::optional<std::vector<Row>> read_xlsx(std::string_view data, std::string* error) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t* src = zip_source_buffer_create(data.data(), data.size(), 0, &ze);
  if (!src) {
    *error = "cannot read the file";
    return std::nullopt;
  }
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &ze);
  if (!z) {
    zip_source_free(src);
    *error = "not an XLSX file (not a zip archive)";
    return std::nullopt;
  }
  std::unique_ptr<zip_t, decltype(&zip_discard)> archive(z, &zip_discard);
  SharedStrings strings;
  if (auto xml = zip_entry(z, "xl/sharedStrings.xml")) {
    if (!parse_xml(*xml, strings) || strings.too_many) {
      *error = "the shared strings of the workbook are damaged";
      return std::nullopt;
    }
  }
  auto sheet = zip_entry(z, "xl/worksheets/sheet1.xml");
  if (!sheet) {
    *error = "the workbook has no first sheet (xl/worksheets/sheet1.xml)";
    return std::nullopt;
  }
  SheetReader reader;
  reader.shared = &strings.items;
  if (!parse_xml(*sheet, reader)) {
    *error = "the first sheet of the workbook is damaged";
    return std::nullopt;
  }
  if (!reader.error.empty()) {
    *error = "the first sheet cannot be read: " + reader.error;
    return std::nullopt;
  }
  std::vector<Row> rows;
  for (auto& r : reader.rows) {
    bool empty = true;
    for (const auto& c : r.cells) empty = empty && c.empty();
    if (!empty) rows.push_back(std::move(r));
  }
  return rows;
}

std::string write_xlsx(const std::vector<Sheet>& sheets) {
  // libxlsxwriter 1.1.4 writes to a file: write to a private temporary file, read it back.
  char path[] = "/tmp/hoptac-xlsx-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) throw std::runtime_error("cannot create a temporary file");
  close(fd);
  lxw_workbook* wb = workbook_new(path);
  if (!wb) {
    unlink(path);
    throw std::runtime_error("cannot create the workbook");
  }
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* money = workbook_add_format(wb);
  format_set_num_format(money, "#,##0");
  for (const auto& s : sheets) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, s.name.c_str());
    for (size_t c = 0; c < s.header.size(); ++c) {
      worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), guard_cell(s.header[c]).c_str(),
                             bold);
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), 18, nullptr);
    }
    for (size_t r = 0; r < s.rows.size(); ++r)
      for (size_t c = 0; c < s.rows[r].size(); ++c) {
        const auto& v = s.rows[r][c];
        auto row = static_cast<lxw_row_t>(r + 1);
        auto col = static_cast<lxw_col_t>(c);
        if (v.empty()) continue;
        if (c < s.numeric.size() && s.numeric[c])
          worksheet_write_number(ws, row, col, vietnamese_number(v),
                                 v.find_first_of(",%") == std::string::npos ? money : nullptr);
        else
          worksheet_write_string(ws, row, col, guard_cell(v).c_str(), nullptr);
      }
    worksheet_freeze_panes(ws, 1, 0);
  }
  lxw_error err = workbook_close(wb);
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  unlink(path);
  if (err != LXW_NO_ERROR) throw std::runtime_error(lxw_strerror(err));
  return bytes.str();
}

}  // namespace hoptac::report
