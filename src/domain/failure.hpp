#pragma once
// Expected failures of a use case (validation, not found, conflict, ...). They travel as one
// exception type and are mapped to an HTTP status in one place (api/problem.cpp); the message
// for the client is in Vietnamese and English.
#include <algorithm>
#include <cstddef>
#include <exception>
#include <string>
#include <vector>

namespace hoptac::domain {

enum class FailureKind {
  bad_request = 400,
  unauthenticated = 401,
  forbidden = 403,
  not_found = 404,
  method_not_allowed = 405,
  conflict = 409,
  gone = 410,
  precondition_failed = 412,
  payload_too_large = 413,
  unsupported_media_type = 415,
  unprocessable = 422,
  too_many_requests = 429,
};

struct FieldError {
  std::string field;  // "name", "years[2].workers", "line 12"
  std::string message_vi;
  std::string message_en;
};

class Failure : public std::exception {
 public:
  Failure(FailureKind kind, std::string title_vi, std::string title_en,
          std::vector<FieldError> errors = {}, std::size_t errors_total = 0);
  FailureKind kind() const { return kind_; }
  int status() const { return static_cast<int>(kind_); }
  const std::string& title_vi() const { return title_vi_; }
  const std::string& title_en() const { return title_en_; }
  const std::vector<FieldError>& errors() const { return errors_; }
  // How many errors there were; more than errors().size() when the list was cut short.
  std::size_t errors_total() const { return std::max(errors_total_, errors_.size()); }
  const char* what() const noexcept override { return title_en_.c_str(); }
  // For 429 and 503: how many seconds the client should wait (the Retry-After header).
  int retry_after_seconds() const { return retry_after_seconds_; }
  Failure& retry_after(int seconds) {
    retry_after_seconds_ = seconds;
    return *this;
  }

  static Failure not_found(const std::string& what_vi, const std::string& what_en);
  static Failure forbidden();
  static Failure unauthenticated();
  static Failure invalid_field(std::string field, std::string vi, std::string en);

 private:
  FailureKind kind_;
  std::string title_vi_;
  std::string title_en_;
  std::vector<FieldError> errors_;
  std::size_t errors_total_ = 0;
  int retry_after_seconds_ = 0;
};

// Collects every field error of one input, then fails once with all of them. Only the first
// kMaxErrors are kept (a hostile file can have millions); the rest are counted.
class Problems {
 public:
  static constexpr std::size_t kMaxErrors = 1000;
  void add(std::string field, std::string vi, std::string en);
  bool empty() const { return errors_.empty(); }
  std::size_t total() const { return total_; }
  const std::vector<FieldError>& errors() const { return errors_; }
  bool has(const std::string& field) const;
  void absorb(const Problems& other);
  // Adds the other's errors on fields that have none here yet (a value already refused as
  // read is not refused again by the rules it could not be checked against).
  void absorb_new_fields(const Problems& other);
  void throw_if_any(FailureKind kind = FailureKind::unprocessable) const;

 private:
  std::vector<FieldError> errors_;
  std::size_t total_ = 0;
};

}  // namespace hoptac::domain
