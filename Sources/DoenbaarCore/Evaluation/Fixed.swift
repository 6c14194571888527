/// Exact decimal arithmetic for amounts, percentages and counts: an Int64 of
/// millionths. Euro amounts keep six decimals while a calculation runs and are
/// rounded to whole cents where a declaration says so (see `Rounding`); nothing
/// here uses floating point.
public struct Fixed: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var raw: Int64
    public static let scale: Int64 = 1_000_000
    public static let zero = Fixed(raw: 0)

    public init(raw: Int64) { self.raw = raw }
    public init(integer: Int) { raw = Int64(integer) * Fixed.scale }
    public init(cents: Int64) { raw = cents * 10_000 }

    public static func < (a: Fixed, b: Fixed) -> Bool { a.raw < b.raw }

    /// Cents, rounded half away from zero (for display of an unrounded value).
    public var cents: Int64 { Fixed.divide(raw, 10_000, .halfAwayFromZero) }

    public func rounded(_ rounding: Rounding, unit: Int64 = 10_000) -> Fixed {
        Fixed(raw: Fixed.divide(raw, unit, rounding) * unit)
    }

    /// Integer division with an explicit rounding rule.
    @inline(__always)
    public static func divide(_ a: Int64, _ b: Int64, _ rounding: Rounding) -> Int64 {
        let q = a / b, r = a % b
        if r == 0 { return q }
        let negative = (a < 0) != (b < 0)
        switch rounding {
        case .down: return negative ? q - 1 : q          // toward minus infinity
        case .up: return negative ? q : q + 1            // toward plus infinity
        case .towardZero: return q
        case .halfAwayFromZero:
            let twice = r.magnitude * 2
            if twice >= b.magnitude { return negative ? q - 1 : q + 1 }
            return q
        }
    }

    public var description: String { format(decimals: nil) }

    /// Dutch notation with a decimal comma; `decimals: nil` trims trailing zeros.
    public func format(decimals: Int?) -> String {
        let negative = raw < 0
        let magnitude = raw.magnitude
        let whole = magnitude / UInt64(Fixed.scale)
        var frac = String(magnitude % UInt64(Fixed.scale))
        frac = String(repeating: "0", count: 6 - frac.count) + frac
        if let decimals {
            frac = String(frac.prefix(decimals))
        } else {
            while frac.last == "0" { frac.removeLast() }
        }
        let sign = negative && (whole != 0 || frac.contains { $0 != "0" }) ? "-" : ""
        return frac.isEmpty ? "\(sign)\(whole)" : "\(sign)\(whole),\(frac)"
    }
}

public enum Rounding: String, Sendable, Hashable {
    case halfAwayFromZero = "rekenkundig"
    case down = "naar beneden"
    case up = "naar boven"
    case towardZero = "naar nul"
}

/// Checked arithmetic on raw Fixed values; overflow is reported, never trapped.
public enum FixedMath {
    public static func add(_ a: Int64, _ b: Int64) -> Int64? {
        let (v, o) = a.addingReportingOverflow(b)
        return o ? nil : v
    }
    public static func subtract(_ a: Int64, _ b: Int64) -> Int64? {
        let (v, o) = a.subtractingReportingOverflow(b)
        return o ? nil : v
    }
    /// (a * b) / scale, rounded half away from zero, through a 128-bit product.
    @inline(__always)
    public static func multiply(_ a: Int64, _ b: Int64) -> Int64? {
        let product = a.multipliedFullWidth(by: b)
        return divideWide(high: product.high, low: product.low, by: Fixed.scale)
    }
    /// (a * scale) / b, rounded half away from zero.
    @inline(__always)
    public static func divide(_ a: Int64, _ b: Int64) -> Int64? {
        guard b != 0 else { return nil }
        let product = a.multipliedFullWidth(by: Fixed.scale)
        return divideWide(high: product.high, low: product.low, by: b)
    }

    /// Inlined, so that a divisor known where it is called (the scale) is divided
    /// by without a division instruction.
    @inline(__always)
    private static func divideWide(high: Int64, low: UInt64, by d: Int64) -> Int64? {
        let negative = (high < 0) != (d < 0)
        // Magnitude of the 128-bit numerator.
        var hi = UInt64(bitPattern: high), lo = low
        if high < 0 {
            lo = ~lo &+ 1
            hi = ~hi &+ (lo == 0 ? 1 : 0)
        }
        let dm = d.magnitude
        guard hi < dm else { return nil }
        // Most numerators fit in 64 bits: one plain division, not a 128-bit one.
        let (q, r) = hi == 0 ? (lo / dm, lo % dm) : dm.dividingFullWidth((hi, lo))
        var quotient = q
        if r.multipliedReportingOverflow(by: 2).partialValue >= dm || r > dm / 2 { quotient += 1 }
        guard quotient <= UInt64(Int64.max) else { return nil }
        return negative ? -Int64(quotient) : Int64(quotient)
    }
}
