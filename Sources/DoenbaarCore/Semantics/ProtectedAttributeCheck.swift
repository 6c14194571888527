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
            case .fact(let f) where f.isProtected:
                if let index = warned[declaration] {
                    diagnostics.addNote(to: index, .init(range: node.range, message: "hier nog eens '\(f.rawValue)'"))
                    continue
                }
                warned[declaration] = diagnostics.all.count
                diagnostics.warning(.protectedAttribute, node.range,
                                    "\(declaration) maakt onderscheid naar '\(f.rawValue)', een beschermd kenmerk",
                                    suggestion: "formuleer de voorwaarde naar het land van verblijf of de omstandigheid, niet naar wie iemand is; de analyse toetst dit door het kenmerk om te draaien")
            case .constant, .parameter, .value, .benefit, .fact: break
            case .negate(let a), .not(let a): stack.append(a)
            case .arithmetic(_, let a, let b), .compare(_, let a, let b), .and(let a, let b), .or(let a, let b): stack += [b, a]
            case .conditional(let c, let a, let b): stack += [b, a, c]
            case .call(_, let args): stack += args.reversed()
            }
        }
    }
}
