import Synchronization

/// Values worked out once per key and shared by every thread: the calendar of a
/// range (`CalendarColumns`), a fact table's columns before any line
/// (`FactLayout.dayColumns`), Easter Sunday of a year (`Holidays`). A value is
/// made outside the lock (two threads that make the same key make the same
/// value); a process that sees more than `limit` keys (an editor session, a
/// fuzz run) starts over rather than grow without end.
final class SharedMemo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let limit: Int
    private let table = Mutex<[Key: Value]>([:])

    init(limit: Int) { self.limit = limit }

    func value(for key: Key, _ make: (Key) -> Value) -> Value {
        if let known = table.withLock({ $0[key] }) { return known }
        let made = make(key)
        table.withLock { table in
            if table.count >= limit { table.removeAll() }
            table[key] = made
        }
        return made
    }
}
