/// The checked model: what the rules mean, independent of how they were
/// written. The checker builds it from rule files; Swift code can build the
/// same declarations through `RuleSetBuilder`. The planner compiles it.
public struct RuleSet: Sendable {
    public var regulations: [Regulation] = []
    public var enumerations: [Enumeration] = []
    public var benefits: [Benefit] = []
    public var parameters: [Parameter] = []
    /// Definitions and rules, indexed by slot.
    public var values: [ValueDeclaration] = []
    public var obligations: [Obligation] = []
    public var discretions: [Discretion] = []
    public var intents: [Intent] = []
    /// Values that columns of data supply per person (`invoer`), by index.
    public var inputs: [Input] = []
    /// Facts a rule can read, by index: the calendar facts first (see
    /// `BuiltinFact`), then those the rule files declare with `gegeven`.
    public var facts: [FactDeclaration] = BuiltinFact.declarations
    /// The blocks (`onderdeel`) and repeated lines (`opgave`) of a persona file.
    public var sections: [PersonaSection] = []
    public var records: [PersonaRecordKind] = []

    public init() {}

    public func fact(named name: String) -> Int? { facts.firstIndex { $0.name == name } }
    public func section(named keyword: String) -> Int? { sections.firstIndex { $0.keyword == keyword } }
    public func record(named keyword: String) -> Int? { records.indices.first { records[$0].keyword == keyword } }

    /// The block and field that fill a fact, if a block does.
    public func field(filling fact: Int) -> (section: PersonaSection, field: PersonaSection.Field)? {
        for s in sections { if let f = s.fields.first(where: { $0.fact == fact }) { return (s, f) } }
        return nil
    }

    /// The repeated line that fills a fact (its value, its start or an attribute), if one does.
    public func record(filling fact: Int) -> PersonaRecordKind? {
        records.first { r in r.fact == fact || r.start == fact || r.attributes.contains { $0.fact == fact } }
    }

    /// Whether a period line is paid work: its `activiteit` attribute has the value that marks it.
    public func isActivity(_ line: PersonaRecord) -> Bool {
        // The kind read where it lies: taken whole, its names and lists were counted for every line asked about.
        guard let k = record(named: line.kind), records[k].shape == .period, let (a, value) = records[k].activity else { return false }
        return line.attributes[facts[records[k].attributes[a].fact].name] == value
    }

    /// The version of an obligation that holds on a day (a reform with a start
    /// date can leave two of the same name), or else the first of that name.
    public func obligation(named name: String, on day: CivilDate? = nil) -> Obligation? {
        day.flatMap { d in obligations.first { $0.name == name && $0.validity.contains(d) } } ?? obligations.first { $0.name == name }
    }

    /// The version of an intent tested on a day, or else the first of that name.
    public func intent(named name: String, on day: CivilDate? = nil) -> Intent? {
        day.flatMap { d in intents.first { $0.name == name && $0.validity.contains(d) } } ?? intents.first { $0.name == name }
    }

    public func slot(named name: String) -> Int? { values.firstIndex { $0.name == name } }
    public func benefit(named name: String) -> Int? { benefits.firstIndex { $0.name == name } }
    public func parameter(named name: String) -> Int? { parameters.firstIndex { $0.name == name } }
    public func input(named name: String) -> Int? { inputs.firstIndex { $0.name == name } }
}

/// `invoer`: a value supplied per person (`constant`) or per person per month,
/// as a column of data, not derived from a persona's timeline. Only an input
/// run (`InputRun`) has them; a persona's run reports their use.
public struct Input: Sendable {
    public let name: String
    public let type: ValueType
    public let periodicity: Periodicity
    public let provenance: Provenance
    /// The plain Dutch label the rule files give it (written after the name), if any.
    public var label: String? = nil
}

/// Where a declaration comes from in the law, and in the rule files.
public struct Provenance: Sendable, Hashable {
    public let source: String          // bron: law, article, paragraph
    public let regulation: String      // abbreviation of the regulation
    public let range: SourceRange

