import DoenbaarCore
import DoenbaarTesting
import Testing

/// The AOW date is fixed by the birth date: the pensioengerechtigde leeftijd
/// is that of the calendar year in which a person reaches it (AOW art. 7a
/// lid 1), and from that day there is no WW (WW art. 19 lid 1 onderdeel i).
/// Ages from Rules/ww/uitkering.regels (aow_leeftijd_maanden): 2022 66 years
/// and 7 months, 2023 66 and 10, 2024 67.
@Suite(.tags(.ww)) struct AOWDateTests {
    let book: RuleBook
    init() throws { book = try RuleBook.bundled() }

    func ww(born: String, start: String, wage: String = "150,00") throws -> Persona {
        try book.persona(text: """
        persona "Test"
          geboren \(born)
          gewicht 1
          doenvermogen plannen 3, in_actie_komen 3, volhouden 3, verleiding_weerstaan 3, tegenslag_verwerken 3
        ww
          ingang \(start)
          dagloon € \(wage)
          arbeidsverleden 40 jaar waarvan 33 voor 2016
        """)
    }

    @Test func gerritsWWStopsOnHisAOWDateAndStaysStoppedWhenTheAgeRises() throws {
        // Born 1957-01-15: 66 in 2023, whose AOW age is 802 months, so AOW on 2023-11-15.
        // November: 10 weekdays with right (1-3, 6-10, 13, 14), 70% x 10 x € 150 = € 1.050,00
        // (WW art. 1b lid 2 onderdeel b, art. 47 lid 1 onderdeel b). From 1 January 2024
        // the age is 67 years, which would put the AOW date at 2024-01-15 if it were read
        // on the day computed: the WW must not come back.
        let run = try book.run(personaNamed: "gerrit", from: "2023-11", to: "2024-03")
        #expect(run.payment("WW", in: "2023-11") == euro("1.050,00"))
        for m in ["2023-12", "2024-01", "2024-02", "2024-03"] {
            #expect(run.payment("WW", in: m) == 0, "gerrit, \(m): no WW after the AOW date")
        }
    }

    @Test func whenTheFirstStepFallsInTheNextYearThatYearsAgeApplies() throws {
        // Born 1956-12-20: 66 on 2022-12-20; with 2022's age (799 months) the date would be
        // 2023-07-20, a day of 2023, so 2023's age applies: 802 months, AOW on 2023-10-20.
        // July 2023 is a full month of WW (month 3: 70%): 70% x 21,75 x € 150 = € 2.283,75.
        // October: weekdays 2-6, 9-13 and 16-19 October = 14 days: 70% x 14 x € 150 = € 1.470,00.
        let run = try book.run(ww(born: "1956-12-20", start: "2023-05-01"), from: "2023-07", to: "2023-11")
        #expect(run.payment("WW", in: "2023-07") == euro("2.283,75"))
        #expect(run.payment("WW", in: "2023-10") == euro("1.470,00"))
        #expect(run.payment("WW", in: "2023-11") == 0)
    }

    @Test func someoneFarFromTheAOWAgeIsNotTouched() throws {
        // Born 1980: the AOW date lies decades ahead; a full month of WW in its third month,
        // 70% x 21,75 x € 150 = € 2.283,75.
        let run = try book.run(ww(born: "1980-01-01", start: "2024-01-01"), from: "2024-03", to: "2024-03")
        #expect(run.payment("WW", in: "2024-03") == euro("2.283,75"))
    }
}
