/// What one persona's run produced, month by month. Amounts are whole cents.
///
/// Behind one reference, read only: a run is handed from the engine to its context, to every
/// detector that compares it and to the harm of each finding, and a copy of its names and lists
/// counted four references each time.
public final class PersonaRun: Sendable {
    public let personaID: String
    public let personaName: String
    public let weight: Int
    public let range: EvaluationRange
    public let months: [MonthOutcome]
    /// Per month of `months`: whether a run of the same persona to that month gives the
    /// same months up to it. Nothing in a month's outcome reads a later month, except an
    /// obligation's episode that goes on past it (a stay abroad is one episode to its end),
    /// which a run to that month cuts off at its end (`LaneBlock.reach`).
    let endsExactly: [Bool]

    init(personaID: String, personaName: String, weight: Int, range: EvaluationRange, months: [MonthOutcome], endsExactly: [Bool]) {
        self.personaID = personaID
        self.personaName = personaName
        self.weight = weight
        self.range = range
        self.months = months
        self.endsExactly = endsExactly
    }

    public func month(_ month: YearMonth) -> MonthOutcome? { months.first { $0.month == month } }

    /// This run up to `end`, exactly as a run of the same persona from the same month to
    /// `end` gives it; nil where that run may differ (see `endsExactly`) or `end` is not
    /// one of this run's months. The analysis takes a variant's shorter run from a longer
    /// one so (`SharedRuns`), instead of running the same months again.
    public func prefix(through end: YearMonth) -> PersonaRun? {
        let k = end.index - range.firstMonth.index
        guard k >= 0, k < months.count, endsExactly[k], months[k].month == end else { return nil }
        return PersonaRun(personaID: personaID, personaName: personaName, weight: weight, range: EvaluationRange(from: range.firstMonth, to: end),
                          months: Array(months[...k]), endsExactly: Array(endsExactly[...k]))
    }
}

public struct MonthOutcome: Sendable {
    public let month: YearMonth
    public var benefits: [BenefitOutcome]
    public var fines: [Fine]
    public var missedObligations: [MissedObligation]
    /// Every obligation judged in this month, met or not.
    public var obligationsDue: [DueObligation]
    public var intents: [IntentOutcome]
    /// Discretion points with a scope (`geldt als`) that holds this month, by index in the rule set.
    public var discretionsInScope: [Int] = []

    public func benefit(_ name: String) -> BenefitOutcome? { benefits.first { $0.benefit == name } }

    /// Paid this month: payments, back-payments and recoveries, minus fines.
    /// Read in place by index: the analysis sums this for every month it compares,
    /// and a loop over the benefits would copy each with its trace. Inlinable, as the two
    /// below: called from the analysis (another module), each call took the month whole.
    @inlinable public var totalCents: Int64 {
        var total: Int64 = 0
        for i in benefits.indices {
            total += benefits[i].paidCents
            for c in benefits[i].corrections { total += c.cents }
        }
        return total - finedCents
    }

    /// Recovered this month (the recoveries' amounts, as a positive number), read in place as `totalCents` is.
    @inlinable public var recoveredCents: Int64 {
        var recovered: Int64 = 0
        for i in benefits.indices {
            for c in benefits[i].corrections.indices where benefits[i].corrections[c].cents < 0 { recovered -= benefits[i].corrections[c].cents }
        }
        return recovered
    }

    /// The fines set this month, added up.
    @inlinable public var finedCents: Int64 {
        var fined: Int64 = 0
        for f in fines.indices { fined += fines[f].cents }
        return fined
    }
}

/// Each outcome names its declaration (the identity across a baseline and a
/// reform) and refers to it by index in the rule set of the run, so that
/// whoever reads the run with that rule set need not look the name up again.
public struct BenefitOutcome: Sendable {
    public let benefit: String
    public let benefitIndex: Int
    public let grossCents: Int64
    public let deductions: [Deduction]
    /// gross minus deductions, never below zero: what is paid for this month.
    public let paidCents: Int64
    /// Corrections booked this month for earlier months, once the agency knew better.
    public var corrections: [Correction]
    /// How the payment came about; in a run without a trace, only that it was not traced.
    public var trace: TraceNode { explanation?.node ?? TraceNode(kind: .benefit, name: benefit, value: .notTraced) }
    /// The explanation of a traced run; nil in an untraced one. A population's outcomes are
    /// many, made and let go unread: a node kept in each was counted on every copy, and
    /// kept in place it made every outcome (and every list of them) the size of a node.
    let explanation: TraceBox?
}

/// A trace kept behind one reference: outcomes and corrections are copied, compared and
/// let go by the thousand, and a node in place is a hundred bytes and more.
final class TraceBox: Sendable {
    let node: TraceNode
    init(_ node: TraceNode) { self.node = node }
}

public struct Deduction: Sendable {
    public let rule: String
    public let slot: Int
    public let source: String
    public let cents: Int64
}

public struct Correction: Sendable {
    public let forMonth: YearMonth
    /// Positive: back-payment (nabetaling); negative: recovery (terugvordering).
    public let cents: Int64
    public var trace: TraceNode { explained.node }
    /// Behind a reference (`TraceBox`): in a run without a trace, the same one for every correction of a benefit.
    let explained: TraceBox
    public var kind: String { cents >= 0 ? "nabetaling" : "terugvordering" }
}

public struct MissedObligation: Sendable {
    public let obligation: String
    /// The version of the obligation that was missed.
    public let obligationIndex: Int
    public let source: String
    /// First and last day of the episode (the month's first and last day for monthly obligations).
    public let from: CivilDate
    public let through: CivilDate
    public let demands: [Capacity]
    public let consequences: [String]
}

public struct Fine: Sendable {
    public let obligation: String
    /// The version of the obligation that set the fine.
    public let obligationIndex: Int
    public let source: String
    public let cents: Int64
    public let forPeriodStart: CivilDate
    /// For a fine set as a share of the detriment: the detriment it was taken from.
    public let detrimentCents: Int64?
}

/// An obligation the agency judged in a month, and whether it was met.
public struct DueObligation: Sendable {
    public let obligation: String
    public let obligationIndex: Int
    public let from: CivilDate
    public let through: CivilDate
    public let met: Bool
}

public struct IntentOutcome: Sendable {
    /// The words of the version told: one reference, where three strings were counted on every copy.
    let words: IntentWords
    public var intent: String { words.intent }
    /// The version whose words are told (see `Evaluator.intents`).
    public let intentIndex: Int
    public var source: String { words.source }
    public var text: String { words.text }
    /// nil when the intent did not apply this month (its `geldt als` was false).
    public let holds: Bool?
}

/// An intent's name, source and statement, made once per plan and shared by the outcomes
/// of every lane and month (`Plan.intentWords`).
final class IntentWords: Sendable, CustomStringConvertible {
    let intent: String
    let source: String
    let text: String
    /// The index of the first version of the same name: a reform's version and the
    /// baseline's are one intent (`LaneBlock.merge`), found by number, not by name.
    let group: Int

    init(intent: String, source: String, text: String, group: Int) {
        self.intent = intent
        self.source = source
        self.text = text
        self.group = group
    }

    /// As the three fields were printed (a run's months compared as text, `LaneEngineTests`).
    var description: String { "intent: \(String(reflecting: intent)), source: \(String(reflecting: source)), text: \(String(reflecting: text))" }
}
