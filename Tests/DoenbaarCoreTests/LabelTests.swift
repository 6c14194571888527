import DoenbaarCore
import Foundation
import Testing

/// Labels: the plain Dutch name after a declaration's name, kept on the checked
/// declaration; malformed labels are diagnosed, missing ones warned about.
@Suite struct LabelTests {
    static let text = """
    regeling T "Testwet"
    opsomming soort "Soort werk": vast, flex
    uitkering U "Testuitkering"
      bron "Testwet art. 1"
    parameter basis "Basisbedrag": bedrag
      bron "Testwet art. 2"
      vanaf 2025-01-01 = € 100,00
    invoer extra "Extra bedrag": bedrag
      bron "Testwet art. 2"
    gegeven nationaliteit "Nationaliteit": land
      bron "Testwet art. 3"
      beschermd
    gegeven gemeld "Inkomen gemeld": ja/nee per maand
      bron "Testwet art. 3"
      standaard = ja
    definitie dubbel "Dubbel basisbedrag": bedrag per maand
      bron "Testwet art. 4"
      = basis * 2
    regel betaling "Testuitkering per maand"
      bron "Testwet art. 5"
      uitkomst U per maand
      = dubbel
    uitzondering tijdelijk "Tijdelijke maatregel" op dubbel
      bron "Testwet art. 6"
      geldig vanaf 2025-01-01 tot 2025-07-01
      als gemeld
      = basis
    verplichting melden "Inkomen doorgeven"
      bron "Testwet art. 7"
      per maand
      geldt als ja
      nagekomen als gemeld
      vraagt plannen
      gevolg geen_uitkering
    beleidsruimte matigen "Gevolg matigen"
      bron "Testwet art. 8"
      bij melden
      tekst "De uitvoerder kan afzien van het gevolg."
    bedoeling genoeg "Genoeg om van te leven"
      bron "Testwet art. 9"
      per maand
      eis U >= € 0
    """

    /// The text of the one file in `sources` with the diagnostic's fix-its applied.
    func fix(_ d: Diagnostic, _ sources: SourceManager) throws -> String {
        let file = try #require(sources.file(0))
        return try #require(FixIt.apply(d.fixIts.flatMap(\.edits), to: file, fileID: 0))
    }

