#pragma once
// The audit log's entry for a write request: who, from where, which object, and what changed
// (the request's JSON with every secret taken out).
#include "api/context.hpp"
#include "core/audit.hpp"

namespace hoptac::api {

core::AuditEvent audit_event(const http::Request& req, const Caller& caller);

}  // namespace hoptac::api
