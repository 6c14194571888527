/// Reads a `.persona` file: the same family of syntax as rule files, one fact
/// per line. Never throws; every problem of the file becomes a diagnostic.
/// The framework knows the header, `gebeurtenis` and `verwacht`; every other
/// block and line is declared in the rule files (`onderdeel`, `opgave`) and
/// read through the `PersonaSchema`.
///
///     persona "Omer"
///       geboren 1971-04-12
///       gewicht 40
///       doenvermogen plannen 3, in_actie_komen 3, volhouden 4, verleiding_weerstaan 3, tegenslag_verwerken 2
///     ww
///       ingang 2023-01-02
///       dagloon € 180,00
///     verblijf 2023-05-02 tot en met 2023-07-15 reden familie land SD gemeld 2023-05-01
///     gebeurtenis 2023-05-01 overlijden_familie duur 6 maanden
///     verwacht 2023-06 WW geen_betaling
public enum PersonaParser {
    public static func parse(_ file: SourceFile, fileID: Int, id: String, schema: PersonaSchema) -> (Persona?, DiagnosticBag) {
        let (tokens, lexDiagnostics) = Lexer.tokenize(file, fileID: fileID)
        let parser = Parser(tokens: tokens, declarationKeywords: schema.keywords, declarationNoun: "een persona-gegeven",
                            lexicalErrors: lexDiagnostics.all,
                            textStart: file.bytes.starts(with: Lexer.byteOrderMark) ? Lexer.byteOrderMark.count : 0)
        var p = PersonaReader(parser: parser, id: id, schema: schema)
        p.read()
        var diagnostics = lexDiagnostics
        diagnostics.add(contentsOf: p.parser.diagnostics)
        return (diagnostics.hasErrors ? nil : p.persona, diagnostics)
    }
}

struct PersonaReader {
    var parser: Parser
    let id: String
    let schema: PersonaSchema
    var persona: Persona?
    var header: SourceRange?
    /// Where each month line was given, by kind, month and the period that earned
    /// it, for a note when it is given twice.
    var monthLines: [String: [PersonaRules.MonthSlot: SourceRange]] = [:]
    /// Lines that name the period that earned them (by index in the records), with where the tie was written.
    var ties: [(line: Int, range: SourceRange)] = []
    /// Where each once-per-person value was written, by fact name.
    var valueRanges: [String: SourceRange] = [:]

    init(parser: Parser, id: String, schema: PersonaSchema) {
        self.parser = parser
        self.id = id
        self.schema = schema
    }

    mutating func read() {
        parser.skipNewlines()
        if parser.atEnd {
            guard !parser.hasLexicalErrors else { return }
            // At the start of the file: the end may lie after many lines of comments.
            let start = SourceRange(fileID: parser.current.range.fileID, start: 0, end: 0)
            parser.error(.emptyFile, start, "persona-bestand is leeg; begin met 'persona \"Naam\"'")
            return
        }
        while true {
            parser.skipNewlines()
            if parser.atEnd { break }
            let keyword = parser.current
            guard let word = keyword.word, schema.keywords.contains(word) else {
                parser.unknownDeclaration()
                continue
            }
            if word != "persona" && persona == nil {
                parser.error(.personaInvalid, keyword.range, "'\(word)' staat vóór 'persona'; begin het bestand met 'persona \"Naam\"'")
                parser.skipDeclaration()
                continue
            }
            parser.requireUnindentedDeclaration()
            parser.advance()
            switch word {
            case "persona": readHeader(keyword.range)
            case "gebeurtenis": readEvent(keyword.range)
            case "verwacht": readExpectation(keyword.range)
            default:
                if let section = schema.section(word) { readSection(section, keyword.range) }
                else if let record = schema.record(word) { readRecord(record, keyword.range) }
            }
        }
        parser.reportUnindentedClause()
        validate()
    }

    // MARK: Pieces

