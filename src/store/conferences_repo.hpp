#pragma once
// Conferences with their participants, and directives with their progress reports.
#include <optional>
#include <vector>

#include "domain/conference.hpp"
#include "store/database.hpp"

namespace hoptac::store {

class ConferencesRepo {
 public:
  explicit ConferencesRepo(Connection& c) : c_(c) {}

  std::vector<domain::Conference> list(int page, int per_page, int64_t* total);
  std::optional<domain::Conference> get(int64_t id);
  int64_t insert(const domain::Conference& k, const std::string& now);
  void update(const domain::Conference& k, const std::string& now);  // bumps the version

  std::vector<domain::Directive> directives(std::optional<int64_t> agency,
                                            std::optional<int64_t> conference,
                                            std::optional<std::string> status, int page,
                                            int per_page, int64_t* total);
  std::optional<domain::Directive> directive(int64_t id);
  int64_t insert_directive(const domain::Directive& d, int64_t user_id, const std::string& now);
  void add_report(int64_t directive_id, const domain::DirectiveReport& r, int64_t user_id,
                  const std::string& now);

 private:
  void load_details(domain::Conference& k);
  Connection& c_;
};

// In-app notifications, one per recipient user, and the e-mail each queues in the outbox.
class NotificationsRepo {
 public:
  explicit NotificationsRepo(Connection& c) : c_(c) {}

  std::vector<int64_t> users_of_agency(int64_t agency_id);
  std::vector<int64_t> users_of_cooperative(int64_t cooperative_id);
  std::vector<int64_t> users_with_role(const std::string& role);
  // False when `dedupe_key` was already used (a reminder already sent). The e-mail is queued
  // when the user's choice for the kind (or `default_delivery`) is "immediate".
  bool insert(int64_t user_id, const domain::Notification& n, const std::string& dedupe_key,
              const std::string& default_delivery, const std::string& now);
  std::vector<domain::Notification> list(int64_t user_id, bool unread_only, int page, int per_page,
                                         int64_t* total, int64_t* unread);
  bool mark_read(int64_t user_id, int64_t id, const std::string& now);

  struct Due {
    int64_t petition_id;
    std::string code, title;
    int64_t agency_id;
    std::string due_on;
    std::optional<std::string> escalated_on;
  };
  // Assigned petitions due on or before `until`, for reminders.
  std::vector<Due> assigned_due_by(const std::string& until);
  // The due date the petition was reported overdue for (once per due date).
  void mark_escalated(int64_t petition_id, const std::string& due_on);

  struct DirectiveDue {
    int64_t directive_id, agency_id;
    std::string due_on, content;
  };
  // Directives not done, due from `from` to `until` (ISO dates, both included).
  std::vector<DirectiveDue> directives_due_between(const std::string& from,
                                                   const std::string& until);

  struct ExpiringProduct {
    int64_t product_id, cooperative_id;
    std::string name;
    int stars;
    std::string expires_on;
  };
  // OCOP certificates that expire from `from` to `until` (ISO dates, both included).
  std::vector<ExpiringProduct> ocop_expiring_between(const std::string& from,
                                                     const std::string& until);

 private:
  Connection& c_;
};

}  // namespace hoptac::store
