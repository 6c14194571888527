/// A reform that starts on a date (`geldig vanaf`): the baseline holds before
/// it, the reform from it. The transform works on syntax, before checking:
///
/// - a replaced definition or rule stays, and the reform's version becomes an
///   exception on it from the start date, yielding to every written exception
///   (so an exception on the baseline still decides where it applies);
/// - a replaced parameter keeps the baseline's values before the start and
///   takes the reform's from it;
/// - a rule that lapses (`vervalt`) stays, with an exception from the start
///   that makes it pay nothing;
/// - an added rule or exception is valid from the start, an added obligation or
///   intent applies from it.
///
/// Other replaced or lapsed declarations (benefits, obligations, intents,
/// facts) are replaced as a whole, from the beginning.
enum ReformFromDate {
    struct Plan {
        let reform: String
        let start: CivilDate
        let replaced: Set<String>
        let removed: Set<String>
    }

    /// The baseline's and the reform's declarations merged for a reform that starts on `plan.start`.
    static func merge(baseline: [SyntaxFile], reform: [SyntaxFile], _ plan: Plan) -> [SyntaxFile] {
        var reformVersions: [String: DeclarationSyntax] = [:]
        for file in reform {
            for (d, _) in file.declarations { if let n = d.declaredName, plan.replaced.contains(n.text) { reformVersions[n.text] = d } }
        }
        // What the baseline keeps, with replaced parameters merged by date.
        var keptInBaseline = Set<String>()
        let kept = baseline.map { file in
            SyntaxFile(fileID: file.fileID, declarations: file.declarations.compactMap { entry in
                guard let name = entry.declaration.declaredName?.text, plan.replaced.contains(name) || plan.removed.contains(name) else { return entry }
                switch (entry.declaration, reformVersions[name]) {
                case (.definition, .definition?), (.rule, .rule?):
                    keptInBaseline.insert(name)
                    return entry
                case (.rule, nil) where plan.removed.contains(name):
                    keptInBaseline.insert(name)
                    return entry
                case (.parameter(let old), .parameter(let new)?):
                    keptInBaseline.insert(name)
                    return (.parameter(merged(old, new, from: plan.start)), entry.keyword)
                default:
                    return nil
                }
            })
        }
        var added = reform.map { file in
            SyntaxFile(fileID: file.fileID, declarations: file.declarations.compactMap { entry -> (declaration: DeclarationSyntax, keyword: SourceRange)? in
                if case .reform = entry.declaration { return nil }
                let name = entry.declaration.declaredName?.text
                if let name, keptInBaseline.contains(name) {
                    // The reform's version of a kept definition or rule: an exception from the start.
                    switch entry.declaration {
                    case .definition(let d): return (.exception(version(of: d.name, source: d.source, validity: nil, body: d.body, plan)), entry.keyword)
                    case .rule(let r):
                        // A rule's condition moves into the body: where it fails, the reform's rule pays nothing.
                        let body = r.body.map { b in r.condition.map { Expr(.conditional($0, b, zeroMoney(b.range)), b.range) } ?? b }
                        return (.exception(version(of: r.name, source: r.source, validity: r.validity, body: body, plan)), entry.keyword)
                    default: return nil
                    }
                }
                return (fromStart(entry.declaration, plan), entry.keyword)
            })
        }
        // A lapsing rule pays nothing from the start.
        var lapses: [(declaration: DeclarationSyntax, keyword: SourceRange)] = []
        for file in baseline {
            for (d, keyword) in file.declarations {
                guard case .rule(let r) = d, plan.removed.contains(r.name.text) else { continue }
                lapses.append((.exception(version(of: r.name, source: r.source, validity: nil, body: zeroMoney(r.name.range), plan)), keyword))
            }
        }
        // They belong to the reform, so they go after its first file's regulation.
        if !lapses.isEmpty, let first = added.first {
            added[0] = SyntaxFile(fileID: first.fileID, declarations: first.declarations + lapses)
        }
        return kept + added
    }

    /// The reform's version as an exception on the kept declaration, from the start date.
    static func version(of name: Name, source: Located<String>?, validity: ValiditySyntax?, body: Expr?, _ plan: Plan) -> ExceptionSyntax {
        var x = ExceptionSyntax(name: Name("hervorming_\(plan.reform)_\(name.text)", name.range), target: name, source: source,
                                validity: starting(validity, plan.start, at: name.range),
                                condition: Expr(.literal(.bool(true)), name.range), body: body)
        x.isReformVersion = true
        return x
    }

    /// An added declaration that can hold from a date holds from the start.
    static func fromStart(_ d: DeclarationSyntax, _ plan: Plan) -> DeclarationSyntax {
        switch d {
        case .rule(let r):
            return .rule(RuleSyntax(name: r.name, effect: r.effect, benefit: r.benefit, period: r.period, source: r.source,
                                    validity: starting(r.validity, plan.start, at: r.name.range), condition: r.condition,
                                    rounding: r.rounding, body: r.body))
        case .exception(let x):
            return .exception(ExceptionSyntax(name: x.name, target: x.target, source: x.source,
                                              validity: starting(x.validity, plan.start, at: x.name.range), condition: x.condition, body: x.body))
        case .obligation(let o):
            var copy = ObligationSyntax(name: o.name, source: o.source, period: o.period, applies: o.applies.map { since(plan.start, and: $0) },
                                        fulfilled: o.fulfilled, deadline: o.deadline, demands: o.demands, steps: o.steps,
                                        channel: o.channel, consequences: o.consequences)
            copy.report = o.report
            return .obligation(copy)
        case .intent(let i):
            return .intent(IntentSyntax(name: i.name, source: i.source, text: i.text, period: i.period,
                                        condition: i.condition.map { since(plan.start, and: $0) } ?? since(plan.start, and: nil, at: i.name.range),
                                        requirement: i.requirement))
        default:
            return d
        }
    }

    /// A validity that begins no earlier than the start date.
    static func starting(_ v: ValiditySyntax?, _ start: CivilDate, at range: SourceRange) -> ValiditySyntax {
        let from = v?.from.map { $0.value > start ? $0 : Located(start, $0.range) } ?? Located(start, range)
        return ValiditySyntax(from: from, until: v?.until, range: v?.range ?? range)
    }

    /// `peildatum >= START en (condition)`.
    static func since(_ start: CivilDate, and condition: Expr?, at fallback: SourceRange = .synthetic) -> Expr {
        let range = condition?.range ?? fallback
        let from = Expr(.binary(.greaterEqual, Expr(.name(BuiltinFact.referenceDate.declaration.name), range), Expr(.literal(.date(start)), range)), range)
        return condition.map { Expr(.binary(.and, from, $0), range) } ?? from
    }

    static func zeroMoney(_ range: SourceRange) -> Expr { Expr(.literal(.money(.zero)), range) }

    /// The baseline's values before the start, the reform's from it (the one in force at the start dated on it).
    static func merged(_ old: ParameterSyntax, _ new: ParameterSyntax, from start: CivilDate) -> ParameterSyntax {
        var values = old.values.filter { $0.from.value < start }
        if let atStart = new.values.last(where: { $0.from.value <= start }) {
            values.append(ParameterValueSyntax(from: Located(start, atStart.from.range), value: atStart.value, source: atStart.source))
        }
        values += new.values.filter { $0.from.value > start }
        return ParameterSyntax(name: old.name, type: new.type ?? old.type, source: new.source ?? old.source, values: values)
    }
}
