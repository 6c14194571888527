/// Evaluating an expression of the program for a frame and a period (a
/// month or a day offset, as the expression was compiled for). Every
/// operation means what `ValueSemantics` says; this only fetches operands,
/// lazily where the language is lazy (`en`, `of`, `als`, a fact's default),
/// and turns a failure mark into the diagnostic of its site.
extension Program {
    func evaluate(_ e: Expression, _ f: Frame, _ p: Int) throws(EvaluationFailure) -> Int64 {
        let i = code[Int(e)]
        switch i.op {
        case .constant:
            return i.immediate
        case .parameterOfMonth:
            return try parameter(i, on: f.range.month(p).first.dayNumber)
        case .parameterOfDay:
            return try parameter(i, on: f.range.dayNumber(ofDay: p))
        case .valueOfMonth:
            return try f.monthValue(Int(i.a), p)
        case .monthValueOfDay:
            return try f.monthValue(Int(i.a), f.monthOfDay[p])
        case .valueOfDay:
            return try f.dayValue(Int(i.a), p)
        case .benefitOfMonth:
            return f.benefitPayment(Int(i.a), p)
        case .benefitOfDay:
            return f.benefitPayment(Int(i.a), f.monthOfDay[p])
        case .constantFact:
            let v = f.facts.constants[Int(i.a)]
            if v > FactTable.outsideBlock { return v }
            if v == FactTable.absent, i.b >= 0 { return try defaulted(i, f, p) }
            throw missingFact(i, "")
        case .monthFactOfMonth, .monthFactOfDay:
            let m = i.op == .monthFactOfMonth ? p : f.monthOfDay[p]
            let v = f.facts.monthly[Int(i.a)][m]
            if v != FactTable.absent { return v }
            if i.b >= 0 { return try defaulted(i, f, p) }
            throw missingFact(i, " over \(f.range.month(m))")
        case .dayFact:
            let v = f.facts.daily[Int(i.a)][p]
            if v != FactTable.absent { return v }
            if i.b >= 0 { return try defaulted(i, f, p) }
            throw missingFact(i, " op \(f.range.date(ofDay: p))")
        case .referenceDateOfMonth:
            return Int64(f.range.month(p).first.dayNumber)
        case .input:
            var name = "invoer"
            if case .input(let declared) = sites[Int(i.site)].kind { name = declared }
            throw EvaluationFailure(message: "'\(name)' is invoer van een batchberekening; persona '\(f.personaID)' geeft geen invoer (reken deze regels met de batchberekening, zoals doenbaar bench)",
                                    range: sites[Int(i.site)].range)
        case .negate:
            return ValueSemantics.negate(try evaluate(i.a, f, p))
        case .not:
            return ValueSemantics.not(try evaluate(i.a, f, p))
        case .and:
            if try evaluate(i.a, f, p) == 0 { return 0 }
            return try evaluate(i.b, f, p) != 0 ? 1 : 0
        case .or:
            if try evaluate(i.a, f, p) != 0 { return 1 }
            return try evaluate(i.b, f, p) != 0 ? 1 : 0
        case .select:
            return try evaluate(i.a, f, p) != 0 ? evaluate(i.b, f, p) : evaluate(i.c, f, p)
        case .compare:
            // The numbers of ProgramBuilder.comparisons, spelled out: no table lookup per comparison.
            let (a, b) = (try evaluate(i.a, f, p), try evaluate(i.b, f, p))
            switch i.immediate {
            case 0: return ValueSemantics.compare(.equal, a, b)
            case 1: return ValueSemantics.compare(.notEqual, a, b)
            case 2: return ValueSemantics.compare(.less, a, b)
            case 3: return ValueSemantics.compare(.lessEqual, a, b)
            case 4: return ValueSemantics.compare(.greater, a, b)
            default: return ValueSemantics.compare(.greaterEqual, a, b)
            }
        case .add:
            return try checked(ValueSemantics.add(try evaluate(i.a, f, p), try evaluate(i.b, f, p)), i)
        case .subtract:
            return try checked(ValueSemantics.subtract(try evaluate(i.a, f, p), try evaluate(i.b, f, p)), i)
        case .multiply:
            return try checked(ValueSemantics.multiply(try evaluate(i.a, f, p), try evaluate(i.b, f, p)), i)
        case .divide:
            let divisor = try evaluate(i.b, f, p)
            guard divisor != 0 else { throw EvaluationFailure(message: "deling door nul", range: sites[Int(i.site)].range) }
            return try checked(ValueSemantics.divide(try evaluate(i.a, f, p), divisor), i)
        case .addDays:
            return try supported(ValueSemantics.addDays(try evaluate(i.a, f, p), try evaluate(i.b, f, p), sign: i.immediate), i)
        case .addMonths:
            return try supported(ValueSemantics.addMonths(try evaluate(i.a, f, p), try evaluate(i.b, f, p), sign: i.immediate), i)
        case .dateDifference:
            let (a, b) = (try evaluate(i.a, f, p), try evaluate(i.b, f, p))
            return ValueSemantics.days(from: b, to: a)
        case .daysBetween:
            return ValueSemantics.days(from: try evaluate(i.a, f, p), to: try evaluate(i.b, f, p))
        case .minimum, .maximum:
            var best = try evaluate(lists[Int(i.a)], f, p)
            var k = 1
            while k < Int(i.b) {
                let v = try evaluate(lists[Int(i.a) + k], f, p)
                best = i.op == .minimum ? ValueSemantics.minimum(best, v) : ValueSemantics.maximum(best, v)
                k += 1
            }
            return best
        case .round:
            return try checked(ValueSemantics.round(try evaluate(i.a, f, p), unit: i.immediate, ProgramBuilder.roundings[Int(i.c)]), i)
        case .sumInMonth, .daysInMonth:
            var total: Int64? = nil
            for d in f.range.days(ofMonth: p) {
                total = try checked(ValueSemantics.accumulate(previous: total, try evaluate(i.a, f, d), counting: i.op == .daysInMonth), i)
            }
            return total ?? 0
        case .yearToDateOfMonth:
            // The months of this calendar year up to and including this one (from
            // the first month evaluated): at most twelve terms, each memoised.
            let year = f.range.month(p).year
            var total: Int64? = nil
            var k = p
            while k >= 0 && f.range.month(k).year == year {
                total = try checked(ValueSemantics.accumulate(previous: total, try evaluate(i.a, f, k), counting: i.immediate == 1), i)
                k -= 1
            }
            return total ?? 0
        case .yearToDateOfDay:
            return try f.runningTotal(site: Int(i.b), upTo: p, counting: i.immediate == 1, term: i.a, failure: sites[Int(i.site)].range)
        case .totalSince:
            return try totalSince(i, f, p)
        case .year:
            return ValueSemantics.year(try evaluate(i.a, f, p))
        case .monthOf:
            return ValueSemantics.month(try evaluate(i.a, f, p))
        case .yearStart:
            return ValueSemantics.yearStart(try evaluate(i.a, f, p))
        case .monthsBetween:
            return ValueSemantics.monthsBetween(try evaluate(i.a, f, p), try evaluate(i.b, f, p))
        case .plusMonths:
            return try supported(ValueSemantics.plusMonths(try evaluate(i.a, f, p), try evaluate(i.b, f, p)), i)
        case .blockEnd:
            let raw = try evaluate(i.b, f, p)
            guard ValueSemantics.blockSize(raw) != nil else {
                throw EvaluationFailure(message: "een tijdvak is 1, 2, 3, 4, 6 of 12 maanden, niet \(Fixed(raw: raw))", range: sites[Int(i.site)].range)
            }
            return try supported(ValueSemantics.blockEnd(try evaluate(i.a, f, p), raw), i)
        case .ever:
            // From the first month on; a month after the first ja is not looked at.
            var ever: Int64 = 0
            for k in 0...p {
                ever = ValueSemantics.ever(previous: ever, try evaluate(i.a, f, k))
                if ever == 1 { break }
            }
            return ever
        case .valueOn:
            guard i.a >= 0 else { throw EvaluationFailure(message: "waarde_op verwacht een parameter", range: sites[Int(i.site)].range) }
            let d = try evaluate(i.b, f, p)
            guard ValueSemantics.supportedDays.contains(d) else { throw Program.dateOutOfRange(sites[Int(i.site)].range) }
            return try parameter(i, on: Int32(d))
        }
    }

