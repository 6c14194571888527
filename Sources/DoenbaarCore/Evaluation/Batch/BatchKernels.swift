/// The loops that execute a batch plan's instructions over a block of
/// persons. One `switch` per instruction and block picks the kernel; inside
/// a kernel there are only loads, integer arithmetic and stores on raw
/// pointers (no bounds checks, no calls that are not inlined).
///
/// A fast kernel is used only where the plan proved that no operand carries
/// the failure mark and nothing overflows; the checked kernels apply
/// `ValueSemantics` lane by lane.
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
            let c = registers + Int(i.c) &* stride
            let e = registers + Int(i.e) &* stride
            // Each loop is a function of its own, specialised for its lane
            // operation, so its pointers stay in registers.
            switch i.operation {
            case .load:
                let column = inputs[Int(i.immediate)]
                let offset = (column.perMonth ? month &* persons : 0) &+ start
                switch column.element {
                case .int64:
                    let s = column.base.assumingMemoryBound(to: Int64.self) + offset
                    if column.unit == 10_000 { Loops.widen(d, s, n, Cents.self) } else { Loops.widen(d, s, n, unit: column.unit) }
                case .int32:
                    let s = column.base.assumingMemoryBound(to: Int32.self) + offset
                    if column.unit == 1_000_000 { Loops.widen(d, s, n, Units.self) } else { Loops.widen(d, s, n, unit: column.unit) }
                case .uint8:
                    Loops.widen(d, column.base.assumingMemoryBound(to: UInt8.self) + offset, n, unit: column.unit)
                }
            case .splat:
                Loops.fill(d, scalars[Int(i.immediate)][month], n)
            case .add: i.fast ? Loops.run(d, a, b, n, AddFast.self) : Loops.run(d, a, b, n, AddChecked.self)
            case .subtract: i.fast ? Loops.run(d, a, b, n, SubtractFast.self) : Loops.run(d, a, b, n, SubtractChecked.self)
            case .negate: Loops.run(d, a, n, Negate.self)
            case .multiply:
                if !i.fast {
                    Loops.run(d, a, b, n, MultiplyChecked.self)
                } else if i.nonNegative {
                    // Unsigned division by a constant: a multiplication and a shift, no sign fix.
                    i.exact ? Loops.run(d, a, b, n, MultiplyExactPositive.self) : Loops.run(d, a, b, n, MultiplyPositive.self)
                } else {
                    i.exact ? Loops.run(d, a, b, n, MultiplyExact.self) : Loops.run(d, a, b, n, MultiplyRounded.self)
                }
            case .multiplyRound:
                // An exact product of 10^6 * value: round the value to the unit in one step.
                if i.immediate == 10_000 { Loops.run(d, a, b, n, MultiplyRoundCents.self) } else { Loops.multiplyRound(d, a, b, n, unit: i.immediate) }
            case .selectCompare:
                switch BatchOperation(rawValue: UInt8(truncatingIfNeeded: i.immediate))! {
                case .less where i.branchFree: Loops.blend(d, a, b, c, e, n, LessMask.self)
                case .lessEqual where i.branchFree: Loops.blend(d, b, a, e, c, n, LessMask.self)     // a <= b: not b < a
                case .greater where i.branchFree: Loops.blend(d, b, a, c, e, n, LessMask.self)      // a > b: b < a
                case .greaterEqual where i.branchFree: Loops.blend(d, a, b, e, c, n, LessMask.self) // a >= b: not a < b
                case .equal: Loops.select(d, a, b, c, e, n, Equal.self)
                case .notEqual: Loops.select(d, a, b, c, e, n, NotEqual.self)
                case .less: Loops.select(d, a, b, c, e, n, Less.self)
                case .lessEqual: Loops.select(d, a, b, c, e, n, LessEqual.self)
                case .greater: Loops.select(d, a, b, c, e, n, Greater.self)
                default: Loops.select(d, a, b, c, e, n, GreaterEqual.self)
                }
            case .selectBoth: i.branchFree ? Loops.blend(d, a, b, c, e, n, BothMask.self) : Loops.select(d, a, b, c, e, n, Both.self)
            case .differenceFloor: Loops.run(d, a, b, n, DifferenceFloor.self)
            case .divide:
                // Fast: a constant divisor, splatted.
                i.fast ? Loops.divide(d, a, n, divisor: b[0]) : Loops.run(d, a, b, n, DivideChecked.self)
            case .equal: i.fast ? Loops.run(d, a, b, n, Flag<Equal>.self) : Loops.run(d, a, b, n, FlagChecked<Equal>.self)
            case .notEqual: i.fast ? Loops.run(d, a, b, n, Flag<NotEqual>.self) : Loops.run(d, a, b, n, FlagChecked<NotEqual>.self)
            case .less where i.branchFree: Loops.run(d, a, b, n, LessBit.self)
            case .lessEqual where i.branchFree: Loops.run(d, b, a, n, NotLessBit.self)
            case .greater where i.branchFree: Loops.run(d, b, a, n, LessBit.self)
            case .greaterEqual where i.branchFree: Loops.run(d, a, b, n, NotLessBit.self)
            case .less: i.fast ? Loops.run(d, a, b, n, Flag<Less>.self) : Loops.run(d, a, b, n, FlagChecked<Less>.self)
            case .lessEqual: i.fast ? Loops.run(d, a, b, n, Flag<LessEqual>.self) : Loops.run(d, a, b, n, FlagChecked<LessEqual>.self)
            case .greater: i.fast ? Loops.run(d, a, b, n, Flag<Greater>.self) : Loops.run(d, a, b, n, FlagChecked<Greater>.self)
            case .greaterEqual: i.fast ? Loops.run(d, a, b, n, Flag<GreaterEqual>.self) : Loops.run(d, a, b, n, FlagChecked<GreaterEqual>.self)
            case .and: i.fast ? Loops.run(d, a, b, n, Flag<Both>.self) : Loops.run(d, a, b, n, AndChecked.self)
            case .or: i.fast ? Loops.run(d, a, b, n, Flag<Either>.self) : Loops.run(d, a, b, n, OrChecked.self)
            case .not: i.fast ? Loops.run(d, a, n, NotFast.self) : Loops.run(d, a, n, NotChecked.self)
            case .select:
                if i.branchFree { Loops.blend(d, a, a, b, c, n, FlagMask.self) } else if i.fast { Loops.select(d, a, b, c, n) } else { Loops.selectChecked(d, a, b, c, n) }
            case .minimum: Loops.run(d, a, b, n, Minimum.self)
            case .maximum:
                if i.branchFree { Loops.run(d, a, b, n, MaximumArithmetic.self) } else if i.fast { Loops.run(d, a, b, n, MaximumFast.self) } else { Loops.run(d, a, b, n, MaximumChecked.self) }
            case .round:
                if !i.fast {
                    Loops.roundChecked(d, a, n, unit: i.immediate, i.rounding)
                } else if i.nonNegative && i.rounding == .halfAwayFromZero && i.immediate == 10_000 {
                    Loops.run(d, a, n, RoundCentsPositive.self)
                } else if i.nonNegative && i.rounding == .halfAwayFromZero && i.immediate == 1_000_000 {
                    Loops.run(d, a, n, RoundUnitsPositive.self)
                } else {
                    Loops.round(d, a, n, unit: i.immediate, i.rounding)
                }
            case .bound: Loops.run(d, a, n, Bound.self)
            case .yearToDate:
                let counting = i.immediate == 1, first = yearStarts[month]
                if i.fast {
                    switch (first, counting) {
                    case (true, false): Loops.run(d, a, n, Copy.self)
                    case (false, false): Loops.run(d, d, a, n, AddFast.self)
                    case (true, true): Loops.run(d, a, n, Count.self)
                    case (false, true): Loops.run(d, d, a, n, AddCount.self)
                    }
                } else {
                    Loops.yearToDateChecked(d, a, n, first: first, counting: counting)
                }
            case .ever: Loops.ever(d, a, n, first: month == 0)
            }
        }
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
}

