import DoenbaarCore
import DoenbaarTesting
import Testing

/// Uitvoeringstoets of the access to the WW (Rules/ww/toegang.regels): who is
/// werkloos through a loss of hours (WW art. 16 lid 1 onderdeel a) and who meets
/// the wekeneis (art. 17 lid 1). The persona gives the average hours before the
/// loss (`uren_voor`), the hours left (`uren_na`) and the weeks with an arbeidsuur
/// in the 36 weeks before the first werkloosheidsdag (`weken_gewerkt`).
/// Variants of Yvonne (Personas/yvonne.persona): WW from Monday 3 March 2025,
/// dagloon € 160 (below the maximumdagloon of € 290,67), 25 years of work
/// history of which 16 before 2016, so the duration (20,5 months) never ends a
/// test month. March 2025 has 21 weekdays, all from 3 March: a full month.
/// Maandloon 21,75 x € 160 = € 3.480 (WW art. 1b lid 2 onderdeel a).
@Suite(.tags(.ww)) struct WWToegangTests {
    let book: RuleBook
    init() throws { book = try RuleBook.bundled() }

    /// Yvonne's WW claim with the given hours and weeks; nil leaves the line out (the rule's `standaard`).
    func yvonne(id: String, hoursBefore: Int? = nil, hoursLeft: Int? = nil, weeks: Int? = nil) throws -> Persona {
        var lines = ""
        if let hoursBefore { lines += "\n  uren_voor \(hoursBefore) uur" }
        if let hoursLeft { lines += "\n  uren_na \(hoursLeft) uur" }
        if let weeks { lines += "\n  weken_gewerkt \(weeks) weken" }
        return try book.persona(text: """
        persona "\(id)"
          geboren 1975-09-22
          gewicht 1
          doenvermogen plannen 4, in_actie_komen 4, volhouden 4, verleiding_weerstaan 4, tegenslag_verwerken 3
        ww
          ingang 2025-03-03
          dagloon € 160,00
          arbeidsverleden 25 jaar waarvan 16 voor 2016\(lines)
        """, id: id)
    }

    @Test func losingFewerThanFiveOfThirtyEightHoursGivesNoWW() throws {
        // Average 38 hours, 34 left: lost 38 - 34 = 4 < 5, and 34 > 38 / 2 = 19. Neither branch of
        // WW art. 16 lid 1 onderdeel a holds: not werkloos, no right (ww_toegang nee), € 0 in every month.
        let p = try yvonne(id: "Yvonne 38/34", hoursBefore: 38, hoursLeft: 34, weeks: 36)
        let run = try book.run(p, from: "2025-03", to: "2025-04")
        #expect(run.payment("WW", in: "2025-03") == 0, "Yvonne 38/34, 2025-03: 4 uur verloren is niet werkloos (art. 16 lid 1 a)")
        #expect(run.payment("WW", in: "2025-04") == 0, "Yvonne 38/34, 2025-04: 4 uur verloren is niet werkloos (art. 16 lid 1 a)")
        // Yvonne herself (Personas/yvonne.persona): 38 hours, 35 left, lost 3 < 5 and 35 > 19: no WW either.
        let herself = try book.run(personaNamed: "yvonne", from: "2025-03", to: "2025-04")
        #expect(herself.payment("WW", in: "2025-03") == 0, "Yvonne (persona), 2025-03: 3 uur verloren")
    }

    @Test func losingFiveOfThirtyEightHoursGivesWW() throws {
        // Average 38 hours, 33 left: lost 38 - 33 = 5 >= 5, werkloos (WW art. 16 lid 1 onderdeel a).
        // No `inkomen` lines: the wage of the 33 hours left is not in the persona, so the rules pay
        // the WW as if all hours were lost (the model does not tie `uren_na` to income; a real
        // partly unemployed person has that wage offset as inkomen, art. 47 lid 1).
        // March 2025, full month, first month: 0,75 x 21,75 x € 160 = 0,75 x € 3.480 = € 2.610,00
        // (art. 1b lid 2 onderdeel a, art. 47 lid 1 onderdeel a). April, second month: € 2.610,00.
        // May, third month: 0,70 x € 3.480 = € 2.436,00 (art. 47 lid 1 onderdeel b).
        let p = try yvonne(id: "Yvonne 38/33", hoursBefore: 38, hoursLeft: 33, weeks: 36)
        let run = try book.run(p, from: "2025-03", to: "2025-05")
        #expect(run.payment("WW", in: "2025-03") == euro("2.610,00"), "Yvonne 38/33, 2025-03: 5 uur verloren is werkloos")
        #expect(run.payment("WW", in: "2025-04") == euro("2.610,00"), "Yvonne 38/33, 2025-04: tweede maand, 75%")
        #expect(run.payment("WW", in: "2025-05") == euro("2.436,00"), "Yvonne 38/33, 2025-05: derde maand, 70%")
    }

    @Test func withAnEightHourAverageHalfTheHoursLeftIsStillWerkloos() throws {
        // Average 8 hours. 4 left: lost 4 < 5, but 4 <= 8 / 2 = 4, "ten hoogste de helft" (WW art. 16
        // lid 1 onderdeel a, second branch): werkloos. Without `inkomen` lines the WW is paid as if all
        // hours were lost: March € 2.610,00 as above (art. 1b lid 2 a, art. 47 lid 1 a).
        let half = try book.run(yvonne(id: "Yvonne 8/4", hoursBefore: 8, hoursLeft: 4, weeks: 36), from: "2025-03", to: "2025-03")
        #expect(half.payment("WW", in: "2025-03") == euro("2.610,00"), "Yvonne 8/4, 2025-03: de helft van 8 uur over is werkloos")
        // 5 left: lost 3 < 5 and 5 > 4: neither branch, not werkloos, € 0.
        let more = try book.run(yvonne(id: "Yvonne 8/5", hoursBefore: 8, hoursLeft: 5, weeks: 36), from: "2025-03", to: "2025-03")
        #expect(more.payment("WW", in: "2025-03") == 0, "Yvonne 8/5, 2025-03: meer dan de helft van 8 uur over")
    }

    @Test func twentySixOfThirtySixWeeksMeetTheWekeneis() throws {
        // All hours lost (38, 0 left: werkloos under art. 16 lid 1 a). WW art. 17 lid 1: at least 26 of
        // the 36 calendar weeks before the first werkloosheidsdag with an arbeidsuur.
        // 25 weeks: 25 < 26, no right, € 0 in March.
        let short = try book.run(yvonne(id: "Yvonne 25 weken", hoursBefore: 38, hoursLeft: 0, weeks: 25), from: "2025-03", to: "2025-03")
        #expect(short.payment("WW", in: "2025-03") == 0, "Yvonne 25 weken, 2025-03: 25 < 26 (art. 17 lid 1)")
        // 26 weeks: the wekeneis is met; March 0,75 x 21,75 x € 160 = € 2.610,00 (art. 1b lid 2 a, art. 47 lid 1 a).
        let met = try book.run(yvonne(id: "Yvonne 26 weken", hoursBefore: 38, hoursLeft: 0, weeks: 26), from: "2025-03", to: "2025-03")
        #expect(met.payment("WW", in: "2025-03") == euro("2.610,00"), "Yvonne 26 weken, 2025-03: 26 weken voldoet (art. 17 lid 1)")
    }

    @Test func milanWithTwentySixWeeksWouldHaveHadWW() throws {
        // Personas/milan.persona: 20 weeks, below the wekeneis: no WW in March 2025 (art. 17 lid 1).
        let milan = try book.run(personaNamed: "milan", from: "2025-03", to: "2025-03")
        #expect(milan.payment("WW", in: "2025-03") == 0, "Milan (persona), 2025-03: 20 < 26 weken")
        // The same claim with 26 weeks: WW from Monday 24 February 2025, dagloon € 110, 1 year of work
        // history (3 months, art. 42 lid 1). March is the second calendar month of the right and full
        // (21 weekdays): 0,75 x 21,75 x € 110 = € 1.794,375 -> € 1.794,38 (art. 1b lid 2 a, art. 47 lid 1 a),
        // as the comment in milan.persona computes.
        let p = try book.persona(text: """
        persona "Milan 26 weken"
          geboren 2001-11-05
          gewicht 1
          doenvermogen plannen 2, in_actie_komen 3, volhouden 3, verleiding_weerstaan 3, tegenslag_verwerken 3
        ww
          ingang 2025-02-24
          dagloon € 110,00
          arbeidsverleden 1 jaar waarvan 0 voor 2016
          weken_gewerkt 26 weken
        """, id: "Milan 26 weken")
        let run = try book.run(p, from: "2025-03", to: "2025-03")
        #expect(run.payment("WW", in: "2025-03") == euro("1.794,38"), "Milan 26 weken, 2025-03")
    }

    @Test func aWWClaimWithoutTheNewFieldsStillQualifies() throws {
        // No uren_voor, uren_na or weken_gewerkt: the standaard values in Rules/ww/gegevens.regels are
        // 38 hours before, 0 left (lost 38 >= 5, art. 16 lid 1 a) and 36 weeks (>= 26, art. 17 lid 1).
        // March 2025: 0,75 x 21,75 x € 160 = € 2.610,00 (art. 1b lid 2 a, art. 47 lid 1 a).
        let run = try book.run(yvonne(id: "Yvonne zonder urenvelden"), from: "2025-03", to: "2025-03")
        #expect(run.payment("WW", in: "2025-03") == euro("2.610,00"), "Yvonne zonder urenvelden, 2025-03")
        // Omer (Personas/omer.persona) has none of the new fields: his stated months still hold.
        // March 2023: 0,70 x 21,75 x € 180 = € 2.740,50 (art. 47 lid 1 b, his fifth month).
        let omer = try book.persona(named: "omer")
        let omerRun = try book.run(omer)
        #expect(omerRun.payment("WW", in: "2023-03") == euro("2.740,50"), "Omer, 2023-03")
        for mismatch in omerRun.unmetExpectations(of: omer) {
            Issue.record(Comment(rawValue: mismatch.description))
        }
    }

    @Test func theExplanationNamesTheProvisionThatRefused() throws {
        // Yvonne (persona), March 2025: the € 0 is explained by werkloos_door_urenverlies = nee, citing
        // art. 16 lid 1 onderdeel a. Milan (persona), March 2025: by wekeneis_voldaan = nee, art. 17 lid 1.
        let yvonne = try book.run(personaNamed: "yvonne", from: "2025-03", to: "2025-03")
        let hours = try #require(yvonne.trace("WW", in: "2025-03")?.node(named: "werkloos_door_urenverlies"),
                                 "Yvonne, 2025-03: de uitleg bevat werkloos_door_urenverlies niet")
        #expect(hours.value.single == 0, "Yvonne, 2025-03: werkloos_door_urenverlies = \(hours.value), niet nee")
        #expect(hours.source?.contains("art. 16 lid 1 onderdeel a") == true, "Yvonne, 2025-03: bron \(hours.source ?? "-")")
        let milan = try book.run(personaNamed: "milan", from: "2025-03", to: "2025-03")
        let weeks = try #require(milan.trace("WW", in: "2025-03")?.node(named: "wekeneis_voldaan"),
                                 "Milan, 2025-03: de uitleg bevat wekeneis_voldaan niet")
        #expect(weeks.value.single == 0, "Milan, 2025-03: wekeneis_voldaan = \(weeks.value), niet nee")
        #expect(weeks.source?.contains("art. 17 lid 1") == true, "Milan, 2025-03: bron \(weeks.source ?? "-")")
    }
}

