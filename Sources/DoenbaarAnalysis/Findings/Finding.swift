import DoenbaarCore

/// A harsh effect found for one persona: legally correct, yet
/// disproportionate, self-defeating or unforeseeable. Every finding carries
/// its evidence (trace excerpts) and the rung of the solution ladder that
/// could solve it, so a drafter can see exactly why it was raised.
public struct Finding: Sendable {
    public let kind: FindingKind
    /// Groups findings across personas into one knelpunt: same kind, same cause.
    public let key: String
    /// The knelpunt's title as a reader sees it.
    public let title: String
    /// A direction for a solution.
    public let direction: String
    public internal(set) var severity: Severity
    public let personaID: String
    public let personaName: String
    /// How many people the persona stands for.
    public let weight: Int
    public let from: YearMonth
    public let through: YearMonth
    public internal(set) var provisions: [ProvisionReference]
    /// What it costs: lost entitlement, fines and repayments, each by month.
    public internal(set) var harm: Harm
    /// Months in which the person feels the harm.
    public let months: Int
    /// What happened, in plain Dutch.
    public let explanation: String
    /// The doenvermogen angle: what the rule asks of the person, if anything.
    public let capacityNote: String?
    /// One different action by the person that would have avoided the harm.
    public let avoidingAction: String?
    public let rung: SolutionRung
    /// Why this rung: the discretion point on the path, or that there is none.
    public let rungReason: String
    public let evidence: [TraceNode]
    /// Other findings about the same money (the same event seen by another
    /// detector), folded into this one so that it is counted once.
    public internal(set) var lenses: [Lens] = []

    public init(kind: FindingKind, key: String, title: String, direction: String,
                severity: Severity, persona: Persona, from: YearMonth, through: YearMonth,
                provisions: [ProvisionReference], harm: Harm, months: Int, explanation: String,
                capacityNote: String? = nil, avoidingAction: String? = nil, rung: RungChoice, evidence: [TraceNode]) {
        self.kind = kind
        self.key = "\(kind.rawValue):\(key)"
        self.title = title
        self.direction = direction
        self.severity = severity
        personaID = persona.id
        personaName = persona.name
        weight = persona.weight
        self.from = from
        self.through = through
        self.provisions = provisions
        self.harm = harm
        self.months = months
        self.explanation = explanation
        self.capacityNote = capacityNote
        self.avoidingAction = avoidingAction
        self.rung = rung.rung
        rungReason = rung.reason
        self.evidence = evidence
    }
}

/// Another detector's view of the event a finding is about.
public struct Lens: Sendable {
    public let kind: FindingKind
    public let key: String
    public let title: String
    public let explanation: String
    public let harm: Harm
}

public enum FindingKind: String, Sendable, Hashable, CaseIterable, Codable {
    case intentViolated = "bedoeling_geschonden"
    case disproportionate = "disproportioneel"
    case workDoesNotPay = "werken_loont_niet"
    case choiceTrap = "keuzeval"
    case incomeShock = "inkomensschok"
    case capacityGap = "doenvermogenskloof"
    case protectedAttribute = "beschermde_kenmerken"

    /// The heading a reader sees.
    public var title: String {
        switch self {
        case .intentViolated: return "Bedoeling geschonden"
        case .disproportionate: return "Disproportioneel"
        case .workDoesNotPay: return "Werken loont niet"
        case .choiceTrap: return "Keuzeval"
        case .incomeShock: return "Inkomensschok"
        case .capacityGap: return "Doenvermogenskloof"
        case .protectedAttribute: return "Beschermde kenmerken"
        }
    }
}

public enum Severity: Int, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case low = 1, medium = 2, high = 3
    public static func < (a: Severity, b: Severity) -> Bool { a.rawValue < b.rawValue }
    public var dutch: String {
        switch self {
        case .low: return "laag"
        case .medium: return "middel"
        case .high: return "hoog"
        }
    }
}

/// The solution ladder: first what the law already allows, then
/// interpretation, only then a change of the law.
public enum SolutionRung: Int, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case tailoring = 1
    case policyRule = 2
    case lawChange = 3
    public static func < (a: SolutionRung, b: SolutionRung) -> Bool { a.rawValue < b.rawValue }
    public var dutch: String {
        switch self {
        case .tailoring: return "maatwerk binnen de wet"
        case .policyRule: return "interpretatie of beleidsregel"
        case .lawChange: return "wetswijziging"
        }
    }
}

/// A rung with the reason it was chosen.
public struct RungChoice: Sendable {
    public let rung: SolutionRung
    public let reason: String
    public init(_ rung: SolutionRung, _ reason: String) {
        self.rung = rung
        self.reason = reason
    }
}

/// A provision a finding rests on: the declaration and its article.
public struct ProvisionReference: Sendable, Hashable, Comparable {
    public let name: String
    public let regulation: String
    public let source: String
    public init(name: String, regulation: String, source: String) {
        self.name = name
        self.regulation = regulation
        self.source = source
    }
    /// A declaration by name, with the regulation and article it comes from.
    public init(name: String, _ provenance: Provenance) {
        self.init(name: name, regulation: provenance.regulation, source: provenance.source)
    }
    public static func < (a: ProvisionReference, b: ProvisionReference) -> Bool {
        (a.regulation, a.name) < (b.regulation, b.name)
    }
}
