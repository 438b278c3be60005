#include "api/json_io.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <cmath>

#include "domain/limits.hpp"
#include "text/control.hpp"
#include "text/fold.hpp"

namespace hoptac::api {

using domain::Failure;
using domain::FailureKind;

json::object parse_body_object(const http::Request& req) {
  auto ct = req.header("content-type");
  if (!ct || ct->find("application/json") == std::string_view::npos)
    throw Failure(FailureKind::unsupported_media_type, "Nội dung phải là JSON (application/json)",
                  "The body must be JSON (Content-Type: application/json)");
  boost::system::error_code ec;
  json::value v = json::parse(req.body, ec);
  if (ec)
    throw Failure(FailureKind::bad_request, "JSON không hợp lệ: " + ec.message(),
                  "Malformed JSON: " + ec.message());
  if (!v.is_object())
    throw Failure(FailureKind::bad_request, "Nội dung phải là một đối tượng JSON",
                  "The body must be a JSON object");
  return std::move(v.as_object());
}

JsonInput::JsonInput(const json::object& o, std::initializer_list<std::string_view> allowed,
                     std::string prefix)
    : o_(o), prefix_(std::move(prefix)) {
  for (const auto& kv : o) {
    std::string_view k = kv.key();
    if (std::find(allowed.begin(), allowed.end(), k) == allowed.end())
      problems_.add(field(k), "Trường không được hỗ trợ", "Unknown field");
  }
}

bool JsonInput::has(std::string_view key) const {
  return o_.contains(key);
}

bool JsonInput::is_null(std::string_view key) const {
  auto it = o_.find(key);
  return it != o_.end() && it->value().is_null();
}

const json::value* JsonInput::get(std::string_view key, bool required) {
  auto it = o_.find(key);
  if (it == o_.end() || it->value().is_null()) {
    if (required) problems_.add(field(key), "Bắt buộc phải có", "Required");
    return nullptr;
  }
  return &it->value();
}

std::optional<std::string> JsonInput::string(std::string_view key, std::size_t max_chars,
                                             bool required) {
  const json::value* v = get(key, required);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    problems_.add(field(key), "Phải là chuỗi ký tự", "Must be a string");
    return std::nullopt;
  }
  // A long text may have line breaks; a short one (a name, a title, a code) may not.
  const auto lines = max_chars >= kMultiLineFrom ? text::Lines::multi : text::Lines::single;
  if (!text::is_valid_utf8(v->as_string()) || text::has_forbidden_control(v->as_string(), lines)) {
    problems_.add(field(key),
                  lines == text::Lines::multi ? "Có ký tự điều khiển không được phép"
                                              : "Không được có xuống dòng hay ký tự điều khiển",
                  lines == text::Lines::multi
                      ? "Contains a control character"
                      : "Must not contain line breaks or control characters");
    return std::nullopt;
  }
  std::string s = text::normalise_line_breaks(v->as_string());
  // Trim surrounding white space; the stored form is NFC.
  auto b = s.find_first_not_of(" \t\r\n");
  auto e = s.find_last_not_of(" \t\r\n");
  s = b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
  if (required && s.empty()) {
    problems_.add(field(key), "Không được để trống", "Must not be empty");
    return std::nullopt;
  }
  s = text::to_nfc(s);
  if (text::length_in_characters(s) > max_chars) {
    problems_.add(field(key), "Dài quá " + std::to_string(max_chars) + " ký tự",
                  "Longer than " + std::to_string(max_chars) + " characters");
    return std::nullopt;
  }
  return s;
}

std::optional<int64_t> JsonInput::integer(std::string_view key, bool required,
                                          std::optional<int64_t> min, std::optional<int64_t> max) {
  const json::value* v = get(key, required);
  if (!v) return std::nullopt;
  const int64_t lo = min.value_or(-domain::kMaxSafeInteger);
  const int64_t hi = max.value_or(domain::kMaxSafeInteger);
  int64_t n = 0;
  if (v->is_int64()) {
    n = v->as_int64();
  } else if (v->is_uint64() || (v->is_double() && std::isfinite(v->as_double()) &&
                                std::trunc(v->as_double()) == v->as_double())) {
    // 1e19, 1.8e19 or 3.0: a whole number, but out of int64 or written as a double.
    double d = v->is_uint64() ? static_cast<double>(v->as_uint64()) : v->as_double();
    if (d < -9.2e18 || d > 9.2e18)
      n = d < 0 ? INT64_MIN : INT64_MAX;
    else
      n = static_cast<int64_t>(d);
  } else {
    problems_.add(field(key), "Phải là số nguyên", "Must be an integer");
    return std::nullopt;
  }
  if (n < lo) {
    problems_.add(field(key), lo == 0 ? "Không được âm" : "Nhỏ nhất là " + std::to_string(lo),
                  lo == 0 ? "Must not be negative" : "Must be at least " + std::to_string(lo));
    return std::nullopt;
  }
  if (n > hi) {
    problems_.add(field(key), "Lớn nhất là " + std::to_string(hi),
                  "Must be at most " + std::to_string(hi));
    return std::nullopt;
  }
  return n;
}