    public init(source: String, regulation: String, range: SourceRange = .synthetic) {
        self.source = source
        self.regulation = regulation
        self.range = range
    }
}

public struct Regulation: Sendable {
    public let abbreviation: String
    public let title: String
    public let source: String?
    public let range: SourceRange
}

public struct Enumeration: Sendable {
    public let name: String
    public let cases: [String]
    /// The plain Dutch label the rule files give it (written after the name), if any.
    public var label: String? = nil
}

public struct Benefit: Sendable {
    public let name: String
    public let title: String
    public let provenance: Provenance
    /// Days after the month on which the agency decides the month's payment,
    /// with what it knows then (0: on the last day of the month).
    public var decisionLagDays: Int = 0
    /// The title as written (the benefit's label); `title` falls back to the name.
    public var label: String? = nil
}

public struct Parameter: Sendable {
    public struct DatedValue: Sendable {
        public let from: CivilDate
        public let raw: Int64
        public let source: String?
    }
    public let name: String
    public let type: ValueType
    public let provenance: Provenance
    /// Sorted by date, strictly increasing.
    public let values: [DatedValue]
    /// The plain Dutch label the rule files give it (written after the name), if any.
    public var label: String? = nil

    /// `bereik LAAG tot HOOG`: the plausible values of an assumption (each value lies within).
    public var range: PlausibleRange? = nil

    /// The lowest and highest plausible value, in the parameter's raw units, with the reason.
    public struct PlausibleRange: Sendable, Hashable {
        public let low: Int64
        public let high: Int64
        public let source: String?
        public init(low: Int64, high: Int64, source: String?) {
            self.low = low
            self.high = high
            self.source = source
        }
    }

    /// The same parameter with one value on every date: for a run with an assumption at another value.
    public func withConstant(_ raw: Int64) -> Parameter {
        var p = Parameter(name: name, type: type, provenance: provenance,
                          values: values.map { DatedValue(from: $0.from, raw: raw, source: $0.source) })
        p.range = range
        p.label = label
        return p
    }

    /// The value in force on a day, or nil before the first one.
    public func value(on day: CivilDate) -> DatedValue? {
        var low = 0, high = values.count - 1, found: DatedValue?
        while low <= high {
            let mid = (low + high) / 2
            if values[mid].from <= day { found = values[mid]; low = mid + 1 } else { high = mid - 1 }
        }
        return found
    }
}

/// A validity window, end exclusive; nil bounds are open.
public struct Validity: Sendable, Hashable {
    public let from: CivilDate?
    public let until: CivilDate?
    public init(from: CivilDate?, until: CivilDate?) {
        self.from = from
        self.until = until
    }
    public static let always = Validity(from: nil, until: nil)
    public var isBounded: Bool { from != nil || until != nil }
    public func contains(_ day: CivilDate) -> Bool {
        if let from, day < from { return false }
        if let until, day >= until { return false }
        return true
    }
    public var dutch: String {
        switch (from, until) {
        case let (f?, u?): return "geldig van \(f.dutch) tot \(u.dutch)"
        case let (f?, nil): return "geldig vanaf \(f.dutch)"
        case let (nil, u?): return "geldig tot \(u.dutch)"
        default: return "altijd geldig"
        }
    }
}

/// A definition (a named intermediate value) or a rule (a payment or a
/// deduction of a benefit). Both occupy one slot in the plan.
public struct ValueDeclaration: Sendable {
    public enum Role: Sendable, Hashable {
        case definition
        case payment(benefit: Int)
        case deduction(benefit: Int)

        /// The benefit a payment or deduction rule belongs to.
        public var benefit: Int? {
            switch self {
            case .payment(let b), .deduction(let b): return b
            case .definition: return nil
            }
        }
    }
    public let name: String
    public let role: Role
    public let type: ValueType
    public let periodicity: Periodicity
    public let provenance: Provenance
    public let rounding: Rounding?
    public let validity: Validity
    public let condition: TypedExpr?
    public let body: TypedExpr
    /// Exceptions, most specific first: the first that applies decides.
    public var exceptions: [RuleException] = []
    /// The plain Dutch label the rule files give it (written after the name), if any.
    public var label: String? = nil

