#include "http/security_headers.hpp"

namespace hoptac::http {

void add_security_headers(Response& r) {
  if (r.find_header("X-Content-Type-Options")) return;  // already added
  r.header("X-Content-Type-Options", "nosniff");
  r.header("Referrer-Policy", "same-origin");
  r.header("Content-Security-Policy",
           "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
           "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
  if (!r.find_header("Cache-Control")) r.header("Cache-Control", "no-store");
}

}  // namespace hoptac::http
