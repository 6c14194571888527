/// Reads a `.persona` file: the same family of syntax as rule files, one fact
/// per line. Never throws; every problem of the file becomes a diagnostic.
///
///     persona "Omer"
///       geboren 1971-04-12
///       gewicht 40
///       doenvermogen plannen 3, in_actie_komen 3, volhouden 4, verleiding_weerstaan 3, tegenslag_verwerken 2
///     ww
///       ingang 2023-01-02
///       dagloon € 180,00
///       arbeidsverleden 15 jaar
///     inkomen 2023-03 € 1200,00 gemeld 2023-04-05
///     schatting vanaf 2023-01 € 800,00 bekend 2023-01-02
///     verblijf 2023-05-02 tot en met 2023-07-15 reden familie land SD gemeld 2023-05-01
///     gebeurtenis 2023-05-01 overlijden_familie duur 6 maanden
///     verwacht 2023-06 WW geen_betaling
public enum PersonaParser {
    public static let keywords = ["persona", "ww", "wajong", "inkomen", "schatting", "verblijf", "gebeurtenis", "verwacht"]

    public static func parse(_ file: SourceFile, fileID: Int, id: String) -> (Persona?, DiagnosticBag) {
        let (tokens, lexDiagnostics) = Lexer.tokenize(file, fileID: fileID)
        let parser = Parser(tokens: tokens, declarationKeywords: keywords, declarationNoun: "een persona-gegeven",
                            lexicalErrors: lexDiagnostics.all)
        var p = PersonaReader(parser: parser, id: id)
        p.read()
        var diagnostics = lexDiagnostics
        diagnostics.add(contentsOf: p.parser.diagnostics)
        return (diagnostics.hasErrors ? nil : p.persona, diagnostics)
    }
}

struct PersonaReader {
    var parser: Parser
    let id: String
    var persona: Persona?
    var header: SourceRange?
    /// Where each month's income was given, for a note when it is given twice.
    var incomeLines: [YearMonth: SourceRange] = [:]

