/// The loops that execute a batch plan's instructions over a block of
/// persons. One `switch` per instruction and block picks the kernel; inside
/// a kernel there are only loads, integer arithmetic and stores on raw
/// pointers (no bounds checks, no calls that are not inlined).
///
/// A fast kernel is used only where the plan proved that no operand carries
/// the failure mark and nothing overflows; the checked kernels apply
/// `BatchSemantics` lane by lane.
struct KernelContext: @unchecked Sendable {
    let scalars: [[Int64]]
    let yearStarts: [Bool]
    let persons: Int
    /// Per input: the first byte of its column, its element and unit, and whether it has a value per month.
    let inputs: [(base: UnsafeRawPointer, element: InputColumn.Element, unit: Int64, perMonth: Bool)]

    init(plan: BatchPlan, columns: InputColumns) {
        scalars = plan.scalars
        yearStarts = plan.yearStarts
        persons = columns.persons
        inputs = zip(plan.ruleSet.inputs, columns.columns).map { input, column in
            (UnsafeRawPointer(column.storage.bytes.baseAddress!), column.element, column.unit, input.periodicity == .month)
        }
    }

    /// One value of an input, for the interpreter.
    func loadOne(input: Int, month: Int, person: Int) -> Int64 {
        let column = inputs[input]
        let index = (column.perMonth ? month * persons : 0) + person
        switch column.element {
        case .int64: return column.base.assumingMemoryBound(to: Int64.self)[index] &* column.unit
        case .int32: return Int64(column.base.assumingMemoryBound(to: Int32.self)[index]) &* column.unit
        case .uint8: return Int64(column.base.assumingMemoryBound(to: UInt8.self)[index]) &* column.unit
        }
    }

