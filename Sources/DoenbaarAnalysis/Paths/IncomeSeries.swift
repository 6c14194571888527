import DoenbaarCore

/// What a person lives on per month: income from work plus everything the
/// agency paid, corrected or fined in that month. Work income is the truth,
/// as the persona earned it; the rest is the run.
public struct IncomeSeries: Sendable {
    public struct Month: Sendable {
        public let month: YearMonth
        public let workCents: Int64
        /// Benefits paid for this month itself.
        public let paidCents: Int64
        /// Back-payments (+) and recoveries (-) booked this month.
        public let correctionCents: Int64
        public let fineCents: Int64
        public var netCents: Int64 { workCents + paidCents + correctionCents - fineCents }
        /// What the month would bring without corrections and fines.
        public var regularCents: Int64 { workCents + paidCents }
    }
    public let months: [Month]

    public init(run: PersonaRun, persona: Persona) {
        // Read in place by index: a closure over each month and benefit would copy them (their traces too).
        let outcomes = run.months
        let (first, work) = IncomeSeries.work(over: outcomes, of: persona)
        months = outcomes.indices.map { i in
            var paid: Int64 = 0, corrected: Int64 = 0
            for j in outcomes[i].benefits.indices {
                paid += outcomes[i].benefits[j].paidCents
                for k in outcomes[i].benefits[j].corrections.indices { corrected += outcomes[i].benefits[j].corrections[k].cents }
            }
            return Month(month: outcomes[i].month, workCents: work[outcomes[i].month.index - first], paidCents: paid, correctionCents: corrected,
                         fineCents: outcomes[i].finedCents)
        }
    }

    public var totalCents: Int64 { months.reduce(0) { $0 + $1.netCents } }

    /// `totalCents` of the series of a run, without making its months: most comparisons of runs
    /// read only the total, and a list of months was made (and let go) for each.
    public static func totalCents(run: PersonaRun, persona: Persona) -> Int64 {
        let outcomes = run.months
        let (first, work) = IncomeSeries.work(over: outcomes, of: persona)
        var total: Int64 = 0
        // Per month what `Month.netCents` adds: work, and what the agency paid, corrected and fined (`MonthOutcome.totalCents`).
        for i in outcomes.indices { total += work[outcomes[i].month.index - first] + outcomes[i].totalCents }
        return total
    }

    /// The persona's work income per month from the first month of the outcomes to the last (by
    /// month index from `first`), the first and last found in one pass, without a list of the months.
    private static func work(over outcomes: [MonthOutcome], of persona: Persona) -> (first: Int, cents: [Int64]) {
        var (low, high) = (Int.max, Int.min)
        for i in outcomes.indices { (low, high) = (min(low, outcomes[i].month.index), max(high, outcomes[i].month.index)) }
        guard !outcomes.isEmpty else { return (0, []) }
        return (low, persona.workIncome(from: YearMonth(index: low), count: high - low + 1))
    }
    public func month(_ m: YearMonth) -> Month? { months.first { $0.month == m } }
}
