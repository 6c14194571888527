import DoenbaarCore
import DoenbaarTesting
import Testing

/// Uitvoeringstoets of the Ziektewet (Rules/zw/ziekengeld.regels and
/// samenloop_ww.regels) and of its meeting with the WW (Rules/ww/toegang.regels).
/// Vangnet: ziekengeld from the day after the contract ends, not before the
/// third day of incapacity (ZW art. 29 lid 2 onderdeel c), 70% of the dagloon
/// (art. 29 lid 7, first sentence) for every weekday, Saturdays and Sundays
/// excepted (art. 29 lid 2, first sentence). Sick during the WW: the WW runs on
/// for 13 weeks (WW art. 19 lid 2), then ziekengeld computed as the WW from its
/// third month, 70% of the WW maandloon (ZW art. 29 lid 2 onderdeel d onder 1°,
/// lid 7 second sentence). No WW while ziekengeld is received (WW art. 19 lid 1
/// onderdeel a). Maximumdagloon € 290,67 from 1 January 2025, € 297,83 from
/// 1 July 2025 (Rules/ww/uitkering.regels, Wfsv art. 17 lid 1).
/// Weekdays in 2025: Jan 23, Feb 20, Mar 21, Apr 22, May 22, Jun 21, Jul 23, Aug 21.
@Suite(.tags(.samenloop)) struct ZiektewetTests {
    let book: RuleBook
    init() throws { book = try RuleBook.bundled() }

    /// A person in the vangnet: a `zw` block, optionally a `ww` block after it.
    func sick(id: String, from: String, until: String, contractEnds: String?, dagloon: String = "100,00",
              ww: String = "") throws -> Persona {
        let end = contractEnds.map { "\n  einde_dienstverband \($0)" } ?? ""
        return try book.persona(text: """
        persona "\(id)"
          geboren 1984-02-19
          gewicht 1
          doenvermogen plannen 3, in_actie_komen 3, volhouden 3, verleiding_weerstaan 3, tegenslag_verwerken 3
        zw
          eerste_ziektedag \(from)
          laatste_ziektedag \(until)\(end)
          dagloon € \(dagloon)
        \(ww)
        """, id: id)
    }

    /// WW from 1 January 2025, dagloon € 100, sick during the WW (a `zw` block without dagloon).
    func sickDuringWW(id: String, years: Int, from: String, until: String) throws -> Persona {
        try book.persona(text: """
        persona "\(id)"
          geboren 1970-06-09
          gewicht 1
          doenvermogen plannen 3, in_actie_komen 3, volhouden 3, verleiding_weerstaan 3, tegenslag_verwerken 3
        ww
          ingang 2025-01-01
          dagloon € 100,00
          arbeidsverleden \(years) jaar waarvan 0 voor 2016
        zw
          eerste_ziektedag \(from)
          laatste_ziektedag \(until)
        """, id: id)
    }

    // MARK: Vangnet: the first paid day (ZW art. 29 lid 2 onderdeel c)

    @Test func theVangnetStartsTheDayAfterTheContractEndsWhenThatIsLater() throws {
        // Sick from Monday 13 January 2025, contract ends Friday 17 January. First paid day: the later of
        // 18 January (day after the contract) and 15 January (third day of incapacity) = Saturday 18 January
        // (ZW art. 29 lid 1 and lid 2 onderdeel c). Paid weekdays in January: 20-24, 27-31 = 10.
        // Dagloon € 100: 70% = € 70 a day (art. 29 lid 7); 10 x € 70 = € 700,00.
        let p = try sick(id: "Contract tot 17 januari", from: "2025-01-13", until: "2025-12-31", contractEnds: "2025-01-17")
        let run = try book.run(p, from: "2025-01", to: "2025-02")
        #expect(run.payment("ZW", in: "2025-01") == euro("700,00"), "Contract tot 17 januari, 2025-01")
        // February: all 20 weekdays x € 70 = € 1.400,00.
        #expect(run.payment("ZW", in: "2025-02") == euro("1.400,00"), "Contract tot 17 januari, 2025-02")
    }

    @Test func theVangnetNeverStartsBeforeTheThirdDayOfIncapacity() throws {
        // Sick from Wednesday 5 March 2025, the contract ends that same day. The day after the contract is
        // Thursday 6 March, the third day of incapacity Friday 7 March: two wachtdagen, ziekengeld from
        // 7 March (ZW art. 29 lid 2 onderdeel c). Paid weekdays in March: 7, 10-14, 17-21, 24-28, 31 = 17;
        // 17 x 70% x € 100 = € 1.190,00 (art. 29 lid 7). (Counting the wachtdagen as workdays, Wed and Thu,
        // gives the same first paid day.)
        let p = try sick(id: "Contract tot 5 maart", from: "2025-03-05", until: "2025-12-31", contractEnds: "2025-03-05")
        let run = try book.run(p, from: "2025-03", to: "2025-03")
        #expect(run.payment("ZW", in: "2025-03") == euro("1.190,00"), "Contract tot 5 maart, 2025-03")
        // Without einde_dienstverband the standaard is the day before the first sick day (4 March):
        // day after 5 March, third day 7 March: the same € 1.190,00.
        let q = try sick(id: "Zonder einde dienstverband", from: "2025-03-05", until: "2025-12-31", contractEnds: nil)
        let run2 = try book.run(q, from: "2025-03", to: "2025-03")
        #expect(run2.payment("ZW", in: "2025-03") == euro("1.190,00"), "Zonder einde dienstverband, 2025-03")
    }

    // MARK: The amount (ZW art. 29 lid 2 and lid 7)

    @Test func seventyPercentForEveryWeekdayIncludingAPublicHoliday() throws {
        // Sick from Monday 14 April 2025, contract ends Sunday 20 April, recovered after Sunday 27 April.
        // First paid day: the later of Monday 21 April (day after the contract) and 16 April (third day).
        // Paid: Monday 21 April (Easter Monday, a public holiday on a weekday: paid, only Saturday and
        // Sunday are not, ZW art. 29 lid 2) to Friday 25 April = 5 days; Saturday 26 April (Koningsdag
        // 2025) and Sunday 27 April are not paid. 5 x 70% x € 100 = € 350,00 (art. 29 lid 7).
        let week = try sick(id: "Paasweek", from: "2025-04-14", until: "2025-04-27", contractEnds: "2025-04-20")
        let run = try book.run(week, from: "2025-04", to: "2025-05")
        #expect(run.payment("ZW", in: "2025-04") == euro("350,00"), "Paasweek, 2025-04")
        #expect(run.payment("ZW", in: "2025-05") == 0, "Paasweek, 2025-05: hersteld")
        // A whole April: 22 weekdays, Easter Monday among them: 22 x € 70 = € 1.540,00 (not 21,75 days:
        // the vangnet pays per day, art. 29 lid 2).
        let month = try sick(id: "Heel april", from: "2025-03-03", until: "2025-12-31", contractEnds: "2025-03-31")
        let run2 = try book.run(month, from: "2025-04", to: "2025-04")
        #expect(run2.payment("ZW", in: "2025-04") == euro("1.540,00"), "Heel april, 2025-04")
    }

    @Test func theDagloonIsCappedAtTheMaximumdagloon() throws {
        // Dagloon € 350 is capped at € 290,67 (ZW art. 15 lid 1, Wfsv art. 17 lid 1): a day is
        // 70% x € 290,67 = € 203,469. February 2025, 20 weekdays: 20 x € 203,469 = € 4.069,38.
        // From 1 July 2025 the maximum is € 297,83: 70% = € 208,481; July, 23 weekdays:
        // 23 x € 208,481 = € 4.795,063 -> € 4.795,06. (Contract ended 31 January, sick since 2 December 2024.)
        let p = try sick(id: "Dagloon € 350", from: "2024-12-02", until: "2025-12-31", contractEnds: "2025-01-31", dagloon: "350,00")
        let run = try book.run(p, from: "2025-02", to: "2025-07")
        #expect(run.payment("ZW", in: "2025-02") == euro("4.069,38"), "Dagloon € 350, 2025-02")
        #expect(run.payment("ZW", in: "2025-07") == euro("4.795,06"), "Dagloon € 350, 2025-07")
    }

    @Test func noZiekengeldAfterOneHundredAndFourWeeks() throws {
        // Sick from Monday 3 March 2025 (contract ended 2 March): no ziekengeld once 104 weeks = 728 days
        // have passed, from Monday 1 March 2027 (ZW art. 29 lid 5). February 2027: 20 weekdays x € 70 =
        // € 1.400,00; March 2027: € 0.
        let p = try sick(id: "104 weken", from: "2025-03-03", until: "2027-12-31", contractEnds: "2025-03-02")
        let run = try book.run(p, from: "2027-02", to: "2027-03")
        #expect(run.payment("ZW", in: "2027-02") == euro("1.400,00"), "104 weken, 2027-02")
        #expect(run.payment("ZW", in: "2027-03") == 0, "104 weken, 2027-03")
    }

    // MARK: No WW with ziekengeld (WW art. 19 lid 1 onderdeel a and lid 2)

    @Test func noWWOnDaysWithZiekengeldAndWWAfterRecovery() throws {
        // Sick from 13 January 2025, contract ends 31 January, WW claimed from 1 February, recovered after
        // Tuesday 18 February. Ziekengeld from 1 February (ZW art. 29 lid 2 c): February weekdays 3-7,
        // 10-14, 17, 18 = 12 x 70% x € 100 = € 840,00.
        // WW: none on those days (WW art. 19 lid 1 onderdeel a); days with right 19-21, 24-28 = 8, not a
        // full month: maandloon 8 x € 100 = € 800 (art. 1b lid 2 b), first month 75% = € 600,00.
        // March: full month, 75% x 21,75 x € 100 = € 1.631,25 (art. 47 lid 1 a); April 70% = € 1.522,50.
        // (Art. 16a lid 2 would put the first werkloosheidsdag on 19 February: the months with right are
        // the same, February, March, April.)
        let p = try sick(id: "Ziek tot 18 februari", from: "2025-01-13", until: "2025-02-18", contractEnds: "2025-01-31", ww: """
        ww
          ingang 2025-02-01
          dagloon € 100,00
          arbeidsverleden 10 jaar waarvan 0 voor 2016
        """)
        let run = try book.run(p, from: "2025-01", to: "2025-04")
        #expect(run.payment("ZW", in: "2025-01") == 0, "Ziek tot 18 februari, 2025-01: loon van de werkgever")
        #expect(run.payment("ZW", in: "2025-02") == euro("840,00"), "Ziek tot 18 februari, 2025-02")
        #expect(run.payment("WW", in: "2025-02") == euro("600,00"), "Ziek tot 18 februari, 2025-02")
        #expect(run.payment("ZW", in: "2025-03") == 0, "Ziek tot 18 februari, 2025-03: hersteld")
        #expect(run.payment("WW", in: "2025-03") == euro("1.631,25"), "Ziek tot 18 februari, 2025-03")
        #expect(run.payment("WW", in: "2025-04") == euro("1.522,50"), "Ziek tot 18 februari, 2025-04")
    }

    @Test func aWachtdagCountsAsReceivingZiekengeld() throws {
        // Sick from Thursday 30 January 2025, the contract ends that day, WW claimed from Friday 31 January,
        // recovered after Friday 14 February. Ziekengeld from the later of 31 January and 1 February (third
        // day) = 1 February; Friday 31 January is a wachtdag. Not paying for a wachtdag counts as receiving
        // ziekengeld (WW art. 19 lid 2): no WW on 31 January, so January € 0 (not 75% x € 100 = € 75).
        // February: ziekengeld 3-7, 10-14 = 10 x € 70 = € 700,00; WW 17-21, 24-28 = 10 days, maandloon
        // € 1.000 (art. 1b lid 2 b), 75% = € 750,00 (art. 47 lid 1 a).
        let p = try sick(id: "Wachtdag 31 januari", from: "2025-01-30", until: "2025-02-14", contractEnds: "2025-01-30", ww: """
        ww
          ingang 2025-01-31
          dagloon € 100,00
          arbeidsverleden 10 jaar waarvan 0 voor 2016
        """)
        let run = try book.run(p, from: "2025-01", to: "2025-02")
        #expect(run.payment("WW", in: "2025-01") == 0, "Wachtdag 31 januari, 2025-01")
        #expect(run.payment("ZW", in: "2025-01") == 0, "Wachtdag 31 januari, 2025-01")
        #expect(run.payment("ZW", in: "2025-02") == euro("700,00"), "Wachtdag 31 januari, 2025-02")
        #expect(run.payment("WW", in: "2025-02") == euro("750,00"), "Wachtdag 31 januari, 2025-02")
    }

    // MARK: Sick during the WW (ZW art. 29 lid 2 onderdeel d onder 1°, lid 7)

    @Test func sickDuringWWThirteenWeeksOfWWThenZiekengeldAtSeventyPercent() throws {
        // WW from 1 January 2025, dagloon € 100, 10 years after 2015: 10 months, until 1 November 2025
        // (WW art. 42). Sick from Wednesday 2 April to Sunday 31 August 2025.
        // Ziekengeld from the first day of the 14th week: 2 April + 91 days = Wednesday 2 July.
        let p = try sickDuringWW(id: "Ziek vanaf 2 april", years: 10, from: "2025-04-02", until: "2025-08-31")
        let run = try book.run(p, from: "2025-04", to: "2025-09")
        // April and June: the WW runs on (WW art. 19 lid 2), full months, fourth and sixth month:
        // 70% x 21,75 x € 100 = € 1.522,50 (art. 47 lid 1 b). No ziekengeld.
        #expect(run.payment("WW", in: "2025-04") == euro("1.522,50"), "Ziek vanaf 2 april, 2025-04")
        #expect(run.payment("ZW", in: "2025-04") == 0, "Ziek vanaf 2 april, 2025-04")
        #expect(run.payment("WW", in: "2025-06") == euro("1.522,50"), "Ziek vanaf 2 april, 2025-06")
        #expect(run.payment("ZW", in: "2025-06") == 0, "Ziek vanaf 2 april, 2025-06")
        // July: WW on Tuesday 1 July only: maandloon 1 x € 100, 70% = € 70,00 (art. 1b lid 2 b).
        // Ziekengeld 2-31 July: 22 of the 23 weekdays, not a full month: 22 x € 100 = € 2.200, 70% =
        // € 1.540,00 (ZW art. 29 lid 7 second sentence, WW art. 1b lid 2 b, art. 47 lid 1 b).
        #expect(run.payment("WW", in: "2025-07") == euro("70,00"), "Ziek vanaf 2 april, 2025-07")
        #expect(run.payment("ZW", in: "2025-07") == euro("1.540,00"), "Ziek vanaf 2 april, 2025-07")
        // August: all 21 weekdays with ziekengeld, a full month: 70% x 21,75 x € 100 = € 1.522,50,
        // equal to the WW it replaces. No WW (WW art. 19 lid 1 a).
        #expect(run.payment("ZW", in: "2025-08") == euro("1.522,50"), "Ziek vanaf 2 april, 2025-08")
        #expect(run.payment("WW", in: "2025-08") == 0, "Ziek vanaf 2 april, 2025-08")
        // September: recovered, the WW revives (WW art. 21 lid 1): € 1.522,50.
        #expect(run.payment("WW", in: "2025-09") == euro("1.522,50"), "Ziek vanaf 2 april, 2025-09")
        #expect(run.payment("ZW", in: "2025-09") == 0, "Ziek vanaf 2 april, 2025-09")
    }

    @Test func sickDuringWWZiekengeldStartsEarlierWhenTheWWEnds() throws {
        // WW from 1 January 2025, 2 years of work history: 3 months, until 1 April 2025 (WW art. 42 lid 1).
        // Sick from Monday 3 March to Monday 30 June. The 14th week would start on 2 June, but the WW ends
        // first: ziekengeld from 1 April ("zo veel eerder", ZW art. 29 lid 2 onderdeel d onder 1°).
        // March: WW, third month, full: 70% x 21,75 x € 100 = € 1.522,50; no ziekengeld.
        // April: all 22 weekdays with ziekengeld, full month: 70% x 21,75 x € 100 = € 1.522,50; no WW.
        // June: all 21 weekdays ill: € 1.522,50. July: recovered, WW over: nothing.
        let p = try sickDuringWW(id: "Korte WW", years: 2, from: "2025-03-03", until: "2025-06-30")
        let run = try book.run(p, from: "2025-03", to: "2025-07")
        #expect(run.payment("WW", in: "2025-03") == euro("1.522,50"), "Korte WW, 2025-03")
        #expect(run.payment("ZW", in: "2025-03") == 0, "Korte WW, 2025-03")
        #expect(run.payment("ZW", in: "2025-04") == euro("1.522,50"), "Korte WW, 2025-04")
        #expect(run.payment("WW", in: "2025-04") == 0, "Korte WW, 2025-04")
        #expect(run.payment("ZW", in: "2025-06") == euro("1.522,50"), "Korte WW, 2025-06")
        #expect(run.payment("ZW", in: "2025-07") == 0, "Korte WW, 2025-07")
        #expect(run.payment("WW", in: "2025-07") == 0, "Korte WW, 2025-07")
    }

    // MARK: Personas without a zw block

    @Test func ordinaryWWPersonasAreUnchanged() throws {
        // Omer (Personas/omer.persona) has a ww block and no zw block: heeft_zw is nee, so no zw field is
        // read and his WW is as before. March 2023: 70% x 21,75 x € 180 = € 2.740,50; April: 15 days with
        // right, 70% x 15 x € 180 = € 1.890,00; May: 13 days, 70% x 13 x € 180 = € 1.638,00
        // (WW art. 1b lid 2, art. 47 lid 1 b, art. 19 lid 1 e for the days abroad).
        let omer = try book.persona(named: "omer")
        let run = try book.run(omer, from: "2023-03", to: "2023-05")
        #expect(run.payment("WW", in: "2023-03") == euro("2.740,50"), "Omer, 2023-03")
        #expect(run.payment("WW", in: "2023-04") == euro("1.890,00"), "Omer, 2023-04")
        #expect(run.payment("WW", in: "2023-05") == euro("1.638,00"), "Omer, 2023-05")
        // Every bundled persona with a ww block and no zw block runs over its own months without an
        // evaluation error (a missing zw field would throw), gets no ziekengeld, and meets its expectations.
        let ordinary = try book.allPersonas().filter { $0.sections["ww"] != nil && $0.sections["zw"] == nil }
        #expect(ordinary.count >= 5)
        for persona in ordinary {
            let run = try book.run(persona)
            for month in run.months where (month.benefit("ZW")?.paidCents ?? 0) != 0 {
                Issue.record("persona '\(persona.id)', \(month.month): ziekengeld \(month.benefit("ZW")!.paidCents) cent zonder zw-onderdeel")
            }
            for mismatch in run.unmetExpectations(of: persona) {
                Issue.record(Comment(rawValue: mismatch.description))
            }
        }
    }
}
