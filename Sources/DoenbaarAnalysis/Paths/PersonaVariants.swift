import DoenbaarCore

/// The persona changed in one respect, to compare outcomes: what if she
/// earned € 100 more, had made the other choice the law leaves her, had
/// another value of a protected attribute, or had reported differently. Each
/// variant keeps everything else as it was. Which lines are income and which
/// facts are choices, the rule files say (`rol`), not this code.
extension Persona {
    /// Month lines of income from work (`rol inkomen_uit_werk`).
    private func isIncomeLine(_ r: PersonaRecord) -> Bool { r.role == .workIncome && r.shape == .month }

    /// The same person with `extra` more income in one month, earned at home (on
    /// the month's line that no period earned), known to the agency the way that
    /// month's income already was (or reported a week after the month).
    public func withExtraIncome(_ extra: Fixed, in month: YearMonth) -> Persona {
        var p = self
        let lines = incomeLines(in: month)
        if let i = p.records.firstIndex(where: { isIncomeLine($0) && $0.month == month && $0.earnedBy == nil }) {
            p.records[i].value += extra.raw
        } else if let kind = lines.first ?? records.first(where: isIncomeLine) {
            p.records.append(PersonaRecord(kind: kind.kind, shape: .month, role: .workIncome, reportable: kind.reportable,
                                           from: month.first, through: month.last, value: extra.raw,
                                           knowledge: lines.first?.knowledge ?? Knowledge(reported: month.last.adding(days: 7))))
        }
        return p
    }

    /// The same person without any income from work, nor an estimate of it.
    public func withoutWorkIncome() -> Persona {
        var p = self
        for i in p.records.indices where p.records[i].role == .workIncome { p.records[i].value = 0 }
        return p
    }

    /// The other answer to a choice the law leaves the person (`rol keuze`).
    public func with(_ fact: String, _ value: Int64) -> Persona {
        var p = self
        p.values[fact] = value
        return p
    }

    /// Periods whose attribute has another value than the person could have
    /// reported (`keuze` in the `opgave`), reported in time with that value:
    /// a stay abroad reported as vacation, while vacation days last.
    public func withAlternativesReported(_ rules: RuleSet) -> Persona {
        withAlternativesReported(rules.reportAlternatives)
    }

    /// The same, from the alternatives the rule set offers, sorted out before (`RuleSet.reportAlternatives`).
    public func withAlternativesReported(_ alternatives: [ReportAlternative]) -> Persona {
        var p = self
        for alternative in alternatives {
            let (name, value) = (alternative.attribute, alternative.value)
            for i in p.records.indices where p.records[i].kind == alternative.keyword && p.records[i].attributes[name] != value {
                p.records[i].attributes[name] = value
                p.records[i].knowledge.reported = p.records[i].from.adding(days: -1)
            }
        }
        return p
    }

    /// Periods of paid work (`activiteit` in their `opgave`), such as work abroad.
    public func activities(_ rules: RuleSet) -> [PersonaRecord] { activities(rules.activityKinds) }

    /// The same, from the kinds of lines that can be paid work, sorted out before (`RuleSet.activityKinds`).
    public func activities(_ kinds: [ActivityKind]) -> [PersonaRecord] {
        // The lines read where they lie, by index (`filter` handed each to its test as a copy, every name and list in it counted).
        records.withUnsafeBufferPointer { l in l.indices.filter { Persona.isActivity(l, $0, kinds) }.map { l[$0] } }
    }

    /// Whether she has a period of paid work (without making the list of them).
    public func hasActivities(_ rules: RuleSet) -> Bool { hasActivities(rules.activityKinds) }

    /// The same, from the kinds of lines that can be paid work, sorted out before.
    public func hasActivities(_ kinds: [ActivityKind]) -> Bool {
        records.withUnsafeBufferPointer { l in l.indices.contains { Persona.isActivity(l, $0, kinds) } }
    }

    /// Whether line i is paid work, as `RuleSet.isActivity` tells, its fields read where it lies: handed
    /// to the rule set's method, each line was copied whole (its names and attributes counted), and its
    /// kind looked up by name among all kinds, for every line of every person asked about.
    private static func isActivity(_ l: UnsafeBufferPointer<PersonaRecord>, _ i: Int, _ kinds: [ActivityKind]) -> Bool {
        for k in kinds where l[i].kind == k.keyword { return l[i].attributes[k.attribute] == k.value }
        return false
    }

