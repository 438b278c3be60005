#include "core/my_account.hpp"

#include <sodium.h>

#include <ctime>

#include "core/account_record.hpp"
#include "core/accounts.hpp"
#include "core/audit.hpp"
#include "core/clock.hpp"
#include "core/secrets.hpp"
#include "core/two_factor.hpp"
#include "domain/date.hpp"
#include "domain/failure.hpp"
#include "domain/password_rules.hpp"
#include "store/accounts_repo.hpp"
#include "store/planning_repo.hpp"
#include "text/fold.hpp"

namespace hoptac::core {

using domain::Failure;
using domain::FailureKind;
using domain::Role;

namespace {
constexpr const char* kRequiredRoles = "totp_required_roles";

std::vector<std::string> split_roles(const std::string& s) {
  std::vector<std::string> out;
  size_t from = 0;
  while (from < s.size()) {
    size_t end = s.find(',', from);
    if (end == std::string::npos) end = s.size();
    if (end > from) out.push_back(s.substr(from, end - from));
    from = end + 1;
  }
  return out;
}

bool password_matches(const store::UserRecord& u, const std::string& password) {
  return !u.password_hash.empty() &&
         crypto_pwhash_str_verify(u.password_hash.c_str(), password.c_str(), password.size()) == 0;
}

TokenView token_view(const store::TokenRow& t) {
  return {t.id, t.name, t.created_at, t.expires_on, t.user_id, t.username, t.display_name};
}

// A public id is the first 16 hex digits of a hash: anything else names nothing.
bool is_public_id(const std::string& id) {
  return id.size() == 16 && id.find_first_not_of("0123456789abcdef") == std::string::npos;
}
}  // namespace

Me get_me(store::Connection& c, const MaybeActor& actor) {
  const auto& a = require_signed_in(actor);
  store::AccountsRepo repo(c);
  store::Transaction tx(c, store::Transaction::Mode::read);
  auto u = user_record(repo, a.user_id);
  return {to_account(c, u),
          role_requires_totp(store::PlanningRepo(c).setting(kRequiredRoles), u.role)};
}

Account update_me(store::Connection& c, const MaybeActor& actor, const AccountInput& in) {
  const auto& a = require_person(actor);
  domain::Problems p;
  if (in.username || in.role || in.agency_id || in.cooperative_id)
    p.add("role", "Chỉ quản trị viên đổi được vai trò và đơn vị",
          "Only the admin changes roles and agencies");
  store::AccountsRepo repo(c);
  store::Transaction wtx(c, store::Transaction::Mode::write);
  auto u = user_record(repo, a.user_id);
  apply_profile(p, in, u);
  p.throw_if_any();
  repo.update_profile(u);
  Account out = to_account(c, u);
  wtx.commit();
  return out;
}

namespace {
// The current password, checked under the sign-in throttle: a stolen session must not become a
// way to guess the password.
bool current_password_ok(store::Connection& c, const store::UserRecord& u,
                         const std::string& password, const std::string& address) {
  const int64_t attempt = admit_password_attempt(c, u.username, address);
  if (!password_matches(u, password)) {
    password_attempt_failed(c, attempt);
    return false;
  }
  password_attempt_succeeded(c, u.username, address);
  return true;
}
}  // namespace

void change_password(store::Connection& c, const MaybeActor& actor, const PasswordChange& change) {
  const auto& a = require_person(actor);
  const std::string& next = change.next;
  store::AccountsRepo repo(c);
  auto u = [&] {
    store::Transaction tx(c, store::Transaction::Mode::read);
    return user_record(repo, a.user_id);
  }();
  domain::Problems p;
  if (!current_password_ok(c, u, change.current, change.address))
    p.add("current_password", "Mật khẩu hiện tại không đúng", "The current password is wrong");
  domain::check_new_password(p, "new_password", next, u.username, common_passwords());
  if (change.current == next && !next.empty())
    p.add("new_password", "Mật khẩu mới phải khác mật khẩu hiện tại",
          "The new password must differ from the current one");
  p.throw_if_any();
  const std::string hash = hash_password(next);
  store::Transaction tx(c, store::Transaction::Mode::write);
  repo.set_password(u.id, hash, now_iso());
  repo.delete_sessions_of(u.id,
                          change.session_token.empty() ? "" : sha256_hex(change.session_token));
  tx.commit();
}

std::vector<SessionView> my_sessions(store::Connection& c, const MaybeActor& actor,
                                     const std::string& session_token) {
  const auto& a = require_signed_in(actor);
  const std::string mine = session_token.empty() ? "" : sha256_hex(session_token).substr(0, 16);
  store::Transaction tx(c, store::Transaction::Mode::read);
  std::vector<SessionView> out;
  for (const auto& s : store::AccountsRepo(c).sessions_of(a.user_id, now_iso()))
    out.push_back({s.id, s.created_at, s.expires_at, s.address, s.user_agent, s.id == mine});
  return out;
}

void end_my_session(store::Connection& c, const MaybeActor& actor, const std::string& id) {
  const auto& a = require_person(actor);
  if (!is_public_id(id)) throw Failure::not_found("phiên đăng nhập", "session");
  store::Transaction tx(c, store::Transaction::Mode::write);
  if (!store::AccountsRepo(c).delete_session_by_id(a.user_id, id))
    throw Failure::not_found("phiên đăng nhập", "session");
  tx.commit();
}

TotpEnrolment start_totp(store::Connection& c, const MaybeActor& actor) {
  const auto& a = require_person(actor);
  store::AccountsRepo repo(c);
  store::Transaction tx(c, store::Transaction::Mode::write);
  auto u = user_record(repo, a.user_id);
  if (u.totp_secret)
    throw Failure(FailureKind::conflict, "Xác thực hai bước đã bật",
                  "Two-factor sign-in is already on");
  TotpEnrolment e;
  e.secret = two_factor::new_secret();
  e.otpauth_uri = two_factor::otpauth_uri(e.secret, u.username);
  e.qr_svg = two_factor::qr_svg(e.otpauth_uri);
  repo.set_totp_pending(u.id, e.secret);
  tx.commit();
  return e;
}

std::vector<std::string> confirm_totp(store::Connection& c, const MaybeActor& actor,
                                      const std::string& code) {
  const auto& a = require_person(actor);
  store::AccountsRepo repo(c);
  store::Transaction tx(c, store::Transaction::Mode::write);
  auto u = user_record(repo, a.user_id);
  if (!u.totp_pending_secret)
    throw Failure(FailureKind::conflict, "Hãy bắt đầu bật xác thực hai bước trước",
                  "Start enrolling first");
  auto step = two_factor::matching_step(*u.totp_pending_secret, code, std::time(nullptr));
  if (!step)
    throw Failure(FailureKind::bad_request, "Mã xác thực không đúng", "Wrong code",
                  {{"code", "Mã không đúng; nhập mã đang hiện trong ứng dụng xác thực",
                    "Wrong code; enter the one the authenticator app shows now"}});
  repo.set_totp(u.id, *u.totp_pending_secret);
  repo.set_totp_last_step(u.id, *step);
  auto codes = two_factor::new_recovery_codes();
  std::vector<std::string> hashes;
  for (const auto& code_text : codes)
    hashes.push_back(sha256_hex(two_factor::normalise_recovery_code(code_text)));
  repo.replace_recovery_codes(u.id, hashes);
  tx.commit();
  return codes;
}

void disable_totp(store::Connection& c, const MaybeActor& actor, const std::string& password,
                  const std::string& address) {
  const auto& a = require_person(actor);
  store::AccountsRepo repo(c);
  auto u = [&] {
    store::Transaction tx(c, store::Transaction::Mode::read);
    return user_record(repo, a.user_id);
  }();
  if (!current_password_ok(c, u, password, address))
    throw Failure(FailureKind::bad_request, "Mật khẩu không đúng", "Wrong password",
                  {{"password", "Mật khẩu không đúng", "Wrong password"}});
  store::Transaction tx(c, store::Transaction::Mode::write);
  if (role_requires_totp(store::PlanningRepo(c).setting(kRequiredRoles), u.role))
    throw Failure(FailureKind::conflict, "Vai trò của bạn bắt buộc xác thực hai bước",
                  "Your role requires two-factor sign-in");
  repo.set_totp(u.id, std::nullopt);
  tx.commit();
}

std::vector<TokenView> my_tokens(store::Connection& c, const MaybeActor& actor) {
  const auto& a = require_signed_in(actor);
  store::Transaction tx(c, store::Transaction::Mode::read);
  std::vector<TokenView> out;
  for (const auto& t : store::AccountsRepo(c).tokens(a.user_id)) out.push_back(token_view(t));
  return out;
}

NewToken create_my_token(store::Connection& c, const MaybeActor& actor, const std::string& name,
                         const std::optional<std::string>& expires_on) {
  const auto& a = require_person(actor);
  domain::Problems p;
  if (name.empty() || text::length_in_characters(name) > 100)
    p.add("name", "Tên mã truy cập từ 1 đến 100 ký tự", "name must be 1 to 100 characters");
  const auto today = domain::Date::today_in_vietnam();
  if (expires_on) {
    auto d = domain::Date::parse(*expires_on);
    if (!d || *d < today || today.plus_days(365) < *d)
      p.add("expires_on", "Ngày hết hạn từ hôm nay đến tối đa một năm sau",
            "expires_on must be between today and a year from now");
  }
  p.throw_if_any();
  NewToken t;
  t.token = random_token();
  store::AccountsRepo repo(c);
  store::Transaction tx(c, store::Transaction::Mode::write);
  const std::string hash = sha256_hex(t.token);
  repo.insert_token(hash, a.user_id, now_iso(), name, expires_on);
  t.view = {hash.substr(0, 16), name, now_iso(), expires_on, a.user_id, a.username, a.display_name};
  note_audit_object(c, t.view.id);
  tx.commit();
  return t;
}

void revoke_my_token(store::Connection& c, const MaybeActor& actor, const std::string& id) {
  const auto& a = require_signed_in(actor);
  store::Transaction tx(c, store::Transaction::Mode::write);
  if (!is_public_id(id) || !store::AccountsRepo(c).delete_token(id, a.user_id))
    throw Failure::not_found("mã truy cập", "API token");
  tx.commit();
}

std::vector<TokenView> all_tokens(store::Connection& c, const MaybeActor& actor) {
  require_role(actor, {Role::admin});
  store::Transaction tx(c, store::Transaction::Mode::read);
  std::vector<TokenView> out;
  for (const auto& t : store::AccountsRepo(c).tokens(std::nullopt)) out.push_back(token_view(t));
  return out;
}

void revoke_any_token(store::Connection& c, const MaybeActor& actor, const std::string& id) {
  require_role(actor, {Role::admin});
  store::Transaction tx(c, store::Transaction::Mode::write);
  if (!is_public_id(id) || !store::AccountsRepo(c).delete_token(id, std::nullopt))
    throw Failure::not_found("mã truy cập", "API token");
  tx.commit();
}

std::vector<std::string> totp_required_roles(store::Connection& c, const MaybeActor& actor) {
  require_role(actor, {Role::admin});
  store::Transaction tx(c, store::Transaction::Mode::read);
  return split_roles(store::PlanningRepo(c).setting(kRequiredRoles));
}

std::vector<std::string> set_totp_required_roles(store::Connection& c, const MaybeActor& actor,
                                                 const std::vector<std::string>& roles) {
  require_person(actor);
  require_role(actor, {Role::admin});
  domain::Problems p;
  std::string joined;
  for (const auto& r : roles) {
    auto role = domain::parse_role(r);
    if (!role || *role == Role::coop)
      p.add("totp_required_roles", "Chỉ yêu cầu được cho alliance, department, leader, admin",
            "Only alliance, department, leader and admin can be required");
    else if (!role_requires_totp(joined, r))
      joined += (joined.empty() ? "" : ",") + r;
  }
  p.throw_if_any();
  store::Transaction tx(c, store::Transaction::Mode::write);
  store::PlanningRepo(c).set_setting(kRequiredRoles, joined);
  tx.commit();
  return split_roles(joined);
}

}  // namespace hoptac::core