    // MARK: Failures

    static func dateOutOfRange(_ range: SourceRange) -> EvaluationFailure {
        EvaluationFailure(message: "deze datumberekening komt buiten de jaren 1800 tot en met 2999", range: range)
    }

    static func overflow(_ range: SourceRange) -> EvaluationFailure {
        EvaluationFailure(message: "de uitkomst van deze berekening is te groot", range: range)
    }

    /// A result of `ValueSemantics`, or the overflow it stands for when it is the mark.
    @inline(__always)
    private func checked(_ v: Int64, _ i: Instruction) throws(EvaluationFailure) -> Int64 {
        guard v != ValueSemantics.failed else { throw Program.overflow(sites[Int(i.site)].range) }
        return v
    }

    /// A result of date arithmetic, or the failure it stands for when it is the mark.
    @inline(__always)
    private func supported(_ day: Int64, _ i: Instruction) throws(EvaluationFailure) -> Int64 {
        guard day != ValueSemantics.failed else { throw Program.dateOutOfRange(sites[Int(i.site)].range) }
        return day
    }

    private func parameter(_ i: Instruction, on day: Int32) throws(EvaluationFailure) -> Int64 {
        if let v = parameters.value(Int(i.a), on: day) { return v }
        let p = ruleSet.parameters[Int(i.a)]
        throw EvaluationFailure(message: "parameter '\(p.name)' heeft geen waarde op \(CivilDate(dayNumber: day)) (eerste waarde: \(p.values.first.map { "\($0.from)" } ?? "geen"))",
                                range: sites[Int(i.site)].range)
    }

