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
        let to = min(max(last.adding(months: 2), expected), first.adding(months: Self.defaultSpan - 1))
        return (first, to)
    }

    /// Dates that cannot be: a period before the person was born, a line of the
    /// timeline, or what the agency knew of it, before the birth (a year typed
    /// wrong, 1800 for 2023). Checked once for both forms of a persona.
    var datesBeforeBirth: DiagnosticBag {
        var bag = DiagnosticBag()
        let born = birthDate.yearMonth
        if let period, period.to < born {
            bag.error(.personaInvalid, range, "persona '\(id)' wordt geboren op \(birthDate.dutch), na haar periode (\(period.from.dutch) tot en met \(period.to.dutch))",
                      suggestion: "controleer het geboortejaar en de periode")
        }
        for r in records {
            if r.through < birthDate {
                bag.error(.personaInvalid, r.range, "\(r.kind) op \(r.from.dutch) ligt vóór de geboorte (\(birthDate.dutch))", suggestion: "controleer het jaartal")
                continue
            }
            if let early = r.knowledge.dates.first(where: { $0 < birthDate }) {
                bag.error(.personaInvalid, r.range, "de uitvoerder wist dit (\(r.kind)) op \(early.dutch), vóór de geboorte (\(birthDate.dutch))",
                          suggestion: "controleer het jaartal van gemeld, polis, belastingdienst, ontdekt of bekend")
            }
        }
        for e in events where e.date < birthDate {
            bag.error(.personaInvalid, e.range, "gebeurtenis \(e.dutch) op \(e.date.dutch) ligt vóór de geboorte (\(birthDate.dutch))", suggestion: "controleer het jaartal")
        }
        return bag
    }

    /// Without a `periode`, a run shows at most this many months.
    static let defaultSpan = 48

    /// A warning when a persona without `periode` has lines past the months a
    /// run shows by default: they would be left out without a word.
    var timelineBeyondDefaultMonths: Diagnostic? {
        guard period == nil, let months = defaultMonths else { return nil }
        let lines = records.map(\.from.yearMonth) + events.map(\.date.yearMonth)
        guard let last = lines.max(), last > months.to else { return nil }
        return Diagnostic(.personaInvalid, .warning, at: range,
                          "persona '\(id)' heeft geen periode en loopt door tot \(last.dutch); zonder periode rekent Doenbaar ten hoogste vier jaar door (\(months.from.dutch) tot en met \(months.to.dutch))",
                          suggestion: "geef de periode: 'periode \(months.from) tot en met \(last.adding(months: 2))'")
    }
}
