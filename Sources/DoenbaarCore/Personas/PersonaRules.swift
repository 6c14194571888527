/// What a persona must satisfy whichever form it is written in. The `.persona`
/// reader and the JSON reader both ask here, and each reports the problem at
/// the place its own syntax gives, so the two forms cannot drift apart.
enum PersonaRules {
    /// A broken rule: the diagnostic to give, without its place.
    struct Problem {
        let id: DiagnosticID
        let message: String
        var suggestion: String? = nil
        /// The word the drafter likely meant, where the problem is a misspelt word.
        var closest: String? = nil
    }

    /// A life event weighs for at most this many months; larger counts would only
    /// push date arithmetic downstream out of range.
    static let maximumEventMonths: Int64 = 1200
    /// Weights multiply amounts in population runs; more than all inhabitants makes no sense.
    static let maximumWeight = 20_000_000

    static func weight(_ w: Int64) -> Problem? {
        if w < 1 { return Problem(id: .personaInvalid, message: "gewicht moet minstens 1 zijn") }
        if w > maximumWeight { return Problem(id: .personaInvalid, message: "gewicht \(w) is groter dan het aantal inwoners van Nederland") }
        return nil
    }

    static func period(from: YearMonth, to: YearMonth) -> Problem? {
        if to < from { return Problem(id: .personaInvalid, message: "de periode eindigt (\(to)) vóór zij begint (\(from))") }
        if to.index - from.index >= 120 {
            return Problem(id: .personaInvalid, message: "een periode van meer dan tien jaar is niet door te rekenen; kies een kortere")
        }
        return nil
    }

    static func unknownCapacity(_ name: String) -> Problem? {
        guard Capacity(rawValue: name) == nil else { return nil }
        return unknown("onbekend onderdeel van doenvermogen '\(name)'", name, among: Capacity.allCases.map(\.rawValue))
    }

    /// No date a block gives (a benefit's start) lies before the birth: the
    /// problems, by the fact name of the value, in name order.
    static func datesAfterBirth(_ values: [String: Int64], birth: CivilDate, schema: PersonaSchema) -> [(fact: String, problem: Problem)] {
        values.sorted { $0.key < $1.key }.compactMap { name, raw in
            guard let index = schema.ruleSet.fact(named: name), schema.fact(index).type == .date else { return nil }
            let date = CivilDate(dayNumber: Int32(truncatingIfNeeded: raw))
            guard date < birth else { return nil }
            return (name, Problem(id: .personaInvalid, message: "'\(schema.fieldWord(of: name) ?? name)' \(date) ligt vóór de geboortedatum (\(birth))"))
        }
    }

    /// A month's value cannot be known before the month has begun.
    static func knownBeforeMonth(_ kind: String, _ month: YearMonth, on known: CivilDate?) -> Problem? {
        guard let known, known < month.first else { return nil }
        return Problem(id: .personaInvalid,
                       message: "\(kind) over \(month) kan niet al op \(known) bekend zijn: die maand begint pas op \(month.first)")
    }

    /// What makes a month line one of a kind: its month and the period that earned it, if any.
    struct MonthSlot: Hashable {
        let month: YearMonth
        let earnedBy: PeriodReference?
        init(_ line: PersonaRecord) {
            month = line.month
            earnedBy = line.earnedBy
        }
        /// "inkomen over 2025-03" or "inkomen over 2025-03 bij verblijf 2025-03-03".
        func text(_ kind: String) -> String {
            "\(kind) over \(month)" + (earnedBy.map { " \(PersonaRecordKind.tieWord) \($0.text)" } ?? "")
        }
    }

    /// One line per month, or per month and period that earned it. `earners`: the
    /// kinds of period a line of this kind may name (`verdient` in their opgave).
    static func duplicateMonth(_ kind: String, _ slot: MonthSlot, earners: [String]) -> Problem {
        var problem = Problem(id: .personaOverlap, message: "\(slot.text(kind)) staat er al")
        if slot.earnedBy == nil, let period = earners.first {
            problem.suggestion = "\(kind) uit werk tijdens een \(period) krijgt een eigen regel met '\(PersonaRecordKind.tieWord) \(period) DATUM'; tel de rest van de maand op één regel op"
        }
        return problem
    }

    /// `bij` on a line whose kind no period earns. `tieable`: the kinds that can
    /// name a period, each with the first kind of period that earns it.
    static func untiable(_ kind: String, earners: [String], tieable: [(kind: String, earner: String)]) -> Problem? {
        guard earners.isEmpty else { return nil }
        return Problem(id: .unknownClause, message: "een regel '\(kind)' kan niet bij een periode horen",
                       suggestion: tieable.isEmpty ? "geen opgave in de regels zegt 'verdient \(kind)'"
                           : "alleen \(ValueFormatting.list(tieable.map { "een regel '\($0.kind) ... \(PersonaRecordKind.tieWord) \($0.earner) DATUM'" })) noemt de periode die het opleverde")
    }

    /// The word after `bij` names a kind of period that earns this kind.
    static func tieKind(_ name: String, of kind: String, earners: [String]) -> Problem? {
        guard !earners.contains(name) else { return nil }
        return unknown("\(kind) kan niet bij '\(name)' horen", name, among: earners)
    }

