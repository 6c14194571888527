/// A reform that starts on a date (`geldig vanaf`): the baseline holds before
/// it, the reform from it. The transform works on syntax, before checking:
///
/// - a replaced definition or rule stays, and the reform's version becomes an
///   exception on it from the start date, yielding to every written exception
///   (so an exception on the baseline still decides where it applies);
/// - a replaced parameter keeps the baseline's values before the start and
///   takes the reform's from it;
/// - a rule that lapses (`vervalt`) stays, with an exception from the start
///   that makes it pay nothing; a lapsing exception holds until the start; a
///   lapsing definition or parameter stays as it is (from the start nothing
///   may read it: see ReformReferences);
/// - an obligation, intent or discretion point becomes a version: the
///   baseline's holds until the start (a lapsing one ends there), the reform's
///   from it; the two share the name (`Obligation.validity`);
/// - an added rule or exception is valid from the start, an added obligation,
///   intent or discretion point holds from it.
///
/// Other replaced or lapsed declarations (benefits, exceptions, facts,
/// persona blocks) are replaced as a whole, from the beginning.
enum ReformFromDate {
    struct Plan {
        let reform: String
        let start: CivilDate
        /// The date in the reform's header, where a window made from it points.
        let startRange: SourceRange
        let replaced: Set<String>
        let removed: Set<String>

        var untilStart: ValiditySyntax { ValiditySyntax(from: nil, until: Located(start, startRange), range: startRange) }
        var fromStart: ValiditySyntax { ValiditySyntax(from: Located(start, startRange), until: nil, range: startRange) }
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
                let lapses = plan.removed.contains(name)
                switch (entry.declaration, reformVersions[name]) {
                case (.definition, .definition?), (.rule, .rule?):
                    keptInBaseline.insert(name)
                    return entry
                case (.rule, nil) where lapses:
                    keptInBaseline.insert(name)
                    return entry
                case (.definition, nil) where lapses, (.parameter, nil) where lapses:
                    return entry
                case (.exception(let x), nil) where lapses:
                    // It holds until the start; one that would begin on or after it never holds.
                    if let from = x.validity?.from, from.value >= plan.start { return nil }
                    let until = x.validity?.until.map { $0.value < plan.start ? $0 : Located(plan.start, plan.startRange) }
                        ?? Located(plan.start, plan.startRange)
                    let validity = ValiditySyntax(from: x.validity?.from, until: until, range: x.validity?.range ?? plan.startRange)
                    return (.exception(ExceptionSyntax(name: x.name, target: x.target, source: x.source, validity: validity,
                                                       condition: x.condition, body: x.body, label: x.label)), entry.keyword)
                case (.parameter(let old), .parameter(let new)?):
                    keptInBaseline.insert(name)
                    return (.parameter(merged(old, new, from: plan.start)), entry.keyword)
                // The baseline's version of an obligation, intent or discretion point, until the start,
                // whether the reform replaces it or lets it lapse (no version of its own: it lapses).
                case (.obligation(var o), .obligation?), (.obligation(var o), nil):
                    o.window = plan.untilStart
                    return (.obligation(o), entry.keyword)
                case (.intent(var i), .intent?), (.intent(var i), nil):
                    i.window = plan.untilStart
                    return (.intent(i), entry.keyword)
                case (.discretion(var d), .discretion?), (.discretion(var d), nil):
                    d.window = plan.untilStart
                    return (.discretion(d), entry.keyword)
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
                    case .definition(let d):
                        return (.exception(version(of: d.name, label: d.label, source: d.source, validity: nil, body: d.body, plan)), entry.keyword)
                    case .rule(let r):
                        // A rule's condition moves into the body: where it fails, the reform's rule pays nothing.
                        let body = r.body.map { b in r.condition.map { Expr(.conditional($0, b, zeroMoney(b.range)), b.range) } ?? b }
                        return (.exception(version(of: r.name, label: r.label, source: r.source, validity: r.validity, body: body, plan)), entry.keyword)
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
                lapses.append((.exception(version(of: r.name, label: r.label, source: r.source, validity: nil, body: zeroMoney(r.name.range), plan)), keyword))
            }
        }
        // They belong to the reform, so they go after its first file's regulation.
        if !lapses.isEmpty, let first = added.first {
            added[0] = SyntaxFile(fileID: first.fileID, declarations: first.declarations + lapses)
        }
        return kept + added
    }

    /// The reform's version as an exception on the kept declaration, from the start date.
    static func version(of name: Name, label: Located<String>?, source: Located<String>?, validity: ValiditySyntax?, body: Expr?, _ plan: Plan) -> ExceptionSyntax {
        var x = ExceptionSyntax(name: Name("hervorming_\(plan.reform)_\(name.text)", name.range), target: name, source: source,
                                validity: starting(validity, plan.start, at: name.range),
                                condition: Expr(.literal(.bool(true)), name.range), body: body, label: label)
        x.isReformVersion = true
        return x
    }

    /// An added declaration that can hold from a date holds from the start.
    static func fromStart(_ d: DeclarationSyntax, _ plan: Plan) -> DeclarationSyntax {
        switch d {
        case .rule(let r):
            return .rule(RuleSyntax(name: r.name, effect: r.effect, benefit: r.benefit, period: r.period, source: r.source,
                                    validity: starting(r.validity, plan.start, at: r.name.range), condition: r.condition,
                                    rounding: r.rounding, body: r.body, label: r.label))
        case .exception(let x):
            return .exception(ExceptionSyntax(name: x.name, target: x.target, source: x.source,
                                              validity: starting(x.validity, plan.start, at: x.name.range), condition: x.condition, body: x.body,
                                              label: x.label))
        case .obligation(var o):
            o.window = plan.fromStart
            return .obligation(o)
        case .intent(var i):
            i.window = plan.fromStart
            return .intent(i)
        case .discretion(var x):
            x.window = plan.fromStart
            return .discretion(x)
        default:
            return d
        }
    }

    /// A validity that begins no earlier than the start date.
    static func starting(_ v: ValiditySyntax?, _ start: CivilDate, at range: SourceRange) -> ValiditySyntax {
        let from = v?.from.map { $0.value > start ? $0 : Located(start, $0.range) } ?? Located(start, range)
        return ValiditySyntax(from: from, until: v?.until, range: v?.range ?? range)
    }

    static func zeroMoney(_ range: SourceRange) -> Expr { Expr(.literal(.money(.zero)), range) }

    /// The baseline's values before the start, the reform's from it (the one in force at the start dated on it).
    static func merged(_ old: ParameterSyntax, _ new: ParameterSyntax, from start: CivilDate) -> ParameterSyntax {
        var values = old.values.filter { $0.from.value < start }
        if let atStart = new.values.last(where: { $0.from.value <= start }) {
            values.append(ParameterValueSyntax(from: Located(start, atStart.from.range), value: atStart.value, source: atStart.source))
        }
        values += new.values.filter { $0.from.value > start }
        return ParameterSyntax(name: old.name, type: new.type ?? old.type, source: new.source ?? old.source, values: values,
                               label: new.label ?? old.label, range: new.range ?? old.range)
    }
}
