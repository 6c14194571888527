/// How each instruction of a program reads the decision date (`beslisdatum`),
/// for views that take a decision-dependent value over from an earlier view
/// that decided on another day (`DecisionWindow`, `LaneFrame.decisionSource`).
///
/// Most rules read the decision date only to compare it with a date of their
/// own (`beslisdatum >= einde_tijdvak(...)`): such a comparison comes out the
/// same on every decision day on the same side of that date. A read that uses
/// the date itself, or a value kept across evaluations in a view (a running
/// total, `ooit`, a payment as far as computed), is tied to its own day.
/// Unchecked Sendable: written once, in `init`, and only read afterwards.
final class DecisionReads: @unchecked Sendable {
    /// Per instruction: whether its value reads the decision date, itself or through a
    /// slot, a benefit's payment or a fact's default. A buffer: read where a view keeps
    /// an instruction's values for the whole range (`Program.operand`), which such a one may not.
    let dependent: UnsafeMutablePointer<Bool>
    /// Per instruction: for a comparison of the decision date (operand `a`: 1, `b`: 2) with an
    /// operand that does not read it, which side the decision date is on; 0 for any other.
    let comparedSide: [Int8]
    /// Per instruction: a read of the decision date whose value is used as it is, not compared
    /// (`beslisdatum - 1 dag`, a rule that is the decision date).
    let readAsItIs: [Bool]
    /// Per slot: its place among the slots that depend on the decision date (-1 for the others),
    /// where a view keeps their windows (`LaneFrame.decisionCells`).
    let slotIndex: [Int32]
    let slotCount: Int

    init(_ program: Program, slotDependent: [Bool], benefitDependent: [Bool]) {
        let code = program.code, count = program.codeCount
        let decisionDate = Int32(BuiltinFact.decisionDate.index)
        func isDecisionDate(_ x: Program.Expression) -> Bool {
            x >= 0 && code[Int(x)].op == .constantFact && code[Int(x)].a == decisionDate
        }
        // Operands are compiled before the instruction that reads them: one pass in order.
        var reads = [Bool](repeating: false, count: count)
        func dependent(_ x: Program.Expression) -> Bool { x >= 0 && reads[Int(x)] }
        for e in 0..<count {
            let i = code[e]
            switch i.op {
            case .constant, .parameterOfMonth, .parameterOfDay, .referenceDateOfMonth, .inputOfMonth, .inputOfDay:
                reads[e] = false
            case .valueOfMonth, .monthValueOfDay, .valueOfDay:
                reads[e] = slotDependent[Int(i.a)]
            case .benefitOfMonth, .benefitOfDay:
                reads[e] = benefitDependent[Int(i.a)]
            case .constantFact, .monthFactOfMonth, .monthFactOfDay, .dayFact:
                reads[e] = i.a == decisionDate || dependent(i.b)
            case .sumInMonth, .daysInMonth, .yearToDateOfMonth, .yearToDateOfDay, .ever:
                reads[e] = dependent(i.a)
            case .totalSince:
                reads[e] = dependent(i.a) || dependent(i.b)
            case .negate, .not, .and, .or, .select, .compare, .add, .subtract, .multiply, .divide, .addDays, .addMonths,
                 .dateDifference, .minimum, .maximum, .round, .year, .monthOf, .yearStart, .daysBetween, .monthsBetween,
                 .plusMonths, .blockEnd, .valueOn:
                reads[e] = program.pointwiseOperands(i)!.contains(where: dependent)
            }
        }
        var side = [Int8](repeating: 0, count: count), compared = [Bool](repeating: false, count: count)
        for e in 0..<count where code[e].op == .compare {
            let i = code[e]
            if isDecisionDate(i.a) && !dependent(i.b) {
                side[e] = 1
                compared[Int(i.a)] = true
            } else if isDecisionDate(i.b) && !dependent(i.a) {
                side[e] = 2
                compared[Int(i.b)] = true
            }
        }
        // Every instruction has one reader at most (the builder shares none): a decision date
        // that no such comparison reads is read as it is.
        readAsItIs = (0..<count).map { isDecisionDate(Program.Expression($0)) && !compared[$0] }
        comparedSide = side
        self.dependent = .allocate(capacity: max(1, count))
        self.dependent.initialize(from: reads, count: count)
        var index = [Int32](repeating: -1, count: slotDependent.count), next: Int32 = 0
        for slot in slotDependent.indices where slotDependent[slot] {
            index[slot] = next
            next += 1
        }
        slotIndex = index
        slotCount = Int(next)
    }

    deinit { dependent.deallocate() }
}

/// The decision days, from `from` up to (not including) `until`, on which a value comes
/// out as it did: every comparison of the decision date it read comes out the same on them.
struct DecisionWindow: Equatable {
    var from: Int64
    var until: Int64

    /// Every day: a value that read no decision date yet.
    static let always = DecisionWindow(from: .min, until: .max)

    /// The day itself only.
    init(day: Int64) { (from, until) = (day, day == .max ? day : day + 1) }

    init(from: Int64, until: Int64) { (self.from, self.until) = (from, until) }

    func contains(_ day: Int64) -> Bool { from <= day && day < until }

    /// The days this window and another have in common.
    mutating func narrow(to other: DecisionWindow) {
        from = max(from, other.from)
        until = min(until, other.until)
    }

    /// The days around `day` on which comparing the decision date with `t` (`decisionFirst`:
    /// decision date `op` t; else t `op` decision date) comes out as it does on `day`. A
    /// comparison is the same on every day before t, on t, and on every day after t: the
    /// stretch that holds `day`, joined with a neighbour that comes out the same.
    mutating func narrow(day: Int64, comparedWith t: Int64, _ op: BinaryOperator, decisionFirst: Bool) {
        func result(_ x: Int64) -> Int64 { decisionFirst ? ValueSemantics.compare(op, x, t) : ValueSemantics.compare(op, t, x) }
        let before = t == .min ? t : t - 1, after = t == .max ? t : t + 1
        let r = result(day), atT = result(t) == r, beforeT = result(before) == r, afterT = result(after) == r
        let low: Int64, high: Int64
        if day < t {
            (low, high) = (.min, atT ? (afterT ? .max : after) : t)
        } else if day == t {
            (low, high) = (beforeT ? .min : t, afterT ? .max : after)
        } else {
            (low, high) = (atT ? (beforeT ? .min : t) : after, .max)
        }
        narrow(to: DecisionWindow(from: low, until: high))
    }
}
