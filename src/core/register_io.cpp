#include "core/register_io.hpp"

#include <algorithm>
#include <map>

#include "domain/cooperative_rules.hpp"
#include "domain/failure.hpp"
#include "domain/sheet_values.hpp"
#include "report/csv.hpp"
#include "report/formula_guard.hpp"
#include "report/xlsx.hpp"
#include "store/cooperatives_repo.hpp"
#include "text/control.hpp"
#include "text/fold.hpp"

namespace hoptac::core {

using domain::Failure;
using domain::FailureKind;

// Each column's key (the English name, still accepted) and the clerk's header.
const std::vector<SheetColumn>& register_sheet_columns() {
  static const std::vector<SheetColumn> columns = {
      {"kind", "Loại hình"},
      {"name", "Tên hợp tác xã"},
      {"registration_code", "Mã số hợp tác xã"},
      {"commune_code", "Xã/phường (mã)"},
      {"commune_as_of", "Xã/phường tại ngày"},
      {"address", "Địa chỉ trụ sở"},
      {"sectors", "Ngành, lĩnh vực"},
      {"founded_on", "Ngày thành lập"},
      {"charter_capital_vnd", "Vốn điều lệ (đồng)"},
      {"status", "Tình trạng"},
      {"representative_name", "Người đại diện"},
      {"representative_title", "Chức danh người đại diện"},
      {"representative_phone", "Điện thoại người đại diện"},
      {"representative_email", "Thư điện tử người đại diện"}};
  return columns;
}

// Columns an export adds for people to read; an import ignores them.
const std::vector<SheetColumn>& export_only_columns() {
  static const std::vector<SheetColumn> columns = {{"id", "Số hồ sơ"},
                                                   {"commune_name", "Tên xã/phường"},
                                                   {"district_code", "Mã huyện"},
                                                   {"district_name", "Huyện"},
                                                   {"province_name", "Tỉnh"},
                                                   {"figures_year", "Năm số liệu"},
                                                   {"members", "Số thành viên"},
                                                   {"classification", "Xếp loại"}};
  return columns;
}

const std::vector<std::string>& register_columns() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> out;
    for (const auto& c : register_sheet_columns()) out.emplace_back(c.key);
    return out;
  }();
  return keys;
}

std::string column_header(const std::string& field) {
  std::string key = field;
  std::replace(key.begin(), key.end(), '.', '_');  // representative.email
  for (const auto& c : register_sheet_columns())
    if (c.key == key) return std::string(c.vi);
  return "";
}

