/// Why a run of one lane failed: the first failure mark that arose in it, in
/// the order the run needed its values, said as a failure at its place in the
/// rules.
///
/// A lane carries a failure as a mark (`ValueSemantics.failed`) and goes on.
/// In a block of one lane every value is computed only when that lane needs
/// it, in the order it needs it, so the first mark to arise is the one that
/// stopped the run; later ones follow from it or no longer matter. An
/// operation that turns operands without a mark into a mark is where the
/// failure arose (`Program.failure(of:_:_:)`).
final class LaneDiagnosis {
    let personaID: String
    /// The decision date of the month being decided: a failure is told with it.
    var decisionDate = CivilDate(dayNumber: 0)
    private(set) var failure: (EvaluationFailure, decisionDate: CivilDate)?

    init(personaID: String) { self.personaID = personaID }

    var hasFailed: Bool { failure != nil }

    /// Keeps the first failure only.
    func note(_ f: @autoclosure () -> EvaluationFailure) {
        guard failure == nil else { return }
        failure = (f(), decisionDate)
    }

    /// A fact's default failed where the fact has no value: the failure names the fact.
    func replace(with f: EvaluationFailure) {
        guard let failure else { return }
        self.failure = (f, failure.decisionDate)
    }
}

/// The failures of the rules' operations, in Dutch, at the place they arose.
extension Program {
    static func dateOutOfRange(_ range: SourceRange) -> EvaluationFailure {
        EvaluationFailure(message: "deze datumberekening komt buiten de jaren 1800 tot en met 2999", range: range)
    }

    static func overflow(_ range: SourceRange) -> EvaluationFailure {
        EvaluationFailure(message: "de uitkomst van deze berekening is te groot", range: range)
    }

    static func cycle(at slot: Int, in ruleSet: RuleSet) -> EvaluationFailure {
        EvaluationFailure(message: "kringverwijzing tijdens het rekenen", range: ruleSet.values[slot].provenance.range)
    }

    static func tooLarge(_ slot: Int, in ruleSet: RuleSet) -> EvaluationFailure {
        let declaration = ruleSet.values[slot]
        return EvaluationFailure(message: "de uitkomst van '\(declaration.name)' is groter dan een miljard; die kan niet kloppen",
                                 range: declaration.provenance.range)
    }

