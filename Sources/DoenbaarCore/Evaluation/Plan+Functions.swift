/// The functions of the rule language (Functions.swift), compiled: what each
/// computes over the frame, its days and its months.
extension Compiler {
    mutating func compileCall(_ function: Function, _ args: [TypedExpr], _ context: Periodicity, _ range: SourceRange) -> Compiled {
        switch function {
        case .min, .max:
            let compiled = args.map { compile($0, context) }
            let isMin = function == .min
            return { f, p throws(EvaluationFailure) in
                var best = try compiled[0](f, p)
                for c in compiled.dropFirst() {
                    let v = try c(f, p)
                    best = isMin ? ValueSemantics.minimum(best, v) : ValueSemantics.maximum(best, v)
                }
                return best
            }
        case .round, .roundDown, .roundUp:
            let a = compile(args[0], context)
            let unit = ValueSemantics.roundingUnit(of: args[0].type)
            let rounding: Rounding = function == .round ? .halfAwayFromZero : function == .roundDown ? .down : .up
            let overflow = Compiler.overflow(range)
            return { f, p throws(EvaluationFailure) in
                try Compiler.checked(ValueSemantics.round(try a(f, p), unit: unit, rounding), else: overflow)
            }
        case .sumInMonth, .daysInMonth:
            let a = compile(args[0], .day)
            let counting = function == .daysInMonth
            let overflow = Compiler.overflow(range)
            return { f, m throws(EvaluationFailure) in
                var total: Int64? = nil
                for d in f.range.days(ofMonth: m) {
                    total = try Compiler.checked(ValueSemantics.accumulate(previous: total, try a(f, d), counting: counting), else: overflow)
                }
                return total ?? 0
            }
        case .yearToDate where context == .month:
            // The months of this calendar year up to and including this one (from
            // the first month evaluated): at most twelve terms, each memoised.
            let a = compile(args[0], .month)
            let counting = args[0].type == .bool
            let overflow = Compiler.overflow(range)
            return { f, m throws(EvaluationFailure) in
                let year = f.range.month(m).year
                var total: Int64? = nil
                var k = m
                while k >= 0 && f.range.month(k).year == year {
                    total = try Compiler.checked(ValueSemantics.accumulate(previous: total, try a(f, k), counting: counting), else: overflow)
                    k -= 1
                }
                return total ?? 0
            }
        case .yearToDate:
            let a = compile(args[0], .day)
            let site = runningTotalSites
            runningTotalSites += 1
            let counting = args[0].type == .bool
            return { f, d throws(EvaluationFailure) in try f.runningTotal(site: site, upTo: d, counting: counting, range: range, a) }
        case .totalSince:
            // The months from the month of the date up to and including this one. A
            // month before the first one computed is unknown: an error, not a silent zero.
            let a = compile(args[0], .month), since = compile(args[1], .month)
            let counting = args[0].type == .bool
            let overflow = Compiler.overflow(range)
            return { f, m throws(EvaluationFailure) in
                let start = CivilDate(dayNumber: Int32(clamping: try since(f, m))).yearMonth
                let first = f.range.month(0)
                guard start >= first else {
                    throw EvaluationFailure(message: "totaal_sinds telt vanaf \(start.dutch), vóór de eerste doorgerekende maand (\(first.dutch)); reken vanaf \(start.dutch) door", range: range)
                }
                var total: Int64? = nil
                var k = m
                while k >= 0 && f.range.month(k) >= start {
                    total = try Compiler.checked(ValueSemantics.accumulate(previous: total, try a(f, k), counting: counting), else: overflow)
                    k -= 1
                }
                return total ?? 0
            }
        case .year, .monthOf:
            let a = compile(args[0], context)
            let year = function == .year
            return { f, p throws(EvaluationFailure) in
                let date = CivilDate(dayNumber: Int32(clamping: try a(f, p)))
                return Fixed(integer: year ? date.year : date.month).raw
            }
        case .yearStart:
            let a = compile(args[0], context)
            return { f, p throws(EvaluationFailure) in
                let date = CivilDate(dayNumber: Int32(clamping: try a(f, p)))
                return Int64(CivilDate(year: date.year, month: 1, day: 1)!.dayNumber)
            }
        case .daysBetween:
            let a = compile(args[0], context), b = compile(args[1], context)
            return { f, p throws(EvaluationFailure) in (try b(f, p) - (try a(f, p))) * Fixed.scale }
        case .monthsBetween:
            let a = compile(args[0], context), b = compile(args[1], context)
            return { f, p throws(EvaluationFailure) in
                let from = CivilDate(dayNumber: Int32(clamping: try a(f, p))), to = CivilDate(dayNumber: Int32(clamping: try b(f, p)))
                return Fixed(integer: to.yearMonth.index - from.yearMonth.index).raw
            }
        case .plusMonths:
            let a = compile(args[0], context), b = compile(args[1], context)
            let outOfRange = Compiler.dateOutOfRange(range)
            return { f, p throws(EvaluationFailure) in
                // Whole months: a fraction is dropped (toward minus infinity); the
                // rules write the rest out in days where the law says how.
                let months = Fixed.divide(try b(f, p), Fixed.scale, .down)
                guard abs(months) <= 12 * 1200 else { throw outOfRange }
                let day = Int64(CivilDate(dayNumber: Int32(clamping: try a(f, p))).adding(months: Int(months)).dayNumber)
                guard Compiler.supportedDays.contains(day) else { throw outOfRange }
                return day
            }
        case .blockEnd:
            let a = compile(args[0], context), b = compile(args[1], context)
            return { f, p throws(EvaluationFailure) in
                let raw = try b(f, p)
                let size = Int(clamping: raw / Fixed.scale)
                guard raw % Fixed.scale == 0, (1...12).contains(size), 12 % size == 0 else {
                    throw EvaluationFailure(message: "een tijdvak is 1, 2, 3, 4, 6 of 12 maanden, niet \(Fixed(raw: raw))", range: range)
                }
                let date = CivilDate(dayNumber: Int32(clamping: try a(f, p)))
                let lastMonth = (date.month - 1) / size * size + size
                return Int64(YearMonth(year: date.year, month: lastMonth).last.dayNumber)
            }
        case .ever:
            let a = compile(args[0], .month)
            return { f, m throws(EvaluationFailure) in
                // From the first month on; a month after the first ja is not looked at.
                var ever: Int64 = 0
                for k in 0...m {
                    ever = ValueSemantics.ever(previous: ever, try a(f, k))
                    if ever == 1 { break }
                }
                return ever
            }
        case .valueOn:
            guard case .parameter(let p) = args[0].node else {
                // The checker lets only a parameter through; a model built in Swift may not.
                return { _, _ throws(EvaluationFailure) in throw EvaluationFailure(message: "waarde_op verwacht een parameter", range: range) }
            }
            let parameter = ruleSet.parameters[p]
            let day = compile(args[1], context)
            return { f, x throws(EvaluationFailure) in
                let d = try day(f, x)
                guard Compiler.supportedDays.contains(d) else { throw Compiler.dateOutOfRange(range) }
                return try f.parameter(parameter, on: CivilDate(dayNumber: Int32(d)), range)
            }
        }
    }
}
