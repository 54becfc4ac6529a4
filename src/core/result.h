#pragma once
// A small value-or-error type for expected failures (network, HTTP status, JSON shape, file I/O).
// Programmer mistakes are assertions; expected failures travel as values, never as exceptions.

#include <cassert>
#include <utility>
#include <variant>

namespace cut::core {

template <typename E>
struct Unexpected {
  E error;
};

template <typename E>
Unexpected<std::decay_t<E>> fail(E&& error) {
  return {std::forward<E>(error)};
}

template <typename T, typename E>
class [[nodiscard]] Result {
 public:
  Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}  // NOLINT(implicit)
  template <typename G>
  Result(Unexpected<G> error)  // NOLINT(implicit)
      : m_data(std::in_place_index<1>, E(std::move(error.error))) {}

  bool ok() const { return m_data.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { assert(ok()); return std::get<0>(m_data); }
  const T& value() const& { assert(ok()); return std::get<0>(m_data); }
  T&& value() && { assert(ok()); return std::get<0>(std::move(m_data)); }
  const E& error() const { assert(!ok()); return std::get<1>(m_data); }

  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, E> m_data;
};

/// For operations that return nothing on success.
struct Done {};

}  // namespace cut::core
