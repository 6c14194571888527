import DoenbaarCore
import Testing

/// `uit gebeurtenis`: a fact per day holding the date of the latest life event
/// of its kinds up to that day, so rules read what happened.
@Suite struct LifeEventFactTests {
    static let rules = """
    regeling T "Testwet"
    uitkering U "Testuitkering"
      bron "Testwet art. 1"
    parameter stress_overlijden_familie: getal
      bron "Testwet art. 2"
      vanaf 2020-01-01 = 2
    gegeven datum_verlies: datum per dag
      bron "Testwet art. 3"
      uit gebeurtenis overlijden_familie
      standaard = 1900-01-01
    regel dagen_na_verlies
      bron "Testwet art. 4"
      uitkomst U per maand
      = som_in_maand(als datum_verlies > 1900-01-01 dan € 1,00 anders € 0)
    """

    @Test func theFactHoldsTheLatestEventFromItsDayOn() throws {
        var p = persona()
        p.events = [LifeEvent(date: date("2025-03-20"), kind: "overlijden_familie")]
        let run = try Engine.run(Self.rules, p, from: "2025-02", to: "2025-04")
        // None in February; 20-31 March is 12 days; all 30 days of April.
        #expect(run.paid("U", "2025-02") == 0)
        #expect(run.paid("U", "2025-03") == 1_200)
        #expect(run.paid("U", "2025-04") == 3_000)
    }

    @Test func otherKindsOfEventsDoNotCount() throws {
        var p = persona()
        p.events = [LifeEvent(date: date("2025-03-20"), kind: "baanverlies")]
        let run = try Engine.run(Self.rules, p, from: "2025-03", to: "2025-03")
        #expect(run.paid("U", "2025-03") == 0)
    }
}
