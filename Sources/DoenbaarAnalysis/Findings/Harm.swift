import DoenbaarCore

/// What a finding costs the person, kept apart by kind of money, because the
/// kinds do not add up: entitlement she never gets, fines she pays, and undue
/// payments she pays back. A repayment returns money she had received, so it
/// is no loss; its harm is when and how much is collected, measured against
/// the beslagvrije voet.
///
/// Each amount is a line with its own identity (which money, about what, in
/// which month), so that findings about the same money can be recognised as
/// one event and no total counts the same euro twice.
public struct Harm: Sendable, Hashable {
    public enum Category: Int, Sendable, Hashable, Comparable, CaseIterable {
        /// Benefit the person is not paid, counted in the month it is for.
        case lostEntitlement
        /// A fine, in the month it is imposed.
        case fine
        /// An undue payment recovered, in the month it is collected.
        case repayment
        public static func < (a: Category, b: Category) -> Bool { a.rawValue < b.rawValue }
    }

    /// Money that happened on one of the person's paths, or the result of a
    /// probe (€ 100 more, another nationality) that no path contains.
    public enum Basis: Int, Sendable, Hashable, Comparable {
        case outcome, probe
        public static func < (a: Basis, b: Basis) -> Bool { a.rawValue < b.rawValue }
    }

    public struct Key: Sendable, Hashable, Comparable {
        public let category: Category
        /// The benefit (lost entitlement, repayment) or the obligation (fine).
        public let subject: String
        public let month: YearMonth
        public let basis: Basis
        public init(category: Category, subject: String, month: YearMonth, basis: Basis) {
            self.category = category
            self.subject = subject
            self.month = month
            self.basis = basis
        }
        public static func < (a: Key, b: Key) -> Bool {
            (a.basis, a.category, a.month, a.subject) < (b.basis, b.category, b.month, b.subject)
        }
    }

    public struct Line: Sendable, Hashable {
        public let key: Key
        public let cents: Int64
        /// Of a repayment: the part collected in a month that left the person
        /// less than the beslagvrije voet.
        public let belowProtectedCents: Int64
        public init(key: Key, cents: Int64, belowProtectedCents: Int64) {
            self.key = key
            self.cents = cents
            self.belowProtectedCents = belowProtectedCents
        }
    }

    /// Sorted by key, one line per key, no zero amounts.
    public let lines: [Line]

    /// Lines with the same key are added up.
    public init(_ lines: [Line]) {
        // No line, or one: nothing to sort or add up (most comparisons of most people).
        guard lines.count > 1 else {
            self.lines = lines.count == 1 && lines[0].cents != 0 ? lines : []
            return
        }
        // Sorted, then equal keys next to each other added up: no hashing of the
        // keys' names (every comparison of two runs makes one of these). The few
        // names are ranked once, so the sort compares one integer per line, in
        // the order of `Key.<`.
        var names: [String] = []
        for l in lines where !names.contains(l.key.subject) { names.append(l.key.subject) }
        names.sort()
        let order: [Int]
        if names.count < 1024 {
            let rank = lines.map { l -> Int in
                let k = l.key
                return ((k.basis.rawValue * 3 + k.category.rawValue) * 1_000_000 + k.month.index) * 1024 + names.firstIndex(of: k.subject)!
            }
            order = lines.indices.sorted { rank[$0] < rank[$1] }
        } else {
            order = lines.indices.sorted { lines[$0].key < lines[$1].key }
        }
        var merged: [Line] = []
        var i = 0
        while i < order.count {
            let key = lines[order[i]].key
            var cents: Int64 = 0, below: Int64 = 0
            while i < order.count && lines[order[i]].key == key {
                cents += lines[order[i]].cents
                below += lines[order[i]].belowProtectedCents
                i += 1
            }
            if cents != 0 { merged.append(Line(key: key, cents: cents, belowProtectedCents: below)) }
        }
        self.lines = merged
    }

    public static let none = Harm([])

