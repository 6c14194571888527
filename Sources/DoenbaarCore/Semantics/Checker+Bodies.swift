/// The bodies of declarations: expressions checked against the symbols,
/// conditions, exceptions attached to what they override, obligations,
/// discretion points and intents.
extension Checker {
    mutating func expression(_ e: Expr, _ context: ExpressionChecker.Context) -> TypedExpr? {
        var checker = ExpressionChecker(symbols: symbols)
        let typed = checker.check(e, context)
        diagnostics.add(contentsOf: checker.diagnostics)
        return typed
    }

    mutating func expect(_ typed: TypedExpr?, _ type: ValueType, _ range: SourceRange, _ what: String) -> TypedExpr? {
        guard let typed else { return nil }
        if typed.type == type || (type.isScalar && typed.type.isScalar) { return typed }
        let advice = TypeAdvice.conversion(typed, to: type)
        diagnostics.error(.typeMismatch, range,
                          "\(what) moet \(ExpressionChecker.described(type)) zijn, maar is \(ExpressionChecker.described(typed.type))",
                          suggestion: advice.suggestion, fixIts: advice.fixIts)
        return nil
    }

    mutating func checkBody(slot: Int, body: Expr?, condition: Expr?) {
        let declaration = model.values[slot]
        let context = ExpressionChecker.Context(periodicity: declaration.periodicity)
        let kind = declaration.isRule ? "regel" : "definitie"
        let typedCondition = condition.flatMap { c in expect(expression(c, context), .bool, c.range, "de voorwaarde van '\(declaration.name)'") }
        guard let body, let typed = expect(expression(body, context), declaration.type, body.range, "\(kind) '\(declaration.name)'") else { return }
        model.values[slot] = ValueDeclaration(name: declaration.name, role: declaration.role, type: declaration.type,
                                              periodicity: declaration.periodicity, provenance: declaration.provenance,
                                              rounding: declaration.rounding, validity: declaration.validity,
                                              condition: typedCondition, body: typed, label: declaration.label)
    }

    mutating func attachExceptions(_ exceptions: [Tagged<ExceptionSyntax>]) {
        // Which rule or definition (slot) each exception ultimately overrides, following chains.
        // Only the targets: looking up a whole ExceptionSyntax copies it, and a long chain looks up often.
        var byName: [String: Name?] = [:]
        for x in exceptions { byName[x.syntax.name.text] = x.syntax.target }
        // Where each chain ends, found once per exception (a chain of n exceptions costs n, not n²).
        var rootOf: [String: String] = [:]
        func root(of target: String, from name: String) -> (root: String, seen: Set<String>) {
            var rootName = target
            var seen: Set<String> = [name]
            var path: [String] = []
            while let parent = byName[rootName] {
                if let known = rootOf[rootName] { rootName = known; break }
                guard let parent, seen.insert(rootName).inserted else { break }
                path.append(rootName)
                rootName = parent.text
            }
            // Only a chain that ends outside the exceptions is remembered: a cycle is reported per exception.
            if byName[rootName] == nil { for p in path { rootOf[p] = rootName } }
            return (rootName, seen)
        }
        // Per value, its exceptions in order, as a linked list: an exception on an
        // exception goes straight before it, in constant time.
        var chains: [Int: ExceptionOrder] = [:]
        // The first exception on each target, with its checked value.
        var claimedBy: [String: (name: Name, body: TypedExpr?)] = [:]
        var inReportedCycle = Set<String>()
        // A reform's version of a declaration comes last: every written exception goes before it.
        let ordered = exceptions.filter { !$0.syntax.isReformVersion } + exceptions.filter(\.syntax.isReformVersion)
        for (x, regulation) in ordered {
            guard let target = x.target else { continue }
            let (rootName, seen) = root(of: target.text, from: x.name.text)
            guard case .value(let slot, _, _)? = symbols[rootName] else {
                if byName[rootName] != nil {
                    // The chain came back to an exception: a cycle, reported once.
                    if !inReportedCycle.contains(x.name.text) {
                        inReportedCycle.formUnion(seen)
                        diagnostics.error(.cycle, x.name.range,
                                          "uitzondering '\(x.name.text)' geldt via '\(target.text)' op zichzelf; een keten van uitzonderingen moet eindigen bij een regel of definitie")
                    }
                } else if byName[target.text] == nil {
                    reportBadExceptionTarget(target, exceptionNames: byName.keys)
                }
                // Otherwise the target is an exception whose own target is wrong: reported there.
                continue
            }
            let rule = model.values[slot]
            let context = ExpressionChecker.Context(periodicity: rule.periodicity)
            let condition = x.condition.flatMap { c in expect(expression(c, context), .bool, c.range, "de voorwaarde van '\(x.name.text)'") }
            let body = x.body.flatMap { b in expect(expression(b, context), rule.type, b.range, "uitzondering '\(x.name.text)'") }
            // Two exceptions on one target need a precedence, unless they give the
            // same value: then it does not matter which of them decides.
            if !x.isReformVersion, let other = claimedBy[target.text] {
                let sameValue = body.flatMap { b in other.body.map { b.hasSameValue(as: $0) } } ?? false
                if !sameValue {
                    diagnostics.add(Diagnostic(.conflictingRules, at: x.name.range,
                                               "'\(x.name.text)' en '\(other.name.text)' zijn allebei een uitzondering op '\(target.text)' zonder onderlinge voorrang",
                                               suggestion: "laat de specifiekere uitzondering gelden 'op \(other.name.text)'",
                                               notes: [.init(range: other.name.range, message: "andere uitzondering op '\(target.text)'")]))
                    continue
                }
            } else if !x.isReformVersion {
                claimedBy[target.text] = (x.name, body)
            }
            guard let validity = checkValidity(x.validity), let condition, let body else { continue }
            let exception = RuleException(name: x.name.text, provenance: provenance(x.source, regulation, x.name),
                                          validity: validity, condition: condition, body: body, overrides: target.text, label: x.label?.value)
            // An exception on an exception goes before it: the most specific decides.
            chains[slot, default: ExceptionOrder()].insert(exception, before: target.text)
        }
        for (slot, order) in chains { model.values[slot].exceptions.append(contentsOf: order.inOrder) }
    }