    mutating func amount() -> Fixed? {
        if parser.current.isSymbol(.euro) { parser.advance() }
        guard case .number(let n) = parser.current.kind else { parser.expected("een bedrag, bijvoorbeeld € 1200,00"); return nil }
        parser.advance()
        if parser.current.isWord("euro") { parser.advance() }
        if n.raw % 10_000 != 0 {
            parser.error(.invalidNumber, parser.previousEnd, "een bedrag heeft hoogstens twee decimalen (centen)")
            return nil
        }
        return n
    }

    mutating func yesNo() -> Bool? {
        if parser.current.isWord("ja") { parser.advance(); return true }
        if parser.current.isWord("nee") { parser.advance(); return false }
        parser.expected("'ja' of 'nee'")
        return nil
    }

    mutating func finish(_ before: Int) { parser.finishLine(since: before) }

    /// Reports a broken persona rule at this place; true when there was one.
    @discardableResult
    mutating func report(_ problem: PersonaRules.Problem?, at range: SourceRange, notes: [Diagnostic.Note] = []) -> Bool {
        guard let problem else { return false }
        parser.error(problem.id, range, problem.message, suggestion: problem.suggestion, notes: notes,
                     fixIts: FixIt.didYouMean(range, problem.closest))
        return true
    }

    // MARK: Framework lines

    mutating func readHeader(_ keyword: SourceRange) {
        if header != nil {
            parser.error(.duplicateClause, keyword, "een bestand beschrijft één persona; 'persona' staat hier voor de tweede keer")
            parser.skipDeclaration()
            return
        }
        header = keyword
        let before = parser.diagnostics.all.count
        let name = parser.parseString("de naam van de persona tussen aanhalingstekens")
        finish(before)
        var birth: CivilDate?, weight: Int?
        var period: (from: YearMonth, to: YearMonth)?
        var capacity: [Capacity: Int] = [:]
        var capacityLineHadErrors = false
        var given: [String: Int64] = [:]
        var seen = SeenClauses()
        while let clause = parser.nextClause() {
            let before = parser.diagnostics.all.count
            switch clause.word {
            case "geboren" where parser.firstTime(&seen, clause):
                parser.advance()
                birth = parser.parseDate()?.value
                finish(before)
            case "gewicht" where parser.firstTime(&seen, clause):
                parser.advance()
                if let w = parser.parseInteger("het aantal mensen dat deze persona vertegenwoordigt (geheel getal)") {
                    if !report(PersonaRules.weight(Int64(w.value)), at: w.range) { weight = w.value }
                }
                finish(before)
            case "doenvermogen" where parser.firstTime(&seen, clause):
                parser.advance()
                while let partName = parser.parseName("een onderdeel van doenvermogen") {
                    guard !report(PersonaRules.unknownCapacity(partName.text), at: partName.range),
                          let part = Capacity(rawValue: partName.text) else { break }
                    guard let level = parser.parseInteger("een niveau van 1 tot en met 5") else { break }
                    if !(1...5).contains(level.value) {
                        parser.error(.personaInvalid, level.range, "niveau \(level.value) ligt niet tussen 1 en 5")
                    }
                    if capacity[part] != nil { parser.error(.duplicateClause, partName.range, "'\(part.rawValue)' staat twee keer in het doenvermogen") }
                    capacity[part] = level.value
                    guard parser.current.isSymbol(.comma) else { break }
                    parser.advance()
                }
                capacityLineHadErrors = parser.diagnostics.all.count > before
                finish(before)
            case "periode" where parser.firstTime(&seen, clause):
                parser.advance()
                if let from = parser.parseMonth(), parser.expectWord("tot"), parser.expectWord("en"), parser.expectWord("met"),
                   let to = parser.parseMonth() {
                    if !report(PersonaRules.period(from: from.value, to: to.value), at: to.range) { period = (from.value, to.value) }
                }
                finish(before)
            case "geboren", "gewicht", "doenvermogen", "periode": break
            default:
                // Lines a regulation adds to the header (`onderdeel persona`).
                if let extra = schema.header, let word = clause.word, extra.fields.contains(where: { $0.word == word }) {
                    readFields(of: extra, first: clause, seen: &seen, into: &given)
                    continue
                }
                parser.unknownClause(in: "persona", allowed: Checker.headerClauses + (schema.header?.fields.map(\.word) ?? []))
            }
        }
        // A clause that was written but wrong has had its diagnostic already.
        if !seen.contains("geboren") { parser.missing("een geboortedatum (geboren JJJJ-MM-DD)", in: keyword, "persona") }
        if !seen.contains("gewicht") { parser.missing("een gewicht (gewicht N: hoeveel mensen zij vertegenwoordigt)", in: keyword, "persona") }
        if seen.contains("doenvermogen") {
            let absent = Capacity.allCases.filter { capacity[$0] == nil }.map(\.rawValue)
            if !absent.isEmpty, !capacityLineHadErrors {
                parser.error(.missingClause, keyword, "doenvermogen mist \(absent.joined(separator: ", "))")
            }
        } else {
            parser.missing("een doenvermogen (doenvermogen plannen N, in_actie_komen N, volhouden N, verleiding_weerstaan N, tegenslag_verwerken N)",
                           in: keyword, "persona")
        }
        var p = Persona(id: id, name: name?.value ?? id, birthDate: birth ?? CivilDate(dayNumber: 0),
                        weight: weight ?? 1, capacity: capacity)
        p.range = keyword
        p.period = period
        p.values = given
        // Lines regulations add to the header may be left out; a rule that
        // needs one and finds none reports it at the run.
        persona = p
    }

