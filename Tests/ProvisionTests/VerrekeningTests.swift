import DoenbaarCore
import DoenbaarTesting
import Testing

/// Uitvoeringstoets of offsetting income against benefits over time: an
/// estimate applied for a period, then settled against actual income
/// (Inkomensbesluit Wet werk en arbeidsondersteuning jonggehandicapten art. 5
/// lid 4), yearly settlement for the self-employed, and fines for unreported
/// income (WW art. 25 and 27a; Boetebesluit socialezekerheidswetten art. 2).
@Suite(.tags(.verrekening)) struct VerrekeningTests {
    let book: RuleBook
    init() throws { book = try RuleBook.bundled() }

    @Test func theEstimateIsPaidUntilTheSixMonthPeriodCloses() throws {
        // Fatima, estimate € 600: 0,7 x (€ 2.069,40 - € 600) = € 1.028,58 in January to June 2024,
        // whatever she really earned (Wajong art. 2:40 lid 1 onderdeel b).
        let run = try book.run(personaNamed: "fatima")
        for month in ["2024-01", "2024-03", "2024-05"] {
            #expect(run.payment("Wajong", in: month) == euro("1.028,58"))
            #expect(run.corrections("Wajong", in: month).isEmpty)
        }
    }

    @Test func atTheEndOfThePeriodTheDifferenceIsSettled() throws {
        // At the end of June the actual incomes of January-May are known: 200, 1.400, 0, 1.600, 300 against
        // an estimate of 600 each: 0,7 x (400 - 800 + 600 - 1.000 + 300) = € -350 in total (recovery).
        // June's own income (€ 1.500) is known in July: 0,7 x (600 - 1.500) = € -630.
        let run = try book.run(personaNamed: "fatima")
        let june = run.corrections("Wajong", in: "2024-06").reduce(Int64(0)) { $0 + $1.cents }
        let july = run.corrections("Wajong", in: "2024-07").reduce(Int64(0)) { $0 + $1.cents }
        #expect(june == euro("-350,00"))
        #expect(july == euro("-630,00"))
        #expect(run.corrections("Wajong", in: "2024-06").count == 5)
    }

    @Test func withMonthlySettlementTheDifferenceComesTheNextMonth() throws {
        // Settlement period 1 month, no estimate: January 2024 is paid as if no income (€ 1.448,58);
        // the income of € 500 reaches the register on 8 February: 0,7 x € 500 = € 350 recovered in February.
        let p = try book.persona(text: """
        persona "Maandelijks"
          geboren 1998-01-01
          gewicht 1
          doenvermogen plannen 3, in_actie_komen 3, volhouden 3, verleiding_weerstaan 3, tegenslag_verwerken 3
        wajong
          ingang 2016-01-01
          arbeidsvermogen ja
          verrekening 1 maanden
        inkomen 2024-01 € 500,00 gemeld 2024-02-05 polis 2024-02-08
        """)
        let run = try book.run(p, from: "2024-01", to: "2024-02")
        #expect(run.payment("Wajong", in: "2024-01") == euro("1.448,58"))
        #expect(run.corrections("Wajong", in: "2024-02").map(\.cents) == [euro("-350,00")])
    }

    @Test func theSelfEmployedAreSettledOnceAYearFromTheTaxReturn() throws {
        // Kees: estimate € 500 a month, real profit € 1.000 a month in 2024, known from the tax authority
        // on 1 May 2025: 12 x 0,7 x € 500 = € 4.200 recovered in May 2025.
        let run = try book.run(personaNamed: "kees")
        let may = run.corrections("Wajong", in: "2025-05")
        #expect(may.count == 12)
        #expect(may.reduce(Int64(0)) { $0 + $1.cents } == euro("-4.200,00"))
        #expect(may.allSatisfy { $0.kind == "terugvordering" })
    }

    @Test func unreportedIncomeThatWasInThePolisadministratieIsRecoveredAndFined() throws {
        // Ingrid: € 900 a month from January 2022 to February 2023, held by the polisadministratie but hidden
        // from benefit officers until 12 April 2023. Each month was paid 0,7 x € 900 = € 630 too much:
        // 14 x € 630 = € 8.820 recovered in April 2023 (WW art. 36). The fine is 50% of the detriment
        // (Boetebesluit art. 2 lid 4): € 4.410, plus € 150 for March 2023, where nothing was paid too much
        // because the polis was visible before the decision (art. 2 lid 11): € 4.560.
        let run = try book.run(personaNamed: "ingrid")
        let recovered = run.corrections("WW", in: "2023-04").reduce(Int64(0)) { $0 + $1.cents }
        #expect(recovered == euro("-8.820,00"))
        #expect(run.fines(in: "2023-04") == euro("4.560,00"))
        #expect(run.outcome("2023-04")?.missedObligations.count == 15)
    }

    @Test func incomeReportedOnTimeIsNeitherRecoveredNorFined() throws {
        // Lisa reports her € 600 each month before the WW is decided: 0,7 x (€ 2.827,50 - € 600) = € 1.559,25,
        // no corrections and no fines (WW art. 47 lid 1).
        let run = try book.run(personaNamed: "lisa")
        for month in ["2024-03", "2024-04", "2024-05"] {
            #expect(run.payment("WW", in: month) == euro("1.559,25"))
            #expect(run.corrections("WW", in: month).isEmpty)
            #expect(run.fines(in: month) == 0)
        }
    }
}
