/// Evaluating an expression of the program for every lane of a block at
/// once, with the operations of `ValueSemantics` and the laziness of the
/// language (`en`, `of`, `als`, a fact's default), decided per block. A branch that
/// no lane takes is not evaluated; one that some lanes take is evaluated for
/// all, and the lanes that did not take it drop its values (and its failures).
/// A failure is the mark in the lane, never a thrown error.
///
/// A daily expression can be evaluated for all days of a month at once
/// (`days`): the values of each day follow those of the day before, lane by
/// lane, as a daily fact's and a daily slot's are stored. Every cell is
/// computed as it would be alone; only what is looked at, and when, differs.
extension Program.Op {
    /// Whether the operation computes a stretch of days at once (`evaluate` with
    /// `days`). One that reads other periods, or only months, goes day by day.
    /// No default: a new operation must say.
    var spansDays: Bool {
        switch self {
        case .parameterOfMonth, .valueOfMonth, .benefitOfMonth, .monthFactOfMonth, .referenceDateOfMonth, .inputOfMonth,
             .sumInMonth, .daysInMonth, .yearToDateOfMonth, .yearToDateOfDay, .totalSince, .ever:
            return false
        case .constant, .parameterOfDay, .monthValueOfDay, .valueOfDay, .benefitOfDay, .constantFact, .monthFactOfDay, .dayFact,
             .inputOfDay, .negate, .not, .and, .or, .select, .compare, .add, .subtract, .multiply, .divide, .addDays, .addMonths,
             .dateDifference, .minimum, .maximum, .round, .year, .monthOf, .yearStart, .daysBetween, .monthsBetween, .plusMonths,
             .blockEnd, .valueOn:
            return true
        }
    }
}

extension Program {
    private typealias Column = UnsafeMutablePointer<Int64>
    private static let failed = ValueSemantics.failed

