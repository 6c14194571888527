/// The values an instruction can give, as an interval of raw values (the mark
/// left out), a step every value is a multiple of, and whether it can give the mark.
struct RangeAnalysis {
    struct Bounds {
        var low: Int128
        var high: Int128
        var mayFail: Bool
        /// Every value is a multiple of it (0: every value is zero; 1: nothing known).
        var step: Int128 = 1

        /// Any value, or the mark.
        static let anything = Bounds(low: Int128(Int64.min) + 1, high: Int128(Int64.max), mayFail: true)
        static let truth = Bounds(low: 0, high: 1, mayFail: false)

        /// The same interval, failing where one of `operands` may.
        func failing(with operands: Bounds...) -> Bounds {
            Bounds(low: low, high: high, mayFail: mayFail || operands.contains { $0.mayFail }, step: step)
        }

        /// As an operation's result: where the interval leaves the values an Int64 holds
        /// besides the mark, the operation overflows, and may give anything.
        var checked: Bounds {
            low < Int128(Int64.min) + 1 || high > Int128(Int64.max) ? .anything : self
        }

        func union(_ other: Bounds) -> Bounds {
            Bounds(low: min(low, other.low), high: max(high, other.high), mayFail: mayFail || other.mayFail,
                   step: RangeAnalysis.gcd(step, other.step))
        }
    }

    /// The greatest common divisor of two steps (gcd(x, 0) = x: a zero is a multiple of anything).
    static func gcd(_ a: Int128, _ b: Int128) -> Int128 {
        var (x, y) = (a.magnitude, b.magnitude)
        while y != 0 { (x, y) = (y, x % y) }
        return Int128(x)
    }

    private let plan: Plan
    private let program: Program
    private let firstDay: Int32
    private let inputs: [ClosedRange<Int64>]?
    private let inputSteps: [Int64]?
    private let inputsFromStart: Bool
    private enum State { case unknown, visiting, known(Bounds) }
    private var expressions: [State]
    /// Per slot: its values as computed (before settling), and as kept.
    private var computed: [State]
    private var kept: [State]

    /// - Parameter inputSteps: per input, a step every raw value of its column is a multiple of (its unit; nil: unknown).
    init(plan: Plan, firstDay: Int32, inputs: [ClosedRange<Int64>]?, inputSteps: [Int64]? = nil, inputsFromStart: Bool) {
        self.plan = plan
        program = plan.program
        self.firstDay = firstDay
        self.inputs = inputs
        self.inputSteps = inputSteps
        self.inputsFromStart = inputsFromStart
        expressions = Array(repeating: .unknown, count: program.codeCount)
        computed = Array(repeating: .unknown, count: plan.slotCount)
        kept = Array(repeating: .unknown, count: plan.slotCount)
    }

    mutating func bounds(_ e: Program.Expression) -> Bounds {
        guard e >= 0 else { return .anything }
        return memoised(\.expressions, Int(e)) { $0.decide($0.program.code[Int(e)]) }
    }

    /// A table's entry, worked out once; one met again while it is being worked out
    /// (a cycle through declarations) may be anything.
    private mutating func memoised(_ table: WritableKeyPath<RangeAnalysis, [State]>, _ k: Int,
                                   _ work: (inout RangeAnalysis) -> Bounds) -> Bounds {
        switch self[keyPath: table][k] {
        case .known(let b): return b
        case .visiting: return .anything
        case .unknown: break
        }
        self[keyPath: table][k] = .visiting
        let result = work(&self)
        self[keyPath: table][k] = .known(result)
        return result
    }

    mutating func settling(_ slot: Int) -> RangeProof.Settling {
        let b = computedBounds(slot)
        let limit = Int128(ValueSemantics.maximumMagnitude)
        guard b.low >= -limit && b.high <= limit else { return .checked }
        return b.mayFail ? .inBounds : .proven
    }

    /// What is known of an instruction's operands and values (`RangeProof.Known`).
    mutating func known(_ e: Program.Expression) -> RangeProof.Known {
        let i = program.code[Int(e)]
        var known: RangeProof.Known = []
        let values = bounds(e)
        if values.low >= 0 && values.high <= 1 { known.insert(.zeroOrOne) }
        switch i.op {
        case .multiply:
            let a = bounds(i.a), b = bounds(i.b)
            if a.low >= 0 && b.low >= 0 { known.insert(.operandsNonNegative) }
            if Self.exact(a, b) { known.insert(.exactProduct) }
        case .round:
            if bounds(i.a).low >= 0 { known.insert(.operandsNonNegative) }
        case .compare:
            // Both ways round, and one less: a <= b is a - b - 1 < 0.
            let a = bounds(i.a), b = bounds(i.b), lowest = Int128(Int64.min), highest = Int128(Int64.max)
            if a.low - b.high - 1 >= lowest, b.low - a.high - 1 >= lowest, a.high - b.low <= highest, b.high - a.low <= highest {
                known.insert(.differenceFits)
            }
        default:
            break
        }
        return known
    }