    /// An exception holds on a rule, a definition or another exception; say what the target is instead.
    mutating func reportBadExceptionTarget(_ target: Name, exceptionNames: some Collection<String>) {
        let ruleNames = model.values.map(\.name) + Array(exceptionNames)
        let what: String
        switch symbols[target.text] {
        case .parameter?: what = "een parameter"
        case .fact?: what = "een gegeven"
        case .benefit?: what = "een uitkering"
        case .enumCase?: what = "een waarde van een opsomming"
        case .input?: what = "een invoer"
        default:
            let hint = Suggestions.closest(to: target.text, in: ruleNames.sorted())
            diagnostics.error(.unknownName, target.range, "onbekende regel of definitie '\(target.text)'",
                              suggestion: hint == nil ? "een uitzondering geldt op een regel, een definitie of een andere uitzondering" : nil,
                              fixIts: FixIt.didYouMean(target.range, hint))
            return
        }
        diagnostics.error(.unknownName, target.range, "'\(target.text)' is \(what); een uitzondering geldt op een regel of een definitie",
                          suggestion: "laat de uitzondering gelden op de regel of definitie die '\(target.text)' gebruikt")
    }

    mutating func checkObligation(_ s: ObligationSyntax, _ regulation: String) {
        guard let period = s.period else { return }
        let context = ExpressionChecker.Context(periodicity: Periodicity(period.value))
        let applies = s.applies.flatMap { e in expect(expression(e, context), .bool, e.range, "'geldt als'") }
        let fulfilled = s.fulfilled.flatMap { e in expect(expression(e, context), .bool, e.range, "'nagekomen als'") }
        var demands: [Capacity] = []
        for d in s.demands {
            guard let c = Capacity(rawValue: d.text) else {
                let hint = Suggestions.closest(to: d.text, in: Capacity.allCases.map(\.rawValue))
                diagnostics.error(.unknownName, d.range, "onbekend onderdeel van doenvermogen '\(d.text)'",
                                  suggestion: hint == nil ? "kies uit \(Capacity.allCases.map(\.rawValue).joined(separator: ", "))" : nil,
                                  fixIts: FixIt.didYouMean(d.range, hint))
                continue
            }
            demands.append(c)
        }
        var channel: Obligation.Channel?
        if let c = s.channel {
            channel = Obligation.Channel(rawValue: c.text)
            if channel == nil { diagnostics.error(.unknownName, c.range, "onbekend kanaal '\(c.text)'; kies 'digitaal' of 'papier'") }
        }
        var consequences: [Obligation.Consequence] = []
        for c in s.consequences {
            guard let kind = Obligation.ConsequenceKind(rawValue: c.kind.text) else {
                let hint = Suggestions.closest(to: c.kind.text, in: Obligation.ConsequenceKind.allCases.map(\.rawValue))
                diagnostics.error(.unknownName, c.kind.range, "onbekend gevolg '\(c.kind.text)'",
                                  suggestion: hint == nil ? "kies uit \(Obligation.ConsequenceKind.allCases.map(\.rawValue).joined(separator: ", "))" : nil,
                                  fixIts: FixIt.didYouMean(c.kind.range, hint))
                continue
            }
            var amount: TypedExpr?
            var share: Int64?
            if let e = c.detrimentShare {
                guard kind == .fine else {
                    diagnostics.error(.typeMismatch, e.range, "alleen een boete kan een deel van de benadeling zijn",
                                      suggestion: "schrijf 'gevolg boete \(TypeAdvice.example(.percentage)) van benadeling, zonder benadeling € 150,00', of geef '\(kind.rawValue)' zonder deel")
                    continue
                }
                let typed = expression(e, context)
                guard let typed, typed.type == .percentage, let raw = Checker.constantValue(typed),
                      raw >= 0, raw <= 2 * Fixed.scale else {
                    // 0,5 van benadeling: the share written as a fraction.
                    let fix = typed.flatMap { TypeAdvice.rewrite($0, as: .percentage, "schrijf het deel als percentage") }
                    diagnostics.error(.typeMismatch, e.range, "het deel van de benadeling is een vast percentage tussen 0% en 200%, zoals 50%",
                                      fixIts: fix.map { [$0] } ?? [])
                    continue
                }
                share = raw
            }
            if let a = c.amount {
                amount = expect(expression(a, context), .money, a.range, "het bedrag van '\(kind.rawValue)'")
                if amount == nil { continue }
            } else if kind == .fine {
                diagnostics.error(.missingClause, c.range, share == nil
                    ? "een boete heeft een bedrag nodig: gevolg boete € 150,00"
                    : "zeg ook wat de boete is zonder benadeling: gevolg boete 50% van benadeling, zonder benadeling € 150,00")
                continue
            }
            consequences.append(Obligation.Consequence(kind: kind, amount: amount, detrimentShare: share))
        }
        var report: Int?
        if let r = s.report {
            report = model.records.firstIndex { $0.keyword == r.text }
            if report == nil {
                let names = model.records.map(\.keyword)
                let hint = Suggestions.closest(to: r.text, in: names)
                diagnostics.error(.unknownName, r.range, "onbekende melding '\(r.text)': er is geen opgave met die naam",
                                  suggestion: names.isEmpty ? "declareer eerst een opgave, bijvoorbeeld 'opgave \(r.text)'"
                                      : hint == nil ? "kies uit \(names.joined(separator: ", "))" : nil,
                                  fixIts: FixIt.didYouMean(r.range, hint))
            }
        }
        guard let applies, let fulfilled, let validity = checkValidity(s.window) else { return }
        let deadline = s.deadline.map { Obligation.Deadline(amount: $0.amount, unit: $0.unit, before: $0.before) }
        model.obligations.append(Obligation(name: s.name.text, provenance: provenance(s.source, regulation, s.name),
                                            periodicity: Periodicity(period.value), applies: applies, fulfilled: fulfilled,
                                            deadline: deadline, demands: demands, steps: s.steps?.value ?? 1,
                                            channel: channel, consequences: consequences, report: report, validity: validity,
                                            label: s.label?.value))
    }

