#pragma once
// JSON forms of the register's records, in and out.
#include <boost/json/object.hpp>

#include "core/cooperatives.hpp"

namespace hoptac::api {

boost::json::object cooperative_json(const domain::Cooperative& c, bool with_private);
boost::json::object year_json(const domain::CooperativeYear& y);
boost::json::object product_json(const domain::OcopProduct& p);
boost::json::object contract_json(const domain::OfftakeContract& k);

// Reads a create (all required fields) or a PATCH (any subset) body.
core::CooperativeInput cooperative_input(const boost::json::object& body, bool create);

}  // namespace hoptac::api
