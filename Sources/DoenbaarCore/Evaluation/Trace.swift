/// One explanation tree: an outcome, the rule and article behind it, and the
/// values it was computed from, down to parameters and persona facts. Built
/// after evaluation from the stored slot values (`TraceBuilder`), so
/// evaluating without a trace costs nothing extra.
///
/// Everything in it is typed: values as raw numbers with their type, notes as
/// cases. The reports say it in Dutch (DoenbaarReports' `TraceText`); the
/// analysis compares the values themselves.
public struct TraceNode: Sendable, Hashable {
    public var kind: TraceKind
    /// The declaration's name: its identity across rule sets (a baseline and a reform).
    public var name: String
    /// The declaration in the rule set of the run, by index (nil for an empty trace).
    public var reference: TypedExpr.Reference?
    public var source: String?
    public var value: TraceValue
    public var notes: [TraceNote]
    public var children: [TraceNode]

    public init(kind: TraceKind, name: String, reference: TypedExpr.Reference? = nil, source: String? = nil,
                value: TraceValue, notes: [TraceNote] = [], children: [TraceNode] = []) {
        self.kind = kind
        self.name = name
        self.reference = reference
        self.source = source
        self.value = value
        self.notes = notes
        self.children = children
    }

    /// The node without its children: where a focused excerpt stops.
    public var leaf: TraceNode {
        var n = self
        n.children = []
        return n
    }
}

/// What a node explains. The raw values are the words the reports use.
public enum TraceKind: String, Sendable, Hashable {
    case benefit = "uitkering"
    case rule = "regel"
    case exception = "uitzondering"
    case definition = "definitie"
    case parameter = "parameter"
    case fact = "feit"
    /// A fine for a missed obligation (evidence of the analysis).
    case fine = "boete"

    /// A rule or definition: a declaration with its own computed value.
    public var isComputed: Bool { self == .rule || self == .definition }
}

/// A value's type as an explanation needs it: enumeration values keep the
/// names of their cases, so the value can be told without the rule set.
public struct TraceType: Sendable, Hashable {
    public let type: ValueType
    /// The cases of an enumeration, in declared order; empty for other types.
    public let cases: [String]

    public init(_ type: ValueType, in ruleSet: RuleSet) {
        self.type = type
        if case .enumeration(let name) = type {
            cases = ruleSet.enumerations.first { $0.name == name }?.cases ?? []
        } else {
            cases = []
        }
    }

    public init(_ type: ValueType, cases: [String] = []) {
        self.type = type
        self.cases = cases
    }
}

/// A value in an explanation.
public enum TraceValue: Sendable, Hashable {
    /// One value: a monthly one, a parameter's, a fact's, a payment.
    case one(Int64, TraceType)
    /// A daily value over the days of a month; nil on a day it was not computed.
    case days([Int64?], TraceType, YearMonth)
    /// Not computed in this month (no outcome needed it).
    case notComputed
    /// A fact the persona did not give (or outside the period the agency saw).
    case unknown
    /// A fact the persona did not give, for which its declared default stands in.
    case standardValue
    /// A parameter without a value on the day.
    case noValue
    /// A run without explanation: only the benefit's name is kept.
    case notTraced

    /// The values computed, in order of the days (one for a single value).
    public var computed: [Int64] {
        switch self {
        case .one(let v, _): return [v]
        case .days(let values, _, _): return values.compactMap { $0 }
        default: return []
        }
    }

    /// The value, when every computed day (or the month) has the same one.
    public var single: Int64? {
        let values = Set(computed)
        return values.count == 1 ? values.first : nil
    }

    /// Whether two values differ where both were computed: a value taken on
    /// fewer days (a branch taken less often) is no difference. Two daily
    /// values are compared day by day where both have one; without such a
    /// day, or for a single value, by the values they took.
    public func differs(from other: TraceValue) -> Bool {
        if case .days(let a, _, _) = self, case .days(let b, _, _) = other, a.count == b.count {
            let common = zip(a, b).compactMap { x, y in x.flatMap { x in y.map { (x, $0) } } }
            if !common.isEmpty { return common.contains { $0.0 != $0.1 } }
        }
        return Set(computed) != Set(other.computed)
    }
}

/// Why a value is what it is, beside the value itself.
public enum TraceNote: Sendable, Hashable {
    /// An exception decided the value (on `days` days of the month; nil for a monthly value).
    case decidedByException(name: String, source: String, days: Int?)
    /// Neither an exception nor the rule applied, so the value is zero.
    case notApplicable(NotApplicable, days: Int?)
    /// The declaration rounds its value (to cents for money, else whole units).
    case rounded(Rounding, toCents: Bool)
    /// The declaration is explained earlier in the same tree.
    case seeAbove
    /// A parameter's value holds from this day.
    case validFrom(CivilDate)
    /// A fact's explanation, as declared.
    case explanation(String)
    /// A fine's period starts on this day.
    case forPeriodFrom(CivilDate)
    /// Deductions above the gross amount: nothing is paid, not less than nothing.
    case deductionsExceedGross(deducted: Int64, gross: Int64)

    public enum NotApplicable: Sendable, Hashable {
        case conditionNotMet
        case outsideValidity(Validity)
        case conditionNotMetOrOutside(Validity)
    }
}
