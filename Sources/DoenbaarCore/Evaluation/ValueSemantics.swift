/// The meaning of the rule language's operations on raw `Fixed` values
/// (Int64 millionths), in one place for the one engine (`Program`, `LaneFrame`).
///
/// A computation that fails (overflow, division by zero, a value above a
/// billion) gives the mark `failed` (Int64.min), which is therefore never a
/// value. The engines carry it in the lane and pass it on; a lane that needed
/// it has no run, and a block of that one lane says where the mark arose
/// (`LaneDiagnosis`). A conditional passes on only the branch it takes, `en`
/// does not look at its right side when the left is nee, and so on, so a lane
/// fails for the same months whatever the other lanes of its block do.
public enum ValueSemantics {
    public static let failed = Int64.min
    /// A billion, as a raw Fixed: more than any amount, count or number a
    /// regulation works with. Every declared value is bounded by it, so that
    /// sums over days, months and rules stay far from overflow.
    public static let maximumMagnitude: Int64 = 1_000_000_000 * Fixed.scale

    @inline(__always)
    public static func add(_ a: Int64, _ b: Int64) -> Int64 {
        if a == failed || b == failed { return failed }
        let (v, o) = a.addingReportingOverflow(b)
        return o ? failed : v
    }

    @inline(__always)
    public static func subtract(_ a: Int64, _ b: Int64) -> Int64 {
        if a == failed || b == failed { return failed }
        let (v, o) = a.subtractingReportingOverflow(b)
        return o ? failed : v
    }

    @inline(__always)
    public static func multiply(_ a: Int64, _ b: Int64) -> Int64 {
        if a == failed || b == failed { return failed }
        return FixedMath.multiply(a, b) ?? failed
    }

    /// Division by zero gives the mark too; the persona evaluator checks the
    /// divisor first, for its own diagnostic.
    @inline(__always)
    public static func divide(_ a: Int64, _ b: Int64) -> Int64 {
        if a == failed || b == failed || b == 0 { return failed }
        return FixedMath.divide(a, b) ?? failed
    }

    /// -P is P again in wrapping arithmetic; no other value overflows.
    @inline(__always)
    public static func negate(_ a: Int64) -> Int64 { 0 &- a }

    /// A comparison as ja (1) or nee (0).
    @inline(__always)
    public static func compare(_ op: BinaryOperator, _ a: Int64, _ b: Int64) -> Int64 {
        if a == failed || b == failed { return failed }
        let r: Bool
        switch op {
        case .equal: r = a == b
        case .notEqual: r = a != b
        case .less: r = a < b
        case .lessEqual: r = a <= b
        case .greater: r = a > b
        case .greaterEqual: r = a >= b
        case .add, .subtract, .multiply, .divide, .and, .or: preconditionFailure("'\(op.rawValue)' is geen vergelijking")
        }
        return r ? 1 : 0
    }

    @inline(__always)
    public static func and(_ a: Int64, _ b: Int64) -> Int64 {
        if a == failed { return failed }
        if a == 0 { return 0 }
        if b == failed { return failed }
        return b != 0 ? 1 : 0
    }

    @inline(__always)
    public static func or(_ a: Int64, _ b: Int64) -> Int64 {
        if a == failed { return failed }
        if a != 0 { return 1 }
        if b == failed { return failed }
        return b != 0 ? 1 : 0
    }

    @inline(__always)
    public static func not(_ a: Int64) -> Int64 {
        if a == failed { return failed }
        return a == 0 ? 1 : 0
    }

    @inline(__always)
    public static func select(_ c: Int64, _ a: Int64, _ b: Int64) -> Int64 {
        if c == failed { return failed }
        return c != 0 ? a : b
    }

    /// The failure mark is the smallest Int64, so `min` passes it on by itself.
    @inline(__always)
    public static func minimum(_ a: Int64, _ b: Int64) -> Int64 { b < a ? b : a }

    @inline(__always)
    public static func maximum(_ a: Int64, _ b: Int64) -> Int64 {
        if a == failed || b == failed { return failed }
        return b > a ? b : a
    }

