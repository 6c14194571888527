/// Which daily expressions and values hold one value on every day of a month, in
/// every lane of one view: decided per view and month from the facts the view
/// holds, where `MonthInvariance` decides once, from the rules' form alone. A
/// benefit's block, a stay abroad, a sickness begin and end in few months, so in
/// most months their facts, and the WW access and right built on them, are the
/// same all month; such a value is computed for the first day and kept for that
/// day alone (`LaneFrame.monthValues`; a reader of the whole month broadcasts it,
/// `Program.evaluate`), a sum over its days is its
/// value times the days, and a month in which such an obligation's rule applies
/// to no lane is told so by its first day.
/// Only where a view computes whole months: a trace and a diagnosis go day by day.
///
/// An operation holds one value all month where its operands do. Beyond that:
/// a daily fact does where its column does in every lane (`LaneFacts.holdsAllMonth`),
/// and a comparison of `peildatum` with a date that is the same all month does
/// where, in each lane, the comparison comes out the same on the month's first and
/// last day (for `=` and `≠`: where the date lies outside the month); `en` and `of`
/// do where their left side does and decides every lane, whatever the right side
/// does (which no lane then reads). What it cannot
/// show is computed day by day; a wrong "yes" would change values, so every rule
/// here errs towards "no", and `LaneEngineTests` and the fuzz targets compare whole
/// months with days computed one by one.
extension LaneFrame {
    private enum Flatness: UInt8 {
        case unknown = 0, flat, varies, deciding
    }

    /// Whether an expression holds one value on every day of month m in every lane.
    func holdsAllMonth(_ e: Program.Expression, _ m: Int) -> Bool {
        e < 0 || decided(Int(e), m) { decide(e, m) }
    }

    /// Whether a daily slot holds one value on every day of month m in every lane: each
    /// alternative valid on no day of the month or on all of them, with a condition and a
    /// body that hold one value all month.
    func holdsAllMonth(slot: Int, _ m: Int) -> Bool {
        // A slot read from an earlier view holds its values there, and so whether they are the same all month.
        if let source = source(of: slot, m) { return source._withUnsafeGuaranteedRef { $0.holdsAllMonth(slot: slot, m) } }
        return decided(program._withUnsafeGuaranteedRef { $0.codeCount } + slot, m) {
            let s = plan.slots[slot], days = dayRange(ofMonth: m)
            let first = monthStart[m], last = first + Int32(days.count - 1)
            for k in s.firstAlternative..<(s.firstAlternative + s.alternativeCount) {
                let a = plan.alternatives[k]
                if a.validUntil <= first || a.validFrom > last { continue }
                guard a.validFrom <= first && a.validUntil > last else { return false }
                guard a.condition < 0 || holdsAllMonth(a.condition, m), holdsAllMonth(a.body, m) else { return false }
            }
            return true
        }
    }

    /// An answer kept per view and month (entry `k`: an instruction, or `codeCount` + a slot).
    /// One asked again while it is being decided (a cycle in the rules) is "no"; one decided
    /// while a cycle's mark was read is not kept, unless it is "no", which is always safe.
    private func decided(_ k: Int, _ m: Int, _ decide: () -> Bool) -> Bool {
        let row = flatnessRow(m)
        switch Flatness(rawValue: row[k]) {
        case .flat: return true
        case .varies, .deciding: return false
        case .unknown, nil: break
        }
        row[k] = Flatness.deciding.rawValue
        let cyclesBefore = cycles
        let flat = decide()
        row[k] = (flat ? (cycles == cyclesBefore ? Flatness.flat : .unknown) : .varies).rawValue
        return flat
    }

    private func flatnessRow(_ m: Int) -> UnsafeMutablePointer<UInt8> {
        let rows: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>
        if let flatness { rows = flatness } else {
            rows = arena.allocate(UnsafeMutablePointer<UInt8>?.self, count: range.monthCount)
            rows.initialize(repeating: nil, count: range.monthCount)
            flatness = rows
        }
        if let row = rows[m] { return row }
        let count = program._withUnsafeGuaranteedRef { $0.codeCount } + plan.slotCount
        let row = arena.allocate(UInt8.self, count: count)
        row.initialize(repeating: Flatness.unknown.rawValue, count: count)
        rows[m] = row
        return row
    }