    public var isRule: Bool { role != .definition }
}

public struct RuleException: Sendable {
    public let name: String
    public let provenance: Provenance
    public let validity: Validity
    public let condition: TypedExpr
    public let body: TypedExpr
    /// The name of the rule or exception it overrides.
    public let overrides: String
    /// The plain Dutch label the rule files give it (written after the name), if any.
    public var label: String? = nil
}

/// The five parts of doenvermogen (WRR 2017, "Weten is nog geen doen").
public enum Capacity: String, Sendable, Hashable, CaseIterable, Codable {
    case plan = "plannen"
    case act = "in_actie_komen"
    case persevere = "volhouden"
    case resistTemptation = "verleiding_weerstaan"
    case copeWithSetbacks = "tegenslag_verwerken"
}

public struct Obligation: Sendable {
    public enum ConsequenceKind: String, Sendable, Hashable, CaseIterable {
        case fine = "boete"
        case reduction = "verlaging"
        case recovery = "terugvordering"
        case noBenefit = "geen_uitkering"
    }
    public struct Consequence: Sendable {
        public let kind: ConsequenceKind
        /// A fixed amount (a fine), or for a share of the detriment: the amount when there is none.
        public let amount: TypedExpr?
        /// A fine as a share of the detriment (benadelingsbedrag: what was paid
        /// too much because of the missed obligation), e.g. 50%.
        public var detrimentShare: Int64? = nil
        public init(kind: ConsequenceKind, amount: TypedExpr?, detrimentShare: Int64? = nil) {
            self.kind = kind
            self.amount = amount
            self.detrimentShare = detrimentShare
        }
    }
    public struct Deadline: Sendable, Hashable {
        public let amount: Int
        public let unit: PeriodKind
        public let before: Bool
        public var dutch: String {
            let unitText = unit == .day ? (amount == 1 ? "dag" : "dagen") : (amount == 1 ? "maand" : "maanden")
            return "\(amount) \(unitText) \(before ? "vooraf" : "achteraf")"
        }
    }
    public enum Channel: String, Sendable, Hashable { case digital = "digitaal", paper = "papier" }

    public let name: String
    public let provenance: Provenance
    public let periodicity: Periodicity
    public let applies: TypedExpr
    public let fulfilled: TypedExpr
    public let deadline: Deadline?
    public let demands: [Capacity]
    public let steps: Int
    public let channel: Channel?
    public let consequences: [Consequence]
    /// `melding OPGAVE`: the kind of persona line (by index in `RuleSet.records`)
    /// the person reports to meet it; the analysis uses it to play the
    /// obligation out on the ideal and the realistic path.
    public var report: Int? = nil
    /// The days it holds: always, unless a reform with a start date made it a
    /// version (the baseline's before the start, the reform's from it). Two
    /// versions share a name; their windows do not overlap.
    public var validity = Validity.always
    /// The plain Dutch label the rule files give it (written after the name), if any.
    public var label: String? = nil
}

public struct Discretion: Sendable {
    /// The rung of the solution ladder the discretion offers.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case tailoring = "maatwerk"        // the executor decides otherwise in a case (hardheidsclausule)
        case policyRule = "beleidsregel"   // a policy rule, instruction or lower regulation
    }
    public let name: String
    public let provenance: Provenance
    public let slots: [Int]
    public let text: String
    public var kind: Kind = .tailoring
    /// Obligations whose consequences the discretion can soften.
    public var obligations: [Int] = []
    /// Benefits whose recoveries the discretion can soften (waive, collect in terms).
    public var recoveries: [Int] = []
    /// The months in which it can be used (`geldt als`, per maand); nil: always.
    public var scope: TypedExpr? = nil
    /// The months it exists in, by their first day (see `Obligation.validity`).
    public var validity = Validity.always
    /// The plain Dutch label the rule files give it (written after the name), if any.
    public var label: String? = nil
}

