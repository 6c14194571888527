extension Persona {
    /// The months worth showing when no period is asked for: the persona's own
    /// `periode`, or else from the first
    /// month with a fact of the timeline to two months after the last one
    /// (corrections arrive after the fact), at most four years.
    public var defaultMonths: (from: YearMonth, to: YearMonth)? {
        if let period { return period }
        var months: [YearMonth] = []
        if let ww = ww { months.append(ww.start.yearMonth) }
        months += incomes.map(\.month)
        months += estimates.map(\.from)
        months += stays.flatMap { [$0.from.yearMonth, $0.through.yearMonth] }
        months += events.map(\.date.yearMonth)
        months += expectations.map(\.month)
        if months.isEmpty, let wajong { months.append(max(wajong.start.yearMonth, YearMonth(year: 2024, month: 1))) }
        guard let first = months.min(), let last = months.max() else { return nil }
        let expected = expectations.map(\.month).max() ?? last
        let to = min(max(last.adding(months: 2), expected), first.adding(months: 47))
        return (first, to)
    }
}