    /// Whether every product of values of `a` and `b` is a whole multiple of the scale (the steps
    /// multiply to one), so that its division by the scale leaves nothing to round.
    private static func exact(_ a: Bounds, _ b: Bounds) -> Bool { (a.step * b.step) % scale == 0 }

    mutating func computedNonNegative(_ slot: Int) -> Bool { computedBounds(slot).low >= 0 }

    /// Whether a slot that rounds computes only multiples of its unit, so that rounding changes no value.
    mutating func computedWhole(_ slot: Int) -> Bool {
        plan.slots[slot].rounding != nil && computedBounds(slot).step % Int128(plan.slots[slot].roundingUnit) == 0
    }

    private static let scale = Int128(Fixed.scale)

    private mutating func decide(_ i: Program.Instruction) -> Bounds {
        switch i.op {
        case .constant:
            return i.immediate == ValueSemantics.failed ? .anything
                : Bounds(low: Int128(i.immediate), high: Int128(i.immediate), mayFail: false, step: Int128(i.immediate))
        case .parameterOfMonth, .parameterOfDay:
            let values = program.ruleSet.parameters[Int(i.a)].values
            guard let first = values.first else { return .anything }
            let raws = values.map { Int128($0.raw) }
            // Without a value before its first date: the mark on the days of the range before it.
            return Bounds(low: raws.min()!, high: raws.max()!, mayFail: first.from.dayNumber > firstDay, step: raws.reduce(0, Self.gcd))
        case .valueOfMonth, .monthValueOfDay, .valueOfDay:
            return keptBounds(Int(i.a))
        case .referenceDateOfMonth:
            return Bounds(low: Int128(ValueSemantics.supportedDays.lowerBound), high: Int128(ValueSemantics.supportedDays.upperBound), mayFail: false)
        case .inputOfMonth, .inputOfDay:
            guard let inputs else { return .anything }
            let r = inputs[Int(i.a)]
            return Bounds(low: Int128(r.lowerBound), high: Int128(r.upperBound), mayFail: !inputsFromStart,
                          step: Int128(inputSteps?[Int(i.a)] ?? 1))
        case .benefitOfMonth, .benefitOfDay, .constantFact, .monthFactOfMonth, .monthFactOfDay, .dayFact, .totalSince,
             .year, .monthOf, .yearStart, .daysBetween, .monthsBetween, .plusMonths, .blockEnd, .addDays, .addMonths,
             .dateDifference, .valueOn:
            // Facts may be missing, payments and dates are not followed: anything.
            return .anything
        case .negate:
            let a = bounds(i.a)
            return Bounds(low: -a.high, high: -a.low, mayFail: a.mayFail, step: a.step).checked
        case .not, .ever:
            return Bounds.truth.failing(with: bounds(i.a))
        case .and, .or, .compare:
            return Bounds.truth.failing(with: bounds(i.a), bounds(i.b))
        case .select:
            let c = bounds(i.a)
            return bounds(i.b).union(bounds(i.c)).failing(with: c)
        case .add:
            let a = bounds(i.a), b = bounds(i.b)
            return Bounds(low: a.low + b.low, high: a.high + b.high, mayFail: a.mayFail || b.mayFail, step: Self.gcd(a.step, b.step)).checked
        case .subtract:
            let a = bounds(i.a), b = bounds(i.b)
            return Bounds(low: a.low - b.high, high: a.high - b.low, mayFail: a.mayFail || b.mayFail, step: Self.gcd(a.step, b.step)).checked
        case .multiply:
            return multiply(bounds(i.a), bounds(i.b))
        case .divide:
            return divide(bounds(i.a), bounds(i.b))
        case .round:
            // Rounding moves a value by less than its unit, to a multiple of it.
            let a = bounds(i.a), unit = Int128(i.immediate)
            return Bounds(low: a.low - unit, high: a.high + unit, mayFail: a.mayFail, step: unit).checked
        case .minimum, .maximum:
            var result = bounds(program.lists[Int(i.a)])
            for k in 1..<max(1, Int(i.b)) {
                let b = bounds(program.lists[Int(i.a) + k])
                let step = Self.gcd(result.step, b.step)
                result = i.op == .minimum
                    ? Bounds(low: min(result.low, b.low), high: min(result.high, b.high), mayFail: result.mayFail || b.mayFail, step: step)
                    : Bounds(low: max(result.low, b.low), high: max(result.high, b.high), mayFail: result.mayFail || b.mayFail, step: step)
            }
            return result
        case .sumInMonth, .daysInMonth:
            return total(bounds(i.a), terms: 31, counting: i.op == .daysInMonth)
        case .yearToDateOfMonth:
            return total(bounds(i.a), terms: 12, counting: i.immediate == 1)
        case .yearToDateOfDay:
            return total(bounds(i.a), terms: 366, counting: i.immediate == 1)
        }
    }