    private var obligationNames: [String] { model.obligations.map(\.name) }

    mutating func checkDiscretion(_ s: DiscretionSyntax, _ regulation: String) {
        var slots: [Int] = [], obligations: [Int] = [], recoveries: [Int] = []
        for r in s.rules {
            if case .value(let slot, _, _)? = symbols[r.text] {
                slots.append(slot)
            } else if obligationNames.contains(r.text) {
                // Every version of the obligation (see `Obligation.validity`).
                obligations += obligationNames.indices.filter { obligationNames[$0] == r.text }
            } else if case .benefit(let b)? = symbols[r.text] {
                // A benefit stands for its recoveries: `bij WW` softens what is paid back.
                recoveries.append(b)
            } else {
                let hint = Suggestions.closest(to: r.text, in: model.values.map(\.name) + obligationNames + model.benefits.map(\.name))
                diagnostics.error(.unknownName, r.range, "onbekende regel, definitie, verplichting of uitkering '\(r.text)'",
                                  suggestion: hint == nil ? "'bij' noemt de regels, definities, verplichtingen of uitkeringen waar de beleidsruimte bij hoort" : nil,
                                  fixIts: FixIt.didYouMean(r.range, hint))
            }
        }
        var kind = Discretion.Kind.tailoring
        if let k = s.kind {
            if let known = Discretion.Kind(rawValue: k.text) {
                kind = known
            } else {
                diagnostics.error(.unknownName, k.range, "onbekende soort beleidsruimte '\(k.text)'",
                                  suggestion: "kies 'maatwerk' (de uitvoerder beslist per geval) of 'beleidsregel' (een regel onder de wet)")
            }
        }
        var scope: TypedExpr?
        if let e = s.scope {
            guard let typed = expect(expression(e, ExpressionChecker.Context(periodicity: .month)), .bool, e.range, "'geldt als' van een beleidsruimte") else { return }
            scope = typed
        }
        guard let validity = checkValidity(s.window) else { return }
        model.discretions.append(Discretion(name: s.name.text, provenance: provenance(s.source, regulation, s.name),
                                            slots: slots, text: s.text?.value ?? "", kind: kind, obligations: obligations,
                                            recoveries: recoveries, scope: scope, validity: validity, label: s.label?.value))
    }

