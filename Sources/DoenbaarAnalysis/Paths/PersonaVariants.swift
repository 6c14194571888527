import DoenbaarCore

/// The persona changed in one respect, to compare outcomes: what if she
/// earned € 100 more, had not claimed WW, had another nationality, or had
/// reported differently. Each variant keeps everything else as it was.
extension Persona {
    /// The same person with `extra` more income in one month, known to the agency
    /// the way that month's income already was (or reported a week after the month).
    public func withExtraIncome(_ extra: Fixed, in month: YearMonth) -> Persona {
        var p = self
        if let i = p.incomes.firstIndex(where: { $0.month == month }) {
            p.incomes[i].amount = Fixed(raw: p.incomes[i].amount.raw + extra.raw)
        } else {
            p.incomes.append(MonthlyIncome(month: month, amount: extra, knowledge: Knowledge(reported: month.last.adding(days: 7))))
        }
        return p
    }

    /// The same person without any income from work.
    public func withoutWorkIncome() -> Persona {
        var p = self
        p.incomes = p.incomes.map { var i = $0; i.amount = .zero; return i }
        p.estimates = p.estimates.map { var e = $0; e.amount = .zero; return e }
        return p
    }

    /// The other choice the law leaves: claiming WW or not.
    public func withWWClaimed(_ claimed: Bool) -> Persona {
        var p = self
        p.ww?.claimed = claimed
        return p
    }

    public func withNationality(_ code: String?) -> Persona {
        var p = self
        p.nationality = code
        return p
    }

    /// Stays abroad other than vacation, reported in time as vacation: what a
    /// person could have done to keep the benefit while vacation days last.
    public func withStaysReportedAsVacation() -> Persona {
        var p = self
        p.stays = p.stays.map { s in
            guard s.reason != "vakantie", s.reason != "werk_zoeken" else { return s }
            var v = s
            v.reason = "vakantie"
            v.knowledge.reported = s.from.adding(days: -1)
            return v
        }
        return p
    }

    /// Income from work per month as it really was (not as the agency knew it).
    public func workIncome(in month: YearMonth) -> Int64 {
        incomes.first { $0.month == month }?.amount.cents ?? 0
    }
}
