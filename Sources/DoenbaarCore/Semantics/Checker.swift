/// Turns the syntax of all files of a rule set into the checked model, and
/// reports every problem: unknown names, types, periods, cycles, missing
/// sources, conflicting rules, parameters without a value where one is used.
public struct Checker {
    /// The longest chain of definitions a rule set may have (see DependencyChecks).
    public static let maximumChainDepth = 250

    public struct Result: Sendable {
        public let ruleSet: RuleSet?
        public let diagnostics: DiagnosticBag
    }

    /// Names a drafter cannot give to a declaration because they mean something already.
    static let reserved: Set<String> = Set(RuleFileParser.keywords + ValueType.writtenNames + [
        "ja", "nee", "als", "dan", "anders", "en", "of", "niet", "per", "dag", "maand", "vanaf", "tot",
        "bron", "euro", "dagen", "maanden", "op", "geldig", "uitkomst", "korting",
    ])

    var diagnostics = DiagnosticBag()
    var model = RuleSet()
    var symbols: [String: ExpressionChecker.Symbol] = [:]
    var declaredAt: [String: SourceRange] = [:]
    /// Where each declared name is first written, in file order.
    var firstWritten: [String: SourceRange] = [:]
    /// Where a persona line was declared to fill each fact, by fact index.
    var filledAt: [Int: SourceRange] = [:]

    public static func check(_ files: [SyntaxFile]) -> Result {
        var checker = Checker()
        checker.run(files)
        let ok = !checker.diagnostics.hasErrors
        return Result(ruleSet: ok ? checker.model : nil, diagnostics: checker.diagnostics)
    }

    // Declarations grouped by kind, each with the regulation of its file.
    typealias Tagged<T> = (syntax: T, regulation: String)

    private mutating func run(_ files: [SyntaxFile]) {
        var enums: [Tagged<EnumerationSyntax>] = [], benefits: [Tagged<BenefitSyntax>] = []
        var parameters: [Tagged<ParameterSyntax>] = [], definitions: [Tagged<DefinitionSyntax>] = []
        var rules: [Tagged<RuleSyntax>] = [], exceptions: [Tagged<ExceptionSyntax>] = []
        var obligations: [Tagged<ObligationSyntax>] = [], discretions: [Tagged<DiscretionSyntax>] = []
        var intents: [Tagged<IntentSyntax>] = [], inputs: [Tagged<InputSyntax>] = []
        var facts: [Tagged<FactSyntax>] = [], sections: [Tagged<SectionSyntax>] = [], records: [Tagged<RecordSyntax>] = []

        for file in files {
            var regulation: String?
            for (declaration, keyword) in file.declarations {
                if case .reform(let r) = declaration {
                    // Reform headers are taken out by the ReformLoader; one left here was loaded as baseline.
                    diagnostics.error(.misplacedReform, r.name.range,
                                      "hervorming '\(r.name.text)' staat tussen de gewone regels; een hervorming hoort in een eigen map en wordt geladen met 'doenbaar invoeringstoets --reform MAP'")
                    continue
                }
                if case .regulation(let r) = declaration {
                    addRegulation(r)
                    regulation = r.abbreviation.text
                    continue
                }
                guard let regulation else {
                    diagnostics.error(.missingRegulation, keyword,
                                      "declaratie staat vóór de regeling; begin het bestand met 'regeling AFKORTING \"Naam\"'")
                    regulation = "?"
                    continue
                }
                switch declaration {
                case .regulation, .reform: break
                case .enumeration(let s): enums.append((s, regulation))
                case .benefit(let s): benefits.append((s, regulation))
                case .parameter(let s): parameters.append((s, regulation))
                case .definition(let s): definitions.append((s, regulation))
                case .rule(let s): rules.append((s, regulation))
                case .exception(let s): exceptions.append((s, regulation))
                case .obligation(let s): obligations.append((s, regulation))
                case .discretion(let s): discretions.append((s, regulation))
                case .intent(let s): intents.append((s, regulation))
                case .input(let s): inputs.append((s, regulation))
                case .fact(let s): facts.append((s, regulation))
                case .section(let s): sections.append((s, regulation))
                case .record(let s): records.append((s, regulation))
                }
            }
        }

        // Where each name is first written, in file order: a name given twice is
        // reported at the later place, whichever kind of declaration comes first.
        for file in files {
            for (declaration, _) in file.declarations {
                switch declaration {
                case .section, .record, .regulation, .reform: continue
                default:
                    if let name = declaration.declaredName, firstWritten[name.text] == nil { firstWritten[name.text] = name.range }
                }
            }
        }
        // Names first, so declarations can refer to each other in any order.
        registerBuiltins()
        for e in enums { declareEnumeration(e.syntax) }
        for b in benefits { declareBenefit(b.syntax, b.regulation) }
        for p in parameters { declareParameter(p.syntax, p.regulation) }
        for i in inputs { declareInput(i.syntax, i.regulation) }
        for f in facts { declareFact(f.syntax, f.regulation) }
        var pending: [(slot: Int, body: Expr?, condition: Expr?)] = []
        for d in definitions { if let s = declareDefinition(d.syntax, d.regulation) { pending.append((s, d.syntax.body, nil)) } }
        for r in rules { if let s = declareRule(r.syntax, r.regulation) { pending.append((s, r.syntax.body, r.syntax.condition)) } }
        for x in exceptions { reserveName(x.syntax.name, "uitzondering") }
        // A reform with a start date leaves two versions of one name (the
        // baseline's before the start, the reform's from it): one name.
        var versions = Set<String>()
        func reserveVersion(_ name: Name, _ window: ValiditySyntax?, _ what: String) {
            if window != nil, !versions.insert("\(what) \(name.text)").inserted { return }
            reserveName(name, what)
        }
        for o in obligations { reserveVersion(o.syntax.name, o.syntax.window, "verplichting") }
        for d in discretions { reserveVersion(d.syntax.name, d.syntax.window, "beleidsruimte") }
        for i in intents { reserveVersion(i.syntax.name, i.syntax.window, "bedoeling") }

        // Then bodies, and the persona lines that fill the facts.
        for item in pending { checkBody(slot: item.slot, body: item.body, condition: item.condition) }
        checkFactDefaults(facts)
        for s in sections { declareSection(s.syntax, s.regulation) }
        for r in records { declareRecord(r.syntax, r.regulation) }
        linkEarnings(records.map(\.syntax))
        checkPersonaKeywords()
        attachExceptions(exceptions)
        for o in obligations { checkObligation(o.syntax, o.regulation) }
        for d in discretions { checkDiscretion(d.syntax, d.regulation) }
        for i in intents { checkIntent(i.syntax, i.regulation) }

        guard !diagnostics.hasErrors else { return }
        var protected = ProtectedAttributeCheck(model: model)
        protected.run()
        diagnostics.add(contentsOf: protected.diagnostics)
        var yearTotals = YearTotalCheck(model: model)
        yearTotals.run()
        diagnostics.add(contentsOf: yearTotals.diagnostics)
        var dependencies = DependencyChecks(model: model)
        dependencies.run()
        diagnostics.add(contentsOf: dependencies.diagnostics)
    }

