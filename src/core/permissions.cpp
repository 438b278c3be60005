#include "core/permissions.hpp"

#include "domain/failure.hpp"

namespace hoptac::core {

const domain::Actor& require_signed_in(const MaybeActor& a) {
  if (!a) throw domain::Failure::unauthenticated();
  return *a;
}

const domain::Actor& require_role(const MaybeActor& a, std::initializer_list<domain::Role> roles) {
  const auto& actor = require_signed_in(a);
  if (!actor.is_any_of(roles)) throw domain::Failure::forbidden();
  return actor;
}

const domain::Actor& require_staff(const MaybeActor& a) {
  const auto& actor = require_signed_in(a);
  if (actor.role == domain::Role::coop) throw domain::Failure::forbidden();
  return actor;
}

const domain::Actor& require_person(const MaybeActor& a) {
  const auto& actor = require_signed_in(a);
  if (actor.by_api_token)
    throw domain::Failure(domain::FailureKind::forbidden,
                          "Thao tác này cần đăng nhập bằng trình duyệt; mã truy cập API không dùng "
                          "được cho việc bảo mật tài khoản",
                          "This needs a signed-in person; an API token cannot change account "
                          "security");
  return actor;
}

}  // namespace hoptac::core
