/// Which instructions of a program cannot fail in one kind of run, proven once
/// from the values their operands can hold: a constant's value, a parameter's
/// values, the range of an input column, a declaration's values (what its
/// alternatives give, bounded and rounded as it is kept). An instruction whose
/// operands cannot carry the failure mark and whose own operation cannot
/// overflow, divide by zero or leave the supported values is evaluated by a loop
/// without checks (`Program.evaluateProven`), which the compiler can keep tight.
///
/// The analysis is conservative: a fact, a payment, a date calculation, a
/// running total since a date, and anything in a cycle may fail and may hold
/// any value. What it cannot prove is evaluated as before, with every check,
/// so the values are the same either way (`RangeProofTests`). An input run and a
/// persona's run without a trace (`LaneBlock.frame`) use it.
final class RangeProof: @unchecked Sendable {
    /// Per instruction of the program: whether it can never give the mark.
    let cannotFail: UnsafeMutablePointer<Bool>
    /// Per slot: how its computed values may be settled (`Settling`).
    let settling: UnsafeMutablePointer<Settling>
    /// Per instruction: what else is known of its operands and values (`Known`).
    let known: UnsafeMutablePointer<Known>
    /// Per slot: whether its computed values are never negative.
    let slotNonNegative: UnsafeMutablePointer<Bool>
    /// Per slot that rounds: whether it computes only multiples of its unit, so that rounding is left out.
    let slotWhole: UnsafeMutablePointer<Bool>
    /// Per slot: whether it is monthly and the same in every month of the range (`RangeInvariance`).
    let sameAllRange: UnsafeMutablePointer<Bool>

    /// What the proof knows of an instruction beyond that it cannot fail: each lets its
    /// pass take a cheaper form with the same values.
    struct Known: OptionSet {
        let rawValue: UInt8
        /// Every operand is never negative: a product or a rounding divides without a correction for the sign.
        static let operandsNonNegative = Known(rawValue: 1)
        /// A product whose every value is a whole multiple of the scale before the division (a cent
        /// amount times a percentage of whole basis points): the division is exact.
        static let exactProduct = Known(rawValue: 2)
        /// A comparison whose operands' difference, and that difference less one, fit in 64 bits: the
        /// sign of the difference decides it. Generic x86-64 vectors (SSE2) compare 64-bit values
        /// only by four operations on halves, but subtract and shift them in one each.
        static let differenceFits = Known(rawValue: 4)
        /// Every value is 0 or 1: a truth that is read as it is.
        static let zeroOrOne = Known(rawValue: 8)
        /// A computation whose values are the same in every month of the range (`RangeInvariance.analyse`):
        /// a view computes it once, for the first month that asks.
        static let sameAllRange = Known(rawValue: 16)
    }

    enum Settling: UInt8 {
        /// Bounded by a billion, then rounded, each with its check.
        case checked
        /// Never above a billion (the mark aside): bounding changes nothing, so a
        /// declaration that does not round is kept as computed.
        case inBounds
        /// Never above a billion and never the mark: rounded without a check, not bounded.
        case proven
    }

    /// - Parameters:
    ///   - range: the months every view of the run covers (its first day decides whether a parameter has a value).
    ///   - inputs: per `invoer` of the rule set, the smallest and largest raw value of its column; nil when
    ///     the run has no columns (a persona's run: an input fails there).
    ///   - inputSteps: per `invoer`, a step every raw value of its column is a multiple of (the column's unit); nil: unknown.
    ///   - inputsFromStart: whether the columns hold every month of the range (else earlier months hold the mark).
    init(plan: Plan, range: EvaluationRange, inputs: [ClosedRange<Int64>]?, inputSteps: [Int64]? = nil, inputsFromStart: Bool) {
        var analysis = RangeAnalysis(plan: plan, firstDay: range.firstDay.dayNumber, inputs: inputs, inputSteps: inputSteps,
                                     inputsFromStart: inputsFromStart)
        let instructionCount = plan.program.codeCount, slotCount = plan.slotCount
        cannotFail = .allocate(capacity: max(1, instructionCount))
        for e in 0..<instructionCount { (cannotFail + e).initialize(to: !analysis.bounds(Program.Expression(e)).mayFail) }
        settling = .allocate(capacity: max(1, slotCount))
        for s in 0..<slotCount { (settling + s).initialize(to: analysis.settling(s)) }
        known = .allocate(capacity: max(1, instructionCount))
        let invariant = RangeInvariance.analyse(plan, range: range)
        for e in 0..<instructionCount {
            var k = analysis.known(Program.Expression(e))
            if invariant.expressions[e] { k.insert(.sameAllRange) }
            (known + e).initialize(to: k)
        }
        slotNonNegative = .allocate(capacity: max(1, slotCount))
        for s in 0..<slotCount { (slotNonNegative + s).initialize(to: analysis.computedNonNegative(s)) }
        slotWhole = .allocate(capacity: max(1, slotCount))
        for s in 0..<slotCount { (slotWhole + s).initialize(to: analysis.computedWhole(s)) }
        sameAllRange = .allocate(capacity: max(1, slotCount))
        sameAllRange.initialize(from: invariant.slots, count: slotCount)
    }

    deinit {
        cannotFail.deallocate()
        settling.deallocate()
        known.deallocate()
        slotNonNegative.deallocate()
        slotWhole.deallocate()
        sameAllRange.deallocate()
    }
}
