#pragma once
#include <cstddef>

#include <boost/hana/at.hpp>
#include <boost/hana/type.hpp>
#include <boost/hana/tuple.hpp>

namespace ctnn::detail {

template <std::size_t I, class... Ts>
using type_at = typename decltype(+boost::hana::at_c<I>(boost::hana::tuple_t<Ts...>))::type;

}  // namespace ctnn::detail