    /// Why instruction `i` gave the mark in period p although its operands had
    /// none. Operands it needs for the message are evaluated again: they are
    /// kept in the view, and this runs once per failed run.
    func failure(of e: Expression, _ f: LaneFrame, _ p: Int, persona: String) -> EvaluationFailure {
        let i = code[Int(e)]
        let site = i.site >= 0 ? sites[Int(i.site)] : nil
        let range = site?.range ?? ranges[Int(e)]
        func operand(_ e: Expression) -> Int64 {
            let column = f.scratch.push()
            evaluate(e, f, p, into: column)
            return column[0]
        }
        switch i.op {
        case .parameterOfMonth:
            return parameterMissing(Int(i.a), on: f.monthStart[p], range)
        case .parameterOfDay:
            return parameterMissing(Int(i.a), on: f.range.dayNumber(ofDay: p), range)
        case .valueOn:
            guard i.a >= 0 else { return EvaluationFailure(message: "waarde_op verwacht een parameter", range: range) }
            let d = operand(i.b)
            guard ValueSemantics.supportedDays.contains(d) else { return Program.dateOutOfRange(range) }
            return parameterMissing(Int(i.a), on: Int32(d), range)
        case .constantFact:
            return missingFact(i, "")
        case .monthFactOfMonth:
            return missingFact(i, " over \(f.range.month(p))")
        case .monthFactOfDay:
            return missingFact(i, " over \(f.range.month(f.monthOfDay[p]))")
        case .dayFact:
            return missingFact(i, " op \(f.range.date(ofDay: p))")
        case .inputOfMonth, .inputOfDay:
            var name = "invoer"
            if case .input(let declared) = site?.kind { name = declared }
            let month = i.op == .inputOfMonth ? p : f.monthOfDay[p]
            guard let inputs = f.inputs else {
                return EvaluationFailure(message: "'\(name)' is invoer van een berekening over invoerkolommen; persona '\(persona)' geeft geen invoer (reken deze regels over kolommen, zoals doenbaar bench)",
                                         range: range)
            }
            return EvaluationFailure(message: "'\(name)' heeft geen waarde in \(f.range.month(month).dutch): de invoerkolommen beginnen in \(f.range.month(inputs.firstMonth).dutch)",
                                     range: range)
        case .divide:
            return operand(i.b) == 0 ? EvaluationFailure(message: "deling door nul", range: range) : Program.overflow(range)
        case .addDays, .addMonths, .plusMonths:
            return Program.dateOutOfRange(range)
        case .blockEnd:
            let raw = operand(i.b)
            guard ValueSemantics.blockSize(raw) != nil else {
                return EvaluationFailure(message: "een tijdvak is 1, 2, 3, 4, 6 of 12 maanden, niet \(Fixed(raw: raw))", range: range)
            }
            return Program.dateOutOfRange(range)
        case .totalSince:
            let start = CivilDate(dayNumber: Int32(clamping: operand(i.b))).yearMonth
            let first = f.range.month(0)
            guard start >= first else {
                return EvaluationFailure(message: "totaal_sinds telt vanaf \(start.dutch), vóór de eerste doorgerekende maand (\(first.dutch)); reken vanaf \(start.dutch) door",
                                         range: range)
            }
            return Program.overflow(range)
        case .add, .subtract, .multiply, .round, .sumInMonth, .daysInMonth, .yearToDateOfMonth, .yearToDateOfDay:
            // Sums, products, roundings and running totals that grew too large.
            return Program.overflow(range)
        case .constant, .valueOfMonth, .monthValueOfDay, .valueOfDay, .benefitOfMonth, .benefitOfDay, .referenceDateOfMonth,
             .negate, .not, .and, .or, .select, .compare, .dateDifference, .daysBetween, .minimum, .maximum, .year, .monthOf,
             .yearStart, .monthsBetween, .ever:
            // These pass a mark on but never make one from values without it; a value's
            // own failures (a cycle, a value above a billion) are told where it is computed
            // (`LaneFrame.slot`). Listed one by one, so that a new operation must say.
            return EvaluationFailure(message: "interne fout: '\(i.op)' gaf geen waarde zonder dat een deel ervan faalde", range: range)
        }
    }

    private func parameterMissing(_ index: Int, on day: Int32, _ range: SourceRange) -> EvaluationFailure {
        let p = ruleSet.parameters[index]
        return EvaluationFailure(message: "parameter '\(p.name)' heeft geen waarde op \(CivilDate(dayNumber: day)) (eerste waarde: \(p.values.first.map { "\($0.from)" } ?? "geen"))",
                                 range: range)
    }

    private func missingFact(_ i: Instruction, _ when: String) -> EvaluationFailure {
        let fact = ruleSet.facts[Int(i.a)]
        return EvaluationFailure(message: "geen waarde voor '\(fact.name)'\(when) (\(fact.explanation)); "
                                     + "\(Program.filler(of: Int(i.a), in: ruleSet)), geef het gegeven een standaardwaarde, of bescherm het gebruik met een voorwaarde (als ...)",
                                 range: sites[Int(i.site)].range, missingFact: fact.name)
    }

    /// A default that itself cannot be computed names the fact it stands in for.
    func defaultFailed(_ i: Instruction, because inner: EvaluationFailure) -> EvaluationFailure {
        let fact = ruleSet.facts[Int(i.a)]
        return EvaluationFailure(message: "geen waarde voor '\(fact.name)' (\(fact.explanation)): \(Program.filler(of: Int(i.a), in: ruleSet)); de standaardwaarde lukt ook niet, want \(inner.message)",
                                 range: sites[Int(i.site)].range, missingFact: fact.name)
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
