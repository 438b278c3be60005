#pragma once
// Settings from the environment (a unit file's Environment=), as defaults of the flags.
#include <string>

namespace hoptac::app {

std::string env_or(const char* name, const std::string& fallback);
// A whole number in [min, max]; a wrong value stops the program with a message naming the
// variable and `unit`, before it serves anything.
int env_whole(const char* name, int fallback, long min, long max, const char* unit);

}  // namespace hoptac::app
