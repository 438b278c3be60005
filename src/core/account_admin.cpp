#include "core/account_admin.hpp"

#include <algorithm>
#include <cctype>

#include "core/account_record.hpp"
#include "core/accounts.hpp"
#include "core/audit.hpp"
#include "core/clock.hpp"
#include "core/secrets.hpp"
#include "domain/contact.hpp"
#include "domain/failure.hpp"
#include "domain/password_rules.hpp"
#include "store/accounts_repo.hpp"
#include "store/reference_repo.hpp"
#include "text/fold.hpp"

namespace hoptac::core {

using domain::Failure;
using domain::FailureKind;
using domain::Role;

void apply_profile(domain::Problems& p, const AccountInput& in, store::UserRecord& u) {
  if (in.display_name) {
    if (in.display_name->empty() || text::length_in_characters(*in.display_name) > 200)
      p.add("display_name", "Họ và tên từ 1 đến 200 ký tự",
            "display_name must be 1 to 200 characters");
    u.display_name = *in.display_name;
  }
  if (in.email && !domain::is_valid_email(*in.email))
    p.add("email", "Địa chỉ e-mail không hợp lệ", "Not a valid e-mail address");
  if (in.email) u.email = *in.email;
  if (in.clear_email) u.email.reset();
  if (in.phone && !domain::is_valid_phone(*in.phone))
    p.add("phone", "Số điện thoại chỉ gồm chữ số (có thể bắt đầu bằng +), 9 đến 15 số",
          "A phone number is 9 to 15 digits, optionally after +");
  if (in.phone) u.phone = *in.phone;
  if (in.clear_phone) u.phone.reset();
}

Account to_account(store::Connection& c, const store::UserRecord& u) {
  Account a;
  a.id = u.id;
  a.username = u.username;
  a.display_name = u.display_name;
  a.role = u.role;
  a.email = u.email;
  a.phone = u.phone;
  a.agency_id = u.agency_id;
  a.cooperative_id = u.cooperative_id;
  store::ReferenceRepo ref(c);
  if (u.agency_id)
    if (auto agency = ref.agency_by_id(*u.agency_id)) {
      a.agency_code = agency->code;
      a.agency_name = agency->name;
    }
  if (u.cooperative_id) a.cooperative_name = ref.cooperative_name(*u.cooperative_id);
  a.status = u.disabled_at ? "disabled" : u.activated_at ? "active" : "invited";
  a.created_at = u.created_at;
  a.activated_at = u.activated_at;
  a.disabled_at = u.disabled_at;
  a.totp_enabled = u.totp_secret.has_value();
  return a;
}

store::UserRecord user_record(store::AccountsRepo& repo, int64_t id) {
  auto u = repo.user_by_id(id);
  if (!u) throw Failure::not_found("tài khoản", "account");
  return *u;
}

namespace {
// The admin administers every account; the Liên minh only cooperatives' representatives.
const domain::Actor& require_account_admin(const MaybeActor& actor) {
  return require_role(actor, {Role::admin, Role::alliance});
}
void require_may_manage(const domain::Actor& a, const store::UserRecord& u) {
  if (a.is(Role::alliance) && u.role != "coop") throw Failure::forbidden();
}

void check_username(domain::Problems& p, const std::string& name) {
  if (name.empty() || name.size() > 64) {
    p.add("username", "Tên đăng nhập từ 1 đến 64 ký tự", "username must be 1 to 64 characters");
    return;
  }
  if (!std::all_of(name.begin(), name.end(), [](unsigned char ch) {
        return std::isalnum(ch) || ch == '-' || ch == '_' || ch == '.';
      }))
    p.add("username", "Tên đăng nhập chỉ gồm chữ không dấu, số, '-', '_' và '.'",
          "username may contain letters, digits, '-', '_' and '.' only");
}

// The fields of a create or an edit, all checked at once; `u` is the record they change.
void apply_input(store::Connection& c, domain::Problems& p, const AccountInput& in,
                 store::UserRecord& u) {
  apply_profile(p, in, u);
  if (in.role) {
    if (!domain::parse_role(*in.role))
      p.add("role", "Vai trò không hợp lệ",
            "role must be coop, alliance, department, leader or admin");
    u.role = *in.role;
  }
  if (in.agency_id) u.agency_id = *in.agency_id;
  if (in.cooperative_id) u.cooperative_id = *in.cooperative_id;
  store::ReferenceRepo ref(c);
  if (u.role == "coop") u.agency_id.reset();
  if (u.role != "coop") u.cooperative_id.reset();
  if (u.role == "department" && !u.agency_id)
    p.add("agency_id", "Tài khoản sở, ngành cần chọn cơ quan",
          "A department account needs agency_id");
  if (u.agency_id) {
    auto agency = ref.agency_by_id(*u.agency_id);
    if (!agency)
      p.add("agency_id", "Không có cơ quan này", "No such agency");
    else if (!agency->active)
      p.add("agency_id", "Cơ quan này đã thôi hoạt động", "This agency is retired");
  }
  if (u.role == "coop" && !u.cooperative_id)
    p.add("cooperative_id", "Tài khoản hợp tác xã cần chọn hợp tác xã",
          "A coop account needs cooperative_id");
  if (u.cooperative_id && !ref.cooperative_exists(*u.cooperative_id))
    p.add("cooperative_id", "Không có hợp tác xã này", "No such cooperative");
}

OneTimeLink make_link(store::AccountsRepo& repo, int64_t user_id, const std::string& purpose,
                      int64_t by) {
  OneTimeLink l;
  l.token = random_token();
  l.path = "/activate/" + l.token;
  l.purpose = purpose;
  l.expires_at = iso_from_now(kLinkDays * 24L * 3600L);
  repo.use_links_of(user_id, now_iso());  // one open link at a time
  repo.insert_link(sha256_hex(l.token), user_id, purpose, by, now_iso(), l.expires_at);
  return l;
}

bool matches(const store::UserRecord& u, const std::string& folded_q) {
  return text::fold(u.username).find(folded_q) != std::string::npos ||
         text::fold(u.display_name).find(folded_q) != std::string::npos ||
         (u.email && text::fold(*u.email).find(folded_q) != std::string::npos);
}

std::string status_of(const store::UserRecord& u) {
  return u.disabled_at ? "disabled" : u.activated_at ? "active" : "invited";
}
}  // namespace

std::vector<Account> list_accounts(store::Connection& c, const MaybeActor& actor, AccountQuery q,
                                   int64_t* total) {
  const auto& a = require_account_admin(actor);
  if (a.is(Role::alliance)) q.role = "coop";
  store::Transaction tx(c, store::Transaction::Mode::read);
  store::AccountsRepo repo(c);
  // A province has hundreds of accounts, not millions: filtered here, with the same folding
  // as every search of the application.
  const std::string folded = q.q ? text::fold(*q.q) : "";
  std::vector<store::UserRecord> kept;
  for (auto& u : repo.users({q.role, q.cooperative_id}))
    if ((folded.empty() || matches(u, folded)) && (!q.status || status_of(u) == *q.status))
      kept.push_back(std::move(u));
  *total = static_cast<int64_t>(kept.size());
  std::vector<Account> out;
  const size_t from = static_cast<size_t>(q.page - 1) * static_cast<size_t>(q.per_page);
  for (size_t i = from; i < kept.size() && i < from + static_cast<size_t>(q.per_page); ++i)
    out.push_back(to_account(c, kept[i]));
  return out;
}

Invited invite_account(store::Connection& c, const MaybeActor& actor, const AccountInput& in) {
  require_person(actor);
  const auto& a = require_account_admin(actor);
  domain::Problems p = in.input_problems;
  check_username(p, in.username.value_or(""));
  if (!in.display_name) p.add("display_name", "Cần họ và tên", "display_name is required");
  if (!in.role) p.add("role", "Cần vai trò", "role is required");
  if (a.is(Role::alliance) && in.role && *in.role != "coop")
    throw Failure(FailureKind::forbidden, "Liên minh chỉ mời người đại diện hợp tác xã",
                  "The Alliance invites cooperatives' representatives only");
  store::AccountsRepo repo(c);
  store::Transaction tx(c, store::Transaction::Mode::write);
  store::UserRecord u;
  u.username = in.username.value_or("");
  apply_input(c, p, in, u);
  p.throw_if_any();
  if (repo.username_taken(u.username))
    throw Failure(
        FailureKind::conflict, "Tên đăng nhập đã có", "The username is taken",
        {{"username", "Tên đăng nhập đã có; hãy chọn tên khác", "Choose another username"}});
  u.id = repo.insert_user(u, now_iso());
  note_audit_object(c, std::to_string(u.id));
  Invited out{to_account(c, *repo.user_by_id(u.id)), make_link(repo, u.id, "activate", a.user_id)};
  tx.commit();
  return out;
}

Account get_account(store::Connection& c, const MaybeActor& actor, int64_t id) {
  const auto& a = require_account_admin(actor);
  store::Transaction tx(c, store::Transaction::Mode::read);
  store::AccountsRepo repo(c);
  auto u = user_record(repo, id);
  require_may_manage(a, u);
  return to_account(c, u);
}

Account update_account(store::Connection& c, const MaybeActor& actor, int64_t id,
                       const AccountInput& in) {
  require_role(actor, {Role::admin});
  domain::Problems p = in.input_problems;
  if (in.username) p.add("username", "Không đổi được tên đăng nhập", "The username cannot change");
  store::AccountsRepo repo(c);
  store::Transaction tx(c, store::Transaction::Mode::write);
  auto u = user_record(repo, id);
  const std::string role_before = u.role;
  apply_input(c, p, in, u);
  p.throw_if_any();
  // The admin does not take away their own role: the province would be left without one.
  if (id == actor->user_id && u.role != role_before)
    throw Failure(FailureKind::conflict, "Không thể tự đổi vai trò của mình",
                  "You cannot change your own role",
                  {{"role", "Nhờ một quản trị viên khác đổi giúp", "Ask another administrator"}});
  repo.update_profile(u);
  Account out = to_account(c, u);
  tx.commit();
  return out;
}

Account set_account_disabled(store::Connection& c, const MaybeActor& actor, int64_t id,
                             bool disabled) {
  if (!disabled) require_person(actor);  // disabling is protective: a program may do it
  const auto& a = disabled ? require_account_admin(actor) : require_role(actor, {Role::admin});
  if (disabled && a.user_id == id)
    throw Failure(FailureKind::conflict, "Không thể tự khoá tài khoản của mình",
                  "You cannot disable your own account");
  store::AccountsRepo repo(c);
  store::Transaction tx(c, store::Transaction::Mode::write);
  auto u = user_record(repo, id);
  require_may_manage(a, u);
  repo.set_disabled(id, disabled ? std::optional<std::string>(now_iso()) : std::nullopt);
  if (disabled) {
    repo.delete_sessions_of(id);
    repo.delete_tokens_of(id);
    repo.use_links_of(id, now_iso());
  }
  Account out = to_account(c, user_record(repo, id));
  tx.commit();
  return out;
}

OneTimeLink new_account_link(store::Connection& c, const MaybeActor& actor, int64_t id) {
  require_person(actor);
  const auto& a = require_account_admin(actor);
  store::AccountsRepo repo(c);
  store::Transaction tx(c, store::Transaction::Mode::write);
  auto u = user_record(repo, id);
  require_may_manage(a, u);
  if (u.disabled_at)
    throw Failure(FailureKind::conflict, "Tài khoản đang bị khoá; hãy mở khoá trước",
                  "The account is disabled; enable it first");
  auto link = make_link(repo, id, u.activated_at ? "reset" : "activate", a.user_id);
  tx.commit();
  return link;
}

Account reset_two_factor(store::Connection& c, const MaybeActor& actor, int64_t id) {
  require_person(actor);
  require_role(actor, {Role::admin});
  store::AccountsRepo repo(c);
  store::Transaction tx(c, store::Transaction::Mode::write);
  user_record(repo, id);
  repo.set_totp(id, std::nullopt);
  repo.delete_sessions_of(id);
  Account out = to_account(c, user_record(repo, id));
  tx.commit();
  return out;
}

namespace {
std::pair<store::AccountLink, store::UserRecord> open_link(store::AccountsRepo& repo,
                                                           const std::string& token) {
  auto l = token.size() > 100 ? std::nullopt : repo.link(sha256_hex(token));
  if (!l || l->used_at)
    throw Failure::not_found("liên kết (không có, hoặc đã được dùng)", "link (unknown or used)");
  if (l->expires_at <= now_iso())
    throw Failure(FailureKind::gone, "Liên kết đã hết hạn; hãy đề nghị gửi liên kết mới",
                  "The link has expired; ask for a new one");
  auto u = user_record(repo, l->user_id);
  if (u.disabled_at) throw Failure::not_found("liên kết", "link");
  return {*l, u};
}
}  // namespace

LinkInfo account_link_info(store::Connection& c, const std::string& token) {
  store::AccountsRepo repo(c);
  store::Transaction tx(c, store::Transaction::Mode::read);
  auto [link, u] = open_link(repo, token);
  return {link.purpose, u.username, u.display_name, link.expires_at};
}

void use_account_link(store::Connection& c, const std::string& token, const std::string& password) {
  store::AccountsRepo repo(c);
  std::string username = [&] {
    store::Transaction tx(c, store::Transaction::Mode::read);
    return open_link(repo, token).second.username;
  }();
  domain::Problems p;
  domain::check_new_password(p, "password", password, username, common_passwords());
  p.throw_if_any();
  const std::string hash = hash_password(password);  // slow: outside the write transaction
  store::Transaction tx(c, store::Transaction::Mode::write);
  auto [link, u] = open_link(repo, token);  // again: another request may have used it
  repo.set_password(u.id, hash, now_iso());
  repo.use_links_of(u.id, now_iso());
  repo.delete_sessions_of(u.id);
  note_audit_object(c, std::to_string(u.id));
  tx.commit();
}

Account account_view(store::Connection& c, int64_t user_id) {
  store::AccountsRepo repo(c);
  store::Transaction tx(c, store::Transaction::Mode::read);
  return to_account(c, user_record(repo, user_id));
}

}  // namespace hoptac::core
