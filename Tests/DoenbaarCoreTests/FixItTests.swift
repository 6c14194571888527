import DoenbaarCore
import Foundation
import Testing

/// Fix-its are data: a tool that applies them gets text that checks clean.
@Suite struct FixItTests {
    static let header = """
    regeling T "Testwet"
    uitkering U "Testuitkering"
      bron "Testwet art. 1"

    """

    /// The diagnostics of rule text, and the text with the first fix-it of each applied.
    func fixing(_ text: String) throws -> (diagnostics: [Diagnostic], fixed: String) {
        let sources = SourceManager()
        let loaded = RuleLoader.load(text: text, path: "test.regels", sources: sources)
        let file = try #require(sources.file(0))
        let edits = loaded.diagnostics.all.compactMap(\.fixIts.first).flatMap(\.edits)
        return (loaded.diagnostics.all, try #require(FixIt.apply(edits, to: file, fileID: 0)))
    }

    /// Every diagnostic of the text has a fix-it, and applying them leaves text without diagnostics.
    @discardableResult
    func expectFixedClean(_ text: String, _ id: DiagnosticID, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
        let (diagnostics, fixed) = try fixing(text)
        #expect(!diagnostics.isEmpty && diagnostics.allSatisfy { $0.id == id && !$0.fixIts.isEmpty },
                "\(diagnostics.map { "\($0.id): \($0.message)" })", sourceLocation: sourceLocation)
        let after = Engine.diagnostics(fixed)
        #expect(after.isEmpty, "na de fix-its: \(after.map(\.message))\n\(fixed)", sourceLocation: sourceLocation)
        return fixed
    }

    @Test func aDateWrittenDayFirstBecomesJJJJMMDD() throws {
        let fixed = try expectFixedClean(Self.header + """
        parameter maandbedrag: bedrag
          bron "Testwet art. 2"
          vanaf 01-07-2025 = € 2.191,80
        """, .invalidDate)
        #expect(fixed.contains("vanaf 2025-07-01 = € 2.191,80"))
    }

    @Test func anUnknownNameBecomesTheClosestName() throws {
        let fixed = try expectFixedClean(Self.header + """
        parameter dagloon: bedrag
          bron "Testwet art. 2"
          vanaf 2025-01-01 = € 100,00
        definitie half_dagloon: bedrag per dag
          bron "Testwet art. 3"
          = dagloom / 2
        """, .unknownName)
        #expect(fixed.contains("= dagloon / 2"))
    }

    @Test func aPercentageWrittenAsAFractionBecomesAPercentage() throws {
        let fixed = try expectFixedClean(Self.header + """
        parameter uitkeringspercentage: percentage
          bron "Testwet art. 2"
          vanaf 2025-01-01 = 0,75
          vanaf 2026-01-01 = 0,875
        """, .typeMismatch)
        #expect(fixed.contains("= 75%") && fixed.contains("= 87,5%"))
    }

    @Test func anUnquotedSourceIsOneDiagnosticAndGetsItsQuotes() throws {
        let text = Self.header + """
        parameter maandbedrag: bedrag
          bron Werkloosheidswet art. 47 lid 1
          vanaf 2025-01-01 = € 100,00
        parameter toeslag: bedrag
          bron “Toeslagenwet art. 2”
          vanaf 2025-01-01 = € 10,00
        parameter aftrek: bedrag
          bron: Kortingsbesluit art. 3
          vanaf 2025-01-01 = € 5,00
        """
        // Not "heeft geen bron": the source is there, only its quotes are missing.
        #expect(Engine.diagnostics(text).map(\.id) == [.unquotedText, .unquotedText, .unquotedText])
        let fixed = try expectFixedClean(text, .unquotedText)
        #expect(fixed.contains("bron \"Werkloosheidswet art. 47 lid 1\"") && fixed.contains("bron \"Toeslagenwet art. 2\""))
        #expect(fixed.contains("bron \"Kortingsbesluit art. 3\""))
    }

