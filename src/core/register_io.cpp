#include "core/register_io.hpp"

#include <algorithm>
#include <map>

#include "domain/failure.hpp"
#include "report/csv.hpp"
#include "report/formula_guard.hpp"
#include "report/xlsx.hpp"
#include "text/control.hpp"
#include "text/fold.hpp"

namespace hoptac::core {

using domain::Failure;
using domain::FailureKind;

// Columns an export adds for people to read; an import ignores them.
const std::vector<std::string>& export_only_columns() {
  static const std::vector<std::string> columns = {
      "id",           "commune_name", "district_code", "district_name", "province_name",
      "figures_year", "members",      "classification"};
  return columns;
}

const std::vector<std::string>& register_columns() {
  static const std::vector<std::string> columns = {"kind",
                                                   "name",
                                                   "registration_code",
                                                   "commune_code",
                                                   "commune_as_of",
                                                   "address",
                                                   "sectors",
                                                   "founded_on",
                                                   "charter_capital_vnd",
                                                   "status",
                                                   "representative_name",
                                                   "representative_title",
                                                   "representative_phone",
                                                   "representative_email"};
  return columns;
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

// Maps each known column to its position; a missing required or an unknown column fails.
std::map<std::string, size_t> read_header(const report::Row& header) {
  std::map<std::string, size_t> at;
  domain::Problems p;
  const auto& known = register_columns();
  for (size_t i = 0; i < header.cells.size(); ++i) {
    std::string name = text::fold(header.cells[i]);
    if (name.empty()) continue;
    const auto& ignored = export_only_columns();
    if (std::find(ignored.begin(), ignored.end(), name) != ignored.end()) continue;
    if (std::find(known.begin(), known.end(), name) == known.end())
      p.add("header", "Cột không được hỗ trợ: " + header.cells[i],
            "Unknown column: " + header.cells[i]);
    else if (at.count(name))
      p.add("header", "Cột bị lặp: " + name, "Repeated column: " + name);
    else
      at[name] = i;
  }
  for (const char* required : {"kind", "name", "commune_code", "address", "sectors"})
    if (!at.count(required))
      p.add("header", std::string("Thiếu cột ") + required,
            std::string("Missing column ") + required);
  if (!p.empty())
    throw Failure(FailureKind::unprocessable, "Dòng tiêu đề của tệp không đúng",
                  "The file's header row is wrong", p.errors(), p.total());
  return at;
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
    auto d = domain::Date::parse(*v);
    if (!d) problems.add(column, "Ngày phải có dạng YYYY-MM-DD", "Must be a date YYYY-MM-DD");
    return d;
  }
  std::optional<int64_t> money(const std::string& column) {
    auto v = text(column, 20);
    if (!v) return std::nullopt;
    bool digits = std::all_of(v->begin(), v->end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    if (!digits || v->size() > 18) {
      problems.add(column, "Phải là số nguyên không âm (đồng)",
                   "Must be a whole, non-negative amount");
      return std::nullopt;
    }
    return std::stoll(*v);
  }
};

CooperativeInput row_input(const report::Row& row, const std::map<std::string, size_t>& at,
                           domain::Problems& p) {
  RowReader r{row, at, p};
  CooperativeInput in;
  in.kind = r.text("kind", 10);
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
      if (!one.empty()) sectors.push_back(one);
      start = end + 1;
    }
    in.sectors = sectors;
  }
  if (auto d = r.date("founded_on")) in.founded_on = d;
  if (auto m = r.money("charter_capital_vnd")) in.charter_capital_vnd = m;
  in.status = r.text("status", 20);
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
      for (const auto& e : f.errors()) keep({rows[i].line, e.field, e.message_vi, e.message_en});
      if (f.errors().empty()) keep({rows[i].line, "", f.title_vi(), f.title_en()});
    }
  }
  if (!dry_run && result.errors.empty()) tx.commit();  // otherwise the destructor rolls back
  return result;
}

std::string export_cooperatives(store::Connection& c, const MaybeActor& actor,
                                store::CooperativeFilter filter, SheetFormat format) {
  filter.per_page = 0;  // every row
  int64_t total = 0;
  auto coops = list_cooperatives(c, filter, &total);
  std::vector<std::string> header = register_columns();
  for (const auto& extra : export_only_columns()) header.push_back(extra);
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
                    k.commune.valid_to,
                    k.address,
                    sectors,
                    k.founded_on ? k.founded_on->iso() : "",
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
