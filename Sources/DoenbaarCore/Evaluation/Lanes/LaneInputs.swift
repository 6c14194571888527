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
            let small = column.storesUnsigned32(columns.ranges[i])
            if perMonth[i] {
                for j in 0..<columns.months {
                    column.widen(from: j * columns.persons + first, count: lanes, into: cells + offsets[i] + (firstMonth + j) * capacity, unsigned32: small)
                }
            } else {
                column.widen(from: first, count: lanes, into: cells + offsets[i], unsigned32: small)
            }
        }
    }
}

extension InputColumn {
    /// Whether every stored value, and the unit, lie in 0..<2^32, by the column's raw range
    /// (`InputColumns.ranges`): then a product of the two is one unsigned 32-bit multiplication
    /// giving 64 bits, which generic x86-64 vectors have (a 64-bit multiplication they lack),
    /// as for cents stored in 64 bits.
    func storesUnsigned32(_ raw: ClosedRange<Int64>) -> Bool {
        unit > 0 && unit <= Int64(UInt32.max) && raw.lowerBound >= 0 && raw.upperBound / unit <= Int64(UInt32.max)
    }

    /// Values `from..<(from + count)` as raw `Fixed` values. `InputColumns`
    /// checked when it was made that every value times the unit fits.
    /// - Parameter unsigned32: `storesUnsigned32` holds for the column's range.
    func widen(from: Int, count: Int, into out: UnsafeMutablePointer<Int64>, unsigned32: Bool = false) {
        let base = UnsafeRawPointer(storage.bytes.baseAddress!)
        if unsigned32 && element == .int64 {
            // The same products, each of two numbers below 2^32. (A 32-bit column gains nothing:
            // its signed widening and multiplication are as short, measured.)
            let u = UInt64(UInt32(truncatingIfNeeded: unit))
            let p = base.assumingMemoryBound(to: UInt64.self) + from
            for k in 0..<count { out[k] = Int64(bitPattern: UInt64(UInt32(truncatingIfNeeded: p[k])) &* u) }
            return
        }
        switch element {
        case .int64:
            let p = base.assumingMemoryBound(to: Int64.self) + from
            for k in 0..<count { out[k] = p[k] &* unit }
        case .int32:
            let p = base.assumingMemoryBound(to: Int32.self) + from
            for k in 0..<count { out[k] = Int64(p[k]) &* unit }
        case .uint8:
            let p = base.assumingMemoryBound(to: UInt8.self) + from
            for k in 0..<count { out[k] = Int64(p[k]) &* unit }
        }
    }
}
