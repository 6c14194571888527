/// Which expressions of a program have the same value on every day of any
/// month, in every lane: those that read only constants, facts without days,
/// month values, and parameters whose values change only on the first of a
/// month (directly, or through daily values that are themselves the same all
/// month). A view that computes a daily value for a whole month at once
/// computes such an expression for one day and copies it to the others
/// (`Program.evaluate`): a person's WW access (hours lost, weeks worked) is
/// declared per day but decided by facts about the person, not the day.
///
/// The analysis is conservative: what it cannot show to hold all month (a
/// day's fact such as `peildatum` or `leeftijd`, a running total, a rule
/// valid from the middle of a month, a cycle) is computed day by day.
struct MonthInvariance {
    private let program: Program
    private let slots: UnsafeMutablePointer<Plan.Slot>
    private let alternatives: UnsafeMutablePointer<Plan.CompiledAlternative>
    /// Per parameter: whether each of its values starts on the first of a month.
    private let parameterAligned: [Bool]
    private var expressions: ProgramWalkMemo
    private var values: ProgramWalkMemo

    /// Per instruction of the program: whether its value is the same on every day of a month.
    static func analyse(_ program: Program, slots: UnsafeMutablePointer<Plan.Slot>, slotCount: Int,
                        alternatives: UnsafeMutablePointer<Plan.CompiledAlternative>) -> [Bool] {
        var analysis = MonthInvariance(program: program, slots: slots, alternatives: alternatives, slotCount: slotCount)
        return (0..<program.codeCount).map { analysis.same(Program.Expression($0)) }
    }

    private init(program: Program, slots: UnsafeMutablePointer<Plan.Slot>, alternatives: UnsafeMutablePointer<Plan.CompiledAlternative>, slotCount: Int) {
        self.program = program
        self.slots = slots
        self.alternatives = alternatives
        parameterAligned = program.ruleSet.parameters.map { p in p.values.allSatisfy { MonthInvariance.startsMonth($0.from.dayNumber) } }
        expressions = ProgramWalkMemo(count: program.codeCount)
        values = ProgramWalkMemo(count: slotCount)
    }

    /// Whether a day number is the first of a month (or stands for no bound at all).
    private static func startsMonth(_ day: Int32) -> Bool {
        day == Int32.min || day == Int32.max || CivilDate(dayNumber: day).day == 1
    }

    private mutating func same(_ e: Program.Expression) -> Bool {
        guard e >= 0 else { return true }
        if let known = expressions.known(Int(e)) { return known }
        return expressions.answer(Int(e), decide(program.code[Int(e)]))
    }

    private mutating func decide(_ i: Program.Instruction) -> Bool {
        switch i.op {
        case .constant, .monthValueOfDay, .benefitOfDay, .inputOfDay:
            return true
        case .parameterOfDay:
            return parameterAligned[Int(i.a)]
        case .valueOfDay:
            return sameValue(Int(i.a))
        case .constantFact, .monthFactOfDay:
            // The fact has no value per day; its default (if any) must have none either.
            return same(i.b)
        case .dayFact, .yearToDateOfDay:
            return false
        // Operations of a month's value: never asked for a stretch of days.
        case .parameterOfMonth, .valueOfMonth, .benefitOfMonth, .monthFactOfMonth, .referenceDateOfMonth, .inputOfMonth,
             .sumInMonth, .daysInMonth, .yearToDateOfMonth, .totalSince, .ever:
            return false
        default:
            // Arithmetic, logic, comparisons, dates: as their operands are.
            return program.pointwiseOperands(i)?.allSatisfy { same($0) } ?? false
        }
    }

    /// Whether a daily value is the same all month: every alternative valid
    /// from and until the first of a month, with a condition and a body that are.
    private mutating func sameValue(_ slot: Int) -> Bool {
        if let known = values.known(slot) { return known }
        let s = slots[slot]
        var result = true
        for k in s.firstAlternative..<(s.firstAlternative + s.alternativeCount) where result {
            let a = alternatives[k]
            result = MonthInvariance.startsMonth(a.validFrom) && MonthInvariance.startsMonth(a.validUntil) && same(a.condition) && same(a.body)
        }
        return values.answer(slot, result)
    }
}

extension Program {
    /// The operands of an operation whose value on a day is made from its operands'
    /// values that day alone (arithmetic, logic, comparisons, dates, `min` and `max`, a
    /// parameter's value on a date): it holds one value all month wherever they do
    /// (`MonthInvariance`, `MonthFlatness`). Nil for any other operation, which each
    /// analysis decides itself. No default: a new operation must say.
    func pointwiseOperands(_ i: Instruction) -> [Expression]? {
        switch i.op {
        case .negate, .not, .round, .year, .monthOf, .yearStart:
            return [i.a]
        case .and, .or, .compare, .add, .subtract, .multiply, .divide, .addDays, .addMonths, .dateDifference,
             .daysBetween, .monthsBetween, .plusMonths, .blockEnd:
            return [i.a, i.b]
        case .select:
            return [i.a, i.b, i.c]
        case .minimum, .maximum:
            return (0..<Int(i.b)).map { lists[Int(i.a) + $0] }
        case .valueOn:
            // A parameter's value on a date: as the date is.
            return [i.b]
        case .constant, .parameterOfMonth, .parameterOfDay, .valueOfMonth, .monthValueOfDay, .valueOfDay, .benefitOfMonth,
             .benefitOfDay, .constantFact, .monthFactOfMonth, .monthFactOfDay, .dayFact, .referenceDateOfMonth, .inputOfMonth,
             .inputOfDay, .sumInMonth, .daysInMonth, .yearToDateOfMonth, .yearToDateOfDay, .totalSince, .ever:
            return nil
        }
    }
}
