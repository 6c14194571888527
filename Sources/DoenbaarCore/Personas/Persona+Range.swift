extension Persona {
    /// The months worth showing when no period is asked for: the persona's own
    /// `periode`, or else from the first
    /// month with a line of the timeline (an income, a stay, an event) to two months after the last one
    /// (corrections arrive after the fact), at most four years.
    public var defaultMonths: (from: YearMonth, to: YearMonth)? {
        if let period { return period }
        var months: [YearMonth] = []
        months += records.flatMap { [$0.from.yearMonth, $0.through.yearMonth] }
        months += events.map(\.date.yearMonth)
        months += expectations.map(\.month)
        guard let first = months.min(), let last = months.max() else { return nil }
        let expected = expectations.map(\.month).max() ?? last
        let to = min(max(last.adding(months: 2), expected), first.adding(months: 47))
        return (first, to)
    }
}
