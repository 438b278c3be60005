#pragma once
// Strict JSON in and JSON out for the API: unknown fields, wrong types and over-long strings
// become field errors; responses are JSON or problem+json.
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/failure.hpp"
#include "http/message.hpp"

namespace hoptac::api {

namespace json = boost::json;

// The body as a JSON object; 415 when not JSON, 400 when malformed or not an object.
json::object parse_body_object(const http::Request& req);

// Reads fields of one object, collecting every problem; call finish() to fail with all of them.
class JsonInput {
 public:
  JsonInput(const json::object& o, std::initializer_list<std::string_view> allowed,
            std::string prefix = "");
  bool has(std::string_view key) const;
  bool is_null(std::string_view key) const;
  // Trimmed NFC text of at most max_chars characters. Control characters are refused; texts
  // of kMultiLineFrom characters or more are long texts, which may hold line breaks and tabs.
  static constexpr std::size_t kMultiLineFrom = 1000;
  std::optional<std::string> string(std::string_view key, std::size_t max_chars, bool required);
  // Whole numbers in [min, max]; without bounds, those a JSON client holds exactly (±2^53−1).
  std::optional<int64_t> integer(std::string_view key, bool required,
                                 std::optional<int64_t> min = std::nullopt,
                                 std::optional<int64_t> max = std::nullopt);
  // A finite number in [min, max] (1e999 parses as infinity: refused, as is NaN).
  std::optional<double> number(std::string_view key, bool required, double min, double max);
  std::optional<domain::Date> date(std::string_view key, bool required);
  std::optional<std::vector<std::string>> strings(std::string_view key, std::size_t max_items,
                                                  std::size_t max_chars, bool required);
  std::optional<std::vector<int64_t>> integers(std::string_view key, std::size_t max_items,
                                               bool required);
  const json::object* object(std::string_view key, bool required);
  domain::Problems& problems() { return problems_; }
  void finish() const { problems_.throw_if_any(); }

 private:
  const json::value* get(std::string_view key, bool required);
  std::string field(std::string_view key) const { return prefix_ + std::string(key); }
  const json::object& o_;
  std::string prefix_;
  domain::Problems problems_;
};

// Query parameters, with the same strictness.
class QueryInput {
 public:
  explicit QueryInput(const http::Request& req, std::initializer_list<std::string_view> allowed);
  std::optional<std::string> string(std::string_view key, std::size_t max_chars = 200);
  std::optional<int64_t> integer(std::string_view key, int64_t min, int64_t max);
  // An administrative unit's code: exactly `n` digits ("066", "02026").
  std::optional<std::string> digits(std::string_view key, std::size_t n);
  std::optional<domain::Date> date(std::string_view key);
  std::optional<std::string> one_of(std::string_view key,
                                    std::initializer_list<std::string_view> values);
  bool flag(std::string_view key);  // 1|true or 0|false; absent is false
  int page() { return static_cast<int>(integer("page", 1, 1000000).value_or(1)); }
  int per_page(int fallback = 20) {
    return static_cast<int>(integer("per_page", 1, 200).value_or(fallback));
  }
  domain::Problems& problems() { return problems_; }
  void finish() const { problems_.throw_if_any(domain::FailureKind::bad_request); }

 private:
  const http::Request& req_;
  domain::Problems problems_;
};

// The language of messages: English when Accept-Language prefers it, Vietnamese otherwise.
bool wants_english(const http::Request& req);

http::Response json_response(int status, const json::value& body);
// 201 Created with the new resource's address.
http::Response created_response(const json::value& body, const std::string& location);
http::Response problem_response(const http::Request& req, const domain::Failure& f);

// {items, total, page, per_page}; a page past the end is a 400.
json::object page_envelope(json::array items, int64_t total, int page, int per_page);
void check_page_in_range(int64_t total, int page, int per_page);
// A list that is never paged (a cooperative's years, products, ...), in the same envelope.
json::object whole_list(json::array items);

json::value optional_string(const std::string& s);  // "" -> null

// The version an If-Match header asks for ("3" or "\"3\""); nothing when absent.
std::optional<int64_t> if_match_version(const http::Request& req);
http::Response with_etag(http::Response r, int64_t version);

}  // namespace hoptac::api
