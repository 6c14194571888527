/// The operations of `ValueSemantics` for operands proven not to be the mark,
/// and for results proven to fit (`RangeProof`): the same values, without the
/// checks. Each rounds as its checked form does, half away from zero.
extension ValueSemantics {
    /// `multiply` where the product itself fits in 64 bits.
    @inline(__always)
    static func multiplyProven(_ a: Int64, _ b: Int64) -> Int64 {
        halfAwayFromZero(a &* b, by: Fixed.scale)
    }

    /// `multiply` where the product fits and neither operand is negative: half
    /// away from zero is half up, one unsigned division by a constant.
    @inline(__always)
    static func multiplyProvenNonNegative(_ a: Int64, _ b: Int64) -> Int64 {
        Int64(bitPattern: (UInt64(bitPattern: a &* b) &+ UInt64(Fixed.scale / 2)) / UInt64(Fixed.scale))
    }

    /// `multiply` where the product fits and is a whole multiple of the scale (`RangeProof.Known.exactProduct`):
    /// nothing to round, so the division is exact, which is a shift by the scale's six factors of two
    /// and a multiplication by the inverse of its odd part, 15.625, modulo 2^64.
    @inline(__always)
    static func multiplyProvenExact(_ a: Int64, _ b: Int64) -> Int64 {
        ((a &* b) >> 6) &* inverseOfOddScale
    }

    /// 15.625 times this is 1 modulo 2^64 (`ValueSemanticsTests` checks it); 10^6 = 2^6 * 15.625.
    static var inverseOfOddScale: Int64 { 0x790F_B656_68C2_6139 }

    /// `multiplyProvenExact` rounded half up to cents, for a product never negative: one
    /// division of the product, where the product's division and the rounding took two.
    @inline(__always)
    static func centsOfExactProduct(_ a: Int64, _ b: Int64) -> Int64 {
        Int64(bitPattern: (UInt64(bitPattern: a &* b) &+ 5_000_000_000) / 10_000_000_000 &* 10_000)
    }

    /// `divide` where the divisor is not zero and the dividend's millionfold fits in 64 bits.
    @inline(__always)
    static func divideProven(_ a: Int64, _ b: Int64) -> Int64 {
        let n = a &* Fixed.scale
        let q = n / b, r = n % b
        // |r| at least half of |b|: one further from zero, in the sign of the quotient.
        guard r.magnitude &* 2 >= b.magnitude else { return q }
        return (n < 0) != (b < 0) ? q &- 1 : q &+ 1
    }

    /// n / d (d > 0) rounded half away from zero; a constant d makes it a multiplication.
    @inline(__always)
    static func halfAwayFromZero(_ n: Int64, by d: Int64) -> Int64 {
        let q = n / d, r = n &- q &* d
        return q &+ (r &+ r >= d ? 1 : 0) &- (r &+ r <= -d ? 1 : 0)
    }

    /// `round` where neither the value nor its rounding can leave 64 bits.
    @inline(__always)
    static func roundProven(_ a: Int64, unit: Int64, _ rounding: Rounding) -> Int64 {
        rounding == .halfAwayFromZero ? halfAwayFromZero(a, by: unit) &* unit : Fixed.divide(a, unit, rounding) &* unit
    }

    /// `roundProven` half away from zero of a value never negative: half up, one unsigned
    /// division (by a constant where the unit is known where it is called).
    @inline(__always)
    static func roundHalfUpProven(_ a: Int64, unit: UInt64) -> Int64 {
        Int64(bitPattern: (UInt64(bitPattern: a) &+ unit / 2) / unit &* unit)
    }

    /// Rounds a column of values proven neither the mark nor near the ends of
    /// 64 bits: one loop per unit and rounding, as `settle`; values never
    /// negative rounded half up by one unsigned division.
    static func roundProven(_ values: UnsafeMutablePointer<Int64>, _ count: Int, unit: Int64, _ rounding: Rounding, nonNegative: Bool = false) {
        @inline(__always)
        func loop(unit: Int64, _ rounding: Rounding) {
            for c in 0..<count { values[c] = roundProven(values[c], unit: unit, rounding) }
        }
        @inline(__always)
        func halfUp(unit: UInt64) {
            for c in 0..<count { values[c] = roundHalfUpProven(values[c], unit: unit) }
        }
        if nonNegative && rounding == .halfAwayFromZero {
            unit == 10_000 ? halfUp(unit: 10_000) : unit == Fixed.scale ? halfUp(unit: UInt64(Fixed.scale)) : halfUp(unit: UInt64(unit))
            return
        }
        let cents = unit == 10_000, whole = unit == Fixed.scale
        switch rounding {
        case .halfAwayFromZero: cents ? loop(unit: 10_000, .halfAwayFromZero) : whole ? loop(unit: Fixed.scale, .halfAwayFromZero) : loop(unit: unit, .halfAwayFromZero)
        case .down: cents ? loop(unit: 10_000, .down) : whole ? loop(unit: Fixed.scale, .down) : loop(unit: unit, .down)
        case .up: cents ? loop(unit: 10_000, .up) : whole ? loop(unit: Fixed.scale, .up) : loop(unit: unit, .up)
        case .towardZero: cents ? loop(unit: 10_000, .towardZero) : whole ? loop(unit: Fixed.scale, .towardZero) : loop(unit: unit, .towardZero)
        }
    }
}
