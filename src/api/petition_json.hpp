#pragma once
// JSON forms of petitions and what hangs on them.
#include <boost/json/object.hpp>

#include "domain/batch.hpp"
#include "domain/conference.hpp"
#include "domain/petition.hpp"

namespace hoptac::api {

boost::json::value ref_json(const domain::Ref& r);
boost::json::object petition_json(const domain::Petition& p);
// What the public may see: no attachments, no rating comment, no user.
boost::json::object public_petition_json(const domain::Petition& p);
boost::json::object history_json(const domain::HistoryEntry& h);
boost::json::object batch_json(const domain::BatchRow& b);
boost::json::object conference_json(const domain::Conference& k);
boost::json::object directive_json(const domain::Directive& d);
boost::json::object notification_json(const domain::Notification& n, bool english);

}  // namespace hoptac::api
