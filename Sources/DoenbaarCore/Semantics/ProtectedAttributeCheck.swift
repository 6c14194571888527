/// Warns where a declaration reads a protected attribute (nationality,
/// directly or as a proxy). Rules and risk selection must not distinguish
/// people by it; the warning points at the exact use so the drafter can
/// rephrase the condition by place of stay or circumstance instead.
struct ProtectedAttributeCheck {
    let model: RuleSet
    var diagnostics = DiagnosticBag()

    init(model: RuleSet) { self.model = model }

    mutating func run() {
        for d in model.declaredExpressions {
            for e in d.expressions { scan(e, in: d.described) }
        }
    }

    /// Declarations already warned about: one warning each, further uses as notes.
    private var warned: [String: Int] = [:]

    private mutating func scan(_ e: TypedExpr, in declaration: String) {
        e.forEachNode { node in
            guard case .fact(let index) = node.node, model.facts[index].isProtected else { return }
            let name = model.facts[index].name
            if let index = warned[declaration] {
                diagnostics.addNote(to: index, .init(range: node.range, message: "hier nog eens '\(name)'"))
                return
            }
            warned[declaration] = diagnostics.all.count
            diagnostics.warning(.protectedAttribute, node.range,
                                "\(declaration) maakt onderscheid naar '\(name)', een beschermd kenmerk",
                                suggestion: "formuleer de voorwaarde naar het land van verblijf of de omstandigheid, niet naar wie iemand is; de analyse toetst dit door het kenmerk om te draaien")
        }
    }
}

/// Where a checked rule set reads a protected attribute, for the analysis:
/// the declarations, and the country codes they compare it with.
public struct ProtectedAttributeUse: Sendable {
    public let declaration: String
    /// Its keyword (regel, definitie, uitzondering, ...) and label.
    public let keyword: String
    public let label: String?
    public let provenance: Provenance
    /// The protected fact, by index in `RuleSet.facts`.
    public let fact: Int
    public let comparedCountries: [String]

    public static func uses(in model: RuleSet) -> [ProtectedAttributeUse] {
        model.declaredExpressions.compactMap { d in
            var facts: [Int] = [], countries = Set<String>()
            for e in d.expressions {
                e.forEachNode { node in
                    if case .fact(let f) = node.node, model.facts[f].isProtected { facts.append(f) }
                    if case .constant(let v) = node.node, node.type == .country { countries.insert(CountryCode.decode(v)) }
                }
            }
            return facts.first.map { ProtectedAttributeUse(declaration: d.name, keyword: d.keyword, label: d.label, provenance: d.provenance, fact: $0, comparedCountries: countries.sorted()) }
        }
    }
}