typealias Lanes = UnsafeMutablePointer<Int64>

/// A lane operation of one operand, applied by `Loops.run`.
protocol Lane1 { static func lane(_ a: Int64) -> Int64 }
/// A lane operation of two operands.
protocol Lane2 { static func lane(_ a: Int64, _ b: Int64) -> Int64 }
/// A condition on two operands, for a selection.
protocol Condition { static func holds(_ a: Int64, _ b: Int64) -> Bool }
/// All ones where the condition holds, else zero.
protocol Mask { static func mask(_ a: Int64, _ b: Int64) -> Int64 }
/// A widening of a stored input to raw values.
protocol Widening { associatedtype Stored: FixedWidthInteger; static func lane(_ s: Stored) -> Int64 }

/// The loops. Each is generic over its lane operation and never inlined, so
/// the compiler makes one small specialised loop per operation.
enum Loops {
    @inline(never) static func run<L: Lane1>(_ d: Lanes, _ a: Lanes, _ n: Int, _: L.Type) {
        for k in 0..<n { d[k] = L.lane(a[k]) }
    }
    @inline(never) static func run<L: Lane2>(_ d: Lanes, _ a: Lanes, _ b: Lanes, _ n: Int, _: L.Type) {
        for k in 0..<n { d[k] = L.lane(a[k], b[k]) }
    }
    @inline(never) static func select<C: Condition>(_ d: Lanes, _ a: Lanes, _ b: Lanes, _ c: Lanes, _ e: Lanes, _ n: Int, _: C.Type) {
        for k in 0..<n { d[k] = C.holds(a[k], b[k]) ? c[k] : e[k] }
    }
    /// d = mask ? c : e with an all-ones or all-zero mask: and, and-not, or (vectorises).
    @inline(never) static func blend<M: Mask>(_ d: Lanes, _ a: Lanes, _ b: Lanes, _ c: Lanes, _ e: Lanes, _ n: Int, _: M.Type) {
        for k in 0..<n {
            let mask = M.mask(a[k], b[k])
            d[k] = (c[k] & mask) | (e[k] & ~mask)
        }
    }
    @inline(never) static func select(_ d: Lanes, _ a: Lanes, _ b: Lanes, _ c: Lanes, _ n: Int) {
        for k in 0..<n { d[k] = a[k] != 0 ? b[k] : c[k] }
    }
    @inline(never) static func selectChecked(_ d: Lanes, _ a: Lanes, _ b: Lanes, _ c: Lanes, _ n: Int) {
        for k in 0..<n { d[k] = ValueSemantics.select(a[k], b[k], c[k]) }
    }
    @inline(never) static func widen<W: Widening>(_ d: Lanes, _ s: UnsafePointer<W.Stored>, _ n: Int, _: W.Type) {
        for k in 0..<n { d[k] = W.lane(s[k]) }
    }
    @inline(never) static func widen<T: FixedWidthInteger>(_ d: Lanes, _ s: UnsafePointer<T>, _ n: Int, unit: Int64) {
        for k in 0..<n { d[k] = Int64(s[k]) &* unit }
    }
    @inline(never) static func fill(_ d: Lanes, _ v: Int64, _ n: Int) {
        for k in 0..<n { d[k] = v }
    }
    @inline(never) static func divide(_ d: Lanes, _ a: Lanes, _ n: Int, divisor: Int64) {
        for k in 0..<n { d[k] = KernelContext.dividedRounded(a[k] &* 1_000_000, divisor) }
    }
    @inline(never) static func multiplyRound(_ d: Lanes, _ a: Lanes, _ b: Lanes, _ n: Int, unit: Int64) {
        let divisor = UInt64(unit) &* 1_000_000, half = divisor / 2
        for k in 0..<n { d[k] = Int64(bitPattern: (UInt64(bitPattern: a[k] &* b[k]) &+ half) / divisor &* UInt64(unit)) }
    }
    @inline(never) static func roundChecked(_ d: Lanes, _ a: Lanes, _ n: Int, unit: Int64, _ rounding: Rounding) {
        for k in 0..<n { d[k] = ValueSemantics.round(a[k], unit: unit, rounding) }
    }
    @inline(never) static func yearToDateChecked(_ d: Lanes, _ a: Lanes, _ n: Int, first: Bool, counting: Bool) {
        for k in 0..<n { d[k] = ValueSemantics.accumulate(previous: first ? nil : d[k], a[k], counting: counting) }
    }
    @inline(never) static func ever(_ d: Lanes, _ a: Lanes, _ n: Int, first: Bool) {
        for k in 0..<n { d[k] = ValueSemantics.ever(previous: first ? nil : d[k], a[k]) }
    }

