// libFuzzer harness: the XLSX reader (report::read_xlsx, libzip + expat).
//
// Two ways in, chosen by the input's first bytes:
//  - a zip archive ("PK\3\4"): handed to read_xlsx as it is, as an upload would be;
//  - anything else: taken as XML, "sheet1.xml" up to the first NUL byte and
//    "sharedStrings.xml" after it, packed here into a stored (uncompressed) zip with correct
//    CRCs and then read. Mutating the bytes of a real archive mostly breaks its CRCs, so this
//    is the way the fuzzer reaches the sheet and shared-string handlers.
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "report/xlsx.hpp"

namespace {

bool add_entry(zip_t* z, const char* name, std::string_view content) {
  zip_source_t* s = zip_source_buffer(z, content.data(), content.size(), 0);
  if (!s) return false;
  zip_int64_t i = zip_file_add(z, name, s, ZIP_FL_OVERWRITE);
  if (i < 0) {
    zip_source_free(s);
    return false;
  }
  zip_set_file_compression(z, static_cast<zip_uint64_t>(i), ZIP_CM_STORE, 0);
  return true;
}

// A stored zip holding the two parts; empty when libzip refuses.
std::string make_workbook(std::string_view sheet, std::string_view shared, bool with_shared) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &ze);
  if (!out) return {};
  zip_t* z = zip_open_from_source(out, ZIP_TRUNCATE, &ze);
  if (!z) {
    zip_source_free(out);
    return {};
  }
  zip_source_keep(out);  // the buffer outlives the archive: it is what we read back
  bool ok = add_entry(z, "[Content_Types].xml", "<Types/>") &&
            add_entry(z, "xl/worksheets/sheet1.xml", sheet) &&
            (!with_shared || add_entry(z, "xl/sharedStrings.xml", shared));
  if (!ok || zip_close(z) != 0) {
    zip_discard(z);
    zip_source_free(out);
    return {};
  }
  std::string bytes;
  if (zip_source_open(out) == 0) {
    zip_source_seek(out, 0, SEEK_END);
    zip_int64_t n = zip_source_tell(out);
    zip_source_seek(out, 0, SEEK_SET);
    if (n > 0) {
      bytes.resize(static_cast<size_t>(n));
      if (zip_source_read(out, bytes.data(), static_cast<zip_uint64_t>(n)) != n) bytes.clear();
    }
    zip_source_close(out);
  }
  zip_source_free(out);
  return bytes;
}

void check(std::string_view data) {
  std::string error;
  auto rows = hoptac::report::read_xlsx(data, &error);
  if (!rows) {
    if (error.empty()) __builtin_trap();  // a refusal always says why
    return;
  }
  for (const auto& r : *rows) {
    // Cells are kept for columns A..ALL only (1000 columns); row numbers are Excel's
    // (1..1048576); rows whose cells are all empty are dropped.
    if (r.cells.size() > 1000 || r.line < 1 || r.line > 1048576) __builtin_trap();
    bool empty = true;
    for (const auto& c : r.cells) empty = empty && c.empty();
    if (empty) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  if (in.substr(0, 4) == std::string_view("PK\3\4", 4)) {
    check(in);
    return 0;
  }
  auto nul = in.find('\0');
  std::string_view sheet = in.substr(0, nul);
  std::string_view shared = nul == std::string_view::npos ? std::string_view() : in.substr(nul + 1);
  std::string workbook = make_workbook(sheet, shared, nul != std::string_view::npos);
  if (!workbook.empty()) check(workbook);
  return 0;
}
