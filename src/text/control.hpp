#pragma once
// Control characters in user text. NUL, CR, LF and the other C0/C1 controls never belong in a
// name, a title, an address or a file name (they split headers, CSV rows and log lines); long
// texts (contents, minutes, answers) may hold line breaks and tabs. Invisible characters that
// change how a text reads (bidirectional overrides, a stray BOM, noncharacters; in short texts
// also zero-width characters) are refused with them.
#include <string>
#include <string_view>

namespace hoptac::text {

enum class Lines { single, multi };

// True when valid UTF-8 `s` has a control character that `lines` does not allow.
bool has_forbidden_control(std::string_view s, Lines lines);

// CR LF and lone CR become LF, so that a text has one kind of line break.
std::string normalise_line_breaks(std::string_view s);

}  // namespace hoptac::text
