import DoenbaarCore
import Testing

/// A month line may name the period whose work earned it (`bij verblijf DATUM`),
/// so a month can hold income from a job at home beside income from work abroad.
/// Both persona forms read it alike; the engine adds up the lines the agency knew.
@Suite struct IncomeEarnedByAPeriodTests {
    static let header = """
    persona "Test"
      geboren 1981-06-12
      gewicht 1
      doenvermogen plannen 3, in_actie_komen 3, volhouden 3, verleiding_weerstaan 3, tegenslag_verwerken 3

    """

    static func parse(_ text: String) throws -> (Persona?, [Diagnostic]) {
        let sources = SourceManager()
        let file = SourceFile(path: "test.persona", text: header + text)
        let (persona, diagnostics) = PersonaParser.parse(file, fileID: sources.add(file), id: "test", schema: try bundledSchema())
        return (persona, diagnostics.all)
    }

    static func decode(_ json: String) throws -> (Persona?, [Diagnostic]) {
        let sources = SourceManager()
        let file = SourceFile(path: "test.json", text: json)
        let (persona, diagnostics) = PersonaJSON.decode(file, fileID: sources.add(file), id: "test", schema: try bundledSchema())
        return (persona, diagnostics.all)
    }

    static let harvest = PeriodReference(kind: "verblijf", from: date("2025-09-22"))

    @Test func aLineNamesTheStayThatEarnedItBesideTheMonthsOtherIncome() throws {
        // The stay may stand below the line that names it.
        let (persona, diagnostics) = try Self.parse("""
        inkomen 2025-09 € 350,00 gemeld 2025-10-03 polis 2025-10-15
        inkomen 2025-09 € 700,00 bij verblijf 2025-09-22 gemeld 2025-10-14
        inkomen 2025-10 € 300,00 gemeld 2025-10-14 bij verblijf 2025-09-22
        verblijf 2025-09-22 tot en met 2025-10-03 reden werk land DE gemeld 2025-09-15
        """)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let incomes = try #require(persona).records.filter { $0.kind == "inkomen" }
        #expect(incomes.map(\.value) == [euro("350").raw, euro("700").raw, euro("300").raw])
        #expect(incomes.map(\.earnedBy) == [nil, Self.harvest, Self.harvest])
        // Each line keeps its own knowledge: the wage was in the register, the harvest pay only reported.
        #expect(incomes.map(\.knowledge.known) == [date("2025-10-03"), date("2025-10-14"), date("2025-10-14")])
        #expect(incomes.map(\.knowledge.register) == [date("2025-10-15"), nil, nil])
    }

    @Test func jsonNamesTheStayTheSameWay() throws {
        let (persona, diagnostics) = try Self.decode("""
        {"naam": "Test", "geboren": "1981-06-12", "gewicht": 1,
         "doenvermogen": {"plannen": 3, "in_actie_komen": 3, "volhouden": 3, "verleiding_weerstaan": 3, "tegenslag_verwerken": 3},
         "inkomen": [{"maand": "2025-09", "waarde_cent": 35000, "gemeld": "2025-10-03", "polis": "2025-10-15"},
                     {"maand": "2025-09", "waarde_cent": 70000, "bij": {"verblijf": "2025-09-22"}, "gemeld": "2025-10-14"}],
         "verblijf": [{"van": "2025-09-22", "tot_en_met": "2025-10-03", "reden": "werk", "land": "DE", "gemeld": "2025-09-15"}]}
        """)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let (text, _) = try Self.parse("""
        inkomen 2025-09 € 350,00 gemeld 2025-10-03 polis 2025-10-15
        inkomen 2025-09 € 700,00 bij verblijf 2025-09-22 gemeld 2025-10-14
        verblijf 2025-09-22 tot en met 2025-10-03 reden werk land DE gemeld 2025-09-15
        """)
        let fromJSON = try #require(persona).records.filter { $0.kind == "inkomen" }
        let fromText = try #require(text).records.filter { $0.kind == "inkomen" }
        #expect(fromJSON.map(\.earnedBy) == [nil, Self.harvest])
        #expect(fromJSON.map(\.earnedBy) == fromText.map(\.earnedBy))
        #expect(fromJSON.map(\.value) == fromText.map(\.value))
        #expect(fromJSON.map(\.knowledge) == fromText.map(\.knowledge))
    }

    @Test func twoLinesThatNoPeriodEarnedInOneMonthRemainAnError() throws {
        let (persona, diagnostics) = try Self.parse("""
        inkomen 2025-09 € 350,00 gemeld 2025-10-03
        inkomen 2025-09 € 700,00 gemeld 2025-10-14
        """)
        #expect(persona == nil)
        #expect(diagnostics.map(\.id) == [.personaOverlap])
        #expect(diagnostics.first?.message == "inkomen over 2025-09 staat er al")
        #expect(diagnostics.first?.suggestion?.contains("bij verblijf DATUM") == true)
    }

