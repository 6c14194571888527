/// JSON import of personas, for generated data. Same content as a `.persona`
/// file; amounts in whole cents, dates as "JJJJ-MM-DD", months as "JJJJ-MM".
/// The fields of each object are listed in `fields`; Fixtures/good/sanne.json
/// (in the tests) is a complete example.
///
/// Read from a `JSONValue` rather than with `JSONDecoder`, so every problem —
/// a syntax error, a missing or misspelt field, a wrong type — is reported at
/// its line and column, in Dutch, and all of them at once.
public enum PersonaJSON {
    /// The fields of each object, by the name of the field that holds it ("" for the top).
    static let fields: [String: [String]] = [
        "": ["naam", "geboren", "gewicht", "doenvermogen", "nationaliteit", "zelfstandige", "periode", "ww", "wajong",
             "inkomen", "schattingen", "verblijven", "gebeurtenissen", "verwacht"],
        "periode": ["van", "tot_en_met"],
        "ww": ["ingang", "dagloon_cent", "arbeidsverleden_jaren", "arbeidsverleden_voor_2016", "verwijtbaar", "aangevraagd"],
        "wajong": ["ingang", "arbeidsvermogen", "loonwaarde_procent", "verrekening_maanden"],
        "inkomen": ["maand", "bedrag_cent", "gemeld", "polis", "belastingdienst", "verborgen", "ontdekt"],
        "schattingen": ["vanaf", "bedrag_cent", "bekend"],
        "verblijven": ["van", "tot_en_met", "reden", "land", "pd_u2", "gemeld", "ontdekt"],
        "gebeurtenissen": ["datum", "soort", "duur_maanden"],
        "verwacht": ["maand", "uitkering", "bedrag_cent"],
    ]

    public static func decode(_ file: SourceFile, fileID: Int, id: String) -> (Persona?, DiagnosticBag) {
        var diagnostics = DiagnosticBag()
        if let refusal = Lexer.refusal(of: file.bytes, fileID: fileID) {
            diagnostics.add(refusal)
            return (nil, diagnostics)
        }
        if file.bytes.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
            diagnostics.error(.emptyFile, SourceRange(fileID: fileID, start: 0, end: 0),
                              "JSON-bestand is leeg; verwacht een object met ten minste naam, geboren, gewicht en doenvermogen")
            return (nil, diagnostics)
        }
        let root: JSONValue
        do {
            root = try JSONScanner.scan(file.bytes)
        } catch {
            diagnostics.error(.personaInvalid, SourceRange(fileID: fileID, start: error.start, end: error.end),
                              "ongeldige JSON: \(error.message)")
            return (nil, diagnostics)
        }
        var reader = JSONPersonaReader(fileID: fileID)
        let persona = reader.persona(root, id: id)
        return (reader.diagnostics.hasErrors ? nil : persona, reader.diagnostics)
    }
}

/// Builds a persona from a JSON value, checking what `PersonaParser` checks.
struct JSONPersonaReader {
    let fileID: Int
    var diagnostics = DiagnosticBag()

    /// The fields of one object, after unknown and repeated ones were reported.
    struct Fields {
        let object: JSONValue
        let what: String
        var values: [String: JSONValue] = [:]
        subscript(_ key: String) -> JSONValue? {
            guard let value = values[key], case .null = value.kind else { return values[key] }
            return nil     // null counts as absent
        }
    }

    /// Amounts are Fixed millionths; more cents than this would overflow them.
    static let maximumCents: Int64 = 99_999_999_999_999

    func range(_ value: JSONValue) -> SourceRange { SourceRange(fileID: fileID, start: value.start, end: value.end) }

    /// Reports at the value; the ids match those the `.persona` reader gives for the same mistake.
    mutating func fail(_ value: JSONValue, _ message: String, _ id: DiagnosticID = .personaInvalid,
                       suggestion: String? = nil, notes: [Diagnostic.Note] = []) {
        diagnostics.error(id, range(value), message, suggestion: suggestion, notes: notes)
    }