    init(parser: Parser, id: String) {
        self.parser = parser
        self.id = id
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
            guard let word = keyword.word, PersonaParser.keywords.contains(word) else {
                parser.unknownDeclaration()
                continue
            }
            if word != "persona" && persona == nil {
                parser.error(.personaInvalid, keyword.range, "'\(word)' staat vóór 'persona'; begin het bestand met 'persona \"Naam\"'")
                parser.skipDeclaration()
                continue
            }
            parser.advance()
            switch word {
            case "persona": readHeader(keyword.range)
            case "ww": readWW(keyword.range)
            case "wajong": readWajong(keyword.range)
            case "inkomen": readIncome(keyword.range)
            case "schatting": readEstimate(keyword.range)
            case "verblijf": readStay(keyword.range)
            case "gebeurtenis": readEvent(keyword.range)
            default: readExpectation(keyword.range)
            }
        }
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
        parser.error(problem.id, range, problem.message, suggestion: problem.suggestion, notes: notes)
        return true
    }

    // MARK: Declarations

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
        var nationality: String?, selfEmployed = false
        var period: (from: YearMonth, to: YearMonth)?
        var capacity: [Capacity: Int] = [:]
        var capacityLineHadErrors = false
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
            case "nationaliteit" where parser.firstTime(&seen, clause):
                parser.advance()
                if let code = parser.parseName("een landcode (ISO 3166, bijvoorbeeld TR)") {
                    if !report(PersonaRules.nationality(code.text), at: code.range) { nationality = code.text }
                }
                finish(before)
            case "zelfstandige" where parser.firstTime(&seen, clause):
                parser.advance()
                selfEmployed = yesNo() ?? false
                finish(before)
            case "periode" where parser.firstTime(&seen, clause):
                parser.advance()
                if let from = parser.parseMonth(), parser.expectWord("tot"), parser.expectWord("en"), parser.expectWord("met"),
                   let to = parser.parseMonth() {
                    if !report(PersonaRules.period(from: from.value, to: to.value), at: to.range) { period = (from.value, to.value) }
                }
                finish(before)
            case "geboren", "gewicht", "doenvermogen", "nationaliteit", "zelfstandige", "periode": break
            default: parser.unknownClause(in: "persona", allowed: ["geboren", "gewicht", "doenvermogen", "nationaliteit", "zelfstandige", "periode"])
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
        p.nationality = nationality
        p.selfEmployed = selfEmployed
        p.period = period
        persona = p
    }

    mutating func readWW(_ keyword: SourceRange) {
        parser.endLine()
        var start: CivilDate?, wage: Fixed?, years: Int?, before2016: Int?
        var culpable = false, claimed = true
        var seen = SeenClauses()
        while let clause = parser.nextClause() {
            let before = parser.diagnostics.all.count
            switch clause.word {
            case "ingang" where parser.firstTime(&seen, clause):
                parser.advance(); start = parser.parseDate()?.value
            case "dagloon" where parser.firstTime(&seen, clause):
                parser.advance(); wage = amount()
            case "arbeidsverleden" where parser.firstTime(&seen, clause):
                parser.advance()
                if let y = parser.parseInteger("het arbeidsverleden in hele jaren") {
                    if y.value > PersonaRules.maximumWorkHistoryYears {
                        parser.error(.personaInvalid, y.range, "een arbeidsverleden van \(y.value) jaar is niet mogelijk")
                    } else {
                        years = y.value
                    }
                }
                if !parser.current.isWord("jaar") { parser.expected("'jaar'") } else { parser.advance() }
                // `waarvan 8 voor 2016`: years before 2016 count a full month each (WW art. 42 lid 2).
                if parser.diagnostics.all.count == before, parser.current.isWord("waarvan") {
                    parser.advance()
                    if let b = parser.parseInteger("het aantal jaren vóór 2016"), parser.expectWord("voor"),
                       parser.current.kind == .number(Fixed(integer: 2016)) {
                        parser.advance()
                        if !report(years.flatMap { PersonaRules.yearsBefore2016(Int64(b.value), of: Int64($0)) }, at: b.range) {
                            before2016 = b.value
                        }
                    } else if parser.diagnostics.all.count == before {
                        parser.expected("'2016'")
                    }
                }
            case "verwijtbaar" where parser.firstTime(&seen, clause):
                parser.advance(); culpable = yesNo() ?? false
            case "aangevraagd" where parser.firstTime(&seen, clause):
                parser.advance(); claimed = yesNo() ?? true
            case "ingang", "dagloon", "arbeidsverleden", "verwijtbaar", "aangevraagd": continue
            default:
                parser.unknownClause(in: "ww", allowed: ["ingang", "dagloon", "arbeidsverleden", "verwijtbaar", "aangevraagd"])
                continue
            }
            finish(before)
        }
        guard persona?.ww == nil else { parser.error(.duplicateClause, keyword, "'ww' staat twee keer in deze persona"); return }
        guard let start, let wage, let years else {
            reportMissing(["ingang", "dagloon", "arbeidsverleden"], seen: seen, in: keyword, "ww")
            return
        }
        persona?.ww = WWClaim(start: start, dailyWage: wage, workHistoryYears: years, yearsBefore2016: before2016,
                              culpable: culpable, claimed: claimed)
    }

    mutating func readWajong(_ keyword: SourceRange) {
        parser.endLine()
        var start: CivilDate?, capacity: Bool?, wageValue: Fixed?, settlement = 1
        var seen = SeenClauses()
        let allowed = ["ingang", "arbeidsvermogen", "loonwaarde", "verrekening"]
        while let clause = parser.nextClause() {
            let before = parser.diagnostics.all.count
            switch clause.word {
            case "ingang" where parser.firstTime(&seen, clause):
                parser.advance(); start = parser.parseDate()?.value
            case "arbeidsvermogen" where parser.firstTime(&seen, clause):
                parser.advance(); capacity = yesNo()
            case "loonwaarde" where parser.firstTime(&seen, clause):
                // With wage dispensation: the work value as a percentage (Wajong art. 2:20).
                parser.advance()
                if case .number(let n) = parser.current.kind, parser.peek().isSymbol(.percent) {
                    let t = parser.advance()
                    parser.advance()
                    if n.raw <= 0 || n.raw >= 100 * Fixed.scale {
                        parser.error(.personaInvalid, t.range, "een loonwaarde ligt tussen 0% en 100%")
                    } else {
                        wageValue = Fixed(raw: n.raw / 100)
                    }
                } else {
                    parser.expected("een loonwaarde als percentage, bijvoorbeeld 50%")
                }
            case "verrekening" where parser.firstTime(&seen, clause):
                // Months over which UWV applies its estimate before settling (1, 3, 6 or 12).
                parser.advance()
                if let n = parser.parseInteger("het aantal maanden (1, 3, 6 of 12)") {
                    if !report(PersonaRules.settlement(Int64(n.value)), at: n.range) { settlement = n.value }
                    if parser.current.isWord("maand") || parser.current.isWord("maanden") { parser.advance() } else { parser.expected("'maanden'") }
                }
            case "ingang", "arbeidsvermogen", "loonwaarde", "verrekening": continue
            default:
                parser.unknownClause(in: "wajong", allowed: allowed)
                continue
            }
            finish(before)
        }
        guard persona?.wajong == nil else { parser.error(.duplicateClause, keyword, "'wajong' staat twee keer in deze persona"); return }
        guard let start, let capacity else {
            reportMissing(["ingang", "arbeidsvermogen"], seen: seen, in: keyword, "wajong")
            return
        }
        persona?.wajong = WajongClaim(start: start, workCapacity: capacity, wageValue: wageValue, settlementMonths: settlement)
    }

    /// Names the required clauses that were not written at all; one that was
    /// written but wrong has been reported on its own line.
    mutating func reportMissing(_ required: [String], seen: SeenClauses, in keyword: SourceRange, _ what: String) {
        let absent = required.filter { !seen.contains($0) }
        guard !absent.isEmpty else { return }
        parser.missing(ValueFormatting.list(absent), in: keyword, what)
    }

    /// `gemeld DATUM`, `polis DATUM` (or `belastingdienst DATUM`), `verborgen`,
    /// `ontdekt DATUM`, in any order, at most once each.
    mutating func knowledge(allowed: [String]) -> Knowledge {
        var k = Knowledge()
        var seen = Set<String>()
        while let w = parser.current.word, allowed.contains(w) {
            let t = parser.advance()
            if !seen.insert(w).inserted { parser.error(.duplicateClause, t.range, "'\(w)' staat twee keer op deze regel") }
            if w == "verborgen" {
                // The register held it, but the benefit officers could not see it.
                k.registerHidden = true
                continue
            }
            guard let d = parser.parseDate() else { return k }
            switch w {
            case "gemeld": k.reported = d.value
            case "ontdekt": k.discovered = d.value
            default: k.register = d.value
            }
        }
        if k.registerHidden, k.register == nil {
            parser.error(.personaInvalid, parser.previousEnd, "'verborgen' zegt dat de polisadministratie het inkomen had; geef ook 'polis DATUM'")
        }
        return k
    }

    mutating func readIncome(_ keyword: SourceRange) {
        let before = parser.diagnostics.all.count
        defer { finish(before) }
        guard let month = parser.parseMonth(), let value = amount() else { return }
        let k = knowledge(allowed: ["gemeld", "polis", "belastingdienst", "verborgen", "ontdekt"])
        report(PersonaRules.incomeKnown(month.value, on: k.known), at: month.range)
        if let earlier = incomeLines[month.value] {
            report(PersonaRules.duplicateIncome(month.value), at: month.range,
                   notes: [.init(range: earlier, message: "eerste inkomen over \(month.value)")])
            return
        }
        incomeLines[month.value] = month.range
        persona?.incomes.append(MonthlyIncome(month: month.value, amount: value, knowledge: k))
    }

    mutating func readEstimate(_ keyword: SourceRange) {
        let before = parser.diagnostics.all.count
        defer { finish(before) }
        guard parser.expectWord("vanaf"), let month = parser.parseMonth(), let value = amount(),
              parser.expectWord("bekend"), let known = parser.parseDate() else { return }
        if let last = persona?.estimates.last, month.value <= last.from {
            parser.error(.personaInvalid, month.range, "schattingen moeten op maand oplopen")
            return
        }
        persona?.estimates.append(IncomeEstimate(from: month.value, amount: value, known: known.value))
    }

    mutating func readStay(_ keyword: SourceRange) {
        let before = parser.diagnostics.all.count
        defer { finish(before) }
        guard let from = parser.parseDate(), parser.expectWord("tot"), parser.expectWord("en"), parser.expectWord("met"),
              let through = parser.parseDate() else { return }
        guard parser.expectWord("reden"), let reason = parser.parseName("een reden (\(Fact.stayReasons.dropFirst().joined(separator: ", ")))") else { return }
        guard !report(PersonaRules.stayReason(reason.text), at: reason.range) else { return }
        guard parser.expectWord("land"), let country = parser.parseName("een landcode (ISO 3166, bijvoorbeeld ES)") else { return }
        guard !report(PersonaRules.stayCountry(country.text), at: country.range) else { return }
        var pdU2 = false
        if parser.current.isWord("pd_u2") { parser.advance(); pdU2 = true }
        let k = knowledge(allowed: ["gemeld", "ontdekt"])
        guard !report(PersonaRules.stayDates(from: from.value, through: through.value), at: through.range),
              !report(PersonaRules.overlap(from: from.value, through: through.value, with: persona?.stays ?? [])?.problem, at: from.range)
        else { return }
        persona?.stays.append(StayAbroad(from: from.value, through: through.value, reason: reason.text,
                                         country: country.text, pdU2: pdU2, knowledge: k))
    }

    mutating func readEvent(_ keyword: SourceRange) {
        let before = parser.diagnostics.all.count
        defer { finish(before) }
        guard let date = parser.parseDate(), let kindName = parser.parseName("de soort gebeurtenis") else { return }
        guard !report(PersonaRules.eventKind(kindName.text), at: kindName.range), let kind = LifeEvent.Kind(rawValue: kindName.text) else { return }
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
        persona?.events.append(LifeEvent(date: date.value, kind: kind, months: months))
    }

    mutating func readExpectation(_ keyword: SourceRange) {
        let before = parser.diagnostics.all.count
        defer { finish(before) }
        guard let month = parser.parseMonth(), let benefit = parser.parseName("de naam van een uitkering") else { return }
        if parser.current.isWord("geen_betaling") {
            parser.advance()
            persona?.expectations.append(Expectation(month: month.value, benefit: benefit.text, amount: nil, range: keyword.to(parser.previousEnd)))
            return
        }
        guard let value = amount() else { return }
        persona?.expectations.append(Expectation(month: month.value, benefit: benefit.text, amount: value, range: keyword.to(parser.previousEnd)))
    }

    mutating func validate() {
        guard let p = persona else {
            if header == nil, !parser.diagnostics.hasErrors, !parser.hasLexicalErrors {
                parser.error(.personaInvalid, parser.current.range, "bestand beschrijft geen persona; begin met 'persona \"Naam\"'")
            }
            return
        }
        if let ww = p.ww { report(PersonaRules.wwStart(ww.start, birth: p.birthDate), at: p.range) }
    }
}