    /// Fixed.divide(v, unit, rounding) * unit, for values the plan proved far from overflow.
    @inline(never) static func round(_ d: Lanes, _ a: Lanes, _ n: Int, unit: Int64, _ rounding: Rounding) {
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

// MARK: Lane operations

enum Cents: Widening { @inline(__always) static func lane(_ s: Int64) -> Int64 { s &* 10_000 } }
enum Units: Widening { @inline(__always) static func lane(_ s: Int32) -> Int64 { Int64(s) &* 1_000_000 } }

enum Copy: Lane1 { @inline(__always) static func lane(_ a: Int64) -> Int64 { a } }
enum Negate: Lane1 { @inline(__always) static func lane(_ a: Int64) -> Int64 { ValueSemantics.negate(a) } }
enum NotFast: Lane1 { @inline(__always) static func lane(_ a: Int64) -> Int64 { a == 0 ? 1 : 0 } }
enum NotChecked: Lane1 { @inline(__always) static func lane(_ a: Int64) -> Int64 { ValueSemantics.not(a) } }
enum Bound: Lane1 { @inline(__always) static func lane(_ a: Int64) -> Int64 { ValueSemantics.bound(a) } }
enum Count: Lane1 { @inline(__always) static func lane(_ a: Int64) -> Int64 { a != 0 ? 1_000_000 : 0 } }
enum RoundCentsPositive: Lane1 {
    @inline(__always) static func lane(_ a: Int64) -> Int64 { Int64(bitPattern: (UInt64(bitPattern: a) &+ 5_000) / 10_000 &* 10_000) }
}
enum RoundUnitsPositive: Lane1 {
    @inline(__always) static func lane(_ a: Int64) -> Int64 { Int64(bitPattern: (UInt64(bitPattern: a) &+ 500_000) / 1_000_000 &* 1_000_000) }
}

enum AddFast: Lane2 { @inline(__always) static func lane(_ a: Int64, _ b: Int64) -> Int64 { a &+ b } }
enum AddCount: Lane2 { @inline(__always) static func lane(_ a: Int64, _ b: Int64) -> Int64 { a &+ (b != 0 ? 1_000_000 : 0) } }
enum AddChecked: Lane2 { @inline(__always) static func lane(_ a: Int64, _ b: Int64) -> Int64 { ValueSemantics.add(a, b) } }
enum SubtractFast: Lane2 { @inline(__always) static func lane(_ a: Int64, _ b: Int64) -> Int64 { a &- b } }
enum SubtractChecked: Lane2 { @inline(__always) static func lane(_ a: Int64, _ b: Int64) -> Int64 { ValueSemantics.subtract(a, b) } }
/// max(0, a - b): the difference, masked off by its own sign (the plan proved it does not overflow).
enum DifferenceFloor: Lane2 { @inline(__always) static func lane(_ a: Int64, _ b: Int64) -> Int64 { let x = a &- b; return x & ~(x >> 63) } }
/// All ones where a < b.
enum LessMask: Mask { @inline(__always) static func mask(_ a: Int64, _ b: Int64) -> Int64 { (a &- b) >> 63 } }
/// max(a, b) as a plus the positive part of b - a.
enum MaximumArithmetic: Lane2 { @inline(__always) static func lane(_ a: Int64, _ b: Int64) -> Int64 { let x = b &- a; return a &+ (x & ~(x >> 63)) } }
/// a < b as the sign bit of a - b: 1 or 0.
enum LessBit: Lane2 { @inline(__always) static func lane(_ a: Int64, _ b: Int64) -> Int64 { Int64(bitPattern: UInt64(bitPattern: a &- b) >> 63) } }
/// a >= b: 1 minus the sign bit of a - b.
enum NotLessBit: Lane2 { @inline(__always) static func lane(_ a: Int64, _ b: Int64) -> Int64 { 1 &- Int64(bitPattern: UInt64(bitPattern: a &- b) >> 63) } }
/// All ones where both flags are 1.
enum BothMask: Mask { @inline(__always) static func mask(_ a: Int64, _ b: Int64) -> Int64 { 0 &- (a & b) } }
/// All ones where the flag is 1 (b is ignored).
enum FlagMask: Mask { @inline(__always) static func mask(_ a: Int64, _ b: Int64) -> Int64 { 0 &- a } }
enum MultiplyChecked: Lane2 { @inline(__always) static func lane(_ a: Int64, _ b: Int64) -> Int64 { ValueSemantics.multiply(a, b) } }
enum MultiplyExact: Lane2 { @inline(__always) static func lane(_ a: Int64, _ b: Int64) -> Int64 { (a &* b) / 1_000_000 } }
enum MultiplyRounded: Lane2 { @inline(__always) static func lane(_ a: Int64, _ b: Int64) -> Int64 { KernelContext.roundedMillionths(a &* b) } }
enum MultiplyExactPositive: Lane2 {
    @inline(__always) static func lane(_ a: Int64, _ b: Int64) -> Int64 { Int64(bitPattern: UInt64(bitPattern: a &* b) / 1_000_000) }
}
enum MultiplyPositive: Lane2 {
    @inline(__always) static func lane(_ a: Int64, _ b: Int64) -> Int64 { Int64(bitPattern: (UInt64(bitPattern: a &* b) &+ 500_000) / 1_000_000) }
}
enum MultiplyRoundCents: Lane2 {
    @inline(__always) static func lane(_ a: Int64, _ b: Int64) -> Int64 {
        Int64(bitPattern: (UInt64(bitPattern: a &* b) &+ 5_000_000_000) / 10_000_000_000 &* 10_000)
    }
}
enum DivideChecked: Lane2 { @inline(__always) static func lane(_ a: Int64, _ b: Int64) -> Int64 { ValueSemantics.divide(a, b) } }
enum Minimum: Lane2 { @inline(__always) static func lane(_ a: Int64, _ b: Int64) -> Int64 { ValueSemantics.minimum(a, b) } }
enum MaximumFast: Lane2 { @inline(__always) static func lane(_ a: Int64, _ b: Int64) -> Int64 { b > a ? b : a } }
enum MaximumChecked: Lane2 { @inline(__always) static func lane(_ a: Int64, _ b: Int64) -> Int64 { ValueSemantics.maximum(a, b) } }
enum AndChecked: Lane2 { @inline(__always) static func lane(_ a: Int64, _ b: Int64) -> Int64 { ValueSemantics.and(a, b) } }
enum OrChecked: Lane2 { @inline(__always) static func lane(_ a: Int64, _ b: Int64) -> Int64 { ValueSemantics.or(a, b) } }

enum Equal: Condition { @inline(__always) static func holds(_ a: Int64, _ b: Int64) -> Bool { a == b } }
enum NotEqual: Condition { @inline(__always) static func holds(_ a: Int64, _ b: Int64) -> Bool { a != b } }
enum Less: Condition { @inline(__always) static func holds(_ a: Int64, _ b: Int64) -> Bool { a < b } }
enum LessEqual: Condition { @inline(__always) static func holds(_ a: Int64, _ b: Int64) -> Bool { a <= b } }
enum Greater: Condition { @inline(__always) static func holds(_ a: Int64, _ b: Int64) -> Bool { a > b } }
enum GreaterEqual: Condition { @inline(__always) static func holds(_ a: Int64, _ b: Int64) -> Bool { a >= b } }
enum Both: Condition { @inline(__always) static func holds(_ a: Int64, _ b: Int64) -> Bool { (a != 0) && (b != 0) } }
enum Either: Condition { @inline(__always) static func holds(_ a: Int64, _ b: Int64) -> Bool { (a != 0) || (b != 0) } }

/// A condition as ja (1) or nee (0).
enum Flag<C: Condition>: Lane2 { @inline(__always) static func lane(_ a: Int64, _ b: Int64) -> Int64 { C.holds(a, b) ? 1 : 0 } }
/// A comparison that passes the failure mark on.
enum FlagChecked<C: Condition>: Lane2 {
    @inline(__always) static func lane(_ a: Int64, _ b: Int64) -> Int64 {
        if a == ValueSemantics.failed || b == ValueSemantics.failed { return ValueSemantics.failed }
        return C.holds(a, b) ? 1 : 0
    }
}