    /// Reports a broken persona rule at this value; true when there was one.
    @discardableResult
    mutating func report(_ problem: PersonaRules.Problem?, at value: JSONValue, notes: [Diagnostic.Note] = []) -> Bool {
        guard let problem else { return false }
        fail(value, problem.message, problem.id, suggestion: problem.suggestion, notes: notes)
        return true
    }

    // MARK: Persona

    mutating func persona(_ root: JSONValue, id: String) -> Persona? {
        guard let top = fields(of: root, "de persona", schema: "") else { return nil }
        let name = required(top, "naam").flatMap { string($0, "naam") }
        let birth = required(top, "geboren").flatMap { date($0, "geboren") }
        var weight: Int64?
        if let w = required(top, "gewicht"), let value = integer(w, "gewicht") {
            if !report(PersonaRules.weight(value), at: w) { weight = value }
        }
        let capacity = required(top, "doenvermogen").flatMap { self.capacity($0) }
        var p = Persona(id: id, name: name ?? id, birthDate: birth ?? CivilDate(dayNumber: 0),
                        weight: Int(weight ?? 1), capacity: capacity ?? [:])
        p.range = SourceRange(fileID: fileID, start: root.start, end: root.start + 1)
        if let value = top["nationaliteit"], let text = string(value, "nationaliteit") {
            if !report(PersonaRules.nationality(text), at: value) { p.nationality = text }
        }
        p.selfEmployed = top["zelfstandige"].flatMap { bool($0, "zelfstandige") } ?? false
        if let value = top["periode"], let f = fields(of: value, "periode", schema: "periode") {
            let from = required(f, "van").flatMap { month($0, "van") }, to = required(f, "tot_en_met").flatMap { month($0, "tot_en_met") }
            if let from, let to, !report(PersonaRules.period(from: from, to: to), at: value) { p.period = (from, to) }
        }
        if let value = top["ww"] { p.ww = ww(value) }
        if let value = top["wajong"] { p.wajong = wajong(value) }
        let incomes = list(top, "inkomen", "een inkomen") { $0.income($1) }
        let estimates = list(top, "schattingen", "een schatting") { $0.estimate($1) }
        let stays = list(top, "verblijven", "een verblijf") { $0.stay($1) }
        checkOrder(incomes: incomes, estimates: estimates, stays: stays)
        p.incomes = incomes.map(\.element)
        p.estimates = estimates.map(\.element)
        p.stays = stays.map(\.element)
        p.events = list(top, "gebeurtenissen", "een gebeurtenis") { $0.event($1) }.map(\.element)
        p.expectations = list(top, "verwacht", "een verwachting") { $0.expectation($1) }.map(\.element)
        if let ww = p.ww, let birth, let value = top["ww"] { report(PersonaRules.wwStart(ww.start, birth: birth), at: value) }
        guard name != nil, birth != nil, weight != nil, capacity != nil else { return nil }
        return p
    }

    mutating func capacity(_ value: JSONValue) -> [Capacity: Int]? {
        guard case .object(let members) = value.kind else {
            fail(value, "'doenvermogen' moet een object zijn, zoals {\"plannen\": 3, ...}, maar is \(value.described)", .typeMismatch)
            return nil
        }
        let names = Capacity.allCases.map(\.rawValue)
        var capacity: [Capacity: Int] = [:]
        var written = Set<String>()
        for member in members {
            let key = keyValue(member)
            guard !report(PersonaRules.unknownCapacity(member.key), at: key), let part = Capacity(rawValue: member.key) else { continue }
            guard written.insert(member.key).inserted else { fail(key, "'\(member.key)' staat twee keer in het doenvermogen", .duplicateClause); continue }
            guard let level = integer(member.value, member.key) else { continue }
            guard (1...5).contains(level) else { fail(member.value, "niveau \(level) van '\(member.key)' ligt niet tussen 1 en 5"); continue }
            capacity[part] = Int(level)
        }
        // Parts written with a wrong level have been reported; name only those not written.
        let absent = names.filter { !written.contains($0) }
        if !absent.isEmpty { fail(value, "doenvermogen mist \(absent.joined(separator: ", "))", .missingClause) }
        return capacity.count == names.count ? capacity : nil
    }

