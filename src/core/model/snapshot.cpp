#include "core/model/snapshot.h"

#include <utility>

namespace cut::core {

SnapshotStore::SnapshotStore() : m_current(std::make_shared<const UsageSnapshot>()) {}

void SnapshotStore::publish(UsageSnapshot snapshot) {
  auto next = std::make_shared<const UsageSnapshot>(std::move(snapshot));
  std::shared_ptr<const UsageSnapshot> previous;  // released outside the lock
  {
    std::lock_guard lock(m_mutex);
    previous = std::exchange(m_current, std::move(next));
    ++m_generation;
  }
}

std::shared_ptr<const UsageSnapshot> SnapshotStore::load() const {
  std::lock_guard lock(m_mutex);
  return m_current;
}

std::uint64_t SnapshotStore::generation() const {
  std::lock_guard lock(m_mutex);
  return m_generation;
}

}  // namespace cut::core
