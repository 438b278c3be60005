#include "store/search.hpp"

namespace hoptac::store {

std::string petition_match_condition(Engine e) {
  if (e == Engine::sqlite)
    return "p.id IN (SELECT rowid FROM petitions_fts WHERE petitions_fts MATCH ?)";
  return "p.id IN (SELECT petition_id FROM petition_search WHERE document @@ "
         "to_tsquery('simple', ?))";
}

// Tokens are folded letters and digits only (core/petitions.cpp), so neither syntax needs
// escaping beyond the quotes FTS5 puts around each.
std::string petition_match_value(Engine e, const std::vector<std::string>& tokens) {
  std::string out;
  for (const auto& t : tokens) {
    if (e == Engine::sqlite)
      out += (out.empty() ? "\"" : " \"") + t + "\"*";
    else
      out += (out.empty() ? "" : " & ") + t + ":*";
  }
  return out;
}

void write_petition_search(Connection& c, int64_t petition_id, const std::string& folded) {
  if (c.engine() == Engine::sqlite) {
    c.prepare("DELETE FROM petitions_fts WHERE rowid = ?").bind(petition_id).run();
    c.prepare("INSERT INTO petitions_fts (rowid, folded) VALUES (?, ?)")
        .bind_all(petition_id, folded)
        .run();
    return;
  }
  c.prepare(
       "INSERT INTO petition_search (petition_id, folded) VALUES (?, ?) ON CONFLICT "
       "(petition_id) DO UPDATE SET folded = excluded.folded")
      .bind_all(petition_id, folded)
      .run();
}

}  // namespace hoptac::store