    mutating func ww(_ value: JSONValue) -> WWClaim? {
        guard let f = fields(of: value, "ww", schema: "ww") else { return nil }
        let start = required(f, "ingang").flatMap { date($0, "ingang") }
        let wage = required(f, "dagloon_cent").flatMap { cents($0, "dagloon_cent") }
        let years = required(f, "arbeidsverleden_jaren").flatMap { integer($0, "arbeidsverleden_jaren", in: 0...Int64(PersonaRules.maximumWorkHistoryYears)) }
        let before2016 = f["arbeidsverleden_voor_2016"].flatMap { integer($0, "arbeidsverleden_voor_2016", in: 0...Int64(PersonaRules.maximumWorkHistoryYears)) }
        let culpable = f["verwijtbaar"].flatMap { bool($0, "verwijtbaar") } ?? false
        let claimed = f["aangevraagd"].flatMap { bool($0, "aangevraagd") } ?? true
        guard let start, let wage, let years else { return nil }
        if let before2016, let value = f["arbeidsverleden_voor_2016"],
           report(PersonaRules.yearsBefore2016(before2016, of: years), at: value) { return nil }
        return WWClaim(start: start, dailyWage: wage, workHistoryYears: Int(years), yearsBefore2016: before2016.map { Int($0) },
                       culpable: culpable, claimed: claimed)
    }

    mutating func wajong(_ value: JSONValue) -> WajongClaim? {
        guard let f = fields(of: value, "wajong", schema: "wajong") else { return nil }
        let start = required(f, "ingang").flatMap { date($0, "ingang") }
        let capacity = required(f, "arbeidsvermogen").flatMap { bool($0, "arbeidsvermogen") }
        let wageValue = f["loonwaarde_procent"].flatMap { integer($0, "loonwaarde_procent", in: 1...99) }
        let settlement = f["verrekening_maanden"].flatMap { value -> Int64? in
            guard let n = integer(value, "verrekening_maanden"), !report(PersonaRules.settlement(n), at: value) else { return nil }
            return n
        }
        guard let start, let capacity else { return nil }
        return WajongClaim(start: start, workCapacity: capacity, wageValue: wageValue.map { Fixed(raw: $0 * Fixed.scale / 100) },
                           settlementMonths: Int(settlement ?? 1))
    }

    mutating func income(_ f: Fields) -> MonthlyIncome? {
        let month = required(f, "maand").flatMap { self.month($0, "maand") }
        let amount = required(f, "bedrag_cent").flatMap { cents($0, "bedrag_cent") }
        let knowledge = Knowledge(reported: f["gemeld"].flatMap { date($0, "gemeld") },
                                  register: (f["polis"] ?? f["belastingdienst"]).flatMap { date($0, "polis") },
                                  registerHidden: f["verborgen"].flatMap { bool($0, "verborgen") } ?? false,
                                  discovered: f["ontdekt"].flatMap { date($0, "ontdekt") })
        guard let month, let amount else { return nil }
        if let written = f["gemeld"] ?? f["polis"] { report(PersonaRules.incomeKnown(month, on: knowledge.known), at: written) }
        return MonthlyIncome(month: month, amount: amount, knowledge: knowledge)
    }

    mutating func estimate(_ f: Fields) -> IncomeEstimate? {
        let from = required(f, "vanaf").flatMap { month($0, "vanaf") }
        let amount = required(f, "bedrag_cent").flatMap { cents($0, "bedrag_cent") }
        let known = required(f, "bekend").flatMap { date($0, "bekend") }
        guard let from, let amount, let known else { return nil }
        return IncomeEstimate(from: from, amount: amount, known: known)
    }