    @Test func wrongIndentationIsFixedBothWays() throws {
        let fixed = try expectFixedClean(Self.header + """
        definitie twee: getal per dag
        bron "Testwet art. 2"
          = 2
          definitie drie: getal per dag
            bron "Testwet art. 3"
            = 3
        """, .indentation)
        #expect(fixed.contains("\n  bron \"Testwet art. 2\"") && fixed.contains("\ndefinitie drie"))
    }

    @Test func aNumberBesideAnAmountBecomesAnAmount() throws {
        let fixed = try expectFixedClean(Self.header + """
        parameter dagloon: bedrag
          bron "Testwet art. 2"
          vanaf 2025-01-01 = 100
        definitie hoog: ja/nee per dag
          bron "Testwet art. 3"
          = dagloon > 100
        definitie dagbedrag: bedrag per dag
          bron "Testwet art. 4"
          = als hoog dan dagloon anders 0
        definitie ondergrens: bedrag per dag
          bron "Testwet art. 5"
          = max(0, dagloon - € 50,00)
        """, .typeMismatch)
        #expect(fixed.contains("= € 100,00") && fixed.contains("dagloon > € 100,00") && fixed.contains("anders € 0,00"))
        #expect(fixed.contains("max(€ 0,00, dagloon - € 50,00)"))
    }

    @Test func anAmountTimesDaysDividesTheDaysByOneDay() throws {
        let fixed = try expectFixedClean(Self.header + """
        parameter dagloon: bedrag
          bron "Testwet art. 2"
          vanaf 2025-01-01 = € 100,00
        parameter vakantiedagen: dagen
          bron "Testwet art. 3"
          vanaf 2025-01-01 = 20 dagen
        definitie vakantiegeld: bedrag per maand
          bron "Testwet art. 4"
          = dagloon * vakantiedagen
        """, .typeMismatch)
        #expect(fixed.contains("= dagloon * (vakantiedagen / 1 dag)"))
    }

    @Test func aDatePlusANumberOffersDaysOrMonths() throws {
        let text = Self.header + """
        parameter ingang: datum
          bron "Testwet art. 2"
          vanaf 2025-01-01 = 2025-03-01
        definitie einde: datum per dag
          bron "Testwet art. 3"
          = ingang + 14
        """
        let diagnostic = try #require(Engine.diagnostics(text).first)
        #expect(diagnostic.fixIts.flatMap(\.edits).map(\.replacement) == ["14 dagen", "14 maanden"])
        let fixed = try expectFixedClean(text, .typeMismatch)
        #expect(fixed.contains("= ingang + 14 dagen"))
    }

    @Test func anUnterminatedTextIsClosedAtTheEndOfItsLine() throws {
        let fixed = try expectFixedClean(Self.header + """
        parameter maandbedrag: bedrag
          bron "Testwet art. 2  
          vanaf 2025-01-01 = € 100,00
        """, .unterminatedString)
        #expect(fixed.contains("bron \"Testwet art. 2\"  \n"))
    }

    @Test func aDecimalPointBecomesAComma() throws {
        let fixed = try expectFixedClean(Self.header + """
        definitie factor: getal per maand
          bron "Testwet art. 2"
          = 0.75
        """, .invalidNumber)
        #expect(fixed.contains("= 0,75"))
    }

    @Test func countingTheDaysOfAnAmountBecomesASum() throws {
        let fixed = try expectFixedClean(Self.header + """
        parameter dagloon: bedrag
          bron "Testwet art. 2"
          vanaf 2025-01-01 = € 100,00
        definitie per_dag: bedrag per dag
          bron "Testwet art. 3"
          = dagloon
        definitie maandbedrag: bedrag per maand
          bron "Testwet art. 4"
          = aantal_dagen(per_dag)
        """, .typeMismatch)
        #expect(fixed.contains("= som_in_maand(per_dag)"))
    }

