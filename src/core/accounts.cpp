#include "core/accounts.hpp"

#include <sodium.h>

#include <stdexcept>

#include "core/clock.hpp"
#include "domain/failure.hpp"
#include "store/accounts_repo.hpp"
#include "store/reference_repo.hpp"

namespace hoptac::core {

using domain::Failure;
using domain::FailureKind;

namespace {
std::string random_token() {
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char out[64];
  sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

std::string sha256_hex(const std::string& s) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(s.data()), s.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

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

struct SodiumInit {
  SodiumInit() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  }
};
void ensure_sodium() {
  static SodiumInit once;
}

// Checked even for unknown users, so that timing does not tell which names exist.
const std::string& dummy_hash() {
  static const std::string h = hash_password("hoptac-not-a-user");
  return h;
}
}  // namespace

std::string hash_password(const std::string& password) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.c_str(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("out of memory while hashing a password");
  return out;
}

namespace {
// Counts the attempt as a failure before the password is checked, in the same transaction as
// the throttle's check, so that parallel attempts cannot all slip past it. Returns its id.
int64_t admit_attempt(store::Connection& c, const std::string& username,
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
}  // namespace

SignedIn sign_in(store::Connection& c, const std::string& username, const std::string& password,
                 const std::string& address) {
  ensure_sodium();
  store::AccountsRepo repo(c);
  const int64_t attempt = admit_attempt(c, username, address);
  auto user = [&] {
    store::Transaction tx(c, store::Transaction::Mode::read);
    return repo.user_by_username(username);
  }();
  const std::string& hash = user ? user->password_hash : dummy_hash();
  bool ok = crypto_pwhash_str_verify(hash.c_str(), password.c_str(), password.size()) == 0;
  if (!ok || !user) {  // the attempt stays a failure, counted from now
    store::Transaction tx(c, store::Transaction::Mode::write);
    repo.set_failure_time(attempt, now_unix_ms());
    tx.commit();
    throw Failure(FailureKind::unauthenticated, "Sai tên đăng nhập hoặc mật khẩu",
                  "Wrong username or password");
  }
  store::Transaction tx(c, store::Transaction::Mode::write);
  SignedIn s;
  s.actor = to_actor(*user);
  s.session_token = random_token();
  s.csrf_token = random_token();
  s.expires_at = iso_from_now(kSessionHours * 3600L);
  repo.clear_failures(username, address);  // this attempt's and this address's earlier ones
  repo.delete_expired_sessions(now_iso());
  repo.insert_session(sha256_hex(s.session_token), user->id, s.csrf_token, now_iso(), s.expires_at);
  tx.commit();
  return s;
}

void sign_out(store::Connection& c, const std::string& session_token) {
  store::AccountsRepo repo(c);
  store::Transaction tx(c, store::Transaction::Mode::write);
  repo.delete_session(sha256_hex(session_token));
  tx.commit();
}

std::optional<Authenticated> authenticate_session(store::Connection& c, const std::string& token) {
  store::AccountsRepo repo(c);
  store::Transaction tx(c, store::Transaction::Mode::read);
  auto s = repo.live_session(sha256_hex(token), now_iso());
  if (!s) return std::nullopt;
  return Authenticated{to_actor(s->user), s->csrf_token};
}

std::optional<Authenticated> authenticate_bearer(store::Connection& c, const std::string& token) {
  store::AccountsRepo repo(c);
  store::Transaction tx(c, store::Transaction::Mode::read);
  auto u = repo.user_by_token(sha256_hex(token));
  if (!u) return std::nullopt;
  return Authenticated{to_actor(*u), std::nullopt};
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
  if (nu.password.size() < 8)
    p.add("password", "Mật khẩu tối thiểu 8 ký tự", "password needs at least 8 characters");
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
  store::AccountsRepo repo(c);
  store::ReferenceRepo ref(c);
  store::Transaction tx(c, store::Transaction::Mode::write);
  if (repo.user_by_username(nu.username))
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
  ensure_sodium();
  store::AccountsRepo repo(c);
  store::Transaction tx(c, store::Transaction::Mode::write);
  auto u = repo.user_by_username(username);
  if (!u) throw Failure::not_found("người dùng " + username, "user " + username);
  std::string token = random_token();
  repo.insert_token(sha256_hex(token), u->id, now_iso());
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