    mutating func checkIntent(_ s: IntentSyntax, _ regulation: String) {
        guard let period = s.period else { return }
        let context = ExpressionChecker.Context(periodicity: Periodicity(period.value), allowsBenefits: true)
        let condition = s.condition.flatMap { e in expect(expression(e, context), .bool, e.range, "'geldt als'") }
        guard let r = s.requirement, let requirement = expect(expression(r, context), .bool, r.range, "de eis") else { return }
        if s.condition != nil && condition == nil { return }
        guard let validity = checkValidity(s.window) else { return }
        model.intents.append(Intent(name: s.name.text, provenance: provenance(s.source, regulation, s.name),
                                    text: s.text?.value ?? "", periodicity: Periodicity(period.value),
                                    condition: condition, requirement: requirement, validity: validity, label: s.label?.value))
    }
}

/// The exceptions of one value in the order they are tried: each new one goes
/// straight before the exception it is on, or last when it is on the value
/// itself. A linked list, so that a long chain is not quadratic.
struct ExceptionOrder {
    private var nodes: [(exception: RuleException, previous: Int?, next: Int?)] = []
    private var index: [String: Int] = [:]
    private var first: Int?, last: Int?

    mutating func insert(_ exception: RuleException, before target: String) {
        let new = nodes.count
        if index[exception.name] == nil { index[exception.name] = new }
        if let at = index[target], at != new {
            let previous = nodes[at].previous
            nodes.append((exception, previous, at))
            nodes[at].previous = new
            if let previous { nodes[previous].next = new } else { first = new }
        } else {
            nodes.append((exception, last, nil))
            if let last { nodes[last].next = new } else { first = new }
            last = new
        }
    }

    var inOrder: [RuleException] {
        var result: [RuleException] = []
        result.reserveCapacity(nodes.count)
        var at = first
        while let i = at { result.append(nodes[i].exception); at = nodes[i].next }
        return result
    }
}