    /// What `afronden` and a declaration's `afronding` round to: whole cents
    /// for money, whole units for everything else.
    public static func roundingUnit(of type: ValueType) -> Int64 { type == .money ? 10_000 : Fixed.scale }

    /// Rounds to a multiple of `unit` by `rounding`.
    @inline(__always)
    public static func round(_ a: Int64, unit: Int64, _ rounding: Rounding) -> Int64 {
        if a == failed { return failed }
        let (v, o) = Fixed.divide(a, unit, rounding).multipliedReportingOverflow(by: unit)
        return o || v == failed ? failed : v
    }

    /// A declaration's value above a billion fails; the mark itself is above
    /// a billion too, so it stays the mark.
    @inline(__always)
    public static func bound(_ a: Int64) -> Int64 { a.magnitude > UInt64(maximumMagnitude) ? failed : a }

    /// What one period adds to a running total (`totaal_dit_jaar`, `totaal_sinds`,
    /// `som_in_maand`, `dagen_in_maand`): its value, or one for a ja when the
    /// total counts days or months.
    @inline(__always)
    public static func term(_ a: Int64, counting: Bool) -> Int64 {
        guard counting else { return a }
        if a == failed { return failed }
        return a != 0 ? Fixed.scale : 0
    }

    /// The running total after one more period; nil `previous`: the first
    /// period of the total (the first month computed, or 1 January).
    @inline(__always)
    public static func accumulate(previous: Int64?, _ a: Int64, counting: Bool) -> Int64 {
        let t = term(a, counting: counting)
        guard let previous else { return t }
        return add(previous, t)
    }

    /// `ooit`: ja from the first period in which the operand was ja.
    @inline(__always)
    public static func ever(previous: Int64?, _ a: Int64) -> Int64 {
        if let previous {
            if previous == failed { return failed }
            if previous != 0 { return 1 }
        }
        if a == failed { return failed }
        return a != 0 ? 1 : 0
    }
}

extension ValueSemantics {
    /// A benefit's payment for a month: its payment rules less its deduction
    /// rules, never below zero, rounded to the cent (half away from zero).
    @inline(__always)
    public static func payment(gross: Int64, deducted: Int64) -> Int64 {
        if gross == failed || deducted == failed { return failed }
        return Fixed(raw: max(0, gross - deducted)).rounded(.halfAwayFromZero).raw
    }

    /// A declaration's computed value as it is kept: bounded by a billion,
    /// then rounded where the declaration says so. The mark when it is above a
    /// billion (rounding a bounded value cannot overflow).
    @inline(__always)
    public static func settle(_ v: Int64, rounding: Rounding?, unit: Int64) -> Int64 {
        let bounded = bound(v)
        guard let rounding, bounded != failed else { return bounded }
        return round(bounded, unit: unit, rounding)
    }

    /// `settle` for a column of values: one loop per unit and rounding, so each
    /// loop divides by a constant (a multiplication, not a division instruction).
    public static func settle(_ values: UnsafeMutablePointer<Int64>, _ count: Int, rounding: Rounding, unit: Int64) {
        @inline(__always)
        func loop(unit: Int64, _ rounding: Rounding) {
            // `settle` itself, with the unit and rounding fixed for the loop.
            for c in 0..<count { values[c] = round(bound(values[c]), unit: unit, rounding) }
        }
        let cents = unit == 10_000
        switch rounding {
        case .halfAwayFromZero: cents ? loop(unit: 10_000, .halfAwayFromZero) : loop(unit: Fixed.scale, .halfAwayFromZero)
        case .down: cents ? loop(unit: 10_000, .down) : loop(unit: Fixed.scale, .down)
        case .up: cents ? loop(unit: 10_000, .up) : loop(unit: Fixed.scale, .up)
        case .towardZero: cents ? loop(unit: 10_000, .towardZero) : loop(unit: Fixed.scale, .towardZero)
        }
    }
}
