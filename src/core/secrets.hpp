#pragma once
// Random secrets and their hashes: session cookies, API tokens, one-time links and recovery
// codes are given out once and stored only as SHA-256 (a leaked database signs nobody in).
#include <string>

namespace hoptac::core {

std::string random_token();  // 32 random bytes, URL-safe base64 without padding
std::string sha256_hex(const std::string& s);
void ensure_sodium();  // libsodium initialised once, before any of its calls

}  // namespace hoptac::core
