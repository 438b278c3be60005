#pragma once
// Administrative units' names as official documents write them inside a sentence or after a
// body's name: "Ủy ban nhân dân huyện Pác Nặm", "xã Xuân Lạc, huyện Chợ Đồn" — the kind of unit
// in lower case, the proper name as it is.
#include <string>
#include <string_view>

namespace hoptac::domain {

std::string unit_name_in_sentence(std::string_view name);

}  // namespace hoptac::domain