    /// - Parameters:
    ///   - p: the period (a month or a day offset, as the expression is declared);
    ///     with `days`, the first day of a month.
    ///   - n: how many days from `p` on (the days of p's month, or 1).
    func evaluate(_ e: Expression, _ f: LaneFrame, _ p: Int, days n: Int = 1, into out: UnsafeMutablePointer<Int64>) {
        let i = code[Int(e)]
        let lanes = f.lanes, width = n * lanes
        // A comparison of the decision date, while a value that depends on it is computed:
        // the days on which it comes out the same, on every day it is asked for (`LaneFrame.window`).
        if i.op == .compare, f.window != nil, f.plan.decisionReads.comparedSide[Int(e)] != 0 { f.narrow(comparison: i, e, p, days: n) }
        // The same value on every day of the month, by its form or, in this view, by the facts
        // it reads (`MonthFlatness`): computed for the first, copied to the others (a constant
        // is as quickly written for every day).
        if n > 1 && i.op != .constant && (f.sameAllMonth[Int(e)] || f.holdsAllMonth(e, f.monthOfDay[p])) {
            evaluate(e, f, p, into: out)
            for k in 1..<n { (out + k * lanes).update(from: out, count: lanes) }
            return
        }
        // Each day on its own (each says its own failure, and frees its own scratch).
        if n > 1 && !i.op.spansDays {
            for k in 0..<n { evaluate(e, f, p + k, into: out + k * lanes) }
            return
        }
        // What cannot fail has nothing to say to a diagnosis.
        if let cannotFail = f.cannotFail, cannotFail[Int(e)], evaluateProven(i, e, f, p, days: n, into: out) { return }
        let scratch = f.scratch
        let mark = scratch.mark
        defer { scratch.reset(to: mark) }
        // Runs before the reset: a mark that arose here, in a lane being diagnosed, is said where it arose.
        defer {
            if let diagnosis = f.diagnosis, !diagnosis.hasFailed, out[0] == Program.failed {
                diagnosis.note(failure(of: e, f, p, persona: diagnosis.personaID))
            }
        }

        /// Fills `out` from one operand, cell by cell.
        func unary(_ a: Expression, _ op: (Int64) -> Int64) {
            evaluate(a, f, p, days: n, into: out)
            for l in 0..<width { out[l] = op(out[l]) }
        }
        /// Fills `out` from two operands, cell by cell; an operand that is kept is read where it is.
        func binary(_ op: (Int64, Int64) -> Int64) {
            let a: UnsafePointer<Int64>
            if let kept = keptValues(i.a, f, p, n) { a = kept } else {
                evaluate(i.a, f, p, days: n, into: out)
                a = UnsafePointer(out)
            }
            let b: UnsafePointer<Int64>
            if let kept = keptValues(i.b, f, p, n) { b = kept } else {
                let column = scratch.push()
                evaluate(i.b, f, p, days: n, into: column)
                b = UnsafePointer(column)
            }
            for l in 0..<width { out[l] = op(a[l], b[l]) }
        }
        /// The same, with the right operand looked at first: a divisor of zero or a
        /// block size that is none fails before the left operand is computed.
        func binaryRightFirst(rejecting rejects: (Int64) -> Bool, _ op: (Int64, Int64) -> Int64) {
            let b = scratch.push()
            evaluate(i.b, f, p, days: n, into: b)
            if let diagnosis = f.diagnosis, !diagnosis.hasFailed, b[0] != Program.failed, rejects(b[0]) {
                diagnosis.note(failure(of: e, f, p, persona: diagnosis.personaID))
            }
            evaluate(i.a, f, p, days: n, into: out)
            for l in 0..<width { out[l] = op(out[l], b[l]) }
        }
        func copy(_ column: UnsafePointer<Int64>) { out.update(from: column, count: width) }
        /// One column of lanes, the same on every day.
        func broadcast(_ column: UnsafePointer<Int64>) {
            for k in 0..<n { (out + k * lanes).update(from: column, count: lanes) }
        }
        func fill(_ v: Int64) { out.update(repeating: v, count: width) }

        switch i.op {
        case .constant:
            fill(i.immediate)
        case .parameterOfMonth:
            fill(parameters.value(Int(i.a), on: f.monthStart[p]) ?? Program.failed)
        case .parameterOfDay:
            for k in 0..<n {
                (out + k * lanes).update(repeating: parameters.value(Int(i.a), on: f.range.dayNumber(ofDay: p + k)) ?? Program.failed, count: lanes)
            }
        case .valueOfMonth:
            copy(f.slot(Int(i.a), p))
        case .monthValueOfDay:
            broadcast(f.slot(Int(i.a), f.monthOfDay[p]))
        case .valueOfDay:
            if n == 1 {
                copy(f.slot(Int(i.a), p))
            } else {
                let (values, flat) = f.monthValues(Int(i.a), f.monthOfDay[p])
                if flat { broadcast(values) } else { copy(values) }
            }
        case .benefitOfMonth:
            f.benefitPayment(Int(i.a), p, into: out)
        case .benefitOfDay:
            f.benefitPayment(Int(i.a), f.monthOfDay[p], into: out)
            for k in 1..<max(1, n) { (out + k * lanes).update(from: out, count: lanes) }
        case .constantFact:
            if f.window != nil, f.plan.decisionReads.readAsItIs[Int(e)] { f.tieWindowToDay() }
            broadcast(f.facts.column(Int(i.a), 0))
            fact(i, f, p, n, into: out)
            // A lane outside the fact's block has no value, and no default either.
            for l in 0..<width where out[l] == FactTable.outsideBlock { out[l] = Program.failed }
        case .monthFactOfMonth:
            copy(f.facts.column(Int(i.a), p))
            fact(i, f, p, n, into: out)
        case .monthFactOfDay:
            broadcast(f.facts.column(Int(i.a), f.monthOfDay[p]))
            fact(i, f, p, n, into: out)
        case .dayFact:
            copy(f.facts.column(Int(i.a), p, periods: n))
            fact(i, f, p, n, into: out)
        case .referenceDateOfMonth:
            fill(Int64(f.monthStart[p]))
        case .inputOfMonth:
            // A persona gives no `invoer`: only an input run (`InputRun`) has columns.
            if let inputs = f.inputs { copy(inputs.column(Int(i.a), month: p)) } else { fill(Program.failed) }
        case .inputOfDay:
            if let inputs = f.inputs { broadcast(inputs.column(Int(i.a), month: f.monthOfDay[p])) } else { fill(Program.failed) }
        case .negate:
            unary(i.a, ValueSemantics.negate)
        case .not:
            if let kept = keptValues(i.a, f, p, n) {
                for l in 0..<width { out[l] = ValueSemantics.not(kept[l]) }
            } else {
                unary(i.a, ValueSemantics.not)
            }
        case .and, .or:
            // The right side only where some lane needs it (`en` after a nee, `of` after a ja, do not look).
            // A side that is a declaration's value is read where the view keeps it, not copied first.
            let a: UnsafePointer<Int64>
            if let kept = keptValues(i.a, f, p, n) { a = kept } else {
                evaluate(i.a, f, p, days: n, into: out)
                a = UnsafePointer(out)
            }
            guard Program.needsRightSide(i.op, left: a, f.cellsToLookAt(i.a, days: n)) else {
                // Every lane is decided by its left side (or failed): `en` keeps it as it is, `of` makes it ja.
                if a != UnsafePointer(out) { out.update(from: a, count: width) }
                if i.op == .or { for l in 0..<width where out[l] != Program.failed { out[l] = 1 } }
                return
            }
            let b: UnsafePointer<Int64>
            if let kept = keptValues(i.b, f, p, n) { b = kept } else {
                let column = scratch.push()
                evaluate(i.b, f, p, days: n, into: column)
                b = UnsafePointer(column)
            }
            // One loop per operator: the loop then has no branch on it.
            if i.op == .and {
                for l in 0..<width { out[l] = ValueSemantics.and(a[l], b[l]) }
            } else {
                for l in 0..<width { out[l] = ValueSemantics.or(a[l], b[l]) }
            }
        case .select:
            let c: UnsafePointer<Int64>
            if let kept = keptValues(i.a, f, p, n) { c = kept } else {
                let column = scratch.push()
                evaluate(i.a, f, p, days: n, into: column)
                c = UnsafePointer(column)
            }
            let looked = f.cellsToLookAt(i.a, days: n)
            let needsThen = Program.any(c, looked) { $0 != Program.failed && $0 != 0 }
            let needsElse = Program.any(c, looked) { $0 == 0 }
            let otherwise = scratch.push()
            if needsThen { evaluate(i.b, f, p, days: n, into: out) }
            if needsElse { evaluate(i.c, f, p, days: n, into: otherwise) }
            for l in 0..<width { out[l] = c[l] == Program.failed ? Program.failed : c[l] != 0 ? out[l] : otherwise[l] }
        case .compare:
            // One loop per comparison: the loop then has no branch on it.
            switch ProgramBuilder.comparison(i.immediate) {
            case .equal: binary { ValueSemantics.compare(.equal, $0, $1) }
            case .notEqual: binary { ValueSemantics.compare(.notEqual, $0, $1) }
            case .less: binary { ValueSemantics.compare(.less, $0, $1) }
            case .lessEqual: binary { ValueSemantics.compare(.lessEqual, $0, $1) }
            case .greater: binary { ValueSemantics.compare(.greater, $0, $1) }
            case let other: binary { ValueSemantics.compare(other, $0, $1) }
            }
        case .add:
            binary(ValueSemantics.add)
        case .subtract:
            binary(ValueSemantics.subtract)
        case .multiply:
            binary(ValueSemantics.multiply)
        case .divide:
            binaryRightFirst(rejecting: { $0 == 0 }, ValueSemantics.divide)
        case .addDays:
            binary { ValueSemantics.addDays($0, $1, sign: i.immediate) }
        case .addMonths:
            binary { ValueSemantics.addMonths($0, $1, sign: i.immediate) }
        case .dateDifference:
            binary { ValueSemantics.days(from: $1, to: $0) }
        case .daysBetween:
            binary { ValueSemantics.days(from: $0, to: $1) }
        case .minimum, .maximum:
            evaluate(lists[Int(i.a)], f, p, days: n, into: out)
            let v = scratch.push()
            var k = 1
            while k < Int(i.b) {
                evaluate(lists[Int(i.a) + k], f, p, days: n, into: v)
                for l in 0..<width {
                    out[l] = i.op == .minimum ? ValueSemantics.minimum(out[l], v[l]) : ValueSemantics.maximum(out[l], v[l])
                }
                k += 1
            }
        case .round:
            let rounding = ProgramBuilder.roundings[Int(i.c)]
            unary(i.a) { ValueSemantics.round($0, unit: i.immediate, rounding) }
        case .sumInMonth, .daysInMonth:
            let term = scratch.push()
            let days = f.dayRange(ofMonth: p)
            if f.wholeMonths && !days.isEmpty && f.holdsAllMonth(i.a, p) {
                // The same term every day (`MonthFlatness`): the sum of the days is the day's term
                // times the days, which overflows exactly where adding them up one by one would.
                evaluate(i.a, f, days.lowerBound, into: term)
                for l in 0..<lanes {
                    let t = ValueSemantics.term(term[l], counting: i.op == .daysInMonth)
                    let (v, o) = t.multipliedReportingOverflow(by: Int64(days.count))
                    out[l] = t == Program.failed || o ? Program.failed : v
                }
                return
            }
            if f.wholeMonths && !days.isEmpty {
                // The term for all days at once, then summed day by day as below.
                evaluate(i.a, f, days.lowerBound, days: days.count, into: term)
                for l in 0..<lanes {
                    var sum = ValueSemantics.accumulate(previous: nil, term[l], counting: i.op == .daysInMonth)
                    for k in 1..<days.count { sum = ValueSemantics.accumulate(previous: sum, term[k * lanes + l], counting: i.op == .daysInMonth) }
                    out[l] = sum
                }
                return
            }
            var first = true
            for d in days {
                evaluate(i.a, f, d, into: term)
                for l in 0..<lanes {
                    out[l] = ValueSemantics.accumulate(previous: first ? nil : out[l], term[l], counting: i.op == .daysInMonth)
                }
                first = false
            }
            if first { fill(0) }
        case .yearToDateOfMonth:
            // The months of this calendar year up to and including this one (a range starts in January).
            copy(f.monthly(e, upTo: p) { k, previous, row in
                let term = scratch.push()
                evaluate(i.a, f, k, into: term)
                let restart = previous == nil || f.range.month(k).month == 1
                for l in 0..<lanes { row[l] = ValueSemantics.accumulate(previous: restart ? nil : previous![l], term[l], counting: i.immediate == 1) }
            })
        case .yearToDateOfDay:
            copy(f.runningTotal(site: Int(i.b), upTo: p, counting: i.immediate == 1, term: i.a))
        case .totalSince:
            totalSince(i, f, p, into: out)
        case .year:
            unary(i.a, ValueSemantics.year)
        case .monthOf:
            unary(i.a, ValueSemantics.month)
        case .yearStart:
            unary(i.a, ValueSemantics.yearStart)
        case .monthsBetween:
            binary(ValueSemantics.monthsBetween)
        case .plusMonths:
            binary(ValueSemantics.plusMonths)
        case .blockEnd:
            binaryRightFirst(rejecting: { ValueSemantics.blockSize($0) == nil }, ValueSemantics.blockEnd)
        case .ever:
            // From the first month on; a lane stops looking at its first ja (or failure).
            copy(f.monthly(e, upTo: p) { k, previous, row in
                if let previous, !Program.any(previous, lanes, { $0 == 0 }) {
                    row.update(from: previous, count: lanes)
                    return
                }
                let term = scratch.push()
                evaluate(i.a, f, k, into: term)
                for l in 0..<lanes { row[l] = ValueSemantics.ever(previous: previous?[l], term[l]) }
            })
        case .valueOn:
            guard i.a >= 0 else { fill(Program.failed); return }
            evaluate(i.b, f, p, days: n, into: out)
            for l in 0..<width {
                out[l] = ValueSemantics.supportedDays.contains(out[l]) ? parameters.value(Int(i.a), on: Int32(out[l])) ?? Program.failed : Program.failed
            }
        }
    }