    public func cents(_ category: Category, year: Int? = nil) -> Int64 {
        lines.reduce(0) { sum, l in sum + (l.key.category == category && (year == nil || l.key.month.year == year) ? l.cents : 0) }
    }
    public var lostCents: Int64 { cents(.lostEntitlement) }
    public var fineCents: Int64 { cents(.fine) }
    public var repaymentCents: Int64 { cents(.repayment) }
    public var belowProtectedCents: Int64 { lines.reduce(0) { $0 + $1.belowProtectedCents } }
    /// How much worse off the person ends up: lost entitlement and fines.
    public var lossCents: Int64 { lostCents + fineCents }
    /// Whether there is anything to report: a loss or a repayment.
    public var isEmpty: Bool { lines.isEmpty }
    /// The calendar years the money moves in.
    public var years: [Int] { Array(Set(lines.map(\.key.month.year))).sorted() }

    /// Whether two findings speak about some of the same money. Both lists are sorted by key
    /// (`init`, in the order of `Key.<`) and walked side by side: a person's findings are
    /// compared pairwise (`SharedEvents.merge`), and a set of keys was made for every pair.
    public func overlaps(_ other: Harm) -> Bool {
        var i = 0, j = 0
        while i < lines.count && j < other.lines.count {
            let (a, b) = (lines[i].key, other.lines[j].key)
            if a == b { return true }
            if a < b { i += 1 } else { j += 1 }
        }
        return false
    }

    /// This harm with the lines of another that it does not name itself: a
    /// finding taking in its lenses keeps its own measure of shared money.
    public func adding(_ other: Harm) -> Harm {
        let keys = Set(lines.map(\.key))
        return Harm(lines + other.lines.filter { !keys.contains($0.key) })
    }

    /// The money of two findings together. Where both name the same line they
    /// claim the same euros, measured against different alternatives: the
    /// larger claim counts, once.
    public func union(_ other: Harm) -> Harm {
        // With nothing on one side, the other as it is: its lines are already merged and sorted
        // (`init`), and a population's tally starts each knelpunt's harm from nothing.
        if lines.isEmpty { return other }
        if other.lines.isEmpty { return self }
        var by: [Key: Line] = [:]
        for l in lines + other.lines {
            if let known = by[l.key], abs(known.cents) >= abs(l.cents) { continue }
            by[l.key] = l
        }
        return Harm(Array(by.values))
    }
}

extension Harm {
    /// What `actual` costs against a `better` run of the same months: per
    /// benefit and month, the entitlement in the end (paid, plus corrections
    /// booked for that month later); fines and repayments per month booked.
    public static func between(actual: PersonaRun, better: PersonaRun, basis: Basis = .outcome) -> Harm {
        var lines: [Line] = []
        // A month in which both runs book the same money adds as much to each key
        // as it takes away (repayments included, which are keyed by the month
        // booked): it is left out, and most months of most comparisons are such.
        // Months, benefits and corrections read in place by index (see `booksSameMoney`).
        let (a, b) = (actual.months, better.months)
        // By place in the runs: a month lies at the same place in both where they start alike.
        let same = (0..<max(a.count, b.count)).map { $0 < min(a.count, b.count) && a[$0].month == b[$0].month && a[$0].booksSameMoney(as: b[$0]) }
        // A line of nothing adds nothing to its key (and `init` drops a key that comes to nothing):
        // a benefit paid neither way (the Wajong of someone on WW) makes no lines, not two a month.
        func add(_ run: PersonaRun, sign: Int64) {
            let months = run.months
            for i in months.indices where !same[i] {
                let month = months[i].month
                for j in months[i].benefits.indices {
                    let subject = months[i].benefits[j].benefit
                    if months[i].benefits[j].paidCents != 0 {
                        lines.append(.init(key: Key(category: .lostEntitlement, subject: subject, month: month, basis: basis),
                                           cents: -sign * months[i].benefits[j].paidCents, belowProtectedCents: 0))
                    }
                    for c in months[i].benefits[j].corrections where c.cents != 0 {
                        lines.append(.init(key: Key(category: .lostEntitlement, subject: subject, month: c.forMonth, basis: basis), cents: -sign * c.cents, belowProtectedCents: 0))
                    }
                }
                for f in months[i].fines where f.cents != 0 {
                    lines.append(.init(key: Key(category: .fine, subject: f.obligation, month: month, basis: basis), cents: sign * f.cents, belowProtectedCents: 0))
                }
            }
        }
        add(actual, sign: 1)
        add(better, sign: -1)
        // Repayments: only what the actual run collects more, per benefit and month.
        func recovered(_ run: PersonaRun) -> [Key: Int64] {
            var by: [Key: Int64] = [:]
            let months = run.months
            for i in months.indices where !same[i] {
                for j in months[i].benefits.indices {
                    for c in months[i].benefits[j].corrections where c.cents < 0 {
                        by[Key(category: .repayment, subject: months[i].benefits[j].benefit, month: months[i].month, basis: basis), default: 0] -= c.cents
                    }
                }
            }
            return by
        }
        let worse = recovered(actual), other = recovered(better)
        for (k, c) in worse where c > other[k] ?? 0 { lines.append(.init(key: k, cents: c - (other[k] ?? 0), belowProtectedCents: 0)) }
        return Harm(lines)
    }