public struct Intent: Sendable {
    public let name: String
    public let provenance: Provenance
    public let text: String
    public let periodicity: Periodicity
    public let condition: TypedExpr?
    public let requirement: TypedExpr
    /// The days it is tested on (see `Obligation.validity`).
    public var validity = Validity.always
    /// The plain Dutch label the rule files give it (written after the name), if any.
    public var label: String? = nil
}

extension RuleSet {
    /// A declaration's checked expressions, for checks over the whole rule set.
    public struct DeclaredExpressions {
        /// How a message names it: "regel 'x'", "uitzondering 'y'".
        public let described: String
        /// Its keyword: regel, definitie, uitzondering, verplichting, bedoeling.
        public let keyword: String
        public let name: String
        /// Its label from the rule files, if any.
        public let label: String?
        public let provenance: Provenance
        public let expressions: [TypedExpr]

        init(keyword: String, name: String, label: String?, provenance: Provenance, expressions: [TypedExpr]) {
            described = "\(keyword) '\(name)'"
            self.keyword = keyword
            self.name = name
            self.label = label
            self.provenance = provenance
            self.expressions = expressions
        }
    }

    /// Every rule, definition, exception, obligation and intent with its expressions, in declaration order.
    public var declaredExpressions: [DeclaredExpressions] {
        var out: [DeclaredExpressions] = []
        for d in values {
            out.append(.init(keyword: d.isRule ? "regel" : "definitie", name: d.name, label: d.label, provenance: d.provenance,
                             expressions: [d.body] + (d.condition.map { [$0] } ?? [])))
            for x in d.exceptions {
                out.append(.init(keyword: "uitzondering", name: x.name, label: x.label, provenance: x.provenance, expressions: [x.condition, x.body]))
            }
        }
        for o in obligations {
            out.append(.init(keyword: "verplichting", name: o.name, label: o.label, provenance: o.provenance, expressions: [o.applies, o.fulfilled]))
        }
        for i in intents {
            out.append(.init(keyword: "bedoeling", name: i.name, label: i.label, provenance: i.provenance,
                             expressions: (i.condition.map { [$0] } ?? []) + [i.requirement]))
        }
        return out
    }
}

extension RuleSet {
    /// The plain Dutch label a declared name carries in the rule files, if it
    /// has one: what reports call the declaration instead of its name. A benefit's
    /// label is its title; an exception is found on the rule it overrides.
    public func label(of name: String) -> String? {
        if let v = values.first(where: { $0.name == name }) { return v.label }
        for v in values { if let x = v.exceptions.first(where: { $0.name == name }) { return x.label } }
        if let o = obligations.last(where: { $0.name == name }) { return o.label }
        if let d = discretions.last(where: { $0.name == name }) { return d.label }
        if let i = intents.last(where: { $0.name == name }) { return i.label }
        if let b = benefits.first(where: { $0.name == name }) { return b.label }
        if let p = parameters.first(where: { $0.name == name }) { return p.label }
        if let f = facts.first(where: { $0.name == name }) { return f.label }
        if let i = inputs.first(where: { $0.name == name }) { return i.label }
        if let e = enumerations.first(where: { $0.name == name }) { return e.label }
        return nil
    }

    /// Every name the rule set declares: regulations, declarations of every kind,
    /// the values of enumerations, the words of persona blocks and lines.
    public var declaredNames: Set<String> {
        var names = Set(regulations.map(\.abbreviation))
        names.formUnion(enumerations.map(\.name))
        names.formUnion(enumerations.flatMap(\.cases))
        names.formUnion(benefits.map(\.name))
        names.formUnion(parameters.map(\.name))
        names.formUnion(values.map(\.name))
        names.formUnion(values.flatMap { $0.exceptions.map(\.name) })
        names.formUnion(obligations.map(\.name))
        names.formUnion(discretions.map(\.name))
        names.formUnion(intents.map(\.name))
        names.formUnion(inputs.map(\.name))
        names.formUnion(facts.map(\.name))
        names.formUnion(sections.map(\.keyword))
        names.formUnion(sections.flatMap { $0.fields.map(\.word) })
        names.formUnion(records.map(\.keyword))
        names.formUnion(records.flatMap { $0.attributes.map(\.word) })
        return names
    }
}