    /// The same person, the same work and income, but without the periods the
    /// work took her away: what the income rules alone would make of it. The
    /// income those periods earned stays, as earned at home.
    public func withoutActivityPeriods(_ rules: RuleSet) -> Persona { withoutActivityPeriods(rules.activityKinds) }

    /// The same, from the kinds of lines that can be paid work, sorted out before.
    public func withoutActivityPeriods(_ kinds: [ActivityKind]) -> Persona {
        var p = self
        let activities = activities(kinds)
        p.records.removeAll { r in activities.contains { $0.kind == r.kind && $0.from == r.from } }
        for i in p.records.indices where p.records[i].earnedBy.map({ tie in activities.contains(where: tie.names) }) ?? false {
            p.records[i].earnedBy = nil
        }
        return p
    }

    /// The same person without the work that took her away: without its periods
    /// and without the income they earned (the lines that name them, `bij`).
    /// Other income, such as a job at home in the same months, stays.
    public func withoutActivities(_ rules: RuleSet) -> Persona { withoutActivities(rules.activityKinds) }

    /// The same, from the kinds of lines that can be paid work, sorted out before.
    public func withoutActivities(_ kinds: [ActivityKind]) -> Persona {
        var p = self
        let activities = activities(kinds)
        // Most people work at home: then nothing is taken out, and the lines are not copied to find that.
        guard !activities.isEmpty else { return p }
        p.records.removeAll { r in
            activities.contains { $0.kind == r.kind && $0.from == r.from }
                || (r.earnedBy.map { tie in activities.contains(where: tie.names) } ?? false)
        }
        return p
    }

    /// The lines of income from work for a month: one, or one per period of
    /// paid work that earned part of it and one for the rest.
    public func incomeLines(in month: YearMonth) -> [PersonaRecord] {
        records.withUnsafeBufferPointer { records in
            records.indices.filter { records[$0].role == .workIncome && records[$0].shape == .month && records[$0].from.yearMonth == month }.map { records[$0] }
        }
    }

    /// Whether a register held all of the month's income from work by that day.
    public func incomeInRegister(in month: YearMonth, by day: CivilDate) -> Bool {
        let lines = incomeLines(in: month)
        return !lines.isEmpty && lines.allSatisfy { $0.knowledge.register.map { $0 <= day } ?? false }
    }

    /// Whether the agency works with an estimate of the income (`vanaf` lines of income from work).
    public var hasIncomeEstimate: Bool { records.contains { $0.role == .workIncome && $0.shape == .from } }

    /// Income from work per month as it really was (not as the agency knew it): all its lines.
    public func workIncome(in month: YearMonth) -> Int64 { workIncome(from: month, count: 1)[0] }

    /// The same for `count` months from `first` on, by month offset, in one pass over
    /// the lines (read in place, not copied): an income series asks for every run the
    /// analysis compares.
    func workIncome(from first: YearMonth, count: Int) -> [Int64] {
        var income = [Int64](repeating: 0, count: max(0, count))
        // Fields read where each line lies (through the buffer), spelled out rather than through
        // `isIncomeLine`: a line passed to a call was copied whole first, even with the call inlined.
        records.withUnsafeBufferPointer { records in
            for i in records.indices where records[i].role == .workIncome && records[i].shape == .month {
                let m = records[i].from.yearMonth.index - first.index
                if m >= 0 && m < count { income[m] += Fixed(raw: records[i].value).cents }
            }
        }
        return income
    }

    /// Periods away (`rol afwezigheid`), such as stays abroad.
    public var absences: [PersonaRecord] { records.filter { $0.role == .absence } }
    /// Whether she has a period away (without making the list of them, or copying a line to look at it).
    public var hasAbsences: Bool { records.withUnsafeBufferPointer { l in l.indices.contains { l[$0].role == .absence } } }
}

/// A choice the law leaves the person, as her persona file states it. Behind one reference, read
/// only: the detectors go through a person's choices several times, and a copy of one counted every
/// name and list of its declaration and block.
public final class Choice: Sendable {
    public let fact: FactDeclaration
    public let section: PersonaSection
    /// The word of the line in the persona file (`aangevraagd`).
    public let word: String
    public let chosen: Int64

    init(fact: FactDeclaration, section: PersonaSection, word: String, chosen: Int64) {
        self.fact = fact
        self.section = section
        self.word = word
        self.chosen = chosen
    }

