#pragma once
// The headers every answer carries, the HTTP layer's own errors included.
#include "http/message.hpp"

namespace hoptac::http {

void add_security_headers(Response& r);

}  // namespace hoptac::http