    mutating func stay(_ f: Fields) -> StayAbroad? {
        let from = required(f, "van").flatMap { date($0, "van") }
        let through = required(f, "tot_en_met").flatMap { date($0, "tot_en_met") }
        var reason: String?
        if let value = required(f, "reden"), let text = string(value, "reden"), !report(PersonaRules.stayReason(text), at: value) { reason = text }
        var country: String?
        if let value = required(f, "land"), let text = string(value, "land"), !report(PersonaRules.stayCountry(text), at: value) { country = text }
        let pdU2 = f["pd_u2"].flatMap { bool($0, "pd_u2") } ?? false
        let knowledge = Knowledge(reported: f["gemeld"].flatMap { date($0, "gemeld") },
                                  discovered: f["ontdekt"].flatMap { date($0, "ontdekt") })
        guard let from, let through, let reason, let country else { return nil }
        if let value = f["tot_en_met"], report(PersonaRules.stayDates(from: from, through: through), at: value) { return nil }
        return StayAbroad(from: from, through: through, reason: reason, country: country, pdU2: pdU2, knowledge: knowledge)
    }

    mutating func event(_ f: Fields) -> LifeEvent? {
        let date = required(f, "datum").flatMap { self.date($0, "datum") }
        var kind: LifeEvent.Kind?
        if let value = required(f, "soort"), let text = string(value, "soort"), !report(PersonaRules.eventKind(text), at: value) {
            kind = LifeEvent.Kind(rawValue: text)
        }
        let months = f["duur_maanden"].flatMap { integer($0, "duur_maanden", in: 1...PersonaRules.maximumEventMonths) }
        guard let date, let kind else { return nil }
        return LifeEvent(date: date, kind: kind, months: months.map { Int($0) })
    }

    mutating func expectation(_ f: Fields) -> Expectation? {
        let month = required(f, "maand").flatMap { self.month($0, "maand") }
        let benefit = required(f, "uitkering").flatMap { string($0, "uitkering") }
        let amount = f["bedrag_cent"].flatMap { cents($0, "bedrag_cent") }
        guard let month, let benefit else { return nil }
        if f["bedrag_cent"] != nil && amount == nil { return nil }
        return Expectation(month: month, benefit: benefit, amount: amount, range: range(f.object))
    }

    /// Incomes once per month, estimates rising by month, stays apart: as in a `.persona` file.
    mutating func checkOrder(incomes: [Read<MonthlyIncome>], estimates: [Read<IncomeEstimate>], stays: [Read<StayAbroad>]) {
        var firstIncome: [YearMonth: JSONValue] = [:]
        for income in incomes {
            let month = income.element.month
            if let earlier = firstIncome[month] {
                report(PersonaRules.duplicateIncome(month), at: income.value,
                       notes: [.init(range: range(earlier), message: "eerste inkomen over \(month)")])
            } else {
                firstIncome[month] = income.value
            }
        }
        for (earlier, later) in zip(estimates, estimates.dropFirst()) where later.element.from <= earlier.element.from {
            fail(later.value, "schattingen moeten op maand oplopen; \(later.element.from) komt niet na \(earlier.element.from)")
        }
        for (i, stay) in stays.enumerated() {
            if let (other, problem) = PersonaRules.overlap(from: stay.element.from, through: stay.element.through, with: stays[..<i].map(\.element)) {
                report(problem, at: stay.value, notes: [.init(range: range(stays[other].value), message: "het andere verblijf")])
            }
        }
    }

    // MARK: Structure

    /// The fields of an object; unknown and repeated ones are reported, so a
    /// misspelt optional field is not silently ignored.
    mutating func fields(of value: JSONValue, _ what: String, schema: String) -> Fields? {
        guard case .object(let members) = value.kind else {
            fail(value, "\(what) moet een object {...} zijn, maar is \(value.described)", .typeMismatch)
            return nil
        }
        let allowed = PersonaJSON.fields[schema] ?? []
        var fields = Fields(object: value, what: what)
        for member in members {
            guard allowed.contains(member.key) else {
                let hint = Suggestions.closest(to: member.key, in: allowed)
                fail(keyValue(member), "onbekend veld '\(member.key)' in \(what)", .unknownClause,
                     suggestion: hint.map { "bedoelde u '\($0)'?" } ?? "velden: \(allowed.joined(separator: ", "))")
                continue
            }
            if let earlier = fields.values[member.key] {
                fail(keyValue(member), "veld '\(member.key)' staat twee keer in \(what)", .duplicateClause,
                     notes: [.init(range: range(earlier), message: "eerste waarde van '\(member.key)'")])
                continue
            }
            fields.values[member.key] = member.value
        }
        return fields
    }

