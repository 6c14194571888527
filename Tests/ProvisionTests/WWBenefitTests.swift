import DoenbaarCore
import DoenbaarTesting
import Testing

/// Uitvoeringstoets of the WW amount: dagloon and its maximum, 75% then 70%
/// of the maandloon, income offsetting, the 87,5% end, duration.
/// Figures: maximumdagloon € 290,67 from 1 January 2025 (Wfsv art. 17 lid 1,
/// rekenregels 2025); maandloon 21,75 x dagloon (WW art. 1b lid 2).
@Suite(.tags(.ww)) struct WWBenefitTests {
    let book: RuleBook
    init() throws { book = try RuleBook.bundled() }

    func ww(start: String, wage: String, years: Int, before2016: Int = 0, extra: String = "") throws -> Persona {
        try book.persona(text: """
        persona "Test"
          geboren 1980-01-01
          gewicht 1
          doenvermogen plannen 3, in_actie_komen 3, volhouden 3, verleiding_weerstaan 3, tegenslag_verwerken 3
        ww
          ingang \(start)
          dagloon € \(wage)
          arbeidsverleden \(years) jaar waarvan \(before2016) voor 2016
        \(extra)
        """)
    }

    @Test func theFirstTwoMonthsPay75PercentOfTheMaandloon() throws {
        // WW art. 47 lid 1 onderdeel a: 0,75 x 21,75 x € 100 = € 1.631,25 in January and February 2025.
        let run = try book.run(ww(start: "2025-01-01", wage: "100,00", years: 10), from: "2025-01", to: "2025-03")
        #expect(run.payment("WW", in: "2025-01") == euro("1.631,25"))
        #expect(run.payment("WW", in: "2025-02") == euro("1.631,25"))
        // Art. 47 lid 1 onderdeel b, from the third month: 0,70 x € 2.175 = € 1.522,50.
        #expect(run.payment("WW", in: "2025-03") == euro("1.522,50"))
    }

    @Test func theDagloonIsCappedAtTheMaximum() throws {
        // Dagloon € 350 is capped at € 290,67 (WW art. 1b lid 1, Wfsv art. 17 lid 1):
        // 0,75 x 21,75 x € 290,67 = € 4.741,554375 -> € 4.741,55.
        let run = try book.run(ww(start: "2025-01-01", wage: "350,00", years: 10), from: "2025-01", to: "2025-01")
        #expect(run.payment("WW", in: "2025-01") == euro("4.741,55"))
        #expect(run.trace("WW", in: "2025-01")?.cites("Wet financiering sociale verzekeringen art. 17 lid 1") == true)
    }

    @Test func aPartFirstMonthCountsWorkdaysWithEntitlement() throws {
        // Start 15 January 2025: 13 workdays with entitlement (15-17, 20-24, 27-31);
        // maandloon 13 x € 100 = € 1.300 (art. 1b lid 2 onderdeel b); 75% = € 975.
        let run = try book.run(ww(start: "2025-01-15", wage: "100,00", years: 10), from: "2025-01", to: "2025-01")
        #expect(run.payment("WW", in: "2025-01") == euro("975,00"))
    }

    @Test func incomeIsOffsetInProportionToTheCappedDagloon() throws {
        // March 2025 (third month, 70%), dagloon € 350 capped at € 290,67, income € 1.000:
        // income counted B x C/D = € 1.000 x 290,67 / 350 = € 830,4857...;
        // 0,70 x (21,75 x € 290,67 - € 830,4857) = 0,70 x € 5.491,5868 = € 3.844,11 (art. 47 lid 1).
        let p = try ww(start: "2025-01-01", wage: "350,00", years: 10,
                       extra: "inkomen 2025-03 € 1000,00 gemeld 2025-04-03 polis 2025-04-08")
        let run = try book.run(p, from: "2025-01", to: "2025-04")
        #expect(run.payment("WW", in: "2025-03") == euro("3.844,11"))
        #expect(run.corrections("WW", in: "2025-04").isEmpty, "income reported before the decision gives no correction")
    }

    @Test func incomeAboveEightySevenAndAHalfPercentEndsTheRight() throws {
        // Maandloon 21,75 x € 140 = € 3.045; 87,5% of it is € 2.664,375. Income € 2.700 in June 2024
        // exceeds it, so the right ends from June (art. 20 lid 1 onderdeel c), and stays ended in July
        // although July's income (€ 500) is low.
        let p = try ww(start: "2024-02-01", wage: "140,00", years: 12, before2016: 4, extra: """
        inkomen 2024-06 € 2700,00 gemeld 2024-07-02
        inkomen 2024-07 € 500,00 gemeld 2024-08-02
        """)
        let run = try book.run(p, from: "2024-05", to: "2024-07")
        #expect(run.payment("WW", in: "2024-05") == euro("2.131,50"))
        #expect(run.payment("WW", in: "2024-06") == 0)
        #expect(run.payment("WW", in: "2024-07") == 0)
    }

    @Test func durationIsAMonthPerYearThenHalfAMonthPerYearAfter2015() throws {
        // 13 years, 2 before 2016: 2 + 8 (the first ten) + 3 x 0,5 = 11,5 months (art. 42 lid 2).
        // Start 1 February 2024: 11 months to 31 December 2024, plus 15 days: right up to and
        // including 15 January 2025. January 2025: workdays 1-3, 6-10, 13-15 = 11; 70% of 11 x € 100 = € 770.
        let run = try book.run(ww(start: "2024-02-01", wage: "100,00", years: 13, before2016: 2), from: "2024-12", to: "2025-02")
        #expect(run.payment("WW", in: "2024-12") == euro("1.522,50"))
        #expect(run.payment("WW", in: "2025-01") == euro("770,00"))
        #expect(run.payment("WW", in: "2025-02") == 0)
    }

    @Test func durationIsAtLeastThreeMonths() throws {
        // 2 years of work history: below the jareneis, 3 months (art. 42 lid 1).
        // Start 1 March 2025: right until 1 June 2025.
        let run = try book.run(ww(start: "2025-03-01", wage: "100,00", years: 2), from: "2025-05", to: "2025-06")
        #expect(run.payment("WW", in: "2025-05") == euro("1.522,50"))
        #expect(run.payment("WW", in: "2025-06") == 0)
    }

    @Test func culpableUnemploymentGivesNoWW() throws {
        // Art. 24 lid 1 onderdeel a with art. 27 lid 1: the benefit is refused permanently and wholly.
        let p = try book.persona(text: """
        persona "Verwijtbaar"
          geboren 1990-01-01
          gewicht 1
          doenvermogen plannen 3, in_actie_komen 3, volhouden 3, verleiding_weerstaan 3, tegenslag_verwerken 3
        ww
          ingang 2025-01-01
          dagloon € 100,00
          arbeidsverleden 10 jaar waarvan 1 voor 2016
          verwijtbaar ja
        """)
        let run = try book.run(p, from: "2025-01", to: "2025-02")
        #expect(run.payment("WW", in: "2025-01") == 0)
        #expect(run.trace("WW", in: "2025-01")?.cites("art. 24 lid 1 onderdeel a") == true)
    }
}