    // MARK: Names

    @discardableResult
    mutating func reserveName(_ name: Name, _ what: String) -> Bool {
        if Checker.reserved.contains(name.text) || BuiltinFact.declarations.contains(where: { $0.name == name.text }) || Function(rawValue: name.text) != nil {
            diagnostics.error(.reservedName, name.range,
                              "'\(name.text)' is een woord van de regeltaal en kan geen naam van een \(what) zijn")
            return false
        }
        if let earlier = declaredAt[name.text] ?? firstWritten[name.text].flatMap({ $0 != name.range ? $0 : nil }) {
            diagnostics.add(Diagnostic(.duplicateName, at: name.range, "'\(name.text)' is al eerder gedeclareerd",
                                       notes: [.init(range: earlier, message: "eerste declaratie van '\(name.text)'")]))
            return false
        }
        declaredAt[name.text] = name.range
        return true
    }

    private mutating func registerBuiltins() {
        for (i, fact) in model.facts.enumerated() { symbols[fact.name] = .fact(i, fact.type, fact.periodicity) }
    }

    private mutating func addRegulation(_ r: RegulationSyntax) {
        if let existing = model.regulations.first(where: { $0.abbreviation == r.abbreviation.text }) {
            if let title = r.title?.value, title != existing.title {
                diagnostics.add(Diagnostic(.conflictingRegulation, at: r.abbreviation.range,
                                           "regeling '\(r.abbreviation.text)' heeft hier de naam \"\(title)\", elders \"\(existing.title)\"",
                                           notes: [.init(range: existing.range, message: "eerdere declaratie")]))
            }
            return
        }
        model.regulations.append(Regulation(abbreviation: r.abbreviation.text, title: r.title?.value ?? r.abbreviation.text,
                                            source: r.source?.value, range: r.abbreviation.range))
    }

    private mutating func declareEnumeration(_ s: EnumerationSyntax) {
        guard reserveName(s.name, "opsomming") else { return }
        var cases: [String] = []
        for c in s.cases {
            if symbols[c.text] != nil || declaredAt[c.text] != nil || Checker.reserved.contains(c.text) {
                diagnostics.error(.duplicateName, c.range, "waarde '\(c.text)' bestaat al als naam elders")
                continue
            }
            declaredAt[c.text] = c.range
            symbols[c.text] = .enumCase(s.name.text, cases.count)
            cases.append(c.text)
        }
        model.enumerations.append(Enumeration(name: s.name.text, cases: cases, label: s.label?.value))
    }