    /// A required field; its absence is reported at the opening brace of the object.
    mutating func required(_ f: Fields, _ key: String) -> JSONValue? {
        if let value = f[key] { return value }
        let brace = JSONValue(kind: .null, start: f.object.start, end: f.object.start + 1)
        fail(brace, "verplicht veld '\(key)' ontbreekt in \(f.what)", .missingClause)
        return nil
    }

    /// An element read from a list, with the JSON it was read from.
    struct Read<T> {
        let element: T
        let value: JSONValue
    }

    /// A list of objects of one schema, each read by `read`; failed ones are left out.
    mutating func list<T>(_ top: Fields, _ key: String, _ what: String,
                          _ read: (inout JSONPersonaReader, Fields) -> T?) -> [Read<T>] {
        guard let value = top[key] else { return [] }
        guard case .array(let items) = value.kind else {
            fail(value, "'\(key)' moet een lijst [...] zijn, maar is \(value.described)", .typeMismatch)
            return []
        }
        var result: [Read<T>] = []
        for item in items {
            guard let f = fields(of: item, what, schema: key), let element = read(&self, f) else { continue }
            result.append(Read(element: element, value: item))
        }
        return result
    }

    func keyValue(_ member: JSONValue.Member) -> JSONValue {
        JSONValue(kind: .string(member.key), start: member.keyStart, end: member.keyEnd)
    }

    // MARK: Scalars

    mutating func string(_ value: JSONValue, _ name: String) -> String? {
        if case .string(let text) = value.kind { return text }
        fail(value, "'\(name)' moet een tekst tussen aanhalingstekens zijn, maar is \(value.described)", .typeMismatch)
        return nil
    }

    mutating func bool(_ value: JSONValue, _ name: String) -> Bool? {
        if case .bool(let b) = value.kind { return b }
        fail(value, "'\(name)' moet true of false zijn, maar is \(value.described)", .typeMismatch)
        return nil
    }

    mutating func integer(_ value: JSONValue, _ name: String, in bounds: ClosedRange<Int64>? = nil) -> Int64? {
        guard case .number(let text) = value.kind else {
            fail(value, "'\(name)' moet een geheel getal zijn, maar is \(value.described)", .typeMismatch)
            return nil
        }
        guard let n = Int64(text) else {
            let fraction = text.contains(".") || text.contains("e") || text.contains("E")
            fail(value, fraction ? "'\(name)' moet een geheel getal zijn, niet \(text)" : "'\(name)': het getal \(text) is te groot", .invalidNumber)
            return nil
        }
        if let bounds, !bounds.contains(n) {
            fail(value, "'\(name)' moet tussen \(bounds.lowerBound) en \(bounds.upperBound) liggen, niet \(n)")
            return nil
        }
        return n
    }

    mutating func cents(_ value: JSONValue, _ name: String) -> Fixed? {
        integer(value, name, in: -Self.maximumCents...Self.maximumCents).map { Fixed(cents: $0) }
    }

    mutating func date(_ value: JSONValue, _ name: String) -> CivilDate? {
        guard let text = string(value, name) else { return nil }
        if let date = CivilDate(iso: text) { return date }
        fail(value, "'\(name)': '\(text)' is geen bestaande datum\(Lexer.whyNoDate(text))", .invalidDate,
             suggestion: "schrijf een datum als \"JJJJ-MM-DD\", bijvoorbeeld \"2025-01-01\"")
        return nil
    }

    mutating func month(_ value: JSONValue, _ name: String) -> YearMonth? {
        guard let text = string(value, name) else { return nil }
        if let month = YearMonth(iso: text) { return month }
        fail(value, "'\(name)': '\(text)' is geen bestaande maand", .invalidDate,
             suggestion: "schrijf een maand als \"JJJJ-MM\", bijvoorbeeld \"2025-01\"")
        return nil
    }
}
