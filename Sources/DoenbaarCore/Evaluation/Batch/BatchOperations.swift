/// The operations of a batch plan, on raw `Fixed` values (Int64 millionths).
///
/// A failed computation (overflow, division by zero, a parameter without a
/// value, a value above a billion) does not throw in a batch: its lane gets
/// the mark `BatchOperation.failed` (Int64.min), which every operation passes
/// on exactly where the persona evaluator would have evaluated the operand.
/// A conditional passes on only the branch it takes, `en` does not look at
/// its right side when the left is nee, and so on. A batch therefore fails
/// exactly for the persons and months where the persona evaluator, which
/// evaluates lazily, would have failed; the evaluator reports the first.
enum BatchOperation: UInt8, Sendable {
    case add, subtract, multiply, divide, negate
    case equal, notEqual, less, lessEqual, greater, greaterEqual
    case and, or, not
    case select
    case minimum, maximum
    /// Rounds to a multiple of `immediate` (10_000: cents, 1_000_000: units) by `rounding`.
    case round
    /// A declaration's value above a billion fails (as in the persona evaluator).
    case bound
    /// Running total within the calendar year (`totaal_dit_jaar` per maand);
    /// `immediate` 1 counts months in which the operand is ja.
    case yearToDate
    /// `ooit`: ja from the first month in which the operand was ja.
    case ever
    /// Widens input column `immediate` into a register.
    case load
    /// Fills a register with scalar `immediate` (a parameter or constant in this month).
    case splat
    // Fused by the plan's peephole pass, fast kernels only (never interpreted):
    /// max(0, a - b)
    case differenceFloor
    /// round(a * b) to a multiple of `immediate`, half away from zero, for an
    /// exact, non-negative product: one division instead of two.
    case multiplyRound
    /// (a OP b) ? c : e, with the comparison in `immediate` (a BatchOperation raw value).
    case selectCompare
    /// (a and b) ? c : e
    case selectBoth

    static let failed = Int64.min

    var arity: Int {
        switch self {
        case .negate, .not, .round, .bound, .yearToDate, .ever: return 1
        case .select: return 3
        case .load, .splat: return 0
        case .differenceFloor, .multiplyRound: return 2
        case .selectCompare, .selectBoth: return 4
        default: return 2
        }
    }
}

/// The reference meaning of every operation on one lane: the same arithmetic
/// as the persona evaluator's closures (Plan.swift), with the failure mark.
/// Constant folding, the checked kernels and the diagnosis of a failure all
/// use these functions; the fast kernels are used only where the plan has
/// proved they give the same result.
enum BatchSemantics {
    static let failed = BatchOperation.failed
    /// Frame.maximumMagnitude: a billion.
    static let maximumMagnitude: Int64 = 1_000_000_000 * Fixed.scale

    @inline(__always)
    static func add(_ a: Int64, _ b: Int64) -> Int64 {
        if a == failed || b == failed { return failed }
        let (v, o) = a.addingReportingOverflow(b)
        return o ? failed : v
    }

    @inline(__always)
    static func subtract(_ a: Int64, _ b: Int64) -> Int64 {
        if a == failed || b == failed { return failed }
        let (v, o) = a.subtractingReportingOverflow(b)
        return o ? failed : v
    }

    @inline(__always)
    static func multiply(_ a: Int64, _ b: Int64) -> Int64 {
        if a == failed || b == failed { return failed }
        return FixedMath.multiply(a, b) ?? failed
    }

    @inline(__always)
    static func divide(_ a: Int64, _ b: Int64) -> Int64 {
        if a == failed || b == failed || b == 0 { return failed }
        return FixedMath.divide(a, b) ?? failed
    }

    /// -P is P again in wrapping arithmetic; no other value overflows.
    @inline(__always)
    static func negate(_ a: Int64) -> Int64 { 0 &- a }

    @inline(__always)
    static func compare(_ op: BatchOperation, _ a: Int64, _ b: Int64) -> Int64 {
        if a == failed || b == failed { return failed }
        let r: Bool
        switch op {
        case .equal: r = a == b
        case .notEqual: r = a != b
        case .less: r = a < b
        case .lessEqual: r = a <= b
        case .greater: r = a > b
        default: r = a >= b
        }
        return r ? 1 : 0
    }

