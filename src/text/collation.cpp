#include "text/collation.hpp"

#include <unicode/ucol.h>
#include <unicode/uiter.h>

#include <memory>
#include <stdexcept>

namespace hoptac::text {

namespace {
// One collator per thread: an ICU collator is not safe to share while it computes keys.
UCollator* vietnamese_collator() {
  thread_local std::unique_ptr<UCollator, decltype(&ucol_close)> collator(
      [] {
        UErrorCode status = U_ZERO_ERROR;
        UCollator* c = ucol_open("vi", &status);
        if (U_FAILURE(status)) throw std::runtime_error("ICU has no Vietnamese collator");
        return c;
      }(),
      &ucol_close);
  return collator.get();
}
}  // namespace

std::string sort_key(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  UCharIterator it;
  uiter_setUTF8(&it, s.data(), static_cast<int32_t>(s.size()));
  uint32_t state[2] = {0, 0};
  std::string key;
  uint8_t buf[256];
  for (;;) {
    int32_t n = ucol_nextSortKeyPart(vietnamese_collator(), &it, state, buf, sizeof buf, &status);
    if (U_FAILURE(status) || n <= 0) break;
    key.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
    if (n < static_cast<int32_t>(sizeof buf)) break;
  }
  return key;
}

}  // namespace hoptac::text
