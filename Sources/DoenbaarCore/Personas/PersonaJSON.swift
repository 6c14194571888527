/// JSON import of personas, for generated data. Same content as a `.persona`
/// file, read through the same `PersonaSchema`: a block (`onderdeel`) is an
/// object under its keyword with its field words as keys; repeated lines
/// (`opgave`) are a list under their keyword. Amounts in whole cents (key
/// ending in `_cent`), percentages as whole numbers (`_procent`), dates as
/// "JJJJ-MM-DD", months as "JJJJ-MM". Fixtures/good/sanne.json (in the tests)
/// is a complete example.
///
/// Read from a `JSONValue` rather than with `JSONDecoder`, so every problem —
/// a syntax error, a missing or misspelt field, a wrong type — is reported at
/// its line and column, in Dutch, and all of them at once.
public enum PersonaJSON {
    /// The framework's own objects, by the name of the field that holds them.
    static let frameworkFields: [String: [String]] = [
        "": ["naam", "geboren", "gewicht", "doenvermogen", "periode", "gebeurtenissen", "verwacht"],
        "periode": ["van", "tot_en_met"],
        "gebeurtenissen": ["datum", "soort", "duur_maanden"],
        "verwacht": ["maand", "uitkering", "bedrag_cent", "hervorming"],
    ]

    /// The key of a value of this type: amounts and percentages say their unit.
    static func key(_ word: String, _ type: ValueType) -> String {
        switch type {
        case .money: return word + "_cent"
        case .percentage: return word + "_procent"
        default: return word
        }
    }

    public static func decode(_ file: SourceFile, fileID: Int, id: String, schema: PersonaSchema) -> (Persona?, DiagnosticBag) {
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
        var reader = JSONPersonaReader(fileID: fileID, schema: schema)
        let persona = reader.persona(root, id: id)
        return (reader.diagnostics.hasErrors ? nil : persona, reader.diagnostics)
    }
}

