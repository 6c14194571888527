import Foundation

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
    /// The view's decision date (`beslisdatum`), the same in every lane: laid out
    /// from here, not from the tables, so that a lane that learnt nothing since the
    /// view before keeps its table as it is.
    let decisionDay: Int32
    private let layout: FactLayout
    /// One table per lane, all over the same range.
    private let tables: [FactTable]
    /// The day offset of each month's first day, and one past the last month; the month of each
    /// day. Worked out once per block: its views, and their `LaneFrame`s, take them from here.
    let monthStarts: [Int]
    let monthOfDay: [Int]
    /// Per fact its column, once a rule read it: a fact no rule reads (of a
    /// benefit no lane of the block has) is never laid out.
    @exclusivity(unchecked) private var columns: [Column?]

    /// One fact's values over its periods (one for a fact without periods), lane
    /// by lane, written a month at a time when a rule first reads that month: a
    /// view that takes the months before some month from an earlier view reads
    /// only the later ones, and writing a column is a scatter, a cell per lane
    /// and period.
    final class Column {
        let cells: UnsafeMutablePointer<Int64>
        let count: Int
        let periodicity: Periodicity
        /// Per segment (a month, or the one period of a fact without periods): whether its cells are written.
        let ready: UnsafeMutablePointer<Bool>
        /// Per segment of a daily fact: whether every lane holds one value on all its days
        /// (0 not looked at yet, 1 it does, 2 it does not), for `holdsAllMonth(_:month:)`.
        let flat: UnsafeMutablePointer<UInt8>
        let segments: Int
        /// Of a daily fact: whether every lane's table holds the very same column (0 not looked at
        /// yet, 1 they do, 2 they do not): the calendar, and a kind of period no lane has. Then a
        /// segment is the first lane's days, each day's value written for all lanes at once, instead
        /// of each lane's table looked up and its days written one lane apart. (A view that shares
        /// the column holds the same values in every lane, so what was found holds for it too.)
        @exclusivity(unchecked) var alike: UInt8 = 0

        init(periods: Int, segments: Int, periodicity: Periodicity, lanes: Int) {
            count = max(1, periods * lanes)
            self.periodicity = periodicity
            self.segments = max(1, segments)
            // The cells and their flags in one allocation: a view makes a column per fact it reads.
            let memory = UnsafeMutableRawPointer.allocate(byteCount: count * MemoryLayout<Int64>.stride + 2 * self.segments,
                                                          alignment: MemoryLayout<Int64>.alignment)
            cells = memory.bindMemory(to: Int64.self, capacity: count)
            ready = (memory + count * MemoryLayout<Int64>.stride).bindMemory(to: Bool.self, capacity: self.segments)
            ready.initialize(repeating: false, count: self.segments)
            flat = (memory + count * MemoryLayout<Int64>.stride + self.segments).bindMemory(to: UInt8.self, capacity: self.segments)
            flat.initialize(repeating: 0, count: self.segments)
        }

        deinit { UnsafeMutableRawPointer(cells).deallocate() }
    }

    /// - Parameter tables: one table per lane, all over the same range.
    init(_ tables: [FactTable], decisionDay: CivilDate, layout: FactLayout) {
        precondition(!tables.isEmpty && tables.allSatisfy { $0.range == tables[0].range }, "lanes of one block share their range")
        lanes = tables.count
        range = tables[0].range
        self.decisionDay = decisionDay.dayNumber
        self.layout = layout
        self.tables = tables
        (monthStarts, monthOfDay) = LaneFacts.months(of: range)
        columns = Array(repeating: nil, count: layout.facts.count)
    }

    /// Lanes without a persona (an input run): the calendar facts (`peildatum`,
    /// `weekdag`, `feestdag`) hold as for anyone; every other fact is absent,
    /// so its default applies, or the lane fails where it needs it.
    init(lanes: Int, range: EvaluationRange, layout: FactLayout) {
        self.lanes = lanes
        self.range = range
        decisionDay = 0
        self.layout = layout
        tables = []
        (monthStarts, monthOfDay) = LaneFacts.months(of: range)
        columns = Array(repeating: nil, count: layout.facts.count)
    }

    /// The facts of a later view: the columns `previous` laid out, except
    /// where one of the `changed` lanes now holds other values (`tables`
    /// against `previousTables`) and for the decision date, which is new.
    /// Of a column that differs, the months `previous` wrote are copied and
    /// the differing lanes written again; its other months are written when read.
    /// With `onlyFacts`, only those can differ (the facts of the kinds filled again, where kinds fill
    /// their own): every other column is shared at once, without comparing each lane's tables.
    init(updating previous: LaneFacts, tables: [FactTable], previousTables: [FactTable], changed: [Int], decisionDay: CivilDate, layout: FactLayout,
         onlyFacts: [Int]? = nil) {
        lanes = previous.lanes
        range = previous.range
        self.decisionDay = decisionDay.dayNumber
        self.layout = layout
        self.tables = tables
        monthStarts = previous.monthStarts
        monthOfDay = previous.monthOfDay
        let decisionDate = BuiltinFact.decisionDate.index
        columns = onlyFacts == nil ? Array(repeating: nil, count: layout.facts.count) : previous.columns
        if onlyFacts != nil { columns[decisionDate] = nil }
        var differs: [Int] = []
        differs.reserveCapacity(changed.count)
        for f in onlyFacts ?? Array(layout.facts.indices) where f != decisionDate {
            guard let old = previous.columns[f] else { continue }
            differs.removeAll(keepingCapacity: true)
            for lane in changed where !LaneFacts.same(f, tables[lane], previousTables[lane]) { differs.append(lane) }
            // The same values in every lane: shared, and written further from either view's tables.
            guard !differs.isEmpty else { columns[f] = old; continue }
            let column = Column(periods: old.count / lanes, segments: old.segments, periodicity: old.periodicity, lanes: lanes)
            for s in 0..<old.segments where old.ready[s] {
                let rows = self.rows(of: s, column)
                (column.cells + rows.lowerBound * lanes).initialize(from: old.cells + rows.lowerBound * lanes, count: rows.count * lanes)
                for lane in differs { LaneFacts.write(f, of: tables[lane], lane: lane, rows: rows, into: column, lanes: lanes) }
                column.ready[s] = true
            }
            columns[f] = column
        }
    }

    /// The column of a fact from a period on (0 for a fact without periods), for
    /// `n` periods: a daily fact's days of one month at most.
    @inline(__always)
    func column(_ fact: Int, _ period: Int, periods n: Int = 1) -> UnsafePointer<Int64> {
        // The column used where this view keeps it: taken out, it was counted for every fact an instruction read.
        let kept = columns[fact].map(Unmanaged.passUnretained) ?? Unmanaged.passUnretained(makeColumn(fact))
        return kept._withUnsafeGuaranteedRef { column in
            let first = segment(of: period, column)
            if !column.ready[first] { layOut(fact, segment: first, into: column) }
            if n > 1 {
                let last = segment(of: period + n - 1, column)
                if last > first { for s in (first + 1)...last where !column.ready[s] { layOut(fact, segment: s, into: column) } }
            }
            return UnsafePointer(column.cells + period * lanes)
        }
    }

    /// Whether a fact holds the same value on every day of month m in each lane (a fact
    /// without days always does): a stay abroad, a benefit's block, begin or end in few
    /// months; `peildatum` and the calendar never do. Looked at once per column and month.
    func holdsAllMonth(_ fact: Int, month m: Int) -> Bool {
        let column = columns[fact] ?? makeColumn(fact)
        guard column.periodicity == .day else { return true }
        switch column.flat[m] {
        case 1: return true
        case 2: return false
        default: break
        }
        let first = monthStarts[m], days = monthStarts[m + 1] - first
        let cells = self.column(fact, first, periods: days)
        var same = true
        var k = 1
        while same && k < days {
            same = memcmp(cells, cells + k * lanes, lanes * MemoryLayout<Int64>.stride) == 0
            k += 1
        }
        column.flat[m] = same ? 1 : 2
        return same
    }

    /// The segment a period is written with: its month, or the one period of a constant.
    @inline(__always)
    private func segment(of period: Int, _ column: Column) -> Int {
        switch column.periodicity {
        case .constant: 0
        case .month: period
        case .day: monthOfDay[period]
        }
    }

    /// The periods of a segment.
    private func rows(of s: Int, _ column: Column) -> Range<Int> {
        column.periodicity == .day ? monthStarts[s]..<monthStarts[s + 1] : s..<(s + 1)
    }

    private func makeColumn(_ f: Int) -> Column {
        let periodicity = layout.facts[f].periodicity
        let periods: Int, segments: Int
        switch periodicity {
        case .constant: (periods, segments) = (1, 1)
        case .month: (periods, segments) = (range.monthCount, range.monthCount)
        case .day: (periods, segments) = (range.dayCount, range.monthCount)
        }
        let column = Column(periods: periods, segments: segments, periodicity: periodicity, lanes: lanes)
        columns[f] = column
        return column
    }

    /// A segment of a fact's column, written from the lanes' tables the first time a rule reads it.
    private func layOut(_ f: Int, segment s: Int, into column: Column) {
        let rows = self.rows(of: s, column)
        if tables.isEmpty {
            withoutPersona(f, rows: rows, into: column)
        } else if f == BuiltinFact.decisionDate.index {
            (column.cells + rows.lowerBound * lanes).update(repeating: Int64(decisionDay), count: rows.count * lanes)
            column.ready[s] = true
            return
        }
        if column.periodicity == .day && !tables.isEmpty {
            if column.alike == 0 { column.alike = LaneFacts.sameColumn(f, tables) ? 1 : 2 }
            if column.alike == 1 {
                tables[0].daily[f].withUnsafeBufferPointer { values in
                    for d in rows { (column.cells + d * lanes).update(repeating: values[d], count: lanes) }
                }
                column.ready[s] = true
                return
            }
        }
        for lane in tables.indices { LaneFacts.write(f, of: tables[lane], lane: lane, rows: rows, into: column, lanes: lanes) }
        column.ready[s] = true
    }

    /// Whether every table holds the very same buffer as a daily fact's column.
    private static func sameColumn(_ f: Int, _ tables: [FactTable]) -> Bool {
        let first = tables[0].daily[f].withUnsafeBufferPointer { $0.baseAddress }
        guard first != nil else { return false }
        for t in tables.indices.dropFirst() where tables[t].daily[f].withUnsafeBufferPointer({ $0.baseAddress }) != first { return false }
        return true
    }

    private func withoutPersona(_ f: Int, rows: Range<Int>, into column: Column) {
        (column.cells + rows.lowerBound * lanes).initialize(repeating: FactTable.absent, count: rows.count * lanes)
        guard let fact = BuiltinFact(rawValue: f), column.periodicity == .day, FactTable.calendar(fact, on: range.date(ofDay: 0)) != nil else { return }
        for d in rows {
            (column.cells + d * lanes).update(repeating: FactTable.calendar(fact, on: range.date(ofDay: d))!, count: lanes)
        }
    }

    private static func months(of range: EvaluationRange) -> (starts: [Int], ofDay: [Int]) {
        ((0..<range.monthCount).map { range.days(ofMonth: $0).lowerBound } + [range.dayCount], range.monthOfEachDay)
    }

    /// A lane's values of a fact in some periods, from its table.
    /// Through the tables' buffers: a scatter over a slice went through the collection's checked
    /// element access for every cell, for every lane, fact and month a view reads.
    private static func write(_ f: Int, of table: FactTable, lane: Int, rows: Range<Int>, into column: Column, lanes: Int) {
        func scatter(_ values: UnsafeBufferPointer<Int64>, from start: Int) {
            var cell = column.cells + rows.lowerBound * lanes + lane
            for r in rows { cell.pointee = values[start + r]; cell += lanes }
        }
        if !table.daily[f].isEmpty {
            table.daily[f].withUnsafeBufferPointer { scatter($0, from: 0) }
        } else if table.monthly.has(f) {
            table.monthly.withRow(f) { scatter($0, from: 0) }
        } else {
            column.cells[lane] = table.constants[f]
        }
    }

    private static func same(_ f: Int, _ a: FactTable, _ b: FactTable) -> Bool {
        a.constants[f] == b.constants[f] && (!a.monthly.has(f) || a.monthly.row(f) == b.monthly.row(f)) && a.daily[f] == b.daily[f]
    }
}