    @Test func bothFormsReportAStayThatIsNoWorkAlike() throws {
        let (_, text) = try Self.parse("""
        verblijf 2025-09-22 tot en met 2025-10-03 reden vakantie land DE gemeld 2025-09-15
        inkomen 2025-09 € 700,00 bij verblijf 2025-09-22 gemeld 2025-10-14
        """)
        let (_, json) = try Self.decode("""
        {"naam": "Test", "geboren": "1981-06-12", "gewicht": 1,
         "doenvermogen": {"plannen": 3, "in_actie_komen": 3, "volhouden": 3, "verleiding_weerstaan": 3, "tegenslag_verwerken": 3},
         "inkomen": [{"maand": "2025-09", "waarde_cent": 70000, "bij": {"verblijf": "2025-09-22"}, "gemeld": "2025-10-14"}],
         "verblijf": [{"van": "2025-09-22", "tot_en_met": "2025-10-03", "reden": "vakantie", "land": "DE", "gemeld": "2025-09-15"}]}
        """)
        #expect(text.map(\.message) == ["het verblijf van 2025-09-22 tot en met 2025-10-03 is geen betaald werk, dus levert geen inkomen op"])
        #expect(json.map(\.message) == text.map(\.message))
        #expect(json.map(\.id) == text.map(\.id))
        #expect(text.first?.notes.count == 1 && json.first?.notes.count == 1, "a note at the stay")
    }

    @Test func theJSONTieIsOneKindOfPeriodWithItsFirstDay() throws {
        let (persona, diagnostics) = try Self.decode("""
        {"naam": "Test", "geboren": "1981-06-12", "gewicht": 1,
         "doenvermogen": {"plannen": 3, "in_actie_komen": 3, "volhouden": 3, "verleiding_weerstaan": 3, "tegenslag_verwerken": 3},
         "inkomen": [{"maand": "2025-09", "waarde_cent": 70000, "bij": {"verblijff": "2025-09-22"}, "gemeld": "2025-10-14"},
                     {"maand": "2025-10", "waarde_cent": 30000, "bij": "verblijf 2025-09-22", "gemeld": "2025-10-14"}]}
        """)
        #expect(persona == nil)
        #expect(diagnostics.map(\.id) == [.unknownName, .typeMismatch])
        #expect(diagnostics.first?.suggestion == "bedoelde u 'verblijf'?")
    }

    @Test func aRuleFileMayNotUseTheTieWordForAnAttribute() {
        let diagnostics = Engine.diagnostics("""
        regeling T "Testwet"
        gegeven opgenomen: ja/nee per dag
          bron "Testwet art. 1"
        gegeven ziekenhuis: ja/nee per dag
          bron "Testwet art. 1"
        opgave opname
          bron "Testwet art. 1"
          periode opgenomen
          vlag bij ziekenhuis
        """)
        #expect(diagnostics.map(\.message) == ["'bij' is al een woord van opgave 'opname'"])
    }

    // MARK: The engine

    /// U pays € 1.000 minus 70% of the month's income; V pays € 1 in a month whose
    /// income the person reported herself, all of it.
    static let rules = """
    regeling T "Testwet"
    uitkering U "Testuitkering"
      bron "Testwet art. 1"
    uitkering V "Meldpremie"
      bron "Testwet art. 2"

    """ + testFacts + """
    regel aanvulling
      bron "Testwet art. 3"
      uitkomst U per maand
      = € 1000,00 - inkomen * 70%
    regel meldpremie
      bron "Testwet art. 4"
      uitkomst V per maand
      = als inkomen_gemeld dan € 1,00 anders € 0
    """

    @Test func aMonthsIncomeIsTheSumOfTheLinesKnownByTheDecision() throws {
        var p = persona()
        var abroad = income("2025-03", "200", Knowledge(register: date("2025-04-15")))
        abroad.earnedBy = PeriodReference(kind: "verblijf", from: date("2025-03-03"))
        p.records = [income("2025-03", "300", Knowledge(reported: date("2025-03-31"))), abroad,
                     stay("2025-03-03", "2025-03-14", Knowledge(reported: date("2025-02-28")))]
        let run = try Engine.run(Self.rules, p, from: "2025-03", to: "2025-04")
        // Decided on 31 March, when only the € 300 was known: € 1.000 - 70% x € 300 = € 790,00,
        // and all income known was reported: V pays € 1,00.
        #expect(run.paid("U", "2025-03") == 79_000)
        #expect(run.paid("V", "2025-03") == 100)
        // On 30 April the € 200 is known too: March should have been € 1.000 - 70% x € 500 =
        // € 650,00, so € 140,00 is recovered; and the € 200 came from the register, not from
        // the person, so March's income was not all reported: V's € 1,00 is recovered.
        let april = try #require(run.month(month("2025-04")))
        #expect(april.benefit("U")?.corrections.map(\.cents) == [-14_000])
        #expect(april.benefit("V")?.corrections.map(\.cents) == [-100])
        #expect(april.benefit("U")?.corrections.first?.forMonth == month("2025-03"))
    }
}
