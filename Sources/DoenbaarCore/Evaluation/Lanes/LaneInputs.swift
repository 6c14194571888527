/// The `invoer` values of a block of lanes, widened to raw `Fixed` values:
/// per input one column of lanes (a value per person) or one per month of
/// the view's range (a value per person per month), lane by lane as a
/// fact's columns lie. Months of the range before the first month of the
/// columns hold the failure mark: a rule that reads them fails there
/// (`Program.failure(of:_:_:persona:)` says why), it does not read a zero.
///
/// Filled again for every block of an input run (`InputRun`), so one
/// allocation serves a thread's blocks.
final class LaneInputs {
    let capacity: Int
    /// The range month of the columns' first month.
    let firstMonth: Int
    private let monthCount: Int
    private let perMonth: [Bool]
    /// Per input: where its cells start, for `capacity` lanes.
    private let offsets: [Int]
    private let cells: UnsafeMutablePointer<Int64>

    init(_ inputs: [Input], range: EvaluationRange, firstMonth: YearMonth, capacity: Int) {
        self.capacity = capacity
        self.firstMonth = range.monthOffset(firstMonth)
        monthCount = range.monthCount
        perMonth = inputs.map { $0.periodicity == .month }
        var offsets: [Int] = [], total = 0
        for monthly in perMonth {
            offsets.append(total)
            total += (monthly ? monthCount : 1) * capacity
        }
        self.offsets = offsets
        cells = .allocate(capacity: max(1, total))
        cells.initialize(repeating: ValueSemantics.failed, count: max(1, total))
    }

    deinit { cells.deallocate() }

    /// An input's values in a month of the range, for every lane of the block.
    @inline(__always)
    func column(_ input: Int, month m: Int) -> UnsafePointer<Int64> {
        UnsafePointer(cells + offsets[input] + (perMonth[input] ? m * capacity : 0))
    }

    /// Takes the values of persons `first..<(first + lanes)` from the columns,
    /// each times its column's unit.
    func fill(from columns: InputColumns, first: Int, lanes: Int) {
        precondition(lanes <= capacity, "a block holds at most \(capacity) lanes")
        for (i, column) in columns.columns.enumerated() {
            if perMonth[i] {
                for j in 0..<columns.months {
                    column.widen(from: j * columns.persons + first, count: lanes, into: cells + offsets[i] + (firstMonth + j) * capacity)
                }
            } else {
                column.widen(from: first, count: lanes, into: cells + offsets[i])
            }
        }
    }
}

extension InputColumn {
    /// Values `from..<(from + count)` as raw `Fixed` values. `InputColumns`
    /// checked when it was made that every value times the unit fits.
    @inline(__always)
    func widen(from: Int, count: Int, into out: UnsafeMutablePointer<Int64>) {
        read(Widening(count: count, unit: unit, into: out), from: from)
    }
}

/// `count` stored values times the unit, into a column of raw values.
private struct Widening: StoredValues {
    let count: Int
    let unit: Int64
    let into: UnsafeMutablePointer<Int64>
    @inline(__always)
    func read<T: FixedWidthInteger>(_ values: UnsafePointer<T>) {
        for k in 0..<count { into[k] = Int64(values[k]) &* unit }
    }
}
