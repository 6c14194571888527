/// Which monthly declarations of an input run have the same value in every
/// month of its range, in every lane: those that read only constants, inputs
/// per person (not per month), parameters whose value does not change within
/// the range, and other such declarations, through alternatives valid for the
/// whole range. A view computes such a declaration once, for the first month
/// that asks, and every month reads that column (`LaneFrame.allocate`): the
/// benchmark's `maandloon` (21,75 times the day wage) and Wajong base are a
/// person's, not a month's.
///
/// The same holds for an expression inside a declaration that varies: the
/// benchmark's `inkomensgrens_einde * maandloon` is computed once per view
/// where it was computed every month (`analyse`, `LaneFrame.invariant`).
///
/// A fact can change from month to month, so whatever reads one varies: that keeps
/// the analysis sound for a persona's run too (`LaneBlock.frame`), where it finds the
/// declarations of constants and parameters alone. The analysis is conservative: a
/// running total, a payment, a date, an input per month or a cycle varies.
struct RangeInvariance {
    private let plan: Plan
    /// Per parameter: whether its value is the same on the first day of every month of the range.
    private let parameterFixed: [Bool]
    /// The first and the last day of the range, as day numbers.
    private let firstDay: Int32, lastDay: Int32
    private var expressions: ProgramWalkMemo
    private var values: ProgramWalkMemo

    /// In one walk over the plan: per slot, whether it is monthly and the same in every month of
    /// the range; per instruction of the program, whether it computes something (it is not a
    /// constant, nor a value read where it is kept) that is the same in every month and day of
    /// the range, in every lane.
    static func analyse(_ plan: Plan, range: EvaluationRange) -> (slots: [Bool], expressions: [Bool]) {
        var analysis = RangeInvariance(plan: plan, range: range)
        let slots = (0..<plan.slotCount).map { plan.slots[$0].periodicity == .month && analysis.sameValue($0) }
        let expressions = (0..<plan.program.codeCount).map { e in
            switch plan.program.code[e].op {
            case .constant, .parameterOfMonth, .valueOfMonth, .inputOfMonth: return false
            default: return analysis.same(Program.Expression(e))
            }
        }
        return (slots, expressions)
    }

    private init(plan: Plan, range: EvaluationRange) {
        self.plan = plan
        firstDay = range.firstDay.dayNumber
        lastDay = range.lastMonth.last.dayNumber
        let lastMonthStart = range.lastMonth.first.dayNumber
        // A value that starts after the first day and by the last month's first day changes the month's value.
        parameterFixed = plan.ruleSet.parameters.map { p in
            !p.values.contains { $0.from.dayNumber > range.firstDay.dayNumber && $0.from.dayNumber <= lastMonthStart }
        }
        expressions = ProgramWalkMemo(count: plan.program.codeCount)
        values = ProgramWalkMemo(count: plan.slotCount)
    }

    private mutating func same(_ e: Program.Expression) -> Bool {
        guard e >= 0 else { return true }
        if let known = expressions.known(Int(e)) { return known }
        return expressions.answer(Int(e), decide(plan.program.code[Int(e)]))
    }

    private mutating func decide(_ i: Program.Instruction) -> Bool {
        switch i.op {
        case .constant:
            return true
        case .parameterOfMonth:
            return parameterFixed[Int(i.a)]
        case .inputOfMonth:
            return plan.ruleSet.inputs[Int(i.a)].periodicity != .month
        case .valueOfMonth:
            return plan.slots[Int(i.a)].periodicity == .month && sameValue(Int(i.a))
        case .negate, .not, .round:
            return same(i.a)
        case .and, .or, .compare, .add, .subtract, .multiply, .divide:
            return same(i.a) && same(i.b)
        case .select:
            return same(i.a) && same(i.b) && same(i.c)
        case .minimum, .maximum:
            return (0..<Int(i.b)).allSatisfy { same(plan.program.lists[Int(i.a) + $0]) }
        // Days, dates, facts, payments, running totals, and a month's own date: they vary,
        // or are not worth showing that they do not.
        case .parameterOfDay, .monthValueOfDay, .valueOfDay, .benefitOfMonth, .benefitOfDay, .constantFact,
             .monthFactOfMonth, .monthFactOfDay, .dayFact, .referenceDateOfMonth, .inputOfDay, .addDays, .addMonths,
             .dateDifference, .sumInMonth, .daysInMonth, .yearToDateOfMonth, .yearToDateOfDay, .totalSince, .year,
             .monthOf, .yearStart, .daysBetween, .monthsBetween, .plusMonths, .blockEnd, .ever, .valueOn:
            return false
        }
    }

    /// Whether a monthly declaration is the same in every month: every alternative valid for
    /// the whole range, with a condition and a body that are.
    private mutating func sameValue(_ slot: Int) -> Bool {
        if let known = values.known(slot) { return known }
        let s = plan.slots[slot]
        var result = true
        for k in s.firstAlternative..<(s.firstAlternative + s.alternativeCount) where result {
            let a = plan.alternatives[k]
            result = a.validFrom <= firstDay && a.validUntil > lastDay && same(a.condition) && same(a.body)
        }
        return values.answer(slot, result)
    }
}