    private func decide(_ e: Program.Expression, _ m: Int) -> Bool {
        // What holds all month by its form (a constant, a month's value, an aligned parameter).
        if sameAllMonth[Int(e)] { return true }
        // The program read where the plan holds it (`LaneFrame.program`): taken out, it was counted for every answer.
        let i = program._withUnsafeGuaranteedRef { $0.code[Int(e)] }
        func same(_ x: Program.Expression) -> Bool { holdsAllMonth(x, m) }
        switch i.op {
        case .valueOfDay:
            return holdsAllMonth(slot: Int(i.a), m)
        case .dayFact:
            return facts.holdsAllMonth(Int(i.a), month: m) && same(i.b)
        case .constantFact, .monthFactOfDay:
            return same(i.b)
        case .compare:
            if same(i.a) && same(i.b) { return true }
            let op = ProgramBuilder.comparison(i.immediate)
            // Not against the decision date: evaluated for the first day only, its comparison with
            // the other days would not narrow the window of the value being computed (`LaneFrame.window`).
            let dependent = plan.decisionReads.dependent
            if isReferenceDate(i.a) && same(i.b) && !dependent[Int(i.b)] { return dayComparisonSameAllMonth(op, date: i.b, dayOnLeft: true, m) }
            if isReferenceDate(i.b) && same(i.a) && !dependent[Int(i.a)] { return dayComparisonSameAllMonth(op, date: i.a, dayOnLeft: false, m) }
            return false
        case .and, .or:
            // As `evaluate` does: the right side only where some lane needs it. A left side the
            // same all month that decides every lane decides the month (a fact no lane needs
            // is not laid out, a date no lane needs not computed, just to answer this).
            guard same(i.a) else { return false }
            return !rightSideNeeded(i, m) || same(i.b)
        default:
            // Arithmetic, logic, dates: as their operands are. Anything else goes day by day: a
            // parameter that changes in the middle of a month, a running total (an operation of
            // a month's value is never asked for a stretch of days).
            return program._withUnsafeGuaranteedRef { $0.pointwiseOperands(i) }?.allSatisfy(same) ?? false
        }
    }

    /// Whether some lane needs the right side of an `en` or `of` whose left side is the same
    /// all month: its values on the month's first day say it.
    private func rightSideNeeded(_ i: Program.Instruction, _ m: Int) -> Bool {
        let mark = scratch.mark
        defer { scratch.reset(to: mark) }
        let left = scratch.push()
        evaluate(i.a, dayRange(ofMonth: m).lowerBound, into: left)
        return Program.needsRightSide(i.op, left: left, lanes)
    }

    /// Whether an expression reads `peildatum` itself (it has no default: every day has one).
    private func isReferenceDate(_ x: Program.Expression) -> Bool {
        let i = program._withUnsafeGuaranteedRef { $0.code[Int(x)] }
        return i.op == .dayFact && Int(i.a) == BuiltinFact.referenceDate.index && i.b < 0
    }

    /// Whether `peildatum op date` (or `date op peildatum`) comes out the same on every day
    /// of month m in every lane, for a date the same all month: the date's values on the
    /// month's first day decide it. A comparison that orders is monotone in the day, so
    /// its first and last day say it; an equality holds on at most one day, so it is the
    /// same all month only for a date outside the month. A failed date fails every day.
    private func dayComparisonSameAllMonth(_ op: BinaryOperator, date: Program.Expression, dayOnLeft: Bool, _ m: Int) -> Bool {
        let days = dayRange(ofMonth: m)
        let first = Int64(monthStart[m]), last = first + Int64(days.count - 1)
        let mark = scratch.mark
        defer { scratch.reset(to: mark) }
        let values = scratch.push()
        evaluate(date, days.lowerBound, into: values)
        for lane in 0..<lanes {
            let v = values[lane]
            guard v != ValueSemantics.failed else { continue }
            switch op {
            case .equal, .notEqual:
                guard v < first || v > last else { return false }
            default:
                let atFirst = dayOnLeft ? ValueSemantics.compare(op, first, v) : ValueSemantics.compare(op, v, first)
                let atLast = dayOnLeft ? ValueSemantics.compare(op, last, v) : ValueSemantics.compare(op, v, last)
                guard atFirst == atLast else { return false }
            }
        }
        return true
    }
}