namespace {

std::vector<report::Row> read_rows(std::string_view data, SheetFormat format) {
  if (format == SheetFormat::csv) {
    if (!text::is_valid_utf8(data))
      throw Failure(FailureKind::unprocessable, "Tệp CSV phải ở dạng UTF-8",
                    "The CSV file must be UTF-8", {{"file", "Không phải UTF-8", "Not UTF-8"}});
    std::optional<report::CsvError> error;
    auto rows = report::parse_csv(data, &error);
    if (error)
      throw Failure(
          FailureKind::unprocessable, "Tệp CSV bị lỗi ở dòng " + std::to_string(error->line),
          "The CSV file is broken at line " + std::to_string(error->line),
          {{"line " + std::to_string(error->line), error->message_vi, error->message_en}});
    return rows;
  }
  std::string error;
  auto rows = report::read_xlsx(data, &error);
  if (!rows)
    throw Failure(FailureKind::unprocessable, "Không đọc được tệp XLSX",
                  "Cannot read the XLSX file",
                  {{"file", "Tệp XLSX không đọc được: " + error, error}});
  return *rows;
}

// Other spellings a clerk uses for a header.
const std::map<std::string, std::string>& header_aliases() {
  static const std::map<std::string, std::string> aliases = {
      {"xa/phuong", "commune_code"},
      {"ma xa/phuong", "commune_code"},
      {"ma xa", "commune_code"},
      {"ten htx", "name"},
      {"ma so htx", "registration_code"},
      {"von dieu le", "charter_capital_vnd"},
      {"dia chi", "address"},
      {"nganh nghe", "sectors"},
      {"trang thai", "status"},
      {"so dien thoai", "representative_phone"},
      {"email", "representative_email"},
      {"thu dien tu", "representative_email"},
      {"dien thoai", "representative_phone"}};
  return aliases;
}

// The key a header names ("" for a column an export adds, nullopt when unknown), matched
// without diacritics, case or extra spaces, in Vietnamese or by the English key.
std::optional<std::string> header_column(const std::string& cell) {
  const std::string key = domain::header_key(cell);
  for (const auto& c : register_sheet_columns())
    if (key == c.key || key == domain::header_key(c.vi)) return std::string(c.key);
  for (const auto& c : export_only_columns())
    if (key == c.key || key == domain::header_key(c.vi)) return std::string();
  auto alias = header_aliases().find(key);
  if (alias != header_aliases().end()) return alias->second;
  return std::nullopt;
}

// Maps each known column to its position; a missing required or an unknown column fails.
std::map<std::string, size_t> read_header(const report::Row& header) {
  std::map<std::string, size_t> at;
  domain::Problems p;
  for (size_t i = 0; i < header.cells.size(); ++i) {
    if (domain::header_key(header.cells[i]).empty()) continue;
    auto key = header_column(header.cells[i]);
    const std::string where = "Cột " + std::to_string(i + 1) + " (" + header.cells[i] + ")";
    const std::string where_en = "Column " + std::to_string(i + 1) + " (" + header.cells[i] + ")";
    if (!key)
      p.add("header", where + ": tên cột không được hỗ trợ", where_en + ": unknown column");
    else if (key->empty())
      continue;
    else if (at.count(*key))
      p.add("header", where + ": cột bị lặp", where_en + ": repeated column");
    else
      at[*key] = i;
  }
  for (const char* required : {"kind", "name", "commune_code", "address", "sectors"})
    if (!at.count(required))
      p.add("header", "Thiếu cột \"" + column_header(required) + "\"",
            std::string("Missing column ") + required);
  if (!p.empty())
    throw Failure(FailureKind::unprocessable, "Dòng tiêu đề của tệp không đúng",
                  "The file's header row is wrong", p.errors(), p.total());
  return at;
}

std::string code_of(const std::string& value, const std::vector<domain::CodeName>& list) {
  const std::string key = domain::header_key(value);
  for (const auto& c : list)
    if (key == domain::header_key(c.vi)) return std::string(c.code);
  return value;
}

struct RowReader {
  const report::Row& row;
  const std::map<std::string, size_t>& at;
  domain::Problems& problems;

