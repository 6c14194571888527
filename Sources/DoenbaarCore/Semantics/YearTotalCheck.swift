/// Warns where `totaal_dit_jaar` counts something that must run across the
/// turn of the year: the total starts again at zero on 1 January, so it can
/// never reach more than a year's worth (12 months, 366 days). Compared with
/// a bound larger than that (a duration of 24 months, say), the count was
/// meant to run on; `totaal_sinds(…, datum)` does.
struct YearTotalCheck {
    let model: RuleSet
    var diagnostics = DiagnosticBag()

    init(model: RuleSet) { self.model = model }

    mutating func run() {
        var warned = Set<String>()
        for d in model.declaredExpressions {
            for e in d.expressions { scan(e, in: d.name, warned: &warned) }
        }
    }

    private mutating func scan(_ e: TypedExpr, in declaration: String, warned: inout Set<String>) {
        var found: [(TypedExpr, Int64, String, String)] = []
        e.forEachNode { node in
            guard case .compare(_, let a, let b) = node.node else { return }
            for (total, bound) in [(a, b), (b, a)] {
                guard let (call, capacity, unit) = yearCount(total), let (limit, what) = largest(bound), limit > capacity * Fixed.scale else { continue }
                found.append((call, capacity, unit, what))
            }
        }
        for (call, capacity, unit, what) in found where warned.insert(declaration).inserted {
            diagnostics.warning(.yearTotal, call.range,
                                "totaal_dit_jaar begint op 1 januari weer bij nul en telt hoogstens \(capacity) \(unit), maar '\(declaration)' vergelijkt het met \(what): een telling die over de jaarwisseling doorloopt, telt zo niet verder",
                                suggestion: "tel vanaf een datum met totaal_sinds(waarde per maand, begindatum), bijvoorbeeld de ingangsdatum van de uitkering")
        }
    }

    /// A year total that counts (months in which, or days on which, something
    /// holds), directly or through a definition that is nothing else.
    private func yearCount(_ e: TypedExpr) -> (TypedExpr, Int64, String)? {
        switch e.node {
        case .call(.yearToDate, let args) where args.first?.type == .bool:
            return e.type == .days ? (e, 366, "dagen") : (e, 12, "maanden")
        case .value(let slot):
            let d = model.values[slot]
            guard d.exceptions.isEmpty, d.condition == nil, case .call(.yearToDate, _) = d.body.node else { return nil }
            return yearCount(d.body)
        default:
            return nil
        }
    }

    /// The largest value a bound can take: a number written in the rules, or a
    /// parameter's largest value in any period.
    private func largest(_ e: TypedExpr) -> (Int64, String)? {
        switch e.node {
        case .constant(let raw):
            return (raw, Fixed(raw: raw).format(decimals: 0))
        case .parameter(let index):
            let p = model.parameters[index]
            guard let top = p.values.map(\.raw).max() else { return nil }
            return (top, "parameter '\(p.name)' (tot \(Fixed(raw: top).format(decimals: 0)))")
        default:
            return nil
        }
    }
}