    /// The months from the month of the date up to and including this one. A
    /// month before the first one computed is unknown: an error, not a silent zero.
    private func totalSince(_ i: Instruction, _ f: Frame, _ p: Int) throws(EvaluationFailure) -> Int64 {
        let start = CivilDate(dayNumber: Int32(clamping: try evaluate(i.b, f, p))).yearMonth
        let first = f.range.month(0)
        guard start >= first else {
            throw EvaluationFailure(message: "totaal_sinds telt vanaf \(start.dutch), vóór de eerste doorgerekende maand (\(first.dutch)); reken vanaf \(start.dutch) door",
                                    range: sites[Int(i.site)].range)
        }
        var total: Int64? = nil
        var k = p
        while k >= 0 && f.range.month(k) >= start {
            total = try checked(ValueSemantics.accumulate(previous: total, try evaluate(i.a, f, k), counting: i.immediate == 1), i)
            k -= 1
        }
        return total ?? 0
    }

    private func missingFact(_ i: Instruction, _ when: String) -> EvaluationFailure {
        let site = sites[Int(i.site)]
        let fact = ruleSet.facts[Int(i.a)]
        return EvaluationFailure(message: "geen waarde voor '\(fact.name)'\(when) (\(fact.explanation)); "
                                     + "\(Program.filler(of: Int(i.a), in: ruleSet)), geef het gegeven een standaardwaarde, of bescherm het gebruik met een voorwaarde (als ...)",
                                 range: site.range, missingFact: fact.name)
    }

    /// A default that itself cannot be computed names the fact it stands in for.
    private func defaulted(_ i: Instruction, _ f: Frame, _ p: Int) throws(EvaluationFailure) -> Int64 {
        do { return try evaluate(i.b, f, p) } catch {
            let fact = ruleSet.facts[Int(i.a)]
            throw EvaluationFailure(message: "geen waarde voor '\(fact.name)' (\(fact.explanation)): \(Program.filler(of: Int(i.a), in: ruleSet)); de standaardwaarde lukt ook niet, want \(error.message)",
                                    range: sites[Int(i.site)].range, missingFact: fact.name)
        }
    }

    /// Where a persona file gives a fact, for the message when it is missing.
    static func filler(of fact: Int, in ruleSet: RuleSet) -> String {
        if let (s, field) = ruleSet.field(filling: fact) {
            return s.keyword == PersonaSection.header ? "geef het in de persona met '\(field.word)'"
                : "geef het in onderdeel '\(s.keyword)' met '\(field.word)'"
        }
        if let r = ruleSet.record(filling: fact) { return "geef het met een regel '\(r.keyword)'" }
        return "geen regel van een persona-bestand vult dit gegeven (declareer een veld in een onderdeel)"
    }
}
