/// Period columns: what an obligation's or intent's rules come out as over the periods of a month,
/// for every lane (`LaneBlock.judgeObligations`, `LaneBlock.judgeIntents`).

/// An expression's values over consecutive periods from `start` on, for every
/// lane, each period evaluated into the buffer on first use (a daily one, in a
/// view that computes whole months, with the rest of its month); the buffer
/// grows to the right. One buffer, not an array per period: this runs for every
/// obligation, month and view.
/// Handed out again within a block (`PeriodColumnsPool`): its buffers are kept.
final class PeriodColumns {
    private(set) var expression: Program.Expression
    /// Not held: columns are read only between `PeriodColumnsPool.take` and `give`, by a caller that
    /// holds the view. Held, it was counted for every period evaluated (a variable, read around a
    /// call that could change it), and the columns handed back kept their last view alive.
    unowned(unsafe) private(set) var view: LaneFrame
    private(set) var start: Int
    let lanes: Int
    private(set) var daily: Bool
    private var values: UnsafeMutablePointer<Int64>
    private var known: UnsafeMutablePointer<Bool>
    private var capacity: Int

    init(of expression: Program.Expression, in view: LaneFrame, from start: Int, daily: Bool) {
        self.expression = expression
        self.daily = daily
        self.view = view
        self.start = start
        lanes = view.lanes
        capacity = PeriodColumns.room(daily)
        values = .allocate(capacity: capacity * lanes)
        known = .allocate(capacity: capacity)
        known.initialize(repeating: false, count: capacity)
    }

    /// A month of days, or a month, and the period before it.
    private static func room(_ daily: Bool) -> Int { daily ? 33 : 2 }

    /// The same buffers for another expression, view (of the same lanes) or start: nothing read yet.
    fileprivate func reset(of expression: Program.Expression, in view: LaneFrame, from start: Int, daily: Bool) {
        precondition(view.lanes == lanes, "a block's views have its lanes")
        self.expression = expression
        self.view = view
        self.start = start
        self.daily = daily
        furthestRead = -1
        if capacity < PeriodColumns.room(daily) { grow(to: PeriodColumns.room(daily)) }
        known.update(repeating: false, count: capacity)
    }

    deinit {
        values.deallocate()
        known.deallocate()
    }

    /// The furthest period read through `value` (-1: none yet): how far a lane's episodes looked.
    @exclusivity(unchecked) private(set) var furthestRead = -1

    /// One lane's value in period p (read so, p counts for `furthestRead`).
    func value(_ p: Int, _ lane: Int) -> Int64 {
        furthestRead = max(furthestRead, p)
        return column(p)[lane]
    }

    /// The values of every lane in period p.
    func column(_ p: Int) -> UnsafePointer<Int64> {
        let k = p - start
        if k >= capacity { grow(to: max(k + 1, capacity * 2)) }
        if !known[k] { evaluate(p, k, in: view) }
        return UnsafePointer(values + k * lanes)
    }

    /// Period p (the k-th from `start`) evaluated, with the rest of its month where the view computes whole months.
    private func evaluate(_ p: Int, _ k: Int, in view: LaneFrame) {
        let m = daily && view.wholeMonths ? view.monthOfDay[p] : -1
        let month = m >= 0 ? view.dayRange(ofMonth: m) : 0..<0
        if m >= 0 && month.lowerBound >= start {
            let first = month.lowerBound - start, n = month.count
            if first + n > capacity { grow(to: max(first + n, capacity * 2)) }
            view.evaluate(expression, start + first, days: n, into: values + first * lanes)
            known.advanced(by: first).update(repeating: true, count: n)
        } else {
            view.evaluate(expression, p, into: values + k * lanes)
            known[k] = true
        }
    }

    private func grow(to periods: Int) {
        let more = UnsafeMutablePointer<Int64>.allocate(capacity: periods * lanes)
        more.moveInitialize(from: values, count: capacity * lanes)
        values.deallocate()
        values = more
        let knownMore = UnsafeMutablePointer<Bool>.allocate(capacity: periods)
        knownMore.moveInitialize(from: known, count: capacity)
        (knownMore + capacity).initialize(repeating: false, count: periods - capacity)
        known.deallocate()
        known = knownMore
        capacity = periods
    }
}

/// The period columns of a block, handed out and given back: each new one was three allocations
/// (itself and its two buffers), made for every intent and every obligation judged, in every month
/// and view. One block runs on one thread.
final class PeriodColumnsPool {
    private var free: [PeriodColumns] = []

    func take(of expression: Program.Expression, in view: LaneFrame, from start: Int, daily: Bool) -> PeriodColumns {
        guard let columns = free.popLast() else { return PeriodColumns(of: expression, in: view, from: start, daily: daily) }
        columns.reset(of: expression, in: view, from: start, daily: daily)
        return columns
    }

    /// Columns no longer read: to be handed out again.
    func give(_ columns: PeriodColumns) { free.append(columns) }
}
