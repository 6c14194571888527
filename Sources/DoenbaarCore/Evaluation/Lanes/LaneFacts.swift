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
    private let layout: FactLayout
    /// One table per lane, all over the same range.
    private let tables: [FactTable]
    /// Per fact its column, once a rule read it: a fact no rule reads (of a
    /// benefit no lane of the block has) is never laid out.
    @exclusivity(unchecked) private var columns: [Column?]

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
        self.layout = layout
        self.tables = tables
        columns = Array(repeating: nil, count: layout.facts.count)
    }

    /// Lanes without a persona (an input run): the calendar facts (`peildatum`,
    /// `weekdag`, `feestdag`) hold as for anyone; every other fact is absent,
    /// so its default applies, or the lane fails where it needs it.
    init(lanes: Int, range: EvaluationRange, layout: FactLayout) {
        self.lanes = lanes
        self.range = range
        self.layout = layout
        tables = []
        columns = Array(repeating: nil, count: layout.facts.count)
    }

    /// The facts of a later view: the columns `previous` laid out, except
    /// where one of the `changed` lanes now holds other values (`tables`
    /// against `previousTables`) and for the decision date, which is new.
    init(updating previous: LaneFacts, tables: [FactTable], previousTables: [FactTable], changed: [Int], layout: FactLayout) {
        lanes = previous.lanes
        range = previous.range
        self.layout = layout
        self.tables = tables
        columns = Array(repeating: nil, count: layout.facts.count)
        let decisionDate = BuiltinFact.decisionDate.index
        for f in layout.facts.indices where f != decisionDate {
            guard let old = previous.columns[f] else { continue }
            let differs = changed.filter { !LaneFacts.same(f, tables[$0], previousTables[$0]) }
            guard !differs.isEmpty else { columns[f] = old; continue }
            let column = Column(periods: old.count / lanes, lanes: lanes)
            column.cells.initialize(from: old.cells, count: old.count)
            for lane in differs { LaneFacts.write(f, of: tables[lane], lane: lane, into: column, lanes: lanes) }
            columns[f] = column
        }
    }

    /// The column of a fact in a period (0 for a fact without periods).
    @inline(__always)
    func column(_ fact: Int, _ period: Int) -> UnsafePointer<Int64> {
        UnsafePointer((columns[fact] ?? layOut(fact)).cells + period * lanes)
    }

    /// A fact's column, written from the lanes' tables the first time a rule reads it.
    private func layOut(_ f: Int) -> Column {
        let column = Column(periods: LaneFacts.periods(of: f, layout, range), lanes: lanes)
        if tables.isEmpty { LaneFacts.withoutPersona(f, into: column, layout, range, lanes: lanes) }
        for lane in tables.indices { LaneFacts.write(f, of: tables[lane], lane: lane, into: column, lanes: lanes) }
        columns[f] = column
        return column
    }

    private static func withoutPersona(_ f: Int, into column: Column, _ layout: FactLayout, _ range: EvaluationRange, lanes: Int) {
        column.cells.initialize(repeating: FactTable.absent, count: column.count)
        guard let fact = BuiltinFact(rawValue: f), FactTable.calendar(fact, on: range.date(ofDay: 0)) != nil else { return }
        for d in 0..<range.dayCount {
            (column.cells + d * lanes).update(repeating: FactTable.calendar(fact, on: range.date(ofDay: d))!, count: lanes)
        }
    }

    private static func periods(of fact: Int, _ layout: FactLayout, _ range: EvaluationRange) -> Int {
        switch layout.facts[fact].periodicity {
        case .constant: 1
        case .month: range.monthCount
        case .day: range.dayCount
        }
    }

    private static func write(_ f: Int, of table: FactTable, lane: Int, into column: Column, lanes: Int) {
        func scatter<Values: Collection<Int64>>(_ values: Values) {
            var cell = column.cells + lane
            for x in values { cell.pointee = x; cell += lanes }
        }
        if !table.daily[f].isEmpty {
            scatter(table.daily[f])
        } else if table.monthly.has(f) {
            scatter(table.monthly.row(f))
        } else {
            column.cells[lane] = table.constants[f]
        }
    }

    private static func same(_ f: Int, _ a: FactTable, _ b: FactTable) -> Bool {
        a.constants[f] == b.constants[f] && (!a.monthly.has(f) || a.monthly.row(f) == b.monthly.row(f)) && a.daily[f] == b.daily[f]
    }
}
