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
    static let maximumWorkHistoryYears = 100
    /// A settlement period must divide the year.
    static let settlementMonths: [Int64] = [1, 2, 3, 4, 6, 12]

    static func weight(_ w: Int64) -> Problem? {
        if w < 1 { return Problem(id: .personaInvalid, message: "gewicht moet minstens 1 zijn") }
        if w > maximumWeight { return Problem(id: .personaInvalid, message: "gewicht \(w) is groter dan het aantal inwoners van Nederland") }
        return nil
    }

    static func nationality(_ code: String) -> Problem? {
        CountryCode.encode(code) != nil ? nil
            : Problem(id: .personaInvalid, message: "'\(code)' is geen landcode van twee hoofdletters (ISO 3166), zoals NL of TR")
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

    static func wwStart(_ start: CivilDate, birth: CivilDate) -> Problem? {
        start < birth ? Problem(id: .personaInvalid, message: "de WW begint (\(start)) vóór de geboortedatum (\(birth))") : nil
    }

    static func yearsBefore2016(_ before: Int64, of years: Int64) -> Problem? {
        before > years ? Problem(id: .personaInvalid, message: "\(before) jaren vóór 2016 is meer dan het hele arbeidsverleden (\(years) jaar)") : nil
    }

    static func settlement(_ months: Int64) -> Problem? {
        settlementMonths.contains(months) ? nil
            : Problem(id: .personaInvalid, message: "een verrekentijdvak van \(months) maanden deelt het jaar niet; kies 1, 3, 6 of 12")
    }

    /// An income cannot be known before its month has begun.
    static func incomeKnown(_ month: YearMonth, on known: CivilDate?) -> Problem? {
        guard let known, known < month.first else { return nil }
        return Problem(id: .personaInvalid,
                       message: "inkomen over \(month) kan niet al op \(known) bekend zijn: die maand begint pas op \(month.first)")
    }

    static func duplicateIncome(_ month: YearMonth) -> Problem {
        Problem(id: .personaOverlap, message: "inkomen over \(month) staat er al")
    }

    static func stayReason(_ reason: String) -> Problem? {
        let reasons = Array(Fact.stayReasons.dropFirst())
        return reasons.contains(reason) ? nil : unknown("onbekende reden '\(reason)'", reason, among: reasons)
    }

    /// A stay is in a country written as two capitals.
    static func stayCountry(_ code: String) -> Problem? {
        code.count == 2 && code.allSatisfy({ $0.isASCII && $0.isUppercase }) ? nil
            : Problem(id: .personaInvalid, message: "'\(code)' is geen landcode van twee hoofdletters (ISO 3166), zoals ES of SD")
    }

    static func stayDates(from: CivilDate, through: CivilDate) -> Problem? {
        through < from ? Problem(id: .personaInvalid, message: "het verblijf eindigt (\(through)) vóór het begint (\(from))") : nil
    }

    /// The first earlier stay that shares a day with this one, by its index.
    static func overlap(from: CivilDate, through: CivilDate, with earlier: [StayAbroad]) -> (index: Int, problem: Problem)? {
        guard let i = earlier.firstIndex(where: { $0.from <= through && from <= $0.through }) else { return nil }
        let other = earlier[i]
        return (i, Problem(id: .personaOverlap, message: "dit verblijf overlapt met het verblijf van \(other.from) tot en met \(other.through)"))
    }

    static func eventKind(_ name: String) -> Problem? {
        guard LifeEvent.Kind(rawValue: name) == nil else { return nil }
        return unknown("onbekende gebeurtenis '\(name)'", name, among: LifeEvent.Kind.allCases.map(\.rawValue))
    }

    private static func unknown(_ message: String, _ name: String, among names: [String]) -> Problem {
        let hint = Suggestions.closest(to: name, in: names)
        return Problem(id: .unknownName, message: message,
                       suggestion: hint.map { "bedoelde u '\($0)'?" } ?? "kies uit \(names.joined(separator: ", "))")
    }
}
