/// The answers of a walk over a program's instructions or slots that decides a
/// yes or no for each (`MonthInvariance`, `RangeInvariance`): each is decided
/// once, and one met again while it is being decided (a cycle) is a no.
struct ProgramWalkMemo {
    private enum State: UInt8 { case unknown, visiting, no, yes }
    private var states: [State]

    init(count: Int) { states = Array(repeating: .unknown, count: count) }

    /// The answer for k if it is known (no while k is being decided); nil when the
    /// caller decides it now, and then gives it to `answer`.
    mutating func known(_ k: Int) -> Bool? {
        switch states[k] {
        case .yes: return true
        case .no, .visiting: return false
        case .unknown:
            states[k] = .visiting
            return nil
        }
    }

    /// Keeps the answer for k, and returns it.
    mutating func answer(_ k: Int, _ yes: Bool) -> Bool {
        states[k] = yes ? .yes : .no
        return yes
    }
}
