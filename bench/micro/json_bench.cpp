// Writing JSON list pages: what GET /api/v1/petitions and GET /api/v1/cooperatives do once the
// rows are read — the API's own petition_json / cooperative_json for each of the 20 rows,
// page_envelope, and json_response, which serializes the boost::json value into the body.
// (These sources are compiled into this program, see CMakeLists.txt; no database is involved.)
// Items are rows written; bytes are those of the response body.
#include <benchmark/benchmark.h>

#include <boost/json/serialize.hpp>

#include <string>
#include <vector>

#include "api/cooperative_json.hpp"
#include "api/json_io.hpp"
#include "api/petition_json.hpp"
#include "samples.hpp"

namespace {

namespace json = boost::json;
using hoptac::domain::Date;
using hoptac::domain::Ref;
using namespace hoptac::bench;

constexpr int kPerPage = 20;

std::string code_of(int i) {
  std::string n = std::to_string(123 + i);
  return "KN-2025-" + std::string(6 - n.size(), '0') + n;
}

// A leader's page of petitions in their usual mix of states: half assigned and waiting, a
// quarter answered (with one answer), a quarter submitted; some co-petitioners, an attachment.
std::vector<hoptac::domain::Petition> petition_rows() {
  std::vector<hoptac::domain::Petition> rows;
  for (int i = 0; i < kPerPage; ++i) {
    hoptac::domain::Petition p;
    p.id = 123 + i;
    p.code = code_of(i);
    p.cooperative = Ref{4000 + i, "", std::string(kCooperativeName)};
    p.cooperatives = {p.cooperative};
    if (i % 3 == 0) p.cooperatives.push_back(Ref{4100 + i, "", "Hợp tác xã Chè Tân Cương"});
    p.channel = i % 5 == 0 ? "conference" : "online";
    if (i % 5 == 0) p.conference_id = 7;
    p.title = std::string(kPetitionTitle);
    p.content = std::string(kPetitionContent);
    p.categories = {"credit"};
    p.created_at = "2025-03-14T08:56:00Z";
    p.submitted_at = "2025-03-14T09:03:00Z";
    p.updated_at = "2025-03-20T14:38:00Z";
    p.version = 3;
    if (i % 4 == 3) {
      p.state = "submitted";
      p.allowed_actions = {"receive", "return", "merge"};
    } else {
      p.state = i % 4 == 2 ? "answered" : "assigned";
      p.lead_agency = Ref{12, "STC", "Sở Tài chính"};
      p.coordinating_agencies = {Ref{15, "NHNN", "Ngân hàng Nhà nước chi nhánh tỉnh"}};
      p.assigned_on = Date{2025, 3, 17};
      p.due_on = Date{2025, 4, 7};
      p.batch = Ref{31, "12", ""};
      p.allowed_actions = {"answer"};
      if (p.state == "answered") {
        p.answered_on = Date{2025, 4, 2};
        p.answers.push_back({*p.lead_agency, std::string(kAnswerText), std::string(kLegalBasis),
                             "2025-04-02", false});
        p.allowed_actions = {"publish", "close", "reopen"};
      }
    }
    if (i % 4 == 1)
      p.attachments.push_back(
          {900 + i, p.id, "bien-ban-hop-thanh-vien.pdf", "application/pdf", 184320, ""});
    rows.push_back(std::move(p));
  }
  return rows;
}

std::vector<hoptac::domain::Cooperative> cooperative_rows() {
  std::vector<hoptac::domain::Cooperative> rows;
  for (int i = 0; i < kPerPage; ++i) {
    hoptac::domain::Cooperative c;
    c.id = 4000 + i;
    c.kind = "htx";
    c.name = std::string(kCooperativeName);
    c.registration_code = std::to_string(4701000123 + i);
    c.address = "Thôn Nà Đon, xã Côn Minh, huyện Na Rì, tỉnh Bắc Kạn";
    c.sectors = {"agriculture", "industry_handicraft"};
    c.founded_on = Date{2019, 6, 12};
    c.charter_capital_vnd = 1'500'000'000;
    c.status = "active";
    c.representative = {"Hoàng Văn Thắng", "Giám đốc", "0912345678", "htxcomminh@gmail.com"};
    c.version = 2;
    c.created_at = "2024-11-02T03:15:00Z";
    c.updated_at = "2025-02-21T07:40:00Z";
    c.commune = {1201, "01990", "Xã Côn Minh", "commune", "", "2025-06-30"};
    c.district = {120, "061", "Huyện Na Rì", "district", "", ""};
    c.province = {12, "06", "Tỉnh Bắc Kạn", "province", "", ""};
    c.current_communes = {{3001, "01993", "Xã Côn Minh", "commune", "2025-07-01", ""}};
    c.figures_year = 2024;
    c.members = 126;
    c.classification = "kha";
    rows.push_back(std::move(c));
  }
  return rows;
}

// From rows to the response body, as the handler does it: the whole cost of writing a page.
void BM_PetitionListPage(benchmark::State& state) {
  const auto rows = petition_rows();
  std::size_t body_bytes = 0;
  for (auto _ : state) {
    json::array items;
    for (const auto& p : rows) items.push_back(hoptac::api::petition_json(p));
    auto res = hoptac::api::json_response(
        200, hoptac::api::page_envelope(std::move(items), 1000000, 1, kPerPage));
    body_bytes = res.body.size();
    benchmark::DoNotOptimize(res.body.data());
  }
  state.SetItemsProcessed(state.iterations() * kPerPage);
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(body_bytes));
  state.SetLabel(std::to_string(body_bytes) + " B body");
}
BENCHMARK(BM_PetitionListPage);