    /// Where the view keeps the values of an operand that only reads a declaration's
    /// value or a fact without a default (in a period, or on the days of a month), to be
    /// read there; nil for any other operand, and while a diagnosis needs every read to
    /// say where a mark arose. The checked operations here and the proven ones
    /// (`evaluateProven`) read their operands through it.
    @inline(__always)
    func keptValues(_ x: Expression, _ f: LaneFrame, _ p: Int, _ n: Int) -> UnsafePointer<Int64>? {
        guard f.diagnosis == nil else { return nil }
        let i = code[Int(x)]
        switch i.op {
        case .valueOfMonth: return n == 1 ? f.slot(Int(i.a), p) : nil
        case .valueOfDay:
            // One value all month is read where it is only for one day: for a month, it is broadcast (`evaluate`).
            if n == 1 { return f.slot(Int(i.a), p) }
            let (values, flat) = f.monthValues(Int(i.a), f.monthOfDay[p])
            return flat ? nil : values
        // A fact without a default: a day without a value holds the mark already (`FactTable.absent`).
        case .dayFact: return i.b < 0 ? f.facts.column(Int(i.a), p, periods: n) : nil
        case .monthFactOfMonth: return i.b < 0 && n == 1 ? f.facts.column(Int(i.a), p) : nil
        default: return nil
        }
    }

