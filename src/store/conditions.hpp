#pragma once
// A WHERE clause built from the filters a list request uses, with their values in order.
// Naming only the filters in use lets the planner see real conditions and pick indexes, and
// PostgreSQL needs no "? IS NULL OR ..." whose parameter type it cannot infer.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "store/connection.hpp"

namespace hoptac::store {

class Conditions {
 public:
  using Value = std::variant<int64_t, std::string>;

  // Adds a condition with as many `?` as values given.
  void add(const std::string& condition, std::initializer_list<Value> values = {}) {
    sql_ += (sql_.empty() ? "WHERE " : " AND ") + condition;
    ++count_;
    values_.insert(values_.end(), values.begin(), values.end());
  }
  void add(const std::string& condition, Value value) { add(condition, {std::move(value)}); }
  const std::string& sql() const { return sql_; }
  int count() const { return count_; }  // conditions added
  // The conditions and their values in one string: the same key for the same filters.
  std::string key() const {
    std::string k = sql_;
    for (const auto& v : values_) {
      k += '\x1f';
      if (const auto* i = std::get_if<int64_t>(&v))
        k += std::to_string(*i);
      else
        k += std::get<std::string>(v);
    }
    return k;
  }
  void bind(Statement& st) const {
    for (const auto& v : values_) std::visit([&](const auto& x) { st.bind(x); }, v);
  }

 private:
  std::string sql_;
  int count_ = 0;
  std::vector<Value> values_;
};

}  // namespace hoptac::store