  std::optional<std::string> text(const std::string& column, size_t max_chars) {
    auto it = at.find(column);
    if (it == at.end() || it->second >= row.cells.size()) return std::nullopt;
    std::string v = report::unguard_cell(row.cells[it->second]);  // as our export wrote it
    auto b = v.find_first_not_of(" \t");
    auto e = v.find_last_not_of(" \t");
    v = b == std::string::npos ? std::string() : v.substr(b, e - b + 1);
    if (v.empty()) return std::nullopt;
    if (!text::is_valid_utf8(v)) {
      problems.add(column, "Không phải UTF-8 hợp lệ", "Not valid UTF-8");
      return std::nullopt;
    }
    if (text::has_forbidden_control(v, text::Lines::single)) {
      problems.add(column, "Không được có xuống dòng hay ký tự điều khiển",
                   "Must not contain line breaks or control characters");
      return std::nullopt;
    }
    v = text::to_nfc(v);
    if (text::length_in_characters(v) > max_chars) {
      problems.add(column, "Dài quá " + std::to_string(max_chars) + " ký tự",
                   "Longer than " + std::to_string(max_chars) + " characters");
      return std::nullopt;
    }
    return v;
  }
  std::optional<domain::Date> date(const std::string& column) {
    auto v = text(column, 10);
    if (!v) return std::nullopt;
    auto d = domain::parse_sheet_date(*v);
    if (!d)
      problems.add(column, "Ngày phải có dạng ngày/tháng/năm (ví dụ 15/03/2021) và có thật",
                   "Must be a real date dd/mm/yyyy (for example 15/03/2021)");
    return d;
  }
  std::optional<int64_t> money(const std::string& column) {
    auto v = text(column, 30);
    if (!v) return std::nullopt;
    auto amount = domain::parse_amount(*v);
    if (!amount)
      problems.add(column, "Phải là số đồng nguyên không âm (ví dụ 1.000.000)",
                   "Must be a whole, non-negative amount in dong (for example 1.000.000)");
    return amount;
  }
  // A coded column: the code, or its Vietnamese name as the template lists it.
  std::optional<std::string> code(const std::string& column,
                                  const std::vector<domain::CodeName>& list) {
    auto v = text(column, 100);
    return v ? code_of(*v, list) : v;
  }
};

CooperativeInput row_input(const report::Row& row, const std::map<std::string, size_t>& at,
                           domain::Problems& p) {
  RowReader r{row, at, p};
  CooperativeInput in;
  in.kind = r.code("kind", domain::cooperative_kinds());
  in.name = r.text("name", 200);
  in.registration_code = r.text("registration_code", 20);
  in.commune_code = r.text("commune_code", 5);
  in.commune_as_of = r.date("commune_as_of");
  in.address = r.text("address", 300);
  if (auto s = r.text("sectors", 200)) {
    std::vector<std::string> sectors;
    size_t start = 0;
    while (start <= s->size()) {
      size_t end = s->find(';', start);
      if (end == std::string::npos) end = s->size();
      std::string one = s->substr(start, end - start);
      one.erase(0, one.find_first_not_of(' '));
      one.erase(one.find_last_not_of(' ') + 1);
      if (!one.empty()) sectors.push_back(code_of(one, domain::sectors()));
      start = end + 1;
    }
    in.sectors = sectors;
  }
  if (auto d = r.date("founded_on")) in.founded_on = d;
  if (auto m = r.money("charter_capital_vnd")) in.charter_capital_vnd = m;
  in.status = r.code("status", domain::cooperative_statuses());
  domain::Representative rep{r.text("representative_name", 100).value_or(""),
                             r.text("representative_title", 100).value_or(""),
                             r.text("representative_phone", 20).value_or(""),
                             r.text("representative_email", 120).value_or("")};
  in.representative = rep;
  return in;
}

}  // namespace

ImportResult import_cooperatives(store::Connection& c, const MaybeActor& actor,
                                 std::string_view data, SheetFormat format, bool dry_run) {
  if (!actor) throw Failure::unauthenticated();
  if (!can_write_register(actor)) throw Failure::forbidden();
  auto rows = read_rows(data, format);
  if (rows.empty())
    throw Failure(FailureKind::unprocessable, "Tệp không có dữ liệu", "The file is empty",
                  {{"file", "Tệp trống", "The file is empty"}});
  auto at = read_header(rows.front());

  ImportResult result;
  result.dry_run = dry_run;
  store::Transaction tx(c, store::Transaction::Mode::write);
  for (size_t i = 1; i < rows.size(); ++i) {
    ++result.rows;
    domain::Problems cells;
    auto in = row_input(rows[i], at, cells);
    try {
      insert_cooperative_in_tx(c, in, "", cells);  // validates before it writes
      ++result.created;
    } catch (const Failure& f) {
      auto keep = [&](ImportIssue issue) {
        ++result.errors_total;
        if (result.errors.size() < kMaxImportErrors) result.errors.push_back(std::move(issue));
      };
      for (const auto& e : f.errors())
        keep({rows[i].line, e.field, column_header(e.field), e.message_vi, e.message_en});
      if (f.errors().empty()) keep({rows[i].line, "", "", f.title_vi(), f.title_en()});
    }
  }
  if (!dry_run && result.errors.empty()) tx.commit();  // otherwise the destructor rolls back
  return result;
}