    /// A line that names the period that earned it (`bij verblijf 2025-03-03`):
    /// that period exists, is paid work, and touches the line's month. With the
    /// problem comes the index of the period it is about, for a note there.
    static func tie(_ line: PersonaRecord, among lines: [PersonaRecord], schema: PersonaSchema) -> (period: Int?, problem: Problem)? {
        guard let tie = line.earnedBy else { return nil }
        let what = "\(line.kind) over \(line.month)"
        guard let i = lines.firstIndex(where: tie.names) else {
            let near = lines.filter { $0.kind == tie.kind && $0.shape == .period && $0.overlaps(line.month.first, line.month.last) }
            return (nil, Problem(id: .unknownName, message: "\(what) hoort bij het \(tie.kind) dat op \(tie.from) begint, maar zo'n \(tie.kind) staat er niet",
                                 suggestion: near.first.map { "bedoelde u '\(PersonaRecordKind.tieWord) \(tie.kind) \($0.from)' (van \($0.from) tot en met \($0.through))?" }
                                     ?? "geef het \(tie.kind) een eigen regel: '\(tie.kind) \(tie.from) tot en met DATUM ...'"))
        }
        let period = lines[i]
        let named = "het \(tie.kind) van \(period.from) tot en met \(period.through)"
        if !schema.ruleSet.isActivity(period) {
            let marking = schema.record(tie.kind).flatMap(schema.activityText(of:))
            return (i, Problem(id: .personaInvalid, message: "\(named) is geen betaald werk, dus levert geen \(line.kind) op",
                               suggestion: "laat '\(PersonaRecordKind.tieWord) \(tie.text)' weg" + (marking.map { ", of geef het \(tie.kind) '\($0)'" } ?? "")))
        }
        if !period.overlaps(line.month.first, line.month.last) {
            return (i, Problem(id: .personaInvalid, message: "\(what) kan niet bij \(named) horen: dat valt helemaal buiten \(line.month)"))
        }
        return nil
    }

    static func enumerationCase(_ value: String, of enumeration: Enumeration, _ what: String) -> Problem? {
        enumeration.cases.contains(value) ? nil : unknown("onbekende \(what) '\(value)'", value, among: enumeration.cases)
    }

    /// A country is written as an assigned ISO 3166 code of two capitals.
    static func country(_ code: String) -> Problem? {
        guard CountryCode.encode(code) != nil else {
            return Problem(id: .personaInvalid, message: "'\(code)' is geen landcode van twee hoofdletters (ISO 3166), zoals ES of SD")
        }
        return CountryCode.isAssigned(code) ? nil
            : Problem(id: .personaInvalid, message: "'\(code)' is geen bestaande landcode (ISO 3166-1), zoals ES, SD of TR")
    }

    /// A line whose role is time away from home (a stay abroad) cannot be in
    /// the Netherlands: the rules would count days at home as days abroad.
    static func awayAtHome(_ kind: PersonaRecordKind, _ type: ValueType, _ value: Int64) -> Problem? {
        guard kind.role == .absence, type == .country, value == CountryCode.encode("NL") else { return nil }
        return Problem(id: .personaInvalid, message: "een \(kind.keyword) is tijd buiten Nederland, maar dit land is NL",
                       suggestion: "schrijf het land van het verblijf, of laat de regel weg als de persona in Nederland was")
    }

    static func periodDates(_ kind: String, from: CivilDate, through: CivilDate) -> Problem? {
        through < from ? Problem(id: .personaInvalid, message: "het \(kind) eindigt (\(through)) vóór het begint (\(from))") : nil
    }

    /// The first earlier period of the same kind that shares a day with this one, by its index.
    static func overlap(_ kind: String, from: CivilDate, through: CivilDate, with earlier: [PersonaRecord]) -> (index: Int, problem: Problem)? {
        guard let i = earlier.firstIndex(where: { $0.kind == kind && $0.overlaps(from, through) }) else { return nil }
        let other = earlier[i]
        return (i, Problem(id: .personaOverlap, message: "dit \(kind) overlapt met het \(kind) van \(other.from) tot en met \(other.through)"))
    }

    static func estimatesRise(_ kind: String, _ month: YearMonth, after earlier: YearMonth) -> Problem? {
        month > earlier ? nil : Problem(id: .personaInvalid, message: "regels '\(kind) vanaf' moeten op maand oplopen; \(month) komt niet na \(earlier)")
    }

    /// A block of the persona that lacks a fact without a default.
    static func missingFields(_ words: [String], in keyword: String) -> Problem? {
        words.isEmpty ? nil : Problem(id: .missingClause, message: "\(keyword) mist \(ValueFormatting.list(words))")
    }

    /// A life event of a kind the rule files declare (a parameter `stress_<soort>`).
    static func eventKind(_ name: String, declared: [String]) -> Problem? {
        guard !declared.contains(name) else { return nil }
        guard !declared.isEmpty else {
            return Problem(id: .unknownName, message: "onbekende gebeurtenis '\(name)': de regels declareren geen soorten gebeurtenis",
                           suggestion: "declareer 'parameter \(LifeEvent.stressPrefix)\(name): getal' en 'parameter duur_\(name): getal' (zie Rules/analyse/doenvermogen.regels)")
        }
        return unknown("onbekende gebeurtenis '\(name)'", name, among: declared)
    }

    private static func unknown(_ message: String, _ name: String, among names: [String]) -> Problem {
        let hint = Suggestions.closest(to: name, in: names)
        return Problem(id: .unknownName, message: message,
                       suggestion: hint.map { "bedoelde u '\($0)'?" } ?? "kies uit \(names.joined(separator: ", "))", closest: hint)
    }
}
