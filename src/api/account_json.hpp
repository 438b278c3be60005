#pragma once
// Accounts, links, sessions and tokens as the API writes them.
#include <boost/json/object.hpp>

#include "core/my_account.hpp"
#include "http/message.hpp"

namespace hoptac::api {

boost::json::object account_json(const core::Account& a);
boost::json::object link_json(const core::OneTimeLink& l);
boost::json::object token_json(const core::TokenView& t, bool with_user);
http::Response no_content();

}  // namespace hoptac::api
