/// The operations of a batch plan, on raw `Fixed` values (Int64 millionths).
///
/// What each operation means is `ValueSemantics`, shared with the persona
/// evaluator: a failed computation (overflow, division by zero, a parameter
/// without a value, a value above a billion) gives its lane the failure mark,
/// so a batch fails exactly for the persons and months where the persona
/// evaluator would have failed; the evaluator reports the first.
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

    static let failed = ValueSemantics.failed

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

/// Dispatch of a batch operation to its meaning (`ValueSemantics`), for constant
/// folding, the checked interpreter and the diagnosis of a failure.
extension ValueSemantics {
    /// One lane of a binary or ternary operation (not the stateful or loading ones).
    static func apply(_ op: BatchOperation, _ a: Int64, _ b: Int64, _ c: Int64, immediate: Int64, rounding: Rounding) -> Int64 {
        switch op {
        case .add: return add(a, b)
        case .subtract: return subtract(a, b)
        case .multiply: return multiply(a, b)
        case .divide: return divide(a, b)
        case .negate: return negate(a)
        case .equal: return compare(.equal, a, b)
        case .notEqual: return compare(.notEqual, a, b)
        case .less: return compare(.less, a, b)
        case .lessEqual: return compare(.lessEqual, a, b)
        case .greater: return compare(.greater, a, b)
        case .greaterEqual: return compare(.greaterEqual, a, b)
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
