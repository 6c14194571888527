import DoenbaarCore
import Testing

/// `FixedMath.multiply` and `divide` against the same arithmetic written out in
/// 128 bits: a product or numerator that fits in 64 bits takes a shorter way
/// through the division, and must give the same value and fail the same way.
@Suite struct FixedMathTests {
    /// (n / d) rounded half away from zero, or nil outside Int64 (whose smallest
    /// value is the failure mark, never a value).
    static func reference(_ n: Int128, _ d: Int128) -> Int64? {
        let q = n / d, r = n % d
        var rounded = q
        if r != 0, r.magnitude * 2 >= d.magnitude { rounded += (n < 0) != (d < 0) ? -1 : 1 }
        guard rounded > Int128(Int64.min) else { return nil }
        return Int64(exactly: rounded)
    }

    static let edges: [Int64] = [
        0, 1, -1, 499_999, 500_000, -500_000, 500_001, 999_999, 1_000_000, -1_000_000,
        3_037_000_499, -3_037_000_499, 3_037_000_500, 1 << 31, 1 << 32, (1 << 62) + 1,
        Int64.max, Int64.max - 1, Int64.min + 1, -(1 << 53), 1_000_000_000_000_000,
    ]

    /// Values of every magnitude, deterministic: a varying shift brings up small and large ones alike.
    struct Numbers {
        var generator: SplitMix64
        init(seed: UInt64) { generator = SplitMix64(seed: seed) }
        mutating func next() -> Int64 {
            let z = generator.next()
            return Int64(bitPattern: z) >> (z % 63)
        }
    }

    @Test func aProductIsTheRoundedQuotientOfTheFullProduct() {
        var numbers = Numbers(seed: 1)
        let pairs = Self.edges.flatMap { a in Self.edges.map { (a, $0) } } + (0..<200_000).map { _ in (numbers.next(), numbers.next()) }
        for (a, b) in pairs {
            let expected = Self.reference(Int128(a) * Int128(b), Int128(Fixed.scale))
            #expect(FixedMath.multiply(a, b) == expected, "\(a) × \(b)")
        }
    }

    @Test func aQuotientIsTheRoundedQuotientOfTheScaledNumerator() {
        var numbers = Numbers(seed: 2)
        let pairs = Self.edges.flatMap { a in Self.edges.map { (a, $0) } } + (0..<200_000).map { _ in (numbers.next(), numbers.next()) }
        for (a, b) in pairs {
            let expected = b == 0 ? nil : Self.reference(Int128(a) * Int128(Fixed.scale), Int128(b))
            #expect(FixedMath.divide(a, b) == expected, "\(a) / \(b)")
        }
    }
}
