#include "core/notification_settings.hpp"

#include <charconv>
#include <string>

#include "store/planning_repo.hpp"

namespace hoptac::core {

namespace {
constexpr const char* kReminderKey = "reminder_working_days";
constexpr const char* kEscalationKey = "escalation_working_days";

int setting_or(store::PlanningRepo& repo, const char* key, int lo, int hi, int fallback) {
  const std::string v = repo.setting(key);
  int n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (v.empty() || ec != std::errc() || end != v.data() + v.size() || n < lo || n > hi)
    return fallback;
  return n;
}

void check_range(const std::optional<int64_t>& v, const char* field, int lo, int hi,
                 domain::Problems& p) {
  if (!v) {
    if (!p.has(field)) p.add(field, "Bắt buộc phải có", "Required");
    return;
  }
  if (*v < lo || *v > hi)
    p.add(field, "Từ " + std::to_string(lo) + " đến " + std::to_string(hi) + " ngày làm việc",
          "From " + std::to_string(lo) + " to " + std::to_string(hi) + " working days");
}
}  // namespace

ReminderSettings reminder_settings(store::Connection& c) {
  store::PlanningRepo repo(c);
  ReminderSettings s;
  s.reminder_working_days =
      setting_or(repo, kReminderKey, 0, kMaxReminderWorkingDays, s.reminder_working_days);
  s.escalation_working_days = setting_or(repo, kEscalationKey, kMinEscalationWorkingDays,
                                         kMaxEscalationWorkingDays, s.escalation_working_days);
  return s;
}

ReminderSettings get_reminder_settings(store::Connection& c, const MaybeActor& actor) {
  require_role(actor, {domain::Role::admin});
  store::Transaction tx(c, store::Transaction::Mode::read);
  return reminder_settings(c);
}

ReminderSettings set_reminder_settings(store::Connection& c, const MaybeActor& actor,
                                       const ReminderSettingsInput& in) {
  require_role(actor, {domain::Role::admin});
  domain::Problems p = in.problems;
  check_range(in.reminder_working_days, kReminderKey, 0, kMaxReminderWorkingDays, p);
  check_range(in.escalation_working_days, kEscalationKey, kMinEscalationWorkingDays,
              kMaxEscalationWorkingDays, p);
  p.throw_if_any();
  store::Transaction tx(c, store::Transaction::Mode::write);
  store::PlanningRepo repo(c);
  repo.set_setting(kReminderKey, std::to_string(*in.reminder_working_days));
  repo.set_setting(kEscalationKey, std::to_string(*in.escalation_working_days));
  auto saved = reminder_settings(c);
  tx.commit();
  return saved;
}

}  // namespace hoptac::core
