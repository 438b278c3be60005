// libFuzzer harness: the API's JSON input (api::parse_body_object and api::JsonInput).
// A domain::Failure is the normal outcome for a bad body (a 4xx); any other exception that
// escapes, or a value outside the limits it was read with, is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "api/json_io.hpp"
#include "domain/failure.hpp"
#include "domain/limits.hpp"
#include "http/message.hpp"
#include "text/fold.hpp"

namespace api = hoptac::api;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  hoptac::http::Request req;
  req.method = "POST";
  req.target = req.path = "/api/v1/fuzz";
  req.headers.emplace_back("content-type", "application/json");
  req.body.assign(reinterpret_cast<const char*>(data), size);
  try {
    auto obj = api::parse_body_object(req);
    api::JsonInput in(obj, {"s", "i", "d", "n", "o", "a", "ia"});
    if (auto s = in.string("s", 200, false)) {
      if (!hoptac::text::is_valid_utf8(*s) || hoptac::text::length_in_characters(*s) > 200)
        __builtin_trap();
    }
    if (auto i = in.integer("i", false, 0, 1000000)) {
      if (*i < 0 || *i > 1000000) __builtin_trap();
    }
    if (auto d = in.date("d", false)) {
      if (d->month < 1 || d->month > 12 || d->day < 1 || d->day > 31) __builtin_trap();
    }
    if (auto n = in.number("n", false, 0.0, 1e15)) {
      if (!(*n >= 0.0 && *n <= 1e15)) __builtin_trap();  // also false for NaN
    }
    if (auto a = in.strings("a", 10, 50, false)) {
      if (a->size() > 10) __builtin_trap();
      for (const auto& s : *a)
        if (hoptac::text::length_in_characters(s) > 50) __builtin_trap();
    }
    if (auto ia = in.integers("ia", 10, false)) {
      if (ia->size() > 10) __builtin_trap();
      for (int64_t v : *ia)  // what a JSON client holds exactly
        if (v < -hoptac::domain::kMaxSafeInteger || v > hoptac::domain::kMaxSafeInteger)
          __builtin_trap();
    }
    in.object("o", false);
    in.finish();
  } catch (const hoptac::domain::Failure& f) {
    if (f.status() < 400 || f.status() > 499) __builtin_trap();
  }
  return 0;
}