    func execute(_ program: [BatchInstruction], _ registers: UnsafeMutablePointer<Int64>, stride: Int, n: Int, month: Int, start: Int) {
        for i in program {
            let d = registers + Int(i.destination) &* stride
            let a = registers + Int(i.a) &* stride
            let b = registers + Int(i.b) &* stride
            switch i.operation {
            case .load:
                let column = inputs[Int(i.immediate)]
                let offset = (column.perMonth ? month &* persons : 0) &+ start
                let unit = column.unit
                switch column.element {
                case .int64:
                    let s = column.base.assumingMemoryBound(to: Int64.self) + offset
                    if unit == 10_000 { for k in 0..<n { d[k] = s[k] &* 10_000 } } else { for k in 0..<n { d[k] = s[k] &* unit } }
                case .int32:
                    let s = column.base.assumingMemoryBound(to: Int32.self) + offset
                    if unit == 1_000_000 { for k in 0..<n { d[k] = Int64(s[k]) &* 1_000_000 } } else { for k in 0..<n { d[k] = Int64(s[k]) &* unit } }
                case .uint8:
                    let s = column.base.assumingMemoryBound(to: UInt8.self) + offset
                    for k in 0..<n { d[k] = Int64(s[k]) &* unit }
                }
            case .splat:
                let v = scalars[Int(i.immediate)][month]
                for k in 0..<n { d[k] = v }
            case .add:
                if i.fast { for k in 0..<n { d[k] = a[k] &+ b[k] } } else { for k in 0..<n { d[k] = BatchSemantics.add(a[k], b[k]) } }
            case .subtract:
                if i.fast { for k in 0..<n { d[k] = a[k] &- b[k] } } else { for k in 0..<n { d[k] = BatchSemantics.subtract(a[k], b[k]) } }
            case .negate:
                for k in 0..<n { d[k] = 0 &- a[k] }
            case .multiply:
                if !i.fast {
                    for k in 0..<n { d[k] = BatchSemantics.multiply(a[k], b[k]) }
                } else if i.nonNegative {
                    // Unsigned division by a constant: a multiplication and a shift, no sign fix.
                    if i.exact {
                        for k in 0..<n { d[k] = Int64(bitPattern: UInt64(bitPattern: a[k] &* b[k]) / 1_000_000) }
                    } else {
                        for k in 0..<n { d[k] = Int64(bitPattern: (UInt64(bitPattern: a[k] &* b[k]) &+ 500_000) / 1_000_000) }
                    }
                } else if i.exact {
                    for k in 0..<n { d[k] = (a[k] &* b[k]) / 1_000_000 }
                } else {
                    for k in 0..<n { d[k] = Self.roundedMillionths(a[k] &* b[k]) }
                }
            case .multiplyRound:
                // An exact product of 10^6 * value: round the value to the unit in one step.
                if i.immediate == 10_000 {
                    for k in 0..<n {
                        d[k] = Int64(bitPattern: (UInt64(bitPattern: a[k] &* b[k]) &+ 5_000_000_000) / 10_000_000_000 &* 10_000)
                    }
                } else {
                    let divisor = UInt64(i.immediate) &* 1_000_000, half = divisor / 2
                    for k in 0..<n {
                        d[k] = Int64(bitPattern: (UInt64(bitPattern: a[k] &* b[k]) &+ half) / divisor &* UInt64(i.immediate))
                    }
                }
            case .differenceFloor:
                for k in 0..<n { let x = a[k] &- b[k]; d[k] = x > 0 ? x : 0 }
            case .divide:
                if i.fast {
                    let divisor = b[0]   // a constant, splatted
                    for k in 0..<n { d[k] = Self.dividedRounded(a[k] &* 1_000_000, divisor) }
                } else {
                    for k in 0..<n { d[k] = BatchSemantics.divide(a[k], b[k]) }
                }
            case .equal:
                if i.fast { for k in 0..<n { d[k] = a[k] == b[k] ? 1 : 0 } } else { compare(.equal, d, a, b, n) }
            case .notEqual:
                if i.fast { for k in 0..<n { d[k] = a[k] != b[k] ? 1 : 0 } } else { compare(.notEqual, d, a, b, n) }
            case .less:
                if i.fast { for k in 0..<n { d[k] = a[k] < b[k] ? 1 : 0 } } else { compare(.less, d, a, b, n) }
            case .lessEqual:
                if i.fast { for k in 0..<n { d[k] = a[k] <= b[k] ? 1 : 0 } } else { compare(.lessEqual, d, a, b, n) }
            case .greater:
                if i.fast { for k in 0..<n { d[k] = a[k] > b[k] ? 1 : 0 } } else { compare(.greater, d, a, b, n) }
            case .greaterEqual:
                if i.fast { for k in 0..<n { d[k] = a[k] >= b[k] ? 1 : 0 } } else { compare(.greaterEqual, d, a, b, n) }
            case .and:
                if i.fast { for k in 0..<n { d[k] = (a[k] != 0) && (b[k] != 0) ? 1 : 0 } } else { for k in 0..<n { d[k] = BatchSemantics.and(a[k], b[k]) } }
            case .or:
                if i.fast { for k in 0..<n { d[k] = (a[k] != 0) || (b[k] != 0) ? 1 : 0 } } else { for k in 0..<n { d[k] = BatchSemantics.or(a[k], b[k]) } }
            case .not:
                if i.fast { for k in 0..<n { d[k] = a[k] == 0 ? 1 : 0 } } else { for k in 0..<n { d[k] = BatchSemantics.not(a[k]) } }
            case .select:
                let c = registers + Int(i.c) &* stride
                if i.fast {
                    for k in 0..<n { d[k] = a[k] != 0 ? b[k] : c[k] }
                } else {
                    for k in 0..<n { d[k] = BatchSemantics.select(a[k], b[k], c[k]) }
                }
            case .minimum:
                for k in 0..<n { d[k] = BatchSemantics.minimum(a[k], b[k]) }
            case .maximum:
                if i.fast { for k in 0..<n { d[k] = b[k] > a[k] ? b[k] : a[k] } } else { for k in 0..<n { d[k] = BatchSemantics.maximum(a[k], b[k]) } }
            case .round:
                if !i.fast {
                    for k in 0..<n { d[k] = BatchSemantics.round(a[k], unit: i.immediate, i.rounding) }
                } else if i.nonNegative && i.rounding == .halfAwayFromZero {
                    if i.immediate == 10_000 {
                        for k in 0..<n { d[k] = Int64(bitPattern: (UInt64(bitPattern: a[k]) &+ 5_000) / 10_000 &* 10_000) }
                    } else if i.immediate == 1_000_000 {
                        for k in 0..<n { d[k] = Int64(bitPattern: (UInt64(bitPattern: a[k]) &+ 500_000) / 1_000_000 &* 1_000_000) }
                    } else {
                        Self.round(d, a, n, unit: i.immediate, i.rounding)
                    }
                } else if i.immediate == 10_000 {
                    Self.round(d, a, n, unit: 10_000, i.rounding)
                } else if i.immediate == 1_000_000 {
                    Self.round(d, a, n, unit: 1_000_000, i.rounding)
                } else {
                    Self.round(d, a, n, unit: i.immediate, i.rounding)
                }
            case .bound:
                for k in 0..<n { d[k] = BatchSemantics.bound(a[k]) }
            case .yearToDate:
                let counting = i.immediate == 1
                let first = yearStarts[month]
                if i.fast {
                    switch (first, counting) {
                    case (true, false): for k in 0..<n { d[k] = a[k] }
                    case (false, false): for k in 0..<n { d[k] = d[k] &+ a[k] }
                    case (true, true): for k in 0..<n { d[k] = a[k] != 0 ? 1_000_000 : 0 }
                    case (false, true): for k in 0..<n { d[k] = d[k] &+ (a[k] != 0 ? 1_000_000 : 0) }
                    }
                } else {
                    for k in 0..<n { d[k] = BatchSemantics.yearToDate(previous: first ? nil : d[k], a[k], counting: counting) }
                }
            case .ever:
                let first = month == 0
                for k in 0..<n { d[k] = BatchSemantics.ever(previous: first ? nil : d[k], a[k]) }
            }
        }
    }

