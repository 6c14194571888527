/// A fact a rule can read. The calendar facts are built in; every other fact
/// is declared with `gegeven` in a rule file, so a regulation brings its own.
public struct FactDeclaration: Sendable {
    public let name: String
    public let type: ValueType
    public let periodicity: Periodicity
    /// The plain Dutch meaning, shown beside the value in explanations.
    public let explanation: String
    /// nil for a built-in calendar fact.
    public let provenance: Provenance?
    /// How the agency comes to know it (`bekend via`), as written.
    public var channels: [String] = []
    /// The value when the persona gives none (`standaard = ...`).
    public var defaultValue: TypedExpr? = nil
    /// A protected attribute: `doenbaar check` warns where a rule reads it.
    public var isProtected = false
    public var role: FactRole? = nil
    /// Set for the calendar facts, which no persona fills.
    public var builtin: BuiltinFact? = nil
    /// `uit gebeurtenis`: the kinds of life event whose latest date (up to each day) this fact holds.
    public var events: [String] = []
    /// The plain Dutch label the rule files give it (written after the name), if any.
    public var label: String? = nil
}

/// What the analysis may do with a fact, declared in the rule files so the
/// detectors need no names.
public enum FactRole: String, Sendable, Hashable, CaseIterable {
    /// A choice the law leaves the person (claiming a benefit or not): the
    /// analysis compares both outcomes.
    case choice = "keuze"
    /// A wage the synthetic population varies.
    case wage = "loon"
}

/// Facts every rule set has, computed from the calendar and the birth date.
/// Their indices in `RuleSet.facts` are their raw values.
public enum BuiltinFact: Int, Sendable, CaseIterable {
    case birthDate, decisionDate, referenceDate, weekday, publicHoliday, age

    public var index: Int { rawValue }

    public var declaration: FactDeclaration {
        switch self {
        case .birthDate:
            return FactDeclaration(name: "geboortedatum", type: .date, periodicity: .constant,
                                   explanation: "geboortedatum van de persoon", provenance: nil, builtin: self)
        case .decisionDate:
            return FactDeclaration(name: "beslisdatum", type: .date, periodicity: .constant,
                                   explanation: "de dag waarop de uitvoerder beslist, met wat zij dan weet", provenance: nil, builtin: self)
        case .referenceDate:
            return FactDeclaration(name: "peildatum", type: .date, periodicity: .day,
                                   explanation: "de dag waarover gerekend wordt (in een maandberekening: de eerste dag)", provenance: nil, builtin: self)
        case .weekday:
            return FactDeclaration(name: "weekdag", type: .bool, periodicity: .day,
                                   explanation: "maandag tot en met vrijdag", provenance: nil, builtin: self)
        case .publicHoliday:
            return FactDeclaration(name: "feestdag", type: .bool, periodicity: .day,
                                   explanation: "algemeen erkende feestdag (Algemene termijnenwet art. 3 lid 1)", provenance: nil, builtin: self)
        case .age:
            return FactDeclaration(name: "leeftijd", type: .number, periodicity: .day,
                                   explanation: "leeftijd in hele jaren", provenance: nil, builtin: self)
        }
    }

    public static let declarations = allCases.map(\.declaration)
}

/// `onderdeel`: a block of a persona file whose lines fill facts that hold
/// once per person. The block `persona` adds lines to the persona's header.
public struct PersonaSection: Sendable {
    public struct Field: Sendable {
        public let word: String
        public let fact: Int
        /// Tokens written after the value ("jaar", "voor 2016").
        public let unit: [Token.Kind]
        public let unitText: String?
    }
    public static let header = "persona"

    public let keyword: String
    public let title: String
    public let provenance: Provenance
    /// A ja/nee fact that is ja when the persona has this block.
    public let presence: Int?
    public let fields: [Field]
    /// A parameter (by index): how many people have this block, for population estimates.
    public var caseload: Int? = nil
}

/// When and how the agency came to know a persona line: the words a line may carry.
public enum KnowledgeWord: String, Sendable, Hashable, CaseIterable {
    case reported = "gemeld"
    case register = "polis"
    case taxReturn = "belastingdienst"
    case hidden = "verborgen"
    case discovered = "ontdekt"
    case established = "bekend"
}

/// What the analysis may do with the lines of an `opgave`.
public enum RecordRole: String, Sendable, Hashable, CaseIterable {
    /// Income from work: the analysis varies it and asks whether working pays.
    case workIncome = "inkomen_uit_werk"
    /// Time away (a stay abroad): the analysis compares with staying at home.
    case absence = "afwezigheid"
}

/// `opgave`: a kind of line a persona file repeats, filling facts per month
/// or per day, each line with when the agency came to know it.
public struct PersonaRecordKind: Sendable {
    public enum Shape: String, Sendable, Hashable {
        /// `inkomen 2025-03 € 1200,00 ...`: one value for one month.
        case month = "maand"
        /// `schatting vanaf 2025-01 € 800,00 bekend ...`: a value from a month until the next line.
        case from = "vanaf"
        /// `verblijf 2025-04-10 tot en met 2025-04-21 ...`: a period of days.
        case period = "periode"
    }
    public struct Attribute: Sendable {
        public let word: String
        public let fact: Int
        public let isFlag: Bool
    }
    /// Facts about what the agency knew of a line on the decision date.
    public struct KnowledgeFacts: Sendable {
        public var known: Int?
        public var reported: Int?
        public var register: Int?
        /// Days between the report and the first day of a period.
        public var daysAhead: Int?
    }

    public let keyword: String
    public let title: String
    public let provenance: Provenance
    public let shape: Shape
    /// The fact the line's value fills (month and vanaf), or that is ja on the period's days.
    public let fact: Int
    public let start: Int?
    public let attributes: [Attribute]
    public let knowledgeWords: [KnowledgeWord]
    public let knowledgeFacts: KnowledgeFacts
    /// `keuze WOORD WAARDE`: the attribute value the person could have reported instead.
    public let alternative: (attribute: Int, value: Int64)?
    /// `activiteit WOORD WAARDE`: the attribute value that marks a period as paid work.
    public var activity: (attribute: Int, value: Int64)? = nil
    /// `verdient OPGAVE`: the month lines (by index in `RuleSet.records`) that a
    /// period of paid work of this kind earns. Such a line names its period with
    /// `bij` (`inkomen 2025-03 € 800,00 bij verblijf 2025-03-03`), so a month may
    /// hold several lines of that kind, one per period that earned it and one for
    /// the rest.
    public var earns: Int? = nil
    public let role: RecordRole?

    /// The word with which a line names the period that earned it.
    public static let tieWord = "bij"
}
