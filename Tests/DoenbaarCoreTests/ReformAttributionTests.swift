import DoenbaarCore
import Testing

/// A diagnostic in a baseline file that only the reform causes names the reform
/// and points at the reform's line; the baseline's own warnings are not repeated.
@Suite struct ReformAttributionTests {
    static let baseline = """
    regeling T "Testwet"
    uitkering U "Testuitkering"
      bron "Testwet art. 1"
    gegeven nationaliteit: land
      bron "Testwet art. 2"
      beschermd
    definitie toeslag: bedrag per maand
      bron "Testwet art. 3"
      = als nationaliteit = "NL" dan € 10,00 anders € 0
    regel u
      bron "Testwet art. 4"
      uitkomst U per maand
      = € 100,00 + toeslag
    """

    @Test func aReplacementOfAnotherTypeIsNamedAtTheBaselinesUse() throws {
        let (loaded, sources) = try loadReform(baseline: Self.baseline, reform: """
        hervorming als_getal "Toeslag als getal"
          bron "Voorstel art. 1"
          vervangt toeslag
        regeling T "Testwet"
        definitie toeslag: getal per maand
          bron "Voorstel art. 2"
          = 10
        """)
        let error = try #require(loaded.diagnostics.errors.first)
        #expect(loaded.diagnostics.errors.count == 1)
        #expect(error.message == "kan een getal niet optellen bij een bedrag; dit komt door hervorming 'als_getal'")
        #expect(sources.location(error.range)?.path.hasSuffix("basis.regels") == true)
        let note = try #require(error.notes.last)
        #expect(note.message == "hervorming 'als_getal' vervangt 'toeslag' hier")
        #expect(sources.location(note.range).map { "\($0.path.hasSuffix("voorstel.regels")):\($0.line)" } == "true:5")
    }

    @Test func theBaselinesOwnWarningIsLeftToTheBaseline() throws {
        // The baseline reads nationality itself; a reform that does not touch that rule adds nothing.
        let (loaded, _) = try loadReform(baseline: Self.baseline, reform: """
        hervorming hoger "Hogere uitkering"
          bron "Voorstel art. 1"
          vervangt u
        regeling T "Testwet"
        regel u
          bron "Voorstel art. 2"
          uitkomst U per maand
          = € 120,00 + toeslag
        """)
        #expect(loaded.ruleSet != nil)
        #expect(loaded.diagnostics.all.isEmpty, "\(loaded.diagnostics.all.map(\.message))")
    }
}
