/// Warns where a declaration reads a protected attribute (nationality,
/// directly or as a proxy). Rules and risk selection must not distinguish
/// people by it; the warning points at the exact use so the drafter can
/// rephrase the condition by place of stay or circumstance instead.
struct ProtectedAttributeCheck {
    let model: RuleSet
    var diagnostics = DiagnosticBag()

    init(model: RuleSet) { self.model = model }

    mutating func run() {
        for d in model.values {
            let kind = d.isRule ? "regel" : "definitie"
            scan(d.body, in: "\(kind) '\(d.name)'")
            if let c = d.condition { scan(c, in: "\(kind) '\(d.name)'") }
            for x in d.exceptions {
                scan(x.condition, in: "uitzondering '\(x.name)'")
                scan(x.body, in: "uitzondering '\(x.name)'")
            }
        }
        for o in model.obligations {
            scan(o.applies, in: "verplichting '\(o.name)'")
            scan(o.fulfilled, in: "verplichting '\(o.name)'")
        }
        for i in model.intents {
            if let c = i.condition { scan(c, in: "bedoeling '\(i.name)'") }
            scan(i.requirement, in: "bedoeling '\(i.name)'")
        }
    }

    /// Declarations already warned about: one warning each, further uses as notes.
    private var warned: [String: Int] = [:]

    private mutating func scan(_ e: TypedExpr, in declaration: String) {
        var stack = [e]
        while let node = stack.popLast() {
            switch node.node {
            case .fact(let index) where model.facts[index].isProtected:
                let name = model.facts[index].name
                if let index = warned[declaration] {
                    diagnostics.addNote(to: index, .init(range: node.range, message: "hier nog eens '\(name)'"))
                    continue
                }
                warned[declaration] = diagnostics.all.count
                diagnostics.warning(.protectedAttribute, node.range,
                                    "\(declaration) maakt onderscheid naar '\(name)', een beschermd kenmerk",
                                    suggestion: "formuleer de voorwaarde naar het land van verblijf of de omstandigheid, niet naar wie iemand is; de analyse toetst dit door het kenmerk om te draaien")
            case .constant, .parameter, .value, .benefit, .fact, .input: break
            case .negate(let a), .not(let a): stack.append(a)
            case .arithmetic(_, let a, let b), .compare(_, let a, let b), .and(let a, let b), .or(let a, let b): stack += [b, a]
            case .conditional(let c, let a, let b): stack += [b, a, c]
            case .call(_, let args): stack += args.reversed()
            }
        }
    }
}

/// Where a checked rule set reads a protected attribute, for the analysis:
/// the declarations, and the country codes they compare it with.
public struct ProtectedAttributeUse: Sendable {
    public let declaration: String
    public let provenance: Provenance
    /// The protected fact, by index in `RuleSet.facts`.
    public let fact: Int
    public let comparedCountries: [String]

    public static func uses(in model: RuleSet) -> [ProtectedAttributeUse] {
        var out: [ProtectedAttributeUse] = []
        func inspect(_ exprs: [TypedExpr], _ name: String, _ provenance: Provenance) {
            var facts: [Int] = [], countries = Set<String>()
            var stack = exprs
            while let node = stack.popLast() {
                switch node.node {
                case .fact(let f) where model.facts[f].isProtected: facts.append(f)
                case .constant(let v) where node.type == .country: countries.insert(CountryCode.decode(v))
                case .constant, .parameter, .value, .benefit, .fact, .input: break
                case .negate(let a), .not(let a): stack.append(a)
                case .arithmetic(_, let a, let b), .compare(_, let a, let b), .and(let a, let b), .or(let a, let b): stack += [a, b]
                case .conditional(let c, let a, let b): stack += [c, a, b]
                case .call(_, let args): stack += args
                }
            }
            if let f = facts.first {
                out.append(ProtectedAttributeUse(declaration: name, provenance: provenance, fact: f, comparedCountries: countries.sorted()))
            }
        }
        for d in model.values {
            inspect([d.body] + (d.condition.map { [$0] } ?? []), d.name, d.provenance)
            for x in d.exceptions { inspect([x.condition, x.body], x.name, x.provenance) }
        }
        for o in model.obligations { inspect([o.applies, o.fulfilled], o.name, o.provenance) }
        for i in model.intents { inspect([i.requirement] + (i.condition.map { [$0] } ?? []), i.name, i.provenance) }
        return out
    }
}
