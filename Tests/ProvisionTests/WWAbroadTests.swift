import DoenbaarCore
import DoenbaarTesting
import Testing

/// Uitvoeringstoets of WW and staying abroad: vacation days (Vakantieregeling
/// WW en IOW), no benefit on days abroad that are not vacation (WW art. 19
/// lid 1 onderdeel e), export with PD U2 (Verordening 883/2004 art. 64) and
/// the 2023 earthquake leniency.
@Suite(.tags(.ww, .buitenland)) struct WWAbroadTests {
    let book: RuleBook
    init() throws { book = try RuleBook.bundled() }

    func ww(start: String, born: String = "1980-01-01", nationality: String? = nil, _ lines: String) throws -> Persona {
        try book.persona(text: """
        persona "Test"
          geboren \(born)
          gewicht 1
          doenvermogen plannen 3, in_actie_komen 3, volhouden 3, verleiding_weerstaan 3, tegenslag_verwerken 3
        \(nationality.map { "  nationaliteit \($0)" } ?? "")
        ww
          ingang \(start)
          dagloon € 100,00
          arbeidsverleden 20 jaar waarvan 12 voor 2016
        \(lines)
        """)
    }

    @Test func aBenefitStartingOnTheFirstOfOctoberGivesFiveVacationDays() throws {
        // Vakantieregeling art. 3 lid 1 onderdeel a: 1 January to 1 October 2024 is 274 days, 39 whole weeks;
        // 20 - 5 x 39 / 13 = 5 days. Abroad 2-13 December (10 workdays): 5 paid, 5 not.
        // December 2024 has 22 workdays; 70% of (22 - 5) x € 100 = € 1.190 (WW art. 1b lid 2, art. 47).
        let p = try ww(start: "2024-10-01", "verblijf 2024-12-02 tot en met 2024-12-13 reden vakantie land FR gemeld 2024-11-15")
        let run = try book.run(p, from: "2024-10", to: "2024-12")
        #expect(run.payment("WW", in: "2024-12") == euro("1.190,00"))
    }

    @Test func aBenefitStartingOnTheFirstOfJulyGivesTenDaysAndAFullAugustAbroadIsPaidForTwoWeeks() throws {
        // 1 January to 1 July 2025 is 181 days, 25 whole weeks; 20 - 5 x 25 / 13 = 10,38 -> 10 days
        // (art. 3 lid 1 onderdeel a, art. 4). August 2025: 21 workdays; the first 10 (1, 4-14 August)
        // are paid: 75% (second month) of 10 x € 100 = € 750.
        let p = try ww(start: "2025-07-01", "verblijf 2025-08-01 tot en met 2025-08-31 reden vakantie land ES gemeld 2025-07-20")
        let run = try book.run(p, from: "2025-07", to: "2025-08")
        #expect(run.payment("WW", in: "2025-08") == euro("750,00"))
        let trace = try #require(run.trace("WW", in: "2025-08"))
        #expect(trace.cites("Vakantieregeling WW en IOW art. 2 lid 1"))
        #expect(trace.node(named: "vakantierecht")?.value.single == Fixed(integer: 10).raw)
    }

    @Test func aPublicHolidayDuringTheVacationCostsNoVacationDay() throws {
        // Start 1 December 2024: 48 whole weeks before it, 20 - 5 x 48 / 13 = 1,54 -> 2 days for 2024.
        // Abroad 23-27 December on vacation: 25 and 26 December are public holidays, so 23, 24 and 27
        // cost a day each: 2 paid, 1 not (art. 3 lid 1 onderdeel b). December: 22 workdays, 21 with right:
        // 75% of 21 x € 100 = € 1.575.
        let p = try ww(start: "2024-12-01", "verblijf 2024-12-23 tot en met 2024-12-27 reden vakantie land BE gemeld 2024-12-10")
        let run = try book.run(p, from: "2024-12", to: "2024-12")
        #expect(run.payment("WW", in: "2024-12") == euro("1.575,00"))
    }

    @Test func vacationDaysAreNotCarriedOverToTheNextYear() throws {
        // 2024 (start 1 March 2024, 17 days) unused; in January 2025 the person has 20, not 37.
        // Abroad 6-31 January 2025 (20 workdays) plus 3-7 February (5): the 20 January days are paid,
        // the 5 February days are not: February 2025 has 20 workdays, 70% of 15 x € 100 = € 1.050.
        let p = try ww(start: "2024-03-01", """
        verblijf 2025-01-06 tot en met 2025-02-07 reden vakantie land ES gemeld 2024-12-20
        """)
        let run = try book.run(p, from: "2025-01", to: "2025-02")
        #expect(run.payment("WW", in: "2025-01") == euro("1.522,50"))
        #expect(run.payment("WW", in: "2025-02") == euro("1.050,00"))
    }

    @Test func aVacationReportedOnTheDayOfDepartureIsNotVacation() throws {
        // UWV requires a report at least 1 day before leaving (WW art. 26 lid 1 onderdeel j;
        // Uitkeringsreglement WW). Reported on 10 March for 10-14 March 2025 (5 workdays): those days are
        // a stay abroad other than vacation (art. 19 lid 1 onderdeel e). March: 21 workdays,
        // 70% of 16 x € 100 = € 1.120; the missed obligation is recorded.
        let p = try ww(start: "2024-06-01", "verblijf 2025-03-10 tot en met 2025-03-14 reden vakantie land DE gemeld 2025-03-10")
        let run = try book.run(p, from: "2025-03", to: "2025-03")
        #expect(run.payment("WW", in: "2025-03") == euro("1.120,00"))
        #expect(run.outcome("2025-03")?.missedObligations.first?.obligation == "vakantie_melden")
    }

    @Test func aStayAbroadForACalamityGivesNoWW() throws {
        // Omer: 24-28 April and 1-12 May 2023 in Sudan, not on vacation: no right on those days
        // (art. 19 lid 1 onderdeel e); April 70% of 15 x € 180 = € 1.890.
        let run = try book.run(personaNamed: "omer")
        #expect(run.payment("WW", in: "2023-04") == euro("1.890,00"))
        #expect(run.payment("WW", in: "2023-05") == euro("1.638,00"))
        let trace = try #require(run.trace("WW", in: "2023-05"))
        #expect(trace.cites("Werkloosheidswet art. 19 lid 1 onderdeel e"))
    }

    @Test func exportWithPDU2KeepsTheWWForThreeMonthsInTheEU() throws {
        // Verordening 883/2004 art. 64: after 4 weeks available, looking for work in Spain with PD U2 from
        // 1 April 2025 keeps the WW for 3 months (until 1 July). July 2025 abroad: no right.
        let p = try ww(start: "2025-01-01", "verblijf 2025-04-01 tot en met 2025-07-31 reden werk_zoeken land ES pd_u2 gemeld 2025-03-20")
        let run = try book.run(p, from: "2025-04", to: "2025-07")
        #expect(run.payment("WW", in: "2025-06") == euro("1.522,50"))
        #expect(run.payment("WW", in: "2025-07") == 0)
    }

    @Test func exportOutsideTheEUIsNotPossible() throws {
        // Looking for work in Morocco (not EU/EEA/Switzerland): art. 64 does not apply; no right.
        let p = try ww(start: "2025-01-01", "verblijf 2025-04-01 tot en met 2025-04-30 reden werk_zoeken land MA pd_u2 gemeld 2025-03-20")
        let run = try book.run(p, from: "2025-04", to: "2025-04")
        #expect(run.payment("WW", in: "2025-04") == 0)
    }

    @Test func theEarthquakeLeniencyKeepsTheWWButOnlyForTurkishAndSyrianNationals() throws {
        // Tijdelijke uitzondering 14 February - 1 July 2023 (art. 19 lid 10): a month in Turkey to support family.
        // March 2023 (23 workdays): abroad 1-17 March. With Turkish nationality: full month,
        // 70% of 21,75 x € 100 = € 1.522,50. With Dutch nationality, the same trip: 10 workdays left,
        // 70% of 10 x € 100 = € 700.
        let trip = "verblijf 2023-02-27 tot en met 2023-03-17 reden familie land TR gemeld 2023-02-20"
        let turkish = try book.run(ww(start: "2022-06-01", nationality: "TR", trip), from: "2023-03", to: "2023-03")
        let dutch = try book.run(ww(start: "2022-06-01", nationality: "NL", trip), from: "2023-03", to: "2023-03")
        #expect(turkish.payment("WW", in: "2023-03") == euro("1.522,50"))
        #expect(dutch.payment("WW", in: "2023-03") == euro("700,00"))
    }

    @Test func withinAYearOfTheAOWAgeThereAreSixtyFiveVacationDays() throws {
        // Born 1 March 1958: the AOW age in 2024 and 2025 is 67 years (AOW art. 7a lid 1), reached on
        // 1 March 2025. From 1 March 2024 the person is within a year of it: 65 days (art. 2 lid 3).
        // Abroad on vacation 1 July - 30 September 2024 (66 workdays): 65 paid, 1 not (30 September).
        // September 2024: 21 workdays, 70% of 20 x € 100 = € 1.400.
        let p = try ww(start: "2023-06-01", born: "1958-03-01",
                       "verblijf 2024-07-01 tot en met 2024-09-30 reden vakantie land PT gemeld 2024-06-15")
        let run = try book.run(p, from: "2024-07", to: "2024-09")
        #expect(run.payment("WW", in: "2024-08") == euro("1.522,50"))
        #expect(run.payment("WW", in: "2024-09") == euro("1.400,00"))
    }
}
