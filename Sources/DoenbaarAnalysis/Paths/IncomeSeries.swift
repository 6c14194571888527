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
        let work = persona.workIncomeByMonth
        months = run.months.map { m in
            Month(month: m.month, workCents: work[m.month] ?? 0,
                  paidCents: m.benefits.reduce(0) { $0 + $1.paidCents },
                  correctionCents: m.benefits.reduce(0) { $0 + $1.corrections.reduce(0) { $0 + $1.cents } },
                  fineCents: m.fines.reduce(0) { $0 + $1.cents })
        }
    }

    public var totalCents: Int64 { months.reduce(0) { $0 + $1.netCents } }
    public func month(_ m: YearMonth) -> Month? { months.first { $0.month == m } }
}