    /// What is collected in one month of a run: its recoveries and fines.
    public static func collected(in m: MonthOutcome) -> Harm {
        var lines: [Line] = []
        for b in m.benefits {
            let recovered = -b.corrections.filter { $0.cents < 0 }.reduce(Int64(0)) { $0 + $1.cents }
            guard recovered > 0 else { continue }
            lines.append(.init(key: Key(category: .repayment, subject: b.benefit, month: m.month, basis: .outcome), cents: recovered, belowProtectedCents: 0))
        }
        for f in m.fines { lines.append(.init(key: Key(category: .fine, subject: f.obligation, month: m.month, basis: .outcome), cents: f.cents, belowProtectedCents: 0)) }
        return Harm(lines)
    }

    /// The repayments measured against the beslagvrije voet: in a month where
    /// the person is left with less than the voet (`protectedMinimum`), the
    /// shortfall is collected below it, up to the repayments of that month.
    public func collected(from series: IncomeSeries, protectedMinimum: (YearMonth) -> Int64?) -> Harm {
        // Without a repayment, the lines as they are (already merged and sorted).
        guard lines.contains(where: { $0.key.category == .repayment }) else { return self }
        var shortfall: [YearMonth: Int64] = [:]
        return Harm(lines.map { l in
            guard l.key.category == .repayment, let month = series.month(l.key.month), let minimum = protectedMinimum(l.key.month) else { return l }
            let left = shortfall[l.key.month] ?? max(0, minimum - month.netCents)
            let part = min(left, l.cents)
            shortfall[l.key.month] = left - part
            return Line(key: l.key, cents: l.cents, belowProtectedCents: part)
        })
    }

    /// The same lines as the result of a probe.
    public var asProbe: Harm {
        Harm(lines.map { Line(key: Key(category: $0.key.category, subject: $0.key.subject, month: $0.key.month, basis: .probe), cents: $0.cents, belowProtectedCents: $0.belowProtectedCents) })
    }
}

extension MonthOutcome {
    /// Whether another month books the same money: the same benefits paid, with
    /// the same corrections, and the same fines (what `Harm.between` reads of a month).
    /// Fields are read in place, by index: a loop over the elements would copy each
    /// outcome (its trace, deductions and corrections), and this runs for every month
    /// of every comparison.
    func booksSameMoney(as other: MonthOutcome) -> Bool {
        guard benefits.count == other.benefits.count, fines.count == other.fines.count else { return false }
        for i in benefits.indices {
            guard benefits[i].benefit == other.benefits[i].benefit, benefits[i].paidCents == other.benefits[i].paidCents,
                  benefits[i].corrections.count == other.benefits[i].corrections.count else { return false }
            for j in benefits[i].corrections.indices {
                guard benefits[i].corrections[j].forMonth == other.benefits[i].corrections[j].forMonth,
                      benefits[i].corrections[j].cents == other.benefits[i].corrections[j].cents else { return false }
            }
        }
        for i in fines.indices where fines[i].obligation != other.fines[i].obligation || fines[i].cents != other.fines[i].cents { return false }
        return true
    }
}