    /// The line as the persona file would read with this answer: "aangevraagd ja (WW-aanvraag)".
    public func line(_ answer: Int64) -> String { "'\(word) \(answer != 0 ? "ja" : "nee")' (\(section.title))" }
    public var other: Int64 { chosen == 0 ? 1 : 0 }
}

/// A period's attribute with another value the person could have reported (`keuze` in the `opgave`).
public struct ReportAlternative: Sendable {
    /// The keyword of the period's kind of line.
    public let keyword: String
    /// The attribute's name, and the value it could have had.
    public let attribute: String
    public let value: Int64
}

/// A kind of period lines that can be paid work (`activiteit` in the `opgave`): a line of it is
/// when its attribute has this value (`RuleSet.isActivity`).
public struct ActivityKind: Sendable {
    public let keyword: String
    public let attribute: String
    public let value: Int64
}

extension RuleSet {
    /// The kinds of period lines that can be paid work, as `isActivity` finds a line's kind (the
    /// first of its keyword): sorted out once, not for every line of every person asked about.
    public var activityKinds: [ActivityKind] {
        records.indices.compactMap { k in
            guard record(named: records[k].keyword) == k, records[k].shape == .period, let (a, value) = records[k].activity else { return nil }
            return ActivityKind(keyword: records[k].keyword, attribute: facts[records[k].attributes[a].fact].name, value: value)
        }
    }

    /// The choices (`rol keuze`) this persona made, with what she chose: a
    /// choice counts where the persona has the block that asks it.
    public func choices(of p: Persona) -> [Choice] {
        choices(of: p, among: choiceFields)
    }

    /// The same, from the fields that state a choice, sorted out before (`choiceFields`): a
    /// population asks it of every person, and looking through every block and field took each
    /// block whole, and looked its keyword up, for every one.
    public func choices(of p: Persona, among fields: [(section: Int, field: Int)]) -> [Choice] {
        var out: [Choice] = []
        for (s, f) in fields {
            let keyword = sections[s].keyword
            guard keyword == PersonaSection.header || p.sections[keyword] != nil else { continue }
            let field = sections[s].fields[f], fact = facts[field.fact]
            guard let chosen = p.values[fact.name] ?? fact.defaultValue.flatMap(Self.constant) else { continue }
            out.append(Choice(fact: fact, section: sections[s], word: field.word, chosen: chosen))
        }
        return out
    }

    /// The persona file's fields that state a choice (`rol keuze`), block by block, by index.
    public var choiceFields: [(section: Int, field: Int)] {
        sections.indices.flatMap { s in
            sections[s].fields.indices.filter { facts[sections[s].fields[$0].fact].role == .choice }.map { (s, $0) }
        }
    }

    /// The periods' attributes that the person could have reported otherwise (`keuze` in an `opgave` of periods).
    public var reportAlternatives: [ReportAlternative] {
        records.compactMap { kind in
            guard kind.shape == .period, let (a, value) = kind.alternative else { return nil }
            return ReportAlternative(keyword: kind.keyword, attribute: facts[kind.attributes[a].fact].name, value: value)
        }
    }

    /// The value of a default that is a plain constant (`standaard = ja`).
    static func constant(_ e: TypedExpr) -> Int64? {
        if case .constant(let v) = e.node { return v }
        return nil
    }

    /// Whether meeting the obligation means reporting income from work month by month.
    public func reportsIncome(_ o: Obligation) -> Bool {
        guard let r = o.report else { return false }
        return records[r].role == .workIncome && records[r].shape == .month
    }

    /// Facts through which income from work and its settlement reach a payment:
    /// what income lines fill, what the agency knew of them, the decision date,
    /// and definitions made of those alone (`inkomen`: known, or else estimated).
    public var incomeFacts: Set<String> {
        var indices: Set<Int> = [BuiltinFact.decisionDate.index]
        for kind in records where kind.role == .workIncome {
            let k = kind.knowledgeFacts
            indices.formUnion([kind.fact, k.known, k.reported, k.register].compactMap { $0 })
        }
        var names = Set(indices.map { facts[$0].name })
        for d in values where !d.isRule && d.condition == nil && d.exceptions.isEmpty {
            let reads = d.body.references
            if !reads.isEmpty, reads.allSatisfy({ if case .fact(let f) = $0 { return indices.contains(f) } else { return false } }) {
                names.insert(d.name)
            }
        }
        return names
    }
}