// The two halves of it: building the boost::json value tree ...
void BM_PetitionListPage_BuildValue(benchmark::State& state) {
  const auto rows = petition_rows();
  for (auto _ : state) {
    json::array items;
    for (const auto& p : rows) items.push_back(hoptac::api::petition_json(p));
    auto page = hoptac::api::page_envelope(std::move(items), 1000000, 1, kPerPage);
    benchmark::DoNotOptimize(page);
  }
  state.SetItemsProcessed(state.iterations() * kPerPage);
}
BENCHMARK(BM_PetitionListPage_BuildValue);

// ... and serializing the ready value into text.
void BM_PetitionListPage_Serialize(benchmark::State& state) {
  const auto rows = petition_rows();
  json::array items;
  for (const auto& p : rows) items.push_back(hoptac::api::petition_json(p));
  const json::value page = hoptac::api::page_envelope(std::move(items), 1000000, 1, kPerPage);
  std::size_t body_bytes = 0;
  for (auto _ : state) {
    std::string body = json::serialize(page);
    body_bytes = body.size();
    benchmark::DoNotOptimize(body.data());
  }
  state.SetItemsProcessed(state.iterations() * kPerPage);
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(body_bytes));
  state.SetLabel(std::to_string(body_bytes) + " B body");
}
BENCHMARK(BM_PetitionListPage_Serialize);

// The public page (GET /api/v1/public/petitions): fewer fields per row.
void BM_PublicPetitionListPage(benchmark::State& state) {
  const auto rows = petition_rows();
  std::size_t body_bytes = 0;
  for (auto _ : state) {
    json::array items;
    for (const auto& p : rows) items.push_back(hoptac::api::public_petition_json(p));
    auto res = hoptac::api::json_response(
        200, hoptac::api::page_envelope(std::move(items), 250000, 1, kPerPage));
    body_bytes = res.body.size();
    benchmark::DoNotOptimize(res.body.data());
  }
  state.SetItemsProcessed(state.iterations() * kPerPage);
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(body_bytes));
  state.SetLabel(std::to_string(body_bytes) + " B body");
}
BENCHMARK(BM_PublicPetitionListPage);

// GET /api/v1/cooperatives with the latest figures, as an official sees it (private fields).
void BM_CooperativeListPage(benchmark::State& state) {
  const auto rows = cooperative_rows();
  std::size_t body_bytes = 0;
  for (auto _ : state) {
    json::array items;
    for (const auto& c : rows) items.push_back(hoptac::api::cooperative_json(c, true));
    auto res = hoptac::api::json_response(
        200, hoptac::api::page_envelope(std::move(items), 35000, 1, kPerPage));
    body_bytes = res.body.size();
    benchmark::DoNotOptimize(res.body.data());
  }
  state.SetItemsProcessed(state.iterations() * kPerPage);
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(body_bytes));
  state.SetLabel(std::to_string(body_bytes) + " B body");
}
BENCHMARK(BM_CooperativeListPage);

}  // namespace