    private var enumerationNames: Set<String> { Set(model.enumerations.map(\.name)) }

    mutating func resolveType(_ t: TypeSyntax?) -> ValueType? {
        guard let t else { return nil }
        if let type = ValueType.named(t.name, enumerations: enumerationNames) { return type }
        let hint = Suggestions.closest(to: t.name, in: ValueType.writtenNames + Array(enumerationNames))
        diagnostics.error(.unknownName, t.range, "onbekend type '\(t.name)'",
                          suggestion: hint == nil ? "kies uit \(ValueType.writtenNames.joined(separator: ", ")) of een opsomming" : nil,
                          fixIts: FixIt.didYouMean(t.range, hint))
        return nil
    }

    func provenance(_ source: Located<String>?, _ regulation: String, _ name: Name) -> Provenance {
        Provenance(source: source?.value ?? "", regulation: regulation, range: name.range)
    }

    private mutating func declareBenefit(_ s: BenefitSyntax, _ regulation: String) {
        guard reserveName(s.name, "uitkering") else { return }
        symbols[s.name.text] = .benefit(model.benefits.count)
        model.benefits.append(Benefit(name: s.name.text, title: s.title?.value ?? s.name.text,
                                      provenance: provenance(s.source, regulation, s.name),
                                      decisionLagDays: s.decisionLag?.value ?? 0, label: s.title?.value))
    }

    private mutating func declareParameter(_ s: ParameterSyntax, _ regulation: String) {
        guard reserveName(s.name, "parameter"), let type = resolveType(s.type) else { return }
        var values: [Parameter.DatedValue] = []
        for v in s.values {
            var checker = ExpressionChecker(symbols: [:])
            // A parameter value is a literal of the parameter's type (a negative number allowed).
            guard let typed = checker.check(v.value, .init(periodicity: .constant)),
                  let raw = Checker.constantValue(typed) else {
                diagnostics.error(.typeMismatch, v.value.range,
                                  "de waarde van een parameter moet een vaste waarde zijn, zoals € 290,67, 75% of 2025-01-01",
                                  suggestion: "reken met de parameter in een definitie; de parameter zelf heeft per datum één vaste waarde, zoals \(TypeAdvice.example(type))")
                continue
            }
            guard ExpressionChecker.common(typed.type, type) == type || typed.type == type else {
                let advice = TypeAdvice.conversion(typed, to: type)
                diagnostics.error(.typeMismatch, v.value.range,
                                  "parameter '\(s.name.text)' is \(ExpressionChecker.described(type)), maar deze waarde is \(ExpressionChecker.described(typed.type))",
                                  suggestion: advice.suggestion, fixIts: advice.fixIts)
                continue
            }
            if let last = values.last, v.from.value <= last.from {
                diagnostics.error(.parameterOrder, v.from.range,
                                  "waarden van '\(s.name.text)' moeten op datum oplopen; \(v.from.value) komt niet na \(last.from)")
                continue
            }
            values.append(Parameter.DatedValue(from: v.from.value, raw: raw, source: v.source?.value))
        }
        symbols[s.name.text] = .parameter(model.parameters.count, type)
        var parameter = Parameter(name: s.name.text, type: type, provenance: provenance(s.source, regulation, s.name), values: values,
                                  label: s.label?.value)
        if let r = s.range { parameter.range = checkRange(r, of: s.name.text, type, values: values, valueSyntax: s.values) }
        model.parameters.append(parameter)
    }

    /// `bereik LAAG tot HOOG`: two fixed values of the parameter's type, the low one first, every value of the parameter within.
    private mutating func checkRange(_ r: ParameterRangeSyntax, of name: String, _ type: ValueType, values: [Parameter.DatedValue],
                                     valueSyntax: [ParameterValueSyntax]) -> Parameter.PlausibleRange? {
        func bound(_ e: Expr, _ which: String) -> Int64? {
            var checker = ExpressionChecker(symbols: [:])
            guard let typed = checker.check(e, .init(periodicity: .constant)), let raw = Checker.constantValue(typed) else {
                diagnostics.error(.parameterRange, e.range, "de \(which) waarde van het bereik van '\(name)' moet een vaste waarde zijn",
                                  suggestion: "schrijf het bereik als bereik LAAG tot HOOG met vaste waarden, zoals \(TypeAdvice.example(type))")
                return nil
            }
            guard ExpressionChecker.common(typed.type, type) == type || typed.type == type else {
                let advice = TypeAdvice.conversion(typed, to: type)
                diagnostics.error(.typeMismatch, e.range,
                                  "parameter '\(name)' is \(ExpressionChecker.described(type)), maar de \(which) waarde van het bereik is \(ExpressionChecker.described(typed.type))",
                                  suggestion: advice.suggestion, fixIts: advice.fixIts)
                return nil
            }
            return raw
        }
        guard let low = bound(r.low, "laagste"), let high = bound(r.high, "hoogste") else { return nil }
        guard low <= high else {
            diagnostics.error(.parameterRange, r.low.range,
                              "het bereik van '\(name)' begint boven zijn einde: de laagste waarde komt eerst",
                              suggestion: "draai de twee waarden om: bereik LAAG tot HOOG")
            return nil
        }
        var ok = true
        for (v, syntax) in zip(values, valueSyntax) where v.raw < low || v.raw > high {
            ok = false
            diagnostics.error(.parameterRange, syntax.value.range,
                              "deze waarde van '\(name)' ligt buiten het bereik dat de parameter zelf noemt",
                              suggestion: "een bereik omvat de gewone waarde: maak het bereik ruimer of pas de waarde aan",
                              notes: [.init(range: r.keyword, message: "het bereik")])
        }
        return ok ? Parameter.PlausibleRange(low: low, high: high, source: r.source?.value) : nil
    }

