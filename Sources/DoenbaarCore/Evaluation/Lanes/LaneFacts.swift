/// The facts of a block of lanes (people, or variants of one person) as one
/// view of the agency sees them: per fact a column buffer in which, for each
/// period, the values of every lane lie next to each other, so that an
/// instruction reads a period's values for all lanes at once.
///
/// Each lane's values come from its own `FactTable` for the view's decision
/// date: a fact is visible in a lane when that lane's agency knew it by then.
/// A later view shares every column in which no lane learnt anything new.
final class LaneFacts {
    let lanes: Int
    let range: EvaluationRange
    private let columns: [Column]

    /// One fact's values over its periods (one for a fact without periods), lane by lane.
    final class Column {
        let cells: UnsafeMutablePointer<Int64>
        let count: Int

        init(periods: Int, lanes: Int) {
            count = max(1, periods * lanes)
            cells = .allocate(capacity: count)
        }

        deinit { cells.deallocate() }
    }

    /// - Parameter tables: one table per lane, all over the same range.
    init(_ tables: [FactTable], layout: FactLayout) {
        precondition(!tables.isEmpty && tables.allSatisfy { $0.range == tables[0].range }, "lanes of one block share their range")
        lanes = tables.count
        range = tables[0].range
        columns = layout.facts.indices.map { f in
            let column = Column(periods: LaneFacts.periods(of: f, layout, tables[0].range), lanes: tables.count)
            for lane in tables.indices { LaneFacts.write(f, of: tables[lane], lane: lane, into: column, lanes: tables.count) }
            return column
        }
    }

    /// The facts of a later view: the columns of `previous`, except those in
    /// which one of the `changed` lanes now holds other values (`tables`
    /// against `previousTables`), and the decision date, which is new.
    init(updating previous: LaneFacts, tables: [FactTable], previousTables: [FactTable], changed: [Int], layout: FactLayout) {
        lanes = previous.lanes
        range = previous.range
        let decisionDate = BuiltinFact.decisionDate.index
        columns = layout.facts.indices.map { f in
            let old = previous.columns[f]
            let differs = changed.filter { f == decisionDate || !LaneFacts.same(f, tables[$0], previousTables[$0]) }
            guard !differs.isEmpty || f == decisionDate else { return old }
            let column = Column(periods: old.count / previous.lanes, lanes: previous.lanes)
            column.cells.initialize(from: old.cells, count: old.count)
            for lane in f == decisionDate ? Array(tables.indices) : differs {
                LaneFacts.write(f, of: tables[lane], lane: lane, into: column, lanes: previous.lanes)
            }
            return column
        }
    }

    /// The column of a fact in a period (0 for a fact without periods).
    @inline(__always)
    func column(_ fact: Int, _ period: Int) -> UnsafePointer<Int64> {
        UnsafePointer(columns[fact].cells + period * lanes)
    }

    private static func periods(of fact: Int, _ layout: FactLayout, _ range: EvaluationRange) -> Int {
        switch layout.facts[fact].periodicity {
        case .constant: 1
        case .month: range.monthCount
        case .day: range.dayCount
        }
    }

    private static func write(_ f: Int, of table: FactTable, lane: Int, into column: Column, lanes: Int) {
        if !table.daily[f].isEmpty {
            for (d, v) in table.daily[f].enumerated() { column.cells[d * lanes + lane] = v }
        } else if !table.monthly[f].isEmpty {
            for (m, v) in table.monthly[f].enumerated() { column.cells[m * lanes + lane] = v }
        } else {
            column.cells[lane] = table.constants[f]
        }
    }

    private static func same(_ f: Int, _ a: FactTable, _ b: FactTable) -> Bool {
        a.constants[f] == b.constants[f] && a.monthly[f] == b.monthly[f] && a.daily[f] == b.daily[f]
    }
}