    /// A fact's values, copied into `out`: where a lane has none, the fact's
    /// default (computed only when some lane needs it) or the mark.
    private func fact(_ i: Instruction, _ f: LaneFrame, _ p: Int, _ n: Int, into out: Column) {
        let width = n * f.lanes
        let needsDefault = i.b >= 0 && Program.any(out, width) { $0 == FactTable.absent }
        if needsDefault {
            let fallback = f.scratch.push()
            let diagnosed = f.diagnosis.map { !$0.hasFailed } ?? false
            evaluate(i.b, f, p, days: n, into: fallback)
            if diagnosed, let diagnosis = f.diagnosis, let inner = diagnosis.failure?.0 {
                diagnosis.replace(with: defaultFailed(i, because: inner))
            }
            for l in 0..<width where out[l] == FactTable.absent { out[l] = fallback[l] }
        }
    }

    /// The months from the month of each lane's date up to and including this one.
    private func totalSince(_ i: Instruction, _ f: LaneFrame, _ p: Int, into out: Column) {
        let lanes = f.lanes
        let start = f.scratch.push(), term = f.scratch.push()
        evaluate(i.b, f, p, into: start)
        let first = f.range.month(0)
        var earliest = p + 1
        for l in 0..<lanes {
            guard start[l] != Program.failed else { out[l] = Program.failed; continue }
            let month = CivilDate(dayNumber: Int32(clamping: start[l])).yearMonth
            // A month before the first one computed is unknown: the mark, not a silent zero.
            guard month >= first else { out[l] = Program.failed; start[l] = Program.failed; continue }
            start[l] = Int64(f.range.monthOffset(month))
            out[l] = 0
            earliest = min(earliest, Int(start[l]))
        }
        var k = p
        while k >= earliest {
            evaluate(i.a, f, k, into: term)
            for l in 0..<lanes where start[l] != Program.failed && k >= Int(start[l]) {
                out[l] = ValueSemantics.add(out[l], ValueSemantics.term(term[l], counting: i.immediate == 1))
            }
            k -= 1
        }
    }

    /// Whether some lane needs the right side of `en` or `of` (`op`), given the left side's
    /// first `count` cells: one that is neither failed nor decided by it (`en` after a nee,
    /// `of` after a ja do not look further).
    @inline(__always)
    static func needsRightSide(_ op: Op, left: UnsafePointer<Int64>, _ count: Int) -> Bool {
        let decided: Int64 = op == .and ? 0 : 1
        return any(left, count) { $0 != failed && ($0 != 0 ? 1 : 0) != decided }
    }

    /// Whether any of the first `count` cells passes `test`: a plain loop, so the test is
    /// inlined into it (a range's `contains(where:)` called a closure per cell).
    @inline(__always)
    static func any(_ cells: UnsafePointer<Int64>, _ count: Int, _ test: (Int64) -> Bool) -> Bool {
        var k = 0
        while k < count {
            if test(cells[k]) { return true }
            k += 1
        }
        return false
    }
}