    @Test func everyKindOfDeclarationKeepsItsLabelInTheCheckedRuleSet() throws {
        let loaded = RuleLoader.load(text: Self.text, path: "labels.regels")
        #expect(loaded.diagnostics.all.isEmpty, "\(loaded.diagnostics.all.map(\.message))")
        let rules = try #require(loaded.ruleSet)
        let expected = [
            "soort": "Soort werk", "U": "Testuitkering", "basis": "Basisbedrag", "extra": "Extra bedrag",
            "nationaliteit": "Nationaliteit", "gemeld": "Inkomen gemeld", "dubbel": "Dubbel basisbedrag",
            "betaling": "Testuitkering per maand", "tijdelijk": "Tijdelijke maatregel", "melden": "Inkomen doorgeven",
            "matigen": "Gevolg matigen", "genoeg": "Genoeg om van te leven",
        ]
        for (name, label) in expected { #expect(rules.label(of: name) == label, "\(name)") }
        #expect(rules.obligations.first?.label == "Inkomen doorgeven")
        #expect(rules.values.first { $0.name == "dubbel" }?.exceptions.first?.label == "Tijdelijke maatregel")
        #expect(rules.declaredNames.isSuperset(of: Set(expected.keys)))
        // Everything the reports name has its label: no warning.
        #expect(loaded.labelWarnings.all.isEmpty, "\(loaded.labelWarnings.all.map(\.message))")
    }

    @Test func aDeclarationWithoutLabelStillChecksAndHasNone() throws {
        let loaded = RuleLoader.load(text: Self.text.replacingOccurrences(of: "verplichting melden \"Inkomen doorgeven\"", with: "verplichting melden"))
        let rules = try #require(loaded.ruleSet)
        #expect(rules.label(of: "melden") == nil)
        let warnings = loaded.labelWarnings.all
        #expect(warnings.count == 1 && warnings[0].id == .missingLabel && warnings[0].severity == .warning, "\(warnings.map(\.message))")
        #expect(warnings.first?.message.hasPrefix("verplichting 'melden' heeft geen label") == true)
    }

    @Test func theMissingLabelWarningInsertsADraftLabelAfterTheName() throws {
        let sources = SourceManager()
        let text = Self.text.replacingOccurrences(of: "definitie dubbel \"Dubbel basisbedrag\":", with: "definitie dubbel_bedrag:")
            .replacingOccurrences(of: "= dubbel\n", with: "= dubbel_bedrag\n").replacingOccurrences(of: "op dubbel\n", with: "op dubbel_bedrag\n")
        let loaded = RuleLoader.load(text: text, path: "labels.regels", sources: sources)
        let warning = try #require(loaded.labelWarnings.all.first)
        #expect(warning.id == .missingLabel)
        let fixed = try fix(warning, sources)
        #expect(fixed.contains("definitie dubbel_bedrag \"Dubbel bedrag\": bedrag per maand"))
        #expect(RuleLoader.load(text: fixed).labelWarnings.all.isEmpty)
    }

    @Test func whatTheReportsNameNeedsALabelAndWhatTheyDoNotNameDoesNot() {
        let bare = """
        regeling T
        uitkering U
          bron "Testwet art. 1"
        parameter basis: bedrag
          bron "Testwet art. 2"
          vanaf 2025-01-01 = € 100,00
        gegeven keuze_gemaakt: ja/nee
          bron "Testwet art. 3"
          rol keuze
          standaard = ja
        gegeven gewoon: ja/nee
          bron "Testwet art. 3"
          standaard = ja
        onderdeel aanvraag
          bron "Testwet art. 3"
          veld gekozen keuze_gemaakt
        definitie dubbel: bedrag per maand
          bron "Testwet art. 4"
          = basis * 2
        bedoeling met_tekst
          bron "Testwet art. 9"
          tekst "De uitkering is nooit negatief."
          per maand
          eis U >= € 0
        bedoeling zonder_tekst
          bron "Testwet art. 9"
          per maand
          eis U >= € 0
        """
        let warnings = RuleLoader.load(text: bare).labelWarnings.all
        let named = warnings.compactMap { w in w.message.split(separator: "'").dropFirst().first.map(String.init) }
        #expect(Set(named) == ["T", "U", "keuze_gemaakt", "aanvraag", "dubbel", "zonder_tekst"], "\(warnings.map(\.message))")
        #expect(warnings.allSatisfy { $0.id == .missingLabel && $0.severity == .warning && !$0.fixIts.isEmpty })
    }

    @Test func twoDeclarationsWithOneLabelAreWarnedAbout() throws {
        let text = Self.text.replacingOccurrences(of: "beleidsruimte matigen \"Gevolg matigen\"", with: "beleidsruimte matigen \"Inkomen doorgeven\"")
        let warnings = RuleLoader.load(text: text).labelWarnings.all
        let duplicate = try #require(warnings.first { $0.id == .duplicateLabel })
        #expect(duplicate.message.contains("beleidsruimte 'matigen' heeft hetzelfde label als verplichting 'melden'"))
        #expect(duplicate.notes.count == 1)
    }

    @Test func aLabelWithBlanksAroundItIsTrimmedWithAWarningAndAFixIt() throws {
        let sources = SourceManager()
        let text = Self.text.replacingOccurrences(of: "\"Inkomen doorgeven\"", with: "\" Inkomen doorgeven \"")
        let loaded = RuleLoader.load(text: text, path: "labels.regels", sources: sources)
        #expect(loaded.ruleSet?.label(of: "melden") == "Inkomen doorgeven")
        let warning = try #require(loaded.diagnostics.all.first)
        #expect(warning.id == .malformedLabel && warning.severity == .warning)
        let fixed = try fix(warning, sources)
        #expect(fixed.contains("verplichting melden \"Inkomen doorgeven\"\n"))
    }

    @Test func aLabelLongerThanAHeadingIsWarnedAbout() {
        let long = String(repeating: "Inkomen doorgeven ", count: 6).trimmingCharacters(in: .whitespaces)
        let loaded = RuleLoader.load(text: Self.text.replacingOccurrences(of: "\"Inkomen doorgeven\"", with: "\"\(long)\""))
        #expect(loaded.ruleSet?.label(of: "melden") == long)
        #expect(loaded.diagnostics.all.map(\.id) == [.malformedLabel])
        #expect(loaded.diagnostics.all.first?.severity == .warning)
        #expect(loaded.diagnostics.all.first?.message.contains("hoogstens \(Parser.maximumLabelLength) tekens") == true)
    }

    @Test(arguments: [
        ("verplichting melden \"\"", "is leeg"),
        ("verplichting melden Inkomen doorgeven", "moet tussen aanhalingstekens staan"),
        ("verplichting melden “Inkomen doorgeven”", "andere aanhalingstekens"),
    ])
    func aMalformedLabelIsAnErrorWithAFixItThatChecksClean(_ line: String, _ message: String) throws {
        let sources = SourceManager()
        let text = Self.text.replacingOccurrences(of: "verplichting melden \"Inkomen doorgeven\"", with: line)
        let loaded = RuleLoader.load(text: text, path: "labels.regels", sources: sources)
        let error = try #require(loaded.diagnostics.errors.first)
        #expect(loaded.diagnostics.errors.count == 1, "\(loaded.diagnostics.all.map(\.message))")
        #expect(error.message.contains(message), "\(error.message)")
        let fixed = try fix(error, sources)
        #expect(!RuleLoader.load(text: fixed).diagnostics.hasErrors, "\(fixed)")
    }

    @Test func aLabelAfterTheTypeIsMovedBehindTheName() throws {
        let sources = SourceManager()
        let text = Self.text.replacingOccurrences(of: "definitie dubbel \"Dubbel basisbedrag\": bedrag per maand",
                                                  with: "definitie dubbel: bedrag per maand \"Dubbel basisbedrag\"")
        let loaded = RuleLoader.load(text: text, path: "labels.regels", sources: sources)
        let error = try #require(loaded.diagnostics.errors.first)
        #expect(error.id == .malformedLabel)
        let fixed = try fix(error, sources)
        #expect(fixed.contains("definitie dubbel \"Dubbel basisbedrag\": bedrag per maand\n"), "\(fixed)")
        #expect(RuleLoader.load(text: fixed).diagnostics.all.isEmpty)
    }

    /// The reports name these declarations: the bundled rules and reforms label every one.
    @Test func theBundledRulesAndReformsLackNoLabel() throws {
        let root = RobustnessTests.packageRoot.path
        let loaded = try RuleLoader.load([root + "/Rules"], sources: SourceManager())
        #expect(loaded.labelWarnings.all.isEmpty, "\(loaded.labelWarnings.all.map(\.message))")
        let malformed = loaded.diagnostics.all.filter { $0.id == .malformedLabel }
        #expect(malformed.isEmpty, "\(malformed.map(\.message))")
        let reforms = try FileManager.default.contentsOfDirectory(atPath: root + "/Rules/hervormingen").sorted()
        #expect(!reforms.isEmpty)
        for reform in reforms {
            let r = try ReformLoader.load(reform: root + "/Rules/hervormingen/" + reform, baseline: [root + "/Rules"], sources: SourceManager())
            #expect(r.labelWarnings.all.isEmpty, "\(reform): \(r.labelWarnings.all.map(\.message))")
        }
    }
}
