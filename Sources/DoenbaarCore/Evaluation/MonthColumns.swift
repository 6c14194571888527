/// The facts with months of one table, fact after fact in one buffer: a table
/// derived from another (`FactTable.known(at:)`) copies the buffer once when it
/// first writes, instead of holding and copying a reference per fact.
struct MonthColumns: Sendable, Equatable {
    private var cells: [Int64]
    let months: Int
    /// Per fact: its row, or -1 for a fact without months (`FactLayout.monthlyRows`).
    let rows: [Int]

    init(rows: [Int], months: Int, initial: [Int64]) {
        self.rows = rows
        self.months = months
        cells = []
        cells.reserveCapacity((rows.max() ?? -1) * months + months)
        for (f, r) in rows.enumerated() where r >= 0 { cells += repeatElement(initial[f], count: months) }
    }

    /// Whether a fact has months (and so a row here).
    @inline(__always) func has(_ f: Int) -> Bool { rows[f] >= 0 }

    subscript(f: Int, m: Int) -> Int64 {
        get { cells[rows[f] * months + m] }
        set { cells[rows[f] * months + m] = newValue }
    }

    /// A fact's values, month by month.
    func row(_ f: Int) -> ArraySlice<Int64> { cells[(rows[f] * months)..<(rows[f] * months + months)] }

    /// `body` with a fact's values, month by month, in place (`LaneFacts` lays them out for the lanes).
    func withRow<T>(_ f: Int, _ body: (UnsafeBufferPointer<Int64>) -> T) -> T {
        cells.withUnsafeBufferPointer { all in body(UnsafeBufferPointer(rebasing: all[(rows[f] * months)..<(rows[f] * months + months)])) }
    }

    /// Where fact f's months begin among the cells (`withCells`).
    @inline(__always) func start(of f: Int) -> Int { rows[f] * months }

    /// `body` with the cells, to write in place: made this table's own once, where a write
    /// through the subscript checked that for every cell (a table is filled cell by cell
    /// for every lane that learnt something, in every view).
    mutating func withCells<T>(_ body: (UnsafeMutableBufferPointer<Int64>) -> T) -> T {
        cells.withUnsafeMutableBufferPointer { body($0) }
    }

    mutating func fill(_ f: Int, with value: Int64) {
        let start = rows[f] * months
        for m in start..<(start + months) { cells[m] = value }
    }

    /// The first month below `limit` in which fact f differs from another table's
    /// (of a range that starts in the same month), else `limit`.
    func firstDifference(of f: Int, from other: MonthColumns, below limit: Int) -> Int {
        cells.withUnsafeBufferPointer { mine in
            other.cells.withUnsafeBufferPointer { theirs in
                if mine.baseAddress == theirs.baseAddress && months == other.months { return limit }
                let a = rows[f] * months, b = other.rows[f] * other.months
                for m in 0..<limit where mine[a + m] != theirs[b + m] { return m }
                return limit
            }
        }
    }

    /// The first month below `limit` in which some fact differs from another
    /// table's (of a range that starts in the same month), else `limit`. A buffer
    /// shared with the other table is compared at once.
    func firstDifference(from other: MonthColumns, below limit: Int) -> Int {
        cells.withUnsafeBufferPointer { mine in
            other.cells.withUnsafeBufferPointer { theirs in
                if mine.baseAddress == theirs.baseAddress && months == other.months { return limit }
                var first = limit
                for r in 0..<(months == 0 ? 0 : mine.count / months) {
                    let a = r * months, b = r * other.months
                    for m in 0..<first where mine[a + m] != theirs[b + m] { first = m; break }
                }
                return first
            }
        }
    }
}
