#pragma once
// The reports: the yearly collective-economy report, the petition summary, the minutes of a
// conference and the award lists, as PDF, XLSX or CSV. A report can also run as a job.
#include <optional>
#include <string>

#include "domain/actor.hpp"
#include "report/document.hpp"
#include "store/database.hpp"

namespace hoptac::core {

using MaybeActor = std::optional<domain::Actor>;

struct ReportRequest {
  std::string kind;    // economy | petitions | conference | awards
  std::string format;  // pdf | xlsx | csv
  int year = 0;
  std::optional<int64_t> conference_id;
};

struct ReportFile {
  std::string content_type;
  std::string filename;
  std::string bytes;
};

// Checks the request (kind, format, year, conference) and the caller; fails with 4xx.
void check_report_request(store::Connection& c, const MaybeActor& actor, const ReportRequest& r);
report::Document build_report(store::Connection& c, const ReportRequest& r);
ReportFile render_report(const report::Document& d, const ReportRequest& r);
ReportFile make_report(store::Connection& c, const MaybeActor& actor, const ReportRequest& r);

// Jobs: queued in the database, run by a worker of the server (JobRunner in app/).
struct Job {
  int64_t id = 0;
  std::string kind, status, error;
  int progress = 0;
  std::string created_at, finished_at;
  std::optional<int64_t> created_by;
};
Job enqueue_report(store::Connection& c, const MaybeActor& actor, const ReportRequest& r);
Job get_job(store::Connection& c, const MaybeActor& actor, int64_t id);
ReportFile job_file(store::Connection& c, const MaybeActor& actor, int64_t id);
// Runs the oldest queued job, if any; returns false when there was none.
bool run_next_job(store::Connection& c);

std::string group_thousands(int64_t v);  // 59000000 -> "59.000.000"

}  // namespace hoptac::core