std::optional<double> JsonInput::number(std::string_view key, bool required, double min,
                                        double max) {
  const json::value* v = get(key, required);
  if (!v) return std::nullopt;
  if (!v->is_number()) {
    problems_.add(field(key), "Phải là số", "Must be a number");
    return std::nullopt;
  }
  double d = v->to_number<double>();
  if (!std::isfinite(d) || d < min || d > max) {
    char range[64];
    std::snprintf(range, sizeof range, "%.15g … %.15g", min, max);
    problems_.add(field(key), std::string("Phải là số trong khoảng ") + range,
                  std::string("Must be a number within ") + range);
    return std::nullopt;
  }
  return d;
}

std::optional<domain::Date> JsonInput::date(std::string_view key, bool required) {
  const json::value* v = get(key, required);
  if (!v) return std::nullopt;
  std::optional<domain::Date> d;
  if (v->is_string()) d = domain::Date::parse(v->as_string());
  if (!d) problems_.add(field(key), "Ngày phải có dạng YYYY-MM-DD", "Must be a date YYYY-MM-DD");
  return d;
}

std::optional<std::vector<std::string>> JsonInput::strings(std::string_view key,
                                                           std::size_t max_items,
                                                           std::size_t max_chars, bool required) {
  const json::value* v = get(key, required);
  if (!v) return std::nullopt;
  if (!v->is_array() || v->as_array().size() > max_items) {
    problems_.add(field(key), "Phải là danh sách tối đa " + std::to_string(max_items) + " chuỗi",
                  "Must be an array of at most " + std::to_string(max_items) + " strings");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const auto& item : v->as_array()) {
    if (!item.is_string() || text::length_in_characters(item.as_string()) > max_chars) {
      problems_.add(field(key), "Mỗi phần tử phải là chuỗi ngắn",
                    "Each item must be a short string");
      return std::nullopt;
    }
    out.emplace_back(item.as_string());
  }
  return out;
}

std::optional<std::vector<int64_t>> JsonInput::integers(std::string_view key, std::size_t max_items,
                                                        bool required) {
  const json::value* v = get(key, required);
  if (!v) return std::nullopt;
  if (!v->is_array() || v->as_array().size() > max_items) {
    problems_.add(field(key), "Phải là danh sách số nguyên", "Must be an array of integers");
    return std::nullopt;
  }
  std::vector<int64_t> out;
  for (const auto& item : v->as_array()) {
    if (!item.is_int64() || item.as_int64() < -domain::kMaxSafeInteger ||
        item.as_int64() > domain::kMaxSafeInteger) {
      problems_.add(field(key), "Mỗi phần tử phải là số nguyên", "Each item must be an integer");
      return std::nullopt;
    }
    out.push_back(item.as_int64());
  }
  return out;
}

const json::object* JsonInput::object(std::string_view key, bool required) {
  const json::value* v = get(key, required);
  if (!v) return nullptr;
  if (!v->is_object()) {
    problems_.add(field(key), "Phải là đối tượng JSON", "Must be an object");
    return nullptr;
  }
  return &v->as_object();
}

QueryInput::QueryInput(const http::Request& req, std::initializer_list<std::string_view> allowed)
    : req_(req) {
  if (!req.query_valid) problems_.add("query", "Địa chỉ không hợp lệ", "Malformed query string");
  for (const auto& [k, v] : req.query) {
    if (std::find(allowed.begin(), allowed.end(), k) == allowed.end())
      problems_.add(k, "Tham số không được hỗ trợ", "Unknown query parameter");
    else if (!text::is_valid_utf8(v))
      problems_.add(k, "Không phải UTF-8 hợp lệ", "Not valid UTF-8");
  }
}

std::optional<std::string> QueryInput::digits(std::string_view key, std::size_t n) {
  auto v = string(key, n);
  if (v && (v->size() != n || !std::all_of(v->begin(), v->end(), [](unsigned char ch) {
              return ch >= '0' && ch <= '9';
            }))) {
    problems_.add(std::string(key), "Mã gồm đúng " + std::to_string(n) + " chữ số",
                  "The code is exactly " + std::to_string(n) + " digits");
    return std::nullopt;
  }
  return v;
}

std::optional<std::string> QueryInput::string(std::string_view key, std::size_t max_chars) {
  auto v = req_.query_param(key);
  if (!v || v->empty()) return std::nullopt;
  if (!text::is_valid_utf8(*v)) return std::nullopt;
  if (text::has_forbidden_control(*v, text::Lines::single)) {
    problems_.add(std::string(key), "Có ký tự điều khiển", "Contains a control character");
    return std::nullopt;
  }
  if (text::length_in_characters(*v) > max_chars) {
    problems_.add(std::string(key), "Quá dài", "Too long");
    return std::nullopt;
  }
  return v;
}