    @inline(__always)
    static func and(_ a: Int64, _ b: Int64) -> Int64 {
        if a == failed { return failed }
        if a == 0 { return 0 }
        if b == failed { return failed }
        return b != 0 ? 1 : 0
    }

    @inline(__always)
    static func or(_ a: Int64, _ b: Int64) -> Int64 {
        if a == failed { return failed }
        if a != 0 { return 1 }
        if b == failed { return failed }
        return b != 0 ? 1 : 0
    }

    @inline(__always)
    static func not(_ a: Int64) -> Int64 {
        if a == failed { return failed }
        return a == 0 ? 1 : 0
    }

    @inline(__always)
    static func select(_ c: Int64, _ a: Int64, _ b: Int64) -> Int64 {
        if c == failed { return failed }
        return c != 0 ? a : b
    }

    /// The failure mark is the smallest Int64, so `min` passes it on by itself.
    @inline(__always)
    static func minimum(_ a: Int64, _ b: Int64) -> Int64 { b < a ? b : a }

    @inline(__always)
    static func maximum(_ a: Int64, _ b: Int64) -> Int64 {
        if a == failed || b == failed { return failed }
        return b > a ? b : a
    }

    @inline(__always)
    static func round(_ a: Int64, unit: Int64, _ rounding: Rounding) -> Int64 {
        if a == failed { return failed }
        let (v, o) = Fixed.divide(a, unit, rounding).multipliedReportingOverflow(by: unit)
        return o || v == failed ? failed : v
    }

    /// The mark itself is above a billion too, so it stays the mark.
    @inline(__always)
    static func bound(_ a: Int64) -> Int64 { a.magnitude > UInt64(maximumMagnitude) ? failed : a }

    @inline(__always)
    static func yearToDate(previous: Int64?, _ a: Int64, counting: Bool) -> Int64 {
        let term: Int64
        if counting {
            if a == failed { return failed }
            term = a != 0 ? Fixed.scale : 0
        } else {
            term = a
        }
        guard let previous else { return term }
        return add(previous, term)
    }

    @inline(__always)
    static func ever(previous: Int64?, _ a: Int64) -> Int64 {
        if let previous {
            if previous == failed { return failed }
            if previous != 0 { return 1 }
        }
        if a == failed { return failed }
        return a != 0 ? 1 : 0
    }

    /// One lane of a binary or ternary operation (not the stateful or loading ones).
    static func apply(_ op: BatchOperation, _ a: Int64, _ b: Int64, _ c: Int64, immediate: Int64, rounding: Rounding) -> Int64 {
        switch op {
        case .add: return add(a, b)
        case .subtract: return subtract(a, b)
        case .multiply: return multiply(a, b)
        case .divide: return divide(a, b)
        case .negate: return negate(a)
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return compare(op, a, b)
        case .and: return and(a, b)
        case .or: return or(a, b)
        case .not: return not(a)
        case .select: return select(a, b, c)
        case .minimum: return minimum(a, b)
        case .maximum: return maximum(a, b)
        case .round: return round(a, unit: immediate, rounding)
        case .bound: return bound(a)
        case .yearToDate, .ever, .load, .splat, .differenceFloor, .multiplyRound, .selectCompare, .selectBoth:
            preconditionFailure("\(op) heeft toestand of invoer, of bestaat alleen in de kernels")
        }
    }

    /// Which operand a failed result came from, when it came from one: the
    /// operand the persona evaluator would have been evaluating when it failed.
    /// nil: the operation itself failed (overflow, division by zero, ...).
    static func failedOperand(_ op: BatchOperation, _ values: [Int64]) -> Int? {
        switch op {
        case .select:
            if values[0] == failed { return 0 }
            return values[0] != 0 ? (values[1] == failed ? 1 : nil) : (values[2] == failed ? 2 : nil)
        case .and, .or:
            if values[0] == failed { return 0 }
            return values[1] == failed ? 1 : nil
        default:
            return values.firstIndex(of: failed)
        }
    }
}