    @inline(__always)
    private func compare(_ op: BatchOperation, _ d: UnsafeMutablePointer<Int64>, _ a: UnsafeMutablePointer<Int64>,
                         _ b: UnsafeMutablePointer<Int64>, _ n: Int) {
        for k in 0..<n { d[k] = BatchSemantics.compare(op, a[k], b[k]) }
    }

    /// p / 1_000_000 rounded half away from zero, as FixedMath.multiply does;
    /// the constant divisor becomes a multiplication and a shift.
    @inline(__always)
    static func roundedMillionths(_ p: Int64) -> Int64 {
        let q = p / 1_000_000
        let r = p &- q &* 1_000_000
        return q &+ (r >= 500_000 ? 1 : 0) &- (r <= -500_000 ? 1 : 0)
    }

    /// x / divisor rounded half away from zero (divisor not zero, no overflow).
    @inline(__always)
    static func dividedRounded(_ x: Int64, _ divisor: Int64) -> Int64 {
        let q = x / divisor
        let r = x &- q &* divisor
        if r == 0 { return q }
        let negative = (x < 0) != (divisor < 0)
        return r.magnitude &* 2 >= divisor.magnitude ? (negative ? q &- 1 : q &+ 1) : q
    }

    /// Fixed.divide(v, unit, rounding) * unit, for values the plan proved far from overflow.
    @inline(__always)
    static func round(_ d: UnsafeMutablePointer<Int64>, _ a: UnsafeMutablePointer<Int64>, _ n: Int, unit: Int64, _ rounding: Rounding) {
        switch rounding {
        case .halfAwayFromZero:
            let half = unit / 2 + unit % 2
            for k in 0..<n {
                let v = a[k], q = v / unit, r = v &- q &* unit
                d[k] = (q &+ (r >= half ? 1 : 0) &- (r <= -half ? 1 : 0)) &* unit
            }
        case .down:
            for k in 0..<n {
                let v = a[k], q = v / unit, r = v &- q &* unit
                d[k] = (q &- (r < 0 ? 1 : 0)) &* unit
            }
        case .up:
            for k in 0..<n {
                let v = a[k], q = v / unit, r = v &- q &* unit
                d[k] = (q &+ (r > 0 ? 1 : 0)) &* unit
            }
        case .towardZero:
            for k in 0..<n { d[k] = (a[k] / unit) &* unit }
        }
    }
}