/// Builds a persona from a JSON value, checking what `PersonaParser` checks.
struct JSONPersonaReader {
    let fileID: Int
    let schema: PersonaSchema
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
                       suggestion: String? = nil, notes: [Diagnostic.Note] = [], fixIts: [FixIt] = []) {
        diagnostics.error(id, range(value), message, suggestion: suggestion, notes: notes, fixIts: fixIts)
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
        guard let top = fields(of: root, "de persona", allowed: topFields) else { return nil }
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
        if let value = top["periode"], let f = fields(of: value, "periode", allowed: PersonaJSON.frameworkFields["periode"]!) {
            let from = required(f, "van").flatMap { month($0, "van") }, to = required(f, "tot_en_met").flatMap { month($0, "tot_en_met") }
            if let from, let to, !report(PersonaRules.period(from: from, to: to), at: value) { p.period = (from, to) }
        }
        if let header = schema.header, let values = sectionValues(header, top, optional: true) { p.values.merge(values) { _, new in new } }
        for section in schema.sections {
            guard let value = top[section.keyword], let f = fields(of: value, "'\(section.keyword)'", allowed: keys(of: section)),
                  var values = sectionValues(section, f) else { continue }
            if let presence = section.presence { values[schema.fact(presence).name] = 1 }
            p.values.merge(values) { _, new in new }
            p.sections[section.keyword] = range(value)
        }
        var lines: [Read<PersonaRecord>] = []
        for kind in schema.ruleSet.records {
            let read = list(top, kind.keyword, "een regel '\(kind.keyword)'", allowed: keys(of: kind)) { $0.record(kind, $1) }
            checkOrder(read, kind, before: p.records)
            p.records += read.map(\.element)
            lines += read
        }
        checkTies(lines)
        p.events = list(top, "gebeurtenissen", "een gebeurtenis", allowed: PersonaJSON.frameworkFields["gebeurtenissen"]!) { $0.event($1) }.map(\.element)
        p.expectations = list(top, "verwacht", "een verwachting", allowed: PersonaJSON.frameworkFields["verwacht"]!) { $0.expectation($1) }.map(\.element)
        if let birth {
            for (_, problem) in PersonaRules.datesAfterBirth(p.values, birth: birth, schema: schema) { report(problem, at: root) }
        }
        guard name != nil, birth != nil, weight != nil, capacity != nil else { return nil }
        return p
    }

    var topFields: [String] {
        PersonaJSON.frameworkFields[""]! + (schema.header.map(keys(of:)) ?? [])
            + schema.sections.map(\.keyword) + schema.ruleSet.records.map(\.keyword)
    }

    func keys(of section: PersonaSection) -> [String] {
        section.fields.map { PersonaJSON.key($0.word, schema.fact($0.fact).type) }
    }

    /// The values of a block's fields; nil when a field without a default is missing or wrong.
    mutating func sectionValues(_ section: PersonaSection, _ f: Fields, optional: Bool = false) -> [String: Int64]? {
        var values: [String: Int64] = [:], complete = true
        for field in section.fields {
            let fact = schema.fact(field.fact), key = PersonaJSON.key(field.word, fact.type)
            let mustGive = fact.defaultValue == nil && !optional
            guard let value = mustGive ? required(f, key) : f[key] else {
                if mustGive { complete = false }
                continue
            }
            if let v = self.value(value, key, fact.type) { values[fact.name] = v } else { complete = false }
        }
        return complete ? values : nil
    }

    /// A value of a declared type, as JSON writes it.
    mutating func value(_ value: JSONValue, _ key: String, _ type: ValueType) -> Int64? {
        switch type {
        case .money: return cents(value, key)?.raw
        case .percentage: return integer(value, key, in: 0...100).map { $0 * Fixed.scale / 100 }
        case .number, .days: return integer(value, key, in: -Self.maximumCents...Self.maximumCents).map { $0 * Fixed.scale }
        case .date: return date(value, key).map { Int64($0.dayNumber) }
        case .bool: return bool(value, key).map { $0 ? 1 : 0 }
        case .enumeration(let name):
            guard let text = string(value, key), let enumeration = schema.enumeration(name),
                  !report(PersonaRules.enumerationCase(text, of: enumeration, key), at: value) else { return nil }
            return Int64(enumeration.cases.firstIndex(of: text) ?? 0)
        case .country:
            guard let text = string(value, key), !report(PersonaRules.country(text), at: value) else { return nil }
            return CountryCode.encode(text)
        case .months:
            fail(value, "'\(key)' kan geen waarde van een persona zijn", .typeMismatch)
            return nil
        }
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

    mutating func event(_ f: Fields) -> LifeEvent? {
        let date = required(f, "datum").flatMap { self.date($0, "datum") }
        var kind: String?
        if let value = required(f, "soort"), let text = string(value, "soort"),
           !report(PersonaRules.eventKind(text, declared: schema.eventKinds), at: value) {
            kind = text
        }
        let months = f["duur_maanden"].flatMap { integer($0, "duur_maanden", in: 1...PersonaRules.maximumEventMonths) }
        guard let date, let kind else { return nil }
        return LifeEvent(date: date, kind: kind, months: months.map { Int($0) }, range: f["datum"].map(range) ?? range(f.object))
    }

    mutating func expectation(_ f: Fields) -> Expectation? {
        let month = required(f, "maand").flatMap { self.month($0, "maand") }
        let benefit = required(f, "uitkering").flatMap { string($0, "uitkering") }
        let amount = f["bedrag_cent"].flatMap { cents($0, "bedrag_cent") }
        let reform = f["hervorming"].flatMap { string($0, "hervorming") }
        guard let month, let benefit else { return nil }
        if f["bedrag_cent"] != nil && amount == nil { return nil }
        if f["hervorming"] != nil && reform == nil { return nil }
        return Expectation(month: month, benefit: benefit, amount: amount, range: range(f.object),
                           reform: reform, reformRange: f["hervorming"].map(range) ?? .synthetic)
    }

    // MARK: Structure

    /// The fields of an object; unknown and repeated ones are reported, so a
    /// misspelt optional field is not silently ignored.
    mutating func fields(of value: JSONValue, _ what: String, allowed: [String]) -> Fields? {
        guard case .object(let members) = value.kind else {
            fail(value, "\(what) moet een object {...} zijn, maar is \(value.described)", .typeMismatch)
            return nil
        }
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
    mutating func list<T>(_ top: Fields, _ key: String, _ what: String, allowed: [String],
                          _ read: (inout JSONPersonaReader, Fields) -> T?) -> [Read<T>] {
        guard let value = top[key] else { return [] }
        guard case .array(let items) = value.kind else {
            fail(value, "'\(key)' moet een lijst [...] zijn, maar is \(value.described)", .typeMismatch)
            return []
        }
        var result: [Read<T>] = []
        for item in items {
            guard let f = fields(of: item, what, allowed: allowed), let element = read(&self, f) else { continue }
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
        // As in the .persona form, which has no negative amounts: a negative income would raise a benefit.
        if case .number(let text) = value.kind, text.hasPrefix("-") {
            fail(value, "'\(name)' is een bedrag en kan niet negatief zijn, niet \(text)", .invalidNumber,
                 suggestion: "geef het bedrag zonder minteken, in centen")
            return nil
        }
        return integer(value, name, in: 0...Self.maximumCents).map { Fixed(cents: $0) }
    }

    mutating func date(_ value: JSONValue, _ name: String) -> CivilDate? {
        guard let text = string(value, name) else { return nil }
        if let date = CivilDate(iso: text) { return date }
        if let date = Lexer.dayFirstDate(text) ?? Lexer.paddedISO(text).flatMap(CivilDate.init(iso:)) {
            fail(value, "'\(name)': '\(text)' is geen datum als JJJJ-MM-DD", .invalidDate,
                 fixIts: [.replace(range(value), with: "\"\(date)\"", "schrijf \"\(date)\"")])
            return nil
        }
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
