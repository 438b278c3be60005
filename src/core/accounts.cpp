#include "core/accounts.hpp"

#include <sodium.h>

#include <stdexcept>

#include "assets/assets.hpp"
#include "core/audit.hpp"
#include "core/clock.hpp"
#include "core/secrets.hpp"
#include "core/two_factor.hpp"
#include "domain/date.hpp"
#include "domain/failure.hpp"
#include "domain/password_rules.hpp"
#include "store/accounts_repo.hpp"
#include "store/planning_repo.hpp"
#include "store/reference_repo.hpp"

namespace hoptac::core {

using domain::Failure;
using domain::FailureKind;

namespace {
domain::Actor to_actor(const store::UserRecord& u) {
  domain::Actor a;
  a.user_id = u.id;
  a.username = u.username;
  a.display_name = u.display_name;
  a.role = domain::parse_role(u.role).value_or(domain::Role::coop);
  a.agency_id = u.agency_id;
  a.cooperative_id = u.cooperative_id;
  return a;
}

// Checked even for unknown users, so that timing does not tell which names exist.
const std::string& dummy_hash() {
  static const std::string h = hash_password("hoptac-not-a-user");
  return h;
}
}  // namespace

const std::set<std::string, std::less<>>& common_passwords() {
  static const auto list = domain::parse_common_passwords(assets::common_passwords());
  return list;
}

std::string hash_password(const std::string& password) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.c_str(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("out of memory while hashing a password");
  return out;
}

// Counts the attempt as a failure before the password is checked, in the same transaction as
// the throttle's check, so that parallel attempts cannot all slip past it. Returns its id.
int64_t admit_password_attempt(store::Connection& c, const std::string& username,
                               const std::string& address) {
  store::AccountsRepo repo(c);
  store::Transaction tx(c, store::Transaction::Mode::write);  // serialises the attempts
  const int64_t now = now_unix_ms();
  const int64_t since = now - domain::kThrottleWindowSeconds * 1000;
  int64_t wait_ms = domain::sign_in_wait_ms(repo.failures_from_address(address, since),
                                            repo.failures_for_username(username, since), now);
  if (wait_ms > 0) {
    const int seconds = static_cast<int>((wait_ms + 999) / 1000);
    throw Failure(FailureKind::too_many_requests,
                  "Đăng nhập sai nhiều lần; hãy thử lại sau " + std::to_string(seconds) + " giây",
                  "Too many failed sign-ins; try again in " + std::to_string(seconds) + " s")
        .retry_after(seconds);
  }
  repo.delete_failures_before(since);
  int64_t id = repo.add_failure(username, address, now_iso(), now);
  tx.commit();
  return id;
}

void password_attempt_failed(store::Connection& c, int64_t attempt) {
  store::Transaction tx(c, store::Transaction::Mode::write);
  store::AccountsRepo(c).set_failure_time(attempt, now_unix_ms());
  tx.commit();
}

void password_attempt_succeeded(store::Connection& c, const std::string& username,
                                const std::string& address) {
  store::Transaction tx(c, store::Transaction::Mode::write);
  store::AccountsRepo(c).clear_failures(username, address);
  tx.commit();
}

bool role_requires_totp(const std::string& required_roles, const std::string& role) {
  return ("," + required_roles + ",").find("," + role + ",") != std::string::npos;
}

namespace {
Failure wrong_credentials() {
  return Failure(FailureKind::unauthenticated, "Sai tên đăng nhập hoặc mật khẩu",
                 "Wrong username or password");
}

Failure code_needed(bool wrong) {
  return Failure(FailureKind::unauthenticated,
                 wrong ? "Mã xác thực không đúng hoặc đã dùng" : "Cần mã xác thực hai bước",
                 wrong ? "Wrong or already used authentication code"
                       : "A two-factor authentication code is needed",
                 {{"totp_code",
                   wrong ? "Mã không đúng hoặc đã dùng; nhập mã mới trong ứng dụng xác thực"
                         : "Nhập mã 6 số trong ứng dụng xác thực, hoặc một mã khôi phục",
                   wrong ? "Wrong or used code; enter a new one from the authenticator app"
                         : "Enter the 6-digit code from the authenticator app, or a recovery "
                           "code"}});
}

// A TOTP code of a step after the last one used, or an unused recovery code; marks it used.
bool accept_second_factor(store::AccountsRepo& repo, const store::UserRecord& u,
                          const std::string& code) {
  if (auto step = two_factor::matching_step(*u.totp_secret, code, std::time(nullptr))) {
    if (u.totp_last_step && *step <= *u.totp_last_step) return false;
    repo.set_totp_last_step(u.id, *step);
    return true;
  }
  const std::string normal = two_factor::normalise_recovery_code(code);
  return normal.size() == 10 && repo.use_recovery_code(u.id, sha256_hex(normal), now_iso());
}

// The failure stays counted by the throttle, and is written in the audit log.
void record_failure(store::Connection& c, int64_t attempt, const SignInRequest& r,
                    const std::optional<store::UserRecord>& user, const char* why) {
  store::Transaction tx(c, store::Transaction::Mode::write);
  store::AccountsRepo(c).set_failure_time(attempt, now_unix_ms());
  // An unknown name is not kept: it is often a password typed in the wrong box.
  append_audit(
      c, {user ? std::optional<int64_t>(user->id) : std::nullopt,
          user ? user->username : std::string(), r.address, "sign_in_failed", "session", "", why});
  tx.commit();
}
}  // namespace

SignedIn sign_in(store::Connection& c, const SignInRequest& r) {
  ensure_sodium();
  store::AccountsRepo repo(c);
  const int64_t attempt = admit_password_attempt(c, r.username, r.address);
  auto user = [&] {
    store::Transaction tx(c, store::Transaction::Mode::read);
    return repo.user_by_username(r.username);
  }();
  const bool usable =
      user && !user->disabled_at && user->activated_at && !user->password_hash.empty();
  const std::string& hash = usable ? user->password_hash : dummy_hash();
  bool ok = crypto_pwhash_str_verify(hash.c_str(), r.password.c_str(), r.password.size()) == 0;
  if (!ok || !usable) {
    record_failure(c, attempt, r, user,
                   !user     ? "unknown username"
                   : !usable ? "account not usable"
                             : "wrong password");
    throw wrong_credentials();
  }
  store::Transaction tx(c, store::Transaction::Mode::write);
  if (user->totp_secret) {
    if (r.totp_code.empty() || !accept_second_factor(repo, *user, r.totp_code)) {
      tx.commit();  // a code once tried stays used
      record_failure(c, attempt, r, user, r.totp_code.empty() ? "code needed" : "wrong code");
      throw code_needed(!r.totp_code.empty());
    }
  }
  SignedIn s;
  s.actor = to_actor(*user);
  s.session_token = random_token();
  s.csrf_token = random_token();
  s.expires_at = iso_from_now(kSessionHours * 3600L);
  s.totp_setup_required =
      !user->totp_secret &&
      role_requires_totp(store::PlanningRepo(c).setting("totp_required_roles"), user->role);
  repo.clear_failures(r.username, r.address);  // this attempt's and this address's earlier ones
  repo.delete_expired_sessions(now_iso());
  repo.insert_session(sha256_hex(s.session_token), user->id, s.csrf_token, now_iso(), s.expires_at,
                      r.address, r.user_agent.substr(0, 300));
  append_audit(c, {user->id, user->username, r.address, "sign_in", "session", "", ""});
  tx.commit();
  return s;
}

void sign_out(store::Connection& c, const domain::Actor& a, const std::string& session_token,
              const std::string& address) {
  store::AccountsRepo repo(c);
  store::Transaction tx(c, store::Transaction::Mode::write);
  repo.delete_session(sha256_hex(session_token));
  append_audit(c, {a.user_id, a.username, address, "sign_out", "session", "", ""});
  tx.commit();
}

std::optional<Authenticated> authenticate_session(store::Connection& c, const std::string& token) {
  store::AccountsRepo repo(c);
  store::Transaction tx(c, store::Transaction::Mode::read);
  auto s = repo.live_session(sha256_hex(token), now_iso());
  if (!s) return std::nullopt;
  Authenticated a{to_actor(s->user), s->csrf_token};
  a.totp_setup_required =
      !s->user.totp_secret && role_requires_totp(s->totp_required_roles, s->user.role);
  return a;
}

std::optional<Authenticated> authenticate_bearer(store::Connection& c, const std::string& token) {
  store::AccountsRepo repo(c);
  store::Transaction tx(c, store::Transaction::Mode::read);
  auto t = repo.user_by_token(sha256_hex(token), domain::Date::today_in_vietnam().iso());
  if (!t) return std::nullopt;
  Authenticated a{to_actor(t->user), std::nullopt};
  a.actor.by_api_token = true;
  // A token is held to its owner's role as a session is: no second factor, no access.
  a.totp_setup_required =
      !t->user.totp_secret && role_requires_totp(t->totp_required_roles, t->user.role);
  return a;
}

int64_t add_user(store::Connection& c, const NewUser& nu) {
  domain::Problems p;
  if (nu.username.empty() || nu.username.size() > 64)
    p.add("username", "Tên đăng nhập từ 1 đến 64 ký tự", "username must be 1 to 64 characters");
  for (char ch : nu.username)
    if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_' || ch == '.')) {
      p.add("username", "Tên đăng nhập chỉ gồm chữ, số, '-', '_' và '.'",
            "username may contain letters, digits, '-', '_' and '.' only");
      break;
    }
  auto role = domain::parse_role(nu.role);
  if (!role)
    p.add("role", "Vai trò không hợp lệ",
          "role must be coop, alliance, department, leader or admin");
  if (!nu.is_demo)
    domain::check_new_password(p, "password", nu.password, nu.username, common_passwords());
  if (role == domain::Role::department && !nu.agency_code)
    p.add("agency", "Tài khoản sở, ngành cần --agency", "a department user needs --agency");
  if (role == domain::Role::coop && !nu.cooperative_id)
    p.add("cooperative", "Tài khoản hợp tác xã cần --cooperative",
          "a coop user needs --cooperative");
  p.throw_if_any();

