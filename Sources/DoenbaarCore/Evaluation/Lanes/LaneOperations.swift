/// The operations of the loops without checks (`Program.evaluateProven`): each a type, so that
/// a loop generic over it gets the arithmetic inlined, one loop per operation.

/// An operation on two values proven not to be the mark, whose result is proven to fit.
protocol LaneOperation { static func apply(_ a: Int64, _ b: Int64) -> Int64 }
/// A sum or difference, also of four lanes at once.
protocol LaneSum: LaneOperation { static func apply(_ a: SIMD4<Int64>, _ b: SIMD4<Int64>) -> SIMD4<Int64> }
/// An operand read a lane or four lanes at a time: its cells, or one value.
protocol LaneQuads {
    subscript(_ l: Int) -> Int64 { get }
    func quad(_ l: Int) -> SIMD4<Int64>
}
/// What is done with a value at the end of a pass: nothing, or rounding it to cents as
/// `ValueSemantics.roundProven` does (half up for a value never negative).
protocol LaneRounding { static func apply(_ x: Int64) -> Int64 }
/// What a period adds to a running total proven not to fail (`ValueSemantics.term` without the mark).
protocol LaneTerm { static func of(_ a: Int64) -> Int64 }
/// How a pass reads a truth: 1 where it holds, 0 elsewhere (and a mask of all ones where it holds).
protocol LaneTruth { static func truth(_ c: Int64) -> Int64 }
extension LaneTruth {
    @inline(__always) static func mask(_ c: Int64) -> Int64 { 0 &- truth(c) }
}

/// The operations themselves, in a namespace of their own.
enum LaneOp {
    enum Add: LaneSum {
        @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { a &+ b }
        @inline(__always) static func apply(_ a: SIMD4<Int64>, _ b: SIMD4<Int64>) -> SIMD4<Int64> { a &+ b }
    }
    enum Subtract: LaneSum {
        @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { a &- b }
        @inline(__always) static func apply(_ a: SIMD4<Int64>, _ b: SIMD4<Int64>) -> SIMD4<Int64> { a &- b }
    }
    struct CellQuads: LaneQuads {
        let cells: UnsafePointer<Int64>
        @inline(__always) subscript(_ l: Int) -> Int64 { cells[l] }
        @inline(__always) func quad(_ l: Int) -> SIMD4<Int64> { UnsafeRawPointer(cells + l).loadUnaligned(as: SIMD4<Int64>.self) }
    }
    struct ValueQuads: LaneQuads {
        let value: Int64
        @inline(__always) subscript(_ l: Int) -> Int64 { value }
        @inline(__always) func quad(_ l: Int) -> SIMD4<Int64> { SIMD4(repeating: value) }
    }
    enum Multiply: LaneOperation {
        @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { ValueSemantics.multiplyProven(a, b) }
    }
    enum MultiplyNonNegative: LaneOperation {
        @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { ValueSemantics.multiplyProvenNonNegative(a, b) }
    }
    enum MultiplyExact: LaneOperation {
        @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { ValueSemantics.multiplyProvenExact(a, b) }
    }
    enum ExactProductInCents: LaneOperation {
        @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { ValueSemantics.centsOfExactProduct(a, b) }
    }
    enum Divide: LaneOperation { @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { ValueSemantics.divideProven(a, b) } }
    enum Equal: LaneOperation { @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { a == b ? 1 : 0 } }
    enum NotEqual: LaneOperation { @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { a != b ? 1 : 0 } }
    enum Less: LaneOperation { @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { a < b ? 1 : 0 } }
    enum LessEqual: LaneOperation { @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { a <= b ? 1 : 0 } }
    enum Greater: LaneOperation { @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { a > b ? 1 : 0 } }
    enum GreaterEqual: LaneOperation { @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { a >= b ? 1 : 0 } }
    /// An operation whose result is then rounded to cents, as `ValueSemantics.roundProven` does.
    enum CentsHalfAwayFromZero<Op: LaneOperation>: LaneOperation {
        @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 {
            ValueSemantics.roundProven(Op.apply(a, b), unit: 10_000, .halfAwayFromZero)
        }
    }
    /// The same for a result never negative (`ValueSemantics.roundHalfUpProven`).
    enum CentsHalfUp<Op: LaneOperation>: LaneOperation {
        @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { ValueSemantics.roundHalfUpProven(Op.apply(a, b), unit: 10_000) }
    }
    enum Unrounded: LaneRounding { @inline(__always) static func apply(_ x: Int64) -> Int64 { x } }
    enum CentsAway: LaneRounding {
        @inline(__always) static func apply(_ x: Int64) -> Int64 { ValueSemantics.roundProven(x, unit: 10_000, .halfAwayFromZero) }
    }
    enum CentsUp: LaneRounding { @inline(__always) static func apply(_ x: Int64) -> Int64 { ValueSemantics.roundHalfUpProven(x, unit: 10_000) } }
    /// `a < b` as the sign of `a - b`, and so on, where the difference is proven to fit (`RangeProof.Known.differenceFits`).
    enum LessBySign: LaneOperation { @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { LaneOp.sign(a &- b) } }
    enum GreaterBySign: LaneOperation { @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { LaneOp.sign(b &- a) } }
    enum LessEqualBySign: LaneOperation { @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { LaneOp.sign(a &- b &- 1) } }
    enum GreaterEqualBySign: LaneOperation { @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { LaneOp.sign(b &- a &- 1) } }
    /// 1 for a negative value, 0 otherwise: its sign bit, shifted down.
    @inline(__always) static func sign(_ x: Int64) -> Int64 { Int64(bitPattern: UInt64(bitPattern: x) >> 63) }
    /// Its value (`totaal_dit_jaar` of an amount).
    enum Summed: LaneTerm { @inline(__always) static func of(_ a: Int64) -> Int64 { a } }
    /// One for a ja (a count of months).
    enum Counted: LaneTerm { @inline(__always) static func of(_ a: Int64) -> Int64 { ValueSemantics.term(a, counting: true) } }
    /// Any value but zero holds (`Program.truth`).
    enum AnyTruth: LaneTruth { @inline(__always) static func truth(_ c: Int64) -> Int64 { Program.truth(c) } }
    /// A truth proven to be 0 or 1 (`RangeProof.Known.zeroOrOne`), read as it is.
    enum ZeroOrOne: LaneTruth { @inline(__always) static func truth(_ c: Int64) -> Int64 { c } }
    /// `en` and `of` of two truths (0 or 1).
    enum And: LaneOperation { @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { a & b } }
    enum Or: LaneOperation { @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { a | b } }
    /// `max(0, b)` (the a of `max` is zero): b where its sign bit is clear, zero where it is set,
    /// with a shift and a mask that SSE2 has for 64 bits, where it has no comparison of them.
    enum NotBelowZero: LaneOperation {
        @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { b & Int64(bitPattern: (UInt64(bitPattern: b) >> 63) &- 1) }
    }
    enum Minimum: LaneOperation { @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { Swift.min(a, b) } }
    enum Maximum: LaneOperation { @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { Swift.max(a, b) } }
}
