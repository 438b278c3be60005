#include "store/search.hpp"

namespace hoptac::store {

// SQLite: CROSS JOIN keeps the FTS table the outer loop (SQLite's join-order hint), so the
// rows come in its rowid order and LIMIT stops the scan early.
PetitionSearchSql petition_search_sql(Engine e) {
  if (e == Engine::sqlite)
    return {"petitions_fts f CROSS JOIN petitions p ON p.id = f.rowid", "petitions_fts f",
            "petitions_fts MATCH ?", "ORDER BY f.rowid ASC", "ORDER BY f.rowid DESC"};
  return {"petition_search f JOIN petitions p ON p.id = f.petition_id", "petition_search f",
          "f.document @@ to_tsquery('simple', ?)", "ORDER BY f.petition_id ASC",
          "ORDER BY f.petition_id DESC"};
}

// Tokens are folded letters and digits only (core/petitions.cpp), so neither syntax needs
// escaping beyond the quotes FTS5 puts around each.
std::string petition_match_value(Engine e, const std::vector<std::string>& tokens) {
  std::string out;
  for (size_t i = 0; i < tokens.size(); ++i) {
    // A prefix of one letter would read a large part of the index; from two, the index of
    // prefixes answers.
    const bool last = i + 1 == tokens.size() && tokens[i].size() >= 2;
    const auto& t = tokens[i];
    if (e == Engine::sqlite)
      out += (out.empty() ? "\"" : " \"") + t + (last ? "\"*" : "\"");
    else
      out += (out.empty() ? "" : " & ") + t + (last ? ":*" : "");
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

// FTS5 writes its pending terms to disk at every statement's end once it takes part in a
// transaction, so a load that interleaves it with other inserts writes a segment per row. A
// bulk load keeps the folded texts aside and gives them to the index in one statement.
void begin_search_load(Connection& c) {
  c.exec(
      "CREATE TEMP TABLE IF NOT EXISTS search_load (id BIGINT PRIMARY KEY, folded TEXT NOT NULL)");
}

void add_search_load(Connection& c, int64_t petition_id, const std::string& folded) {
  c.prepare("INSERT INTO search_load (id, folded) VALUES (?, ?)")
      .bind_all(petition_id, folded)
      .run();
}

void flush_search_load(Connection& c) {
  if (c.engine() == Engine::sqlite)
    c.exec(
        "INSERT INTO petitions_fts (rowid, folded) SELECT id, folded FROM search_load ORDER BY id");
  else
    c.exec("INSERT INTO petition_search (petition_id, folded) SELECT id, folded FROM search_load");
  c.exec("DELETE FROM search_load");
}

}  // namespace hoptac::store