    mutating func readEvent(_ keyword: SourceRange) {
        let before = parser.diagnostics.all.count
        defer { finish(before) }
        guard let date = parser.parseDate(), let kindName = parser.parseName("de soort gebeurtenis") else { return }
        guard !report(PersonaRules.eventKind(kindName.text, declared: schema.eventKinds), at: kindName.range) else { return }
        let kind = kindName.text
        var months: Int?
        if parser.current.isWord("duur") {
            parser.advance()
            guard let m = parser.parseInteger("een aantal maanden") else { return }
            guard (1...PersonaRules.maximumEventMonths).contains(Int64(m.value)) else {
                parser.error(.personaInvalid, m.range, "een duur moet tussen 1 en \(PersonaRules.maximumEventMonths) maanden liggen, niet \(m.value)")
                return
            }
            guard parser.current.isWord("maanden") || parser.current.isWord("maand") else { parser.expected("'maanden'"); return }
            parser.advance()
            months = m.value
        }
        persona?.events.append(LifeEvent(date: date.value, kind: kind, months: months, range: date.range))
    }

    mutating func readExpectation(_ keyword: SourceRange) {
        let before = parser.diagnostics.all.count
        defer { finish(before) }
        guard let month = parser.parseMonth(), let benefit = parser.parseName("de naam van een uitkering") else { return }
        var value: Fixed?
        if parser.current.isWord("geen_betaling") {
            parser.advance()
        } else {
            guard let amount = amount() else { return }
            value = amount
        }
        var expectation = Expectation(month: month.value, benefit: benefit.text, amount: value, range: keyword.to(parser.previousEnd))
        // `verwacht 2023-04 WW € 1890,00 met hervorming calamiteitenverlof`: expected under a reform.
        if parser.current.isWord("met") {
            parser.advance()
            guard parser.expectWord("hervorming"), let name = parser.parseName("de naam van een hervorming (een map onder hervormingen/)") else { return }
            expectation.reform = name.text
            expectation.reformRange = name.range
            expectation.range = keyword.to(parser.previousEnd)
        }
        persona?.expectations.append(expectation)
    }

    mutating func validate() {
        guard let p = persona else {
            if header == nil, !parser.diagnostics.hasErrors, !parser.hasLexicalErrors {
                parser.error(.personaInvalid, parser.current.range, "bestand beschrijft geen persona; begin met 'persona \"Naam\"'")
            }
            return
        }
        // Dates a block gives (a benefit's start) cannot precede the birth.
        for (fact, problem) in PersonaRules.datesAfterBirth(p.values, birth: p.birthDate, schema: schema) {
            report(problem, at: valueRanges[fact] ?? p.range)
        }
        validateTies()
    }
}
