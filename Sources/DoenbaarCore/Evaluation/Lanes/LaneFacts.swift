/// The facts of a block of lanes (people, or variants of one person) as one
/// view of the agency sees them, in one buffer: per fact and period, the
/// values of every lane next to each other, so that an instruction reads a
/// period's column for all lanes at once.
///
/// Each lane's values come from its own `FactTable` for the view's decision
/// date: a fact is visible in a lane when that lane's agency knew it by then.
final class LaneFacts {
    let lanes: Int
    let range: EvaluationRange
    /// Per fact: where its periods start, in columns of `lanes` values.
    private let offset: [Int]
    private let cells: UnsafeMutablePointer<Int64>
    private let count: Int

    /// - Parameter tables: one table per lane, all over the same range.
    init(_ tables: [FactTable], layout: FactLayout) {
        precondition(!tables.isEmpty && tables.allSatisfy { $0.range == tables[0].range }, "lanes of one block share their range")
        lanes = tables.count
        range = tables[0].range
        var offsets: [Int] = [], total = 0
        for f in layout.facts {
            offsets.append(total)
            total += f.periodicity == .day ? range.dayCount : f.periodicity == .month ? range.monthCount : 1
        }
        offset = offsets
        count = max(1, total * lanes)
        cells = .allocate(capacity: count)
        for (lane, table) in tables.enumerated() {
            for (f, fact) in layout.facts.enumerated() {
                switch fact.periodicity {
                case .constant: cells[offsets[f] * lanes + lane] = table.constants[f]
                case .month: for m in 0..<range.monthCount { cells[(offsets[f] + m) * lanes + lane] = table.monthly[f][m] }
                case .day: for d in 0..<range.dayCount { cells[(offsets[f] + d) * lanes + lane] = table.daily[f][d] }
                }
            }
        }
    }

    deinit { cells.deallocate() }

    /// The column of a fact in a period (0 for a fact without periods).
    @inline(__always)
    func column(_ fact: Int, _ period: Int) -> UnsafePointer<Int64> {
        UnsafePointer(cells + (offset[fact] + period) * lanes)
    }
}
