// Loads the shipped administrative units (data/admin-units, see its SOURCE.md) into admin_units.
#include <boost/json.hpp>

#include <unordered_map>

#include "assets/assets.hpp"
#include "store/database.hpp"
#include "text/fold.hpp"

namespace hoptac::store {

namespace json = boost::json;

namespace {
constexpr const char* kReformDay = "2025-07-01";
constexpr const char* kLastDayBefore = "2025-06-30";

// The source spells some unit types with a capital second word ("Thị Trấn"); write them as
// the administrative style does ("Thị trấn").
std::string unit_type(const std::string& raw) {
  static const std::unordered_map<std::string, std::string> kTypes = {
      {"tinh", "Tỉnh"},   {"thanh pho", "Thành phố"}, {"thi xa", "Thị xã"},
      {"huyen", "Huyện"}, {"quan", "Quận"},           {"thi tran", "Thị trấn"},
      {"xa", "Xã"},       {"phuong", "Phường"},       {"dac khu", "Đặc khu"},
  };
  auto it = kTypes.find(text::fold(raw));
  return it == kTypes.end() ? raw : it->second;
}

std::string type_of_new_commune(const std::string& name) {
  for (const char* t : {"Phường", "Xã", "Đặc khu", "Thị trấn"})
    if (name.rfind(t, 0) == 0) return t;
  return "Xã";
}

struct Inserter {
  Connection& c;
  int64_t insert(const std::string& code, const char* level, const std::string& name,
                 const std::string& type, std::optional<int64_t> parent,
                 std::optional<int64_t> province, bool after_reform) {
    auto st = c.prepare(
        "INSERT INTO admin_units (code, level, name, type, parent_id, province_id, valid_from, "
        "valid_to, name_folded) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
    st.bind_all(code, level, name, type, parent, province);
    if (after_reform)
      st.bind(kReformDay).bind(std::nullopt);
    else
      st.bind(std::nullopt).bind(kLastDayBefore);
    st.bind(text::fold(name));
    st.step();
    return st.i64(0);
  }
};
}  // namespace

void load_admin_units(Connection& c) {
  Inserter ins{c};
  std::unordered_map<std::string, int64_t> old_communes;

  // Before the reform: [code, name, type, ascii, children] nested province > district > commune.
  json::value before = json::parse(assets::admin_units_2025_03());
  for (const auto& p : before.as_array()) {
    const auto& pa = p.as_array();
    std::string ptype = unit_type(json::value_to<std::string>(pa[2]));
    int64_t pid = ins.insert(json::value_to<std::string>(pa[0]), "province",
                             ptype + " " + json::value_to<std::string>(pa[1]), ptype, std::nullopt,
                             std::nullopt, false);
    for (const auto& d : pa[4].as_array()) {
      const auto& da = d.as_array();
      std::string dtype = unit_type(json::value_to<std::string>(da[2]));
      int64_t did =
          ins.insert(json::value_to<std::string>(da[0]), "district",
                     dtype + " " + json::value_to<std::string>(da[1]), dtype, pid, pid, false);
      for (const auto& w : da[4].as_array()) {
        const auto& wa = w.as_array();
        std::string wtype = unit_type(json::value_to<std::string>(wa[2]));
        std::string code = json::value_to<std::string>(wa[0]);
        old_communes[code] =
            ins.insert(code, "commune", wtype + " " + json::value_to<std::string>(wa[1]), wtype,
                       did, pid, false);
      }
    }
  }

  // After the reform: provinces and communes only, each commune listing the old ones merged in.
  json::value after = json::parse(assets::admin_units_2025_07());
  for (const auto& p : after.at("data").as_array()) {
    const auto& po = p.as_object();
    std::string pname = json::value_to<std::string>(po.at("name"));
    std::string ptype = pname.rfind("Thành phố", 0) == 0 ? "Thành phố" : "Tỉnh";
    int64_t pid = ins.insert(json::value_to<std::string>(po.at("level1_id")), "province", pname,
                             ptype, std::nullopt, std::nullopt, true);
    for (const auto& w : po.at("level2s").as_array()) {
      const auto& wo = w.as_object();
      std::string name = json::value_to<std::string>(wo.at("name"));
      int64_t wid = ins.insert(json::value_to<std::string>(wo.at("level2_id")), "commune", name,
                               type_of_new_commune(name), pid, pid, true);
      for (const auto& m : wo.at("merges").as_array()) {
        auto it = old_communes.find(json::value_to<std::string>(m.at("old_id")));
        if (it == old_communes.end()) continue;
        auto st = c.prepare(
            "INSERT INTO admin_unit_successors (old_id, new_id, merge_type) VALUES (?, "
            "?, ?) ON CONFLICT DO NOTHING");
        st.bind_all(it->second, wid, json::value_to<std::string>(m.at("type"))).run();
      }
    }
  }
}

}  // namespace hoptac::store