    /// `FixedMath.multiply`: the product of the extremes, divided by the scale and
    /// rounded (which keeps the order). Proven only where every product fits in 64 bits,
    /// as the loop without checks computes it.
    private func multiply(_ a: Bounds, _ b: Bounds) -> Bounds {
        let corners = [a.low * b.low, a.low * b.high, a.high * b.low, a.high * b.high]
        let low = corners.min()!, high = corners.max()!
        guard low >= Int128(Int64.min) + 1, high <= Int128(Int64.max) else { return .anything }
        // An exact product's values are multiples of the product of the steps, divided by the scale.
        return Bounds(low: Self.roundedQuotient(low, Self.scale), high: Self.roundedQuotient(high, Self.scale),
                      mayFail: a.mayFail || b.mayFail, step: Self.exact(a, b) ? a.step * b.step / Self.scale : 1)
    }

    /// `FixedMath.divide`: proven only for a divisor that cannot be zero (so not of
    /// both signs) and a dividend whose millionfold fits in 64 bits. With the divisor
    /// of one sign the quotient is monotonic in both operands: its extremes are at the corners.
    private func divide(_ a: Bounds, _ b: Bounds) -> Bounds {
        guard b.low > 0 || b.high < 0 else { return .anything }
        let nLow = a.low * Self.scale, nHigh = a.high * Self.scale
        guard nLow >= Int128(Int64.min) + 1, nHigh <= Int128(Int64.max) else { return .anything }
        let corners = [Self.roundedQuotient(nLow, b.low), Self.roundedQuotient(nLow, b.high),
                       Self.roundedQuotient(nHigh, b.low), Self.roundedQuotient(nHigh, b.high)]
        return Bounds(low: corners.min()!, high: corners.max()!, mayFail: a.mayFail || b.mayFail)
    }

    /// A running total of at most `terms` periods: between the sum of that many of the
    /// smallest and of the largest terms, and zero (no period yet).
    private func total(_ a: Bounds, terms: Int128, counting: Bool) -> Bounds {
        let term = counting ? Bounds(low: 0, high: Self.scale, mayFail: a.mayFail, step: Self.scale) : a
        return Bounds(low: min(0, term.low * terms), high: max(0, term.high * terms), mayFail: term.mayFail, step: term.step).checked
    }

    /// n / d rounded down (d > 0).
    private static func floorDivide(_ n: Int128, _ d: Int128) -> Int128 {
        let q = n / d
        return n % d != 0 && n < 0 ? q - 1 : q
    }

    /// n / d rounded half away from zero, as `FixedMath` rounds.
    private static func roundedQuotient(_ n: Int128, _ d: Int128) -> Int128 {
        let q = n / d, r = n % d
        guard r != 0, 2 * r.magnitude >= d.magnitude else { return q }
        return (n < 0) != (d < 0) ? q - 1 : q + 1
    }

    /// A slot's values as its alternatives compute them: the union of their bodies,
    /// and zero where none may apply; failing where a condition or body may.
    private mutating func computedBounds(_ slot: Int) -> Bounds {
        memoised(\.computed, slot) { $0.alternativesBounds(slot) }
    }

    private mutating func alternativesBounds(_ slot: Int) -> Bounds {
        let s = plan.slots[slot]
        var result: Bounds?
        var alwaysApplies = false
        for k in s.firstAlternative..<(s.firstAlternative + s.alternativeCount) {
            let a = plan.alternatives[k]
            let body = bounds(a.body)
            result = result.map { $0.union(body) } ?? body
            if a.condition >= 0 {
                result = result!.failing(with: bounds(a.condition))
            } else if a.validFrom <= firstDay && a.validUntil == Int32.max {
                alwaysApplies = true
            }
        }
        let zero = Bounds(low: 0, high: 0, mayFail: false, step: 0)
        return alwaysApplies ? result! : result.map { $0.union(zero) } ?? zero
    }

    /// A slot's values as kept: bounded by a billion (beyond it, the mark), then
    /// rounded to its unit where the declaration rounds.
    private mutating func keptBounds(_ slot: Int) -> Bounds {
        memoised(\.kept, slot) { $0.settledBounds(slot) }
    }

    private mutating func settledBounds(_ slot: Int) -> Bounds {
        let b = computedBounds(slot)
        let limit = Int128(ValueSemantics.maximumMagnitude)
        var result = Bounds(low: max(b.low, -limit), high: min(b.high, limit), mayFail: b.mayFail || b.low < -limit || b.high > limit, step: b.step)
        if result.low > result.high { result = Bounds(low: 0, high: 0, mayFail: true, step: 0) }
        let s = plan.slots[slot]
        if s.rounding != nil, result.step % Int128(s.roundingUnit) != 0 {
            // Rounding keeps the order and each multiple of the unit as it is: it gives multiples
            // of the unit from the one at or below the lowest value to the one at or above the highest.
            let unit = Int128(s.roundingUnit)
            result.low = Self.floorDivide(result.low, unit) * unit
            result.high = -Self.floorDivide(-result.high, unit) * unit
            result.step = unit
        }
        return result
    }
}
