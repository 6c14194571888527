/// What a persona must satisfy whichever form it is written in. The `.persona`
/// reader and the JSON reader both ask here, and each reports the problem at
/// the place its own syntax gives, so the two forms cannot drift apart.
enum PersonaRules {
    /// A broken rule: the diagnostic to give, without its place.
    struct Problem {
        let id: DiagnosticID
        let message: String
        var suggestion: String? = nil
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

    static func duplicateMonth(_ kind: String, _ month: YearMonth) -> Problem {
        Problem(id: .personaOverlap, message: "\(kind) over \(month) staat er al")
    }

    static func enumerationCase(_ value: String, of enumeration: Enumeration, _ what: String) -> Problem? {
        enumeration.cases.contains(value) ? nil : unknown("onbekende \(what) '\(value)'", value, among: enumeration.cases)
    }

    /// A country is written as two capitals.
    static func country(_ code: String) -> Problem? {
        CountryCode.encode(code) != nil ? nil
            : Problem(id: .personaInvalid, message: "'\(code)' is geen landcode van twee hoofdletters (ISO 3166), zoals ES of SD")
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
                       suggestion: hint.map { "bedoelde u '\($0)'?" } ?? "kies uit \(names.joined(separator: ", "))")
    }
}
