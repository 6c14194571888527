import DoenbaarCore
import DoenbaarTesting
import Testing

/// A fine for a missed report is the declared share of the whole detriment the
/// violation caused: 50% of the benadelingsbedrag (Boetebesluit
/// socialezekerheidswetten art. 2 lid 4; WW art. 27a), over every month the
/// unreported stay covers, not only its first.
@Suite(.tags(.ww, .buitenland)) struct FineTests {
    let book: RuleBook
    init() throws { book = try RuleBook.bundled() }

    /// WW from 1 January 2025 at a dagloon of € 100: from March (month 3) 70% of
    /// 21,75 x € 100 = € 1.522,50 a month (WW art. 1b lid 2 a, art. 47 lid 1 b).
    func abroad(_ stay: String) throws -> Persona {
        try book.persona(text: """
        persona "Test"
          geboren 1980-01-01
          gewicht 1
          doenvermogen plannen 3, in_actie_komen 3, volhouden 3, verleiding_weerstaan 3, tegenslag_verwerken 3
        ww
          ingang 2025-01-01
          dagloon € 100,00
          arbeidsverleden 10 jaar
        \(stay)
        """)
    }

    @Test func anUnreportedStayOfThreeMonthsIsFinedOnAllThree() throws {
        // Abroad for family April to June, never reported, discovered on 15 August: no right
        // on any day of those months (WW art. 19 lid 1 e), so 3 x € 1.522,50 = € 4.567,50 is
        // recovered in August, and the fine is 50% of it: € 2.283,75 (Boetebesluit art. 2 lid 4).
        let run = try book.run(abroad("verblijf 2025-04-01 tot en met 2025-06-30 reden familie land MA ontdekt 2025-08-15"),
                               from: "2025-01", to: "2025-09")
        #expect(run.corrections("WW", in: "2025-08").reduce(0) { $0 + $1.cents } == -euro("4.567,50"))
        #expect(run.fines(in: "2025-08") == euro("2.283,75"), "the whole detriment, not April's € 1.522,50 alone")
        let fine = try #require(run.outcome("2025-08")?.fines.first)
        #expect(fine.detrimentCents == euro("4.567,50"))
        #expect(run.outcome("2025-08")?.missedObligations.first?.through == CivilDate(iso: "2025-06-30"))
    }

    @Test func aStayWithinOneMonthIsFinedOnThatMonth() throws {
        // Abroad 1 to 30 April only: € 1.522,50 recovered, fine € 761,25.
        let run = try book.run(abroad("verblijf 2025-04-01 tot en met 2025-04-30 reden familie land MA ontdekt 2025-08-15"),
                               from: "2025-01", to: "2025-09")
        #expect(run.fines(in: "2025-08") == euro("761,25"))
    }

    @Test func aStayReportedInTimeIsNotFined() throws {
        // The same three months, reported ahead: still no right abroad (WW art. 19 lid 1 e),
        // so nothing is paid for them and nothing is recovered or fined.
        let run = try book.run(abroad("verblijf 2025-04-01 tot en met 2025-06-30 reden familie land MA gemeld 2025-03-20"),
                               from: "2025-01", to: "2025-09")
        #expect((1...9).map { run.fines(in: String(format: "2025-%02d", $0)) }.allSatisfy { $0 == 0 })
        #expect(run.payment("WW", in: "2025-05") == 0)
    }
}
