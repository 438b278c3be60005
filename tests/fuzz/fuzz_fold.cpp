// libFuzzer harness: the text helpers (text::fold, to_nfc, to_upper, is_valid_utf8,
// length_in_characters), with the invariants that fold_invariants_test.cpp checks on
// ordinary text and on every code point:
//  - fold's result is valid UTF-8 (ill-formed input comes out with U+FFFD), with no leading,
//    trailing or doubled space, and fold is idempotent: fold(fold(x)) == fold(x);
//  - for valid input: to_nfc is valid and idempotent, fold(to_nfc(x)) == fold(x), and
//    length_in_characters counts the code points.
#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "text/fold.hpp"

namespace text = hoptac::text;

namespace {

size_t code_points(std::string_view s) {
  size_t n = 0;
  int32_t i = 0;
  const auto len = static_cast<int32_t>(s.size());
  while (i < len) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, len, c);
    ++n;
  }
  return n;
}

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "fuzz_fold: invariant broken: %s\n", what);
  __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  const bool valid = text::is_valid_utf8(in);
  const std::string folded = text::fold(in);
  if (!text::is_valid_utf8(folded)) fail("fold(x) is not valid UTF-8");
  if (!folded.empty() && (folded.front() == ' ' || folded.back() == ' '))
    fail("fold(x) starts or ends with a space");
  if (folded.find("  ") != std::string::npos) fail("fold(x) has a doubled space");
  if (text::fold(folded) != folded) fail("fold(fold(x)) != fold(x)");
  const std::string upper = text::to_upper(in);
  const std::string nfc = text::to_nfc(in);
  (void)text::length_in_characters(in);
  if (valid) {
    if (!text::is_valid_utf8(nfc)) fail("to_nfc(x) is not valid UTF-8");
    if (text::to_nfc(nfc) != nfc) fail("to_nfc(to_nfc(x)) != to_nfc(x)");
    if (text::fold(nfc) != folded) fail("fold(to_nfc(x)) != fold(x)");
    if (!text::is_valid_utf8(upper)) fail("to_upper(x) is not valid UTF-8");
    if (text::length_in_characters(in) != code_points(in))
      fail("length_in_characters(x) is not the number of code points");
  }
  return 0;
}