  store::UserRecord u;
  u.username = nu.username;
  u.display_name = nu.display_name.empty() ? nu.username : nu.display_name;
  u.role = nu.role;
  u.password_hash = hash_password(nu.password);
  u.is_demo = nu.is_demo;
  u.activated_at = now_iso();
  store::AccountsRepo repo(c);
  store::ReferenceRepo ref(c);
  store::Transaction tx(c, store::Transaction::Mode::write);
  if (repo.username_taken(nu.username))
    throw Failure(FailureKind::conflict, "Tên đăng nhập đã tồn tại", "username already exists");
  if (role == domain::Role::department) {
    auto agency = ref.agency_by_code(*nu.agency_code);
    if (!agency)
      throw Failure::invalid_field("agency", "Không có cơ quan " + *nu.agency_code,
                                   "no agency " + *nu.agency_code);
    u.agency_id = agency->id;
  }
  if (role == domain::Role::coop) {
    if (!ref.cooperative_exists(*nu.cooperative_id))
      throw Failure::invalid_field("cooperative", "Không có hợp tác xã này", "no such cooperative");
    u.cooperative_id = nu.cooperative_id;
  }
  int64_t id = repo.insert_user(u, now_iso());
  tx.commit();
  return id;
}

std::string create_api_token(store::Connection& c, const std::string& username) {
  store::AccountsRepo repo(c);
  store::Transaction tx(c, store::Transaction::Mode::write);
  auto u = repo.user_by_username(username);
  if (!u) throw Failure::not_found("người dùng " + username, "user " + username);
  std::string token = random_token();
  repo.insert_token(sha256_hex(token), u->id, now_iso(), "hoptac token create");
  tx.commit();
  return token;
}

ActorNames names_of(store::Connection& c, const domain::Actor& a) {
  store::ReferenceRepo ref(c);
  store::Transaction tx(c, store::Transaction::Mode::read);
  ActorNames n;
  if (a.agency_id)
    if (auto agency = ref.agency_by_id(*a.agency_id)) {
      n.agency_code = agency->code;
      n.agency_name = agency->name;
    }
  if (a.cooperative_id) n.cooperative_name = ref.cooperative_name(*a.cooperative_id);
  return n;
}

domain::Actor actor_of(store::Connection& c, int64_t user_id) {
  store::AccountsRepo repo(c);
  auto u = repo.user_by_id(user_id);
  if (!u) throw Failure::not_found("người dùng", "user");
  return to_actor(*u);
}

}  // namespace hoptac::core