    @Test func theFixItIsPublicDataBesideTheSuggestion() throws {
        let sources = SourceManager()
        let loaded = RuleLoader.load(text: Self.header + """
        parameter maandbedrag: bedrag
          bron "Testwet art. 2"
          vanaf 01-07-2025 = € 100,00
        """, sources: sources)
        let diagnostic = try #require(loaded.diagnostics.all.first)
        let fixIt = try #require(diagnostic.fixIts.first)
        #expect(diagnostic.suggestion == fixIt.message)
        #expect(fixIt.edits.count == 1 && fixIt.edits[0].replacement == "2025-07-01")
        #expect(sources.file(0)?.text(fixIt.edits[0].range) == "01-07-2025")
        // The renderer shows it as before: one `hulp:` line.
        #expect(DiagnosticRenderer(sources: sources).render(diagnostic).contains("  hulp: schrijf 2025-07-01\n"))
    }

    @Test func overlappingEditsAreRefused() {
        let file = SourceFile(path: "x", text: "abc")
        let edits = [FixIt.Edit(range: SourceRange(fileID: 0, start: 0, end: 2), replacement: "x"),
                     FixIt.Edit(range: SourceRange(fileID: 0, start: 1, end: 3), replacement: "y")]
        #expect(FixIt.apply(edits, to: file, fileID: 0) == nil)
        #expect(FixIt.apply([edits[0]], to: file, fileID: 0) == "xc")
    }
}

/// The Dutch notations: taken where they are unambiguous, explained where not.
@Suite struct DutchNotationTests {
    func parameterValue(_ literal: String, type: String = "bedrag") throws -> Int64? {
        let rules = try Engine.ruleSet(FixItTests.header + """
        parameter p: \(type)
          bron "Testwet art. 2"
          vanaf 2025-01-01 = \(literal)
        """)
        return rules.parameters.first { $0.name == "p" }?.values.first?.raw
    }

    @Test func anAmountTakesThousandsDotsAsTheReportsPrintIt() throws {
        #expect(try parameterValue("€ 2.191,80") == Fixed(cents: 219_180).raw)
        #expect(try parameterValue("€ 1.234.567,89") == Fixed(cents: 123_456_789).raw)
        #expect(try parameterValue("1.234,56 euro") == Fixed(cents: 123_456).raw)
        #expect(try parameterValue("€ 1.000") == Fixed(cents: 100_000).raw)
        // The tool's own notation reads back as the same amount.
        #expect(try parameterValue(ValueFormatting.money(Fixed(cents: 219_180).raw)) == Fixed(cents: 219_180).raw)
    }

    @Test func misplacedDotsAreRefusedWithAClearMessage() {
        for literal in ["€ 2.19,80", "€ 12.34.567,00", "€ 1.2345,00"] {
            let d = Engine.diagnostics(FixItTests.header + "parameter p: bedrag\n  bron \"Testwet art. 2\"\n  vanaf 2025-01-01 = \(literal)\n")
            #expect(d.count == 1 && d[0].id == .invalidNumber && d[0].message.contains("groepen van drie cijfers"), "\(literal): \(d.map(\.message))")
        }
    }

    @Test func totEnMetIncludesItsDay() throws {
        func validity(_ clause: String) throws -> Validity? {
            let rules = try Engine.ruleSet(FixItTests.header + """
            regel u
              bron "Testwet art. 2"
              uitkomst U per maand
              \(clause)
              = € 10,00
            """)
            return rules.values.first { $0.name == "u" }?.validity
        }
        let through = try #require(try validity("geldig vanaf 2023-02-14 tot en met 2023-06-30"))
        #expect(through == (try validity("geldig vanaf 2023-02-14 tot 2023-07-01")))
        #expect(through.contains(date("2023-06-30")) && !through.contains(date("2023-07-01")))
    }

    @Test func aPersonaReadsTheAmountsTheToolPrints() throws {
        let text = """
        persona "Bedragen"
          geboren 1980-01-01
          gewicht 1
          doenvermogen plannen 3, in_actie_komen 3, volhouden 3, verleiding_weerstaan 3, tegenslag_verwerken 3
        verwacht 2025-08 WW € 1.125,00
        """
        let (persona, diagnostics) = PersonaParser.parse(SourceFile(path: "p.persona", text: text), fileID: 0, id: "p",
                                                         schema: try bundledSchema())
        #expect(diagnostics.all.isEmpty, "\(diagnostics.all.map(\.message))")
        #expect(persona?.expectations.first?.amount == Fixed(cents: 112_500))
    }
}