    private mutating func declareInput(_ s: InputSyntax, _ regulation: String) {
        guard reserveName(s.name, "invoer"), let type = resolveType(s.type) else { return }
        let periodicity: Periodicity = s.period?.value == .month ? .month : .constant
        symbols[s.name.text] = .input(model.inputs.count, type, periodicity)
        model.inputs.append(Input(name: s.name.text, type: type, periodicity: periodicity,
                                  provenance: provenance(s.source, regulation, s.name), label: s.label?.value))
    }

    static func constantValue(_ e: TypedExpr) -> Int64? {
        switch e.node {
        case .constant(let raw): return raw
        case .negate(let inner): return constantValue(inner).map { -$0 }
        default: return nil
        }
    }

    private mutating func declareDefinition(_ s: DefinitionSyntax, _ regulation: String) -> Int? {
        guard reserveName(s.name, "definitie"), let type = resolveType(s.type), let period = s.period else { return nil }
        if s.rounding != nil && type != .money && type != .number && type != .days {
            diagnostics.error(.typeMismatch, s.rounding!.range, "afronding geldt alleen voor bedragen, getallen en dagen",
                              fixIts: [.replace(s.rounding!.range, with: "", "laat 'afronding' weg: \(ExpressionChecker.described(type)) wordt niet afgerond")])
        }
        return addSlot(ValueDeclaration(name: s.name.text, role: .definition, type: type, periodicity: Periodicity(period.value),
                                        provenance: provenance(s.source, regulation, s.name), rounding: s.rounding?.value,
                                        validity: Validity(from: nil, until: nil), condition: nil,
                                        body: TypedExpr(.constant(0), type), label: s.label?.value))
    }

    private mutating func declareRule(_ s: RuleSyntax, _ regulation: String) -> Int? {
        guard reserveName(s.name, "regel"), let effect = s.effect, let benefitName = s.benefit, let period = s.period else { return nil }
        guard case .benefit(let benefit)? = symbols[benefitName.text] else {
            let hint = Suggestions.closest(to: benefitName.text, in: model.benefits.map(\.name))
            diagnostics.error(.unknownName, benefitName.range, "onbekende uitkering '\(benefitName.text)'",
                              suggestion: hint == nil ? "declareer haar met 'uitkering \(benefitName.text)'" : nil,
                              fixIts: FixIt.didYouMean(benefitName.range, hint))
            return nil
        }
        guard let validity = checkValidity(s.validity) else { return nil }
        return addSlot(ValueDeclaration(name: s.name.text, role: effect == .payment ? .payment(benefit: benefit) : .deduction(benefit: benefit),
                                        type: .money, periodicity: Periodicity(period.value),
                                        provenance: provenance(s.source, regulation, s.name),
                                        rounding: s.rounding?.value ?? .halfAwayFromZero, validity: validity,
                                        condition: nil, body: TypedExpr(.constant(0), .money), label: s.label?.value))
    }

    mutating func checkValidity(_ v: ValiditySyntax?) -> Validity? {
        guard let v else { return Validity(from: nil, until: nil) }
        if let f = v.from, let u = v.until, u.value <= f.value {
            let problem = v.through.map { "de einddatum (tot en met \($0.value)) ligt vóór" } ?? "de einddatum (\(u.value)) ligt niet na"
            diagnostics.error(.invalidValidity, u.range, "\(problem) de begindatum (\(f.value))",
                              notes: [.init(range: f.range, message: "begindatum")])
            return nil
        }
        return Validity(from: v.from?.value, until: v.until?.value)
    }

    private mutating func addSlot(_ declaration: ValueDeclaration) -> Int {
        let slot = model.values.count
        model.values.append(declaration)
        symbols[declaration.name] = .value(slot, declaration.type, declaration.periodicity)
        return slot
    }
}