namespace {
std::string vietnamese_date(const std::string& iso) {
  auto d = domain::Date::parse(iso);
  return d ? d->vietnamese() : iso;
}

// The allowed values of the coded columns, for the template's second sheet.
report::Sheet code_sheet() {
  report::Sheet sheet{"Danh muc", {"Cột", "Mã", "Ý nghĩa"}, {}, {}};
  auto add = [&](const std::string& field, const std::vector<domain::CodeName>& list) {
    for (const auto& c : list)
      sheet.rows.push_back({column_header(field), std::string(c.code), std::string(c.vi)});
  };
  add("kind", domain::cooperative_kinds());
  add("sectors", domain::sectors());
  add("status", domain::cooperative_statuses());
  sheet.rows.push_back({column_header("commune_code"), "02155",
                        "Mã xã/phường 5 chữ số theo danh mục của Tổng cục Thống kê"});
  sheet.rows.push_back({column_header("founded_on"), "15/03/2021", "Ngày/tháng/năm"});
  sheet.rows.push_back({column_header("charter_capital_vnd"), "1.000.000.000",
                        "Số đồng, có thể viết dấu chấm ngăn cách hàng nghìn"});
  sheet.rows.push_back({column_header("sectors"), "agriculture;trade_services",
                        "Nhiều ngành cách nhau bằng dấu chấm phẩy"});
  sheet.numeric.assign(3, false);
  return sheet;
}
}  // namespace

std::string import_template() {
  std::vector<std::string> header;
  for (const auto& col : register_sheet_columns()) header.emplace_back(col.vi);
  report::Sheet sheet{"Hop tac xa",
                      header,
                      {{"htx", "Hợp tác xã Nông nghiệp Bằng Phúc", "4701234567", "02155",
                        "30/06/2025", "Thôn Khuổi Cuồng, xã Bằng Phúc",
                        "agriculture;trade_services", "15/03/2021", "1.000.000.000", "active",
                        "Hoàng Văn Bình", "Giám đốc", "0912 345 678", "bangphuc@example.vn"}},
                      {}};
  sheet.numeric.assign(header.size(), false);
  return report::write_xlsx({sheet, code_sheet()});
}

std::string export_cooperatives(store::Connection& c, const MaybeActor& actor,
                                store::CooperativeFilter filter, SheetFormat format) {
  filter.per_page = 0;  // every row
  int64_t total = 0;
  auto coops = list_cooperatives(c, filter, &total);
  std::vector<std::string> header;  // the clerk's headers, as the import reads them
  for (const auto& col : register_sheet_columns()) header.emplace_back(col.vi);
  for (const auto& col : export_only_columns()) header.emplace_back(col.vi);
  std::vector<std::vector<std::string>> rows;
  rows.reserve(coops.size());
  for (const auto& k : coops) {
    bool priv = can_see_private(actor, k.id);
    std::string sectors;
    for (const auto& s : k.sectors) sectors += (sectors.empty() ? "" : ";") + s;
    // commune_as_of: a date the commune is valid at, so that an edited export can be re-read.
    rows.push_back({k.kind,
                    k.name,
                    k.registration_code,
                    k.commune.code,
                    vietnamese_date(k.commune.valid_to),
                    k.address,
                    sectors,
                    k.founded_on ? k.founded_on->vietnamese() : "",
                    k.charter_capital_vnd ? std::to_string(*k.charter_capital_vnd) : "",
                    k.status,
                    k.representative.name,
                    k.representative.title,
                    priv ? k.representative.phone : "",
                    priv ? k.representative.email : "",
                    std::to_string(k.id),
                    k.commune.name,
                    k.district.code,
                    k.district.name,
                    k.province.name,
                    k.figures_year ? std::to_string(*k.figures_year) : "",
                    k.members ? std::to_string(*k.members) : "",
                    k.classification});
  }
  if (format == SheetFormat::csv) {
    report::CsvWriter w;
    w.row(header);
    for (const auto& r : rows) w.row(r);
    return w.str();
  }
  report::Sheet sheet{"Hop tac xa", header, std::move(rows), {}};
  sheet.numeric.assign(header.size(), false);
  sheet.numeric[8] = true;   // charter_capital_vnd
  sheet.numeric[20] = true;  // members
  return report::write_xlsx({sheet});
}

}  // namespace hoptac::core
