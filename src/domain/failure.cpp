#include "domain/failure.hpp"

#include <algorithm>
#include <utility>

namespace hoptac::domain {

Failure::Failure(FailureKind kind, std::string title_vi, std::string title_en,
                 std::vector<FieldError> errors, std::size_t errors_total)
    : kind_(kind),
      title_vi_(std::move(title_vi)),
      title_en_(std::move(title_en)),
      errors_(std::move(errors)),
      errors_total_(errors_total) {}

Failure Failure::not_found(const std::string& what_vi, const std::string& what_en) {
  return Failure(FailureKind::not_found, "Không tìm thấy " + what_vi, what_en + " not found");
}

Failure Failure::forbidden() {
  return Failure(FailureKind::forbidden, "Bạn không có quyền thực hiện thao tác này",
                 "You are not allowed to do this");
}

Failure Failure::unauthenticated() {
  return Failure(FailureKind::unauthenticated, "Bạn cần đăng nhập", "You need to sign in");
}

Failure Failure::invalid_field(std::string field, std::string vi, std::string en) {
  return Failure(FailureKind::unprocessable, "Dữ liệu không hợp lệ", "Invalid data",
                 {{std::move(field), std::move(vi), std::move(en)}});
}

void Problems::add(std::string field, std::string vi, std::string en) {
  ++total_;
  if (errors_.size() < kMaxErrors)
    errors_.push_back({std::move(field), std::move(vi), std::move(en)});
}

bool Problems::has(const std::string& field) const {
  return std::any_of(errors_.begin(), errors_.end(),
                     [&](const FieldError& e) { return e.field == field; });
}

void Problems::absorb(const Problems& other) {
  for (const auto& e : other.errors_) add(e.field, e.message_vi, e.message_en);
  total_ += other.total_ - other.errors_.size();
}

void Problems::absorb_new_fields(const Problems& other) {
  const std::vector<FieldError> before = errors_;
  auto known = [&](const std::string& field) {
    for (const auto& e : before)
      if (e.field == field) return true;
    return false;
  };
  for (const auto& e : other.errors_)
    if (!known(e.field)) add(e.field, e.message_vi, e.message_en);
}

void Problems::throw_if_any(FailureKind kind) const {
  if (errors_.empty()) return;
  if (kind == FailureKind::bad_request)
    throw Failure(kind, "Yêu cầu không hợp lệ", "Bad request", errors_, total_);
  throw Failure(kind, "Dữ liệu không hợp lệ", "Invalid data", errors_, total_);
}

}  // namespace hoptac::domain
