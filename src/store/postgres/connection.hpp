#pragma once
// The PostgreSQL driver of store/connection.hpp, over libpq: `?`/`?N` parameters become
// `$N`, statements are prepared once per connection, values travel as text (bytea as binary),
// errors are typed by SQLSTATE. A write transaction takes one advisory lock, so that writers
// follow one another as they do on SQLite (docs/decisions.md "One writer at a time").
#include <memory>
#include <string>
#include <string_view>

#include "store/connection.hpp"

namespace hoptac::store {

// Opens a connection to a libpq URI (several hosts and target_session_attrs allowed).
std::unique_ptr<Connection> connect_postgres(const std::string& url);

// The URL with its password replaced by "***", for logs.
std::string redact_password(const std::string& url);

namespace postgres {
// "SELECT ?, ?3 FROM t WHERE a = '?'" -> "SELECT $1, $3 FROM t WHERE a = '?'"; sets the
// number of parameters. Quoted strings, identifiers and comments are left alone.
std::string translate_placeholders(std::string_view sql, int* parameters);
}  // namespace postgres

}  // namespace hoptac::store