std::optional<int64_t> QueryInput::integer(std::string_view key, int64_t min, int64_t max) {
  auto v = req_.query_param(key);
  if (!v || v->empty()) return std::nullopt;
  int64_t n = 0;
  bool ok = v->size() <= 12 &&
            std::all_of(v->begin(), v->end(), [](char c) { return c >= '0' && c <= '9'; });
  if (ok) n = std::stoll(*v);
  if (!ok || n < min || n > max) {
    problems_.add(std::string(key),
                  "Phải là số nguyên từ " + std::to_string(min) + " đến " + std::to_string(max),
                  "Must be an integer from " + std::to_string(min) + " to " + std::to_string(max));
    return std::nullopt;
  }
  return n;
}

std::optional<domain::Date> QueryInput::date(std::string_view key) {
  auto v = req_.query_param(key);
  if (!v || v->empty()) return std::nullopt;
  auto d = domain::Date::parse(*v);
  if (!d)
    problems_.add(std::string(key), "Ngày phải có dạng YYYY-MM-DD", "Must be a date YYYY-MM-DD");
  return d;
}

std::optional<std::string> QueryInput::one_of(std::string_view key,
                                              std::initializer_list<std::string_view> values) {
  auto v = string(key);
  if (!v) return std::nullopt;
  if (std::find(values.begin(), values.end(), *v) == values.end()) {
    std::string list;
    for (auto x : values) list += (list.empty() ? "" : ", ") + std::string(x);
    problems_.add(std::string(key), "Giá trị phải là một trong: " + list,
                  "Must be one of: " + list);
    return std::nullopt;
  }
  return v;
}

bool QueryInput::flag(std::string_view key) {
  auto v = one_of(key, {"0", "1", "true", "false"});
  return v && (*v == "1" || *v == "true");
}

bool wants_english(const http::Request& req) {
  auto h = req.header("accept-language");
  return h && h->substr(0, 2) == "en";
}

http::Response json_response(int status, const json::value& body) {
  http::Response r;
  r.status = status;
  r.header("Content-Type", "application/json; charset=utf-8");
  r.body = json::serialize(body);
  return r;
}

http::Response created_response(const json::value& body, const std::string& location) {
  auto r = json_response(201, body);
  r.header("Location", location);
  return r;
}

http::Response problem_response(const http::Request& req, const domain::Failure& f) {
  const bool en = wants_english(req);
  json::object o;
  o["type"] = "about:blank";
  o["title"] = en ? f.title_en() : f.title_vi();
  o["status"] = f.status();
  if (!f.errors().empty()) {
    json::array errors;
    for (const auto& e : f.errors())
      errors.push_back(json::object{{"field", e.field},
                                    {"message", en ? e.message_en : e.message_vi},
                                    {"message_en", e.message_en}});
    o["errors"] = std::move(errors);
    if (f.errors_total() > f.errors().size())
      o["errors_total"] = static_cast<uint64_t>(f.errors_total());
    // Detail names the first problem, so that a log line or a toast tells what is wrong.
    const auto& first = f.errors().front();
    o["detail"] = first.field + ": " + (en ? first.message_en : first.message_vi);
  }
  auto r = json_response(f.status(), o);
  r.headers.front().second = "application/problem+json; charset=utf-8";
  if (f.kind() == FailureKind::unauthenticated) r.header("WWW-Authenticate", "Bearer");
  if (f.retry_after_seconds() > 0) r.header("Retry-After", std::to_string(f.retry_after_seconds()));
  return r;
}

json::object page_envelope(json::array items, int64_t total, int page, int per_page) {
  return json::object{
      {"items", std::move(items)}, {"total", total}, {"page", page}, {"per_page", per_page}};
}

void check_page_in_range(int64_t total, int page, int per_page) {
  int64_t last = std::max<int64_t>(1, (total + per_page - 1) / per_page);
  if (page > last)
    throw Failure(FailureKind::bad_request, "Trang vượt quá trang cuối", "Page past the end",
                  {{"page", "Trang cuối là " + std::to_string(last),
                    "The last page is " + std::to_string(last)}});
}

json::object whole_list(json::array items) {
  auto n = static_cast<int64_t>(items.size());
  return page_envelope(std::move(items), n, 1, static_cast<int>(std::max<int64_t>(1, n)));
}

std::optional<int64_t> if_match_version(const http::Request& req) {
  auto h = req.header("if-match");
  if (!h) return std::nullopt;
  std::string v(*h);
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
  if (v.empty() || v.size() > 15 || !std::all_of(v.begin(), v.end(), ::isdigit))
    throw Failure(FailureKind::precondition_failed, "If-Match không hợp lệ", "Malformed If-Match");
  return std::stoll(v);
}

http::Response with_etag(http::Response r, int64_t version) {
  r.header("ETag", "\"" + std::to_string(version) + "\"");
  return r;
}

json::value optional_string(const std::string& s) {
  if (s.empty()) return nullptr;
  return json::value(s);
}

}  // namespace hoptac::api
