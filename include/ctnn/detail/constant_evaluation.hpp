#pragma once
// Whether the compiler is evaluating the caller: std::is_constant_evaluated(), behind the
// pragma Clang 19's new constant interpreter needs (it warns about any
// std::is_constant_evaluated() it evaluates, as if the call sat in a context that is always
// constant-evaluated). For the places that spell one computation two ways, one for the
// constant evaluators and one for the program, with the same results.
#include <type_traits>

namespace ctnn::detail {

#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wconstant-evaluated"
#endif
constexpr bool constant_evaluated() noexcept { return std::is_constant_evaluated(); }
#if defined(__clang__)
#pragma clang diagnostic pop
#endif

}  // namespace ctnn::detail
