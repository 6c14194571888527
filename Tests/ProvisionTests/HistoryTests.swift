import DoenbaarCore
import DoenbaarTesting
import Testing

/// Uitvoeringstoets of the parameter and rule histories back to 2016 (issue #11 item 4).
///
/// Wajong before 2021 is the Wajong 2010 of hoofdstuk 2 as it read before the Wet
/// vereenvoudiging Wajong (Stb. 2020, 173), in Rules/wajong/uitkering_voor_2021.regels:
/// - with work capacity (werkregeling, art. 2:40): income below 20% of the minimumloon
///   gives P x G - I (lid 2); from 20% up to the upper bound (P - 0,2) x G - 0,5 x (I - 0,2 x G)
///   (lid 1 onderdeel b); from the upper bound G - I (lid 1 onderdeel c). P = 75% and upper
///   bound 70% in the text in force from 26 November 2015; P = 70% and upper bound 80% from
///   1 January 2018 (UWV's description of the Wajong 2010, a secondary source: the 2018-2020
///   law text was not found).
/// - without work capacity (volledig en duurzaam arbeidsongeschikt, art. 2:46 lid 1): the
///   same bands with P = 75% and upper bound 70% (text from 26 November 2015).
/// G is the minimumloon (art. 1:1 lid 1 onderdeel m, art. 2:1), per month here, as in
/// Rules/wajong/uitkering.regels. Minimumloon per month (WML art. 8 lid 1, parameter
/// minimumloon): € 1.565,40 from 1 July 2017, € 1.578,00 from 1 January 2018, € 1.615,80
/// from 1 January 2019, € 1.635,60 from 1 July 2019, € 1.680,00 from 1 July 2020,
/// € 1.684,80 from 1 January 2021.
///
/// The persona is born in 1994 and entered the Wajong 2010 in 2013, so she is under 27 and
/// has had the right for less than seven years in every month tested: the voortgezette
/// werkregeling (art. 2:37 and 2:41), which the rules leave out, never applies to her.
@Suite(.tags(.wajong, .ww)) struct HistoryTests {
    let book: RuleBook
    init() throws { book = try RuleBook.bundled() }

    /// A Wajong 2010 recipient with the given income per month (`JJJJ-MM` -> euro text);
    /// each month's estimate equals its income, so the month's payment is final.
    func wajong2010(capacity: Bool, income: [(month: String, amount: String)] = []) throws -> Persona {
        var text = """
        persona "Wajong 2010"
          geboren 1994-01-01
          gewicht 1
          doenvermogen plannen 3, in_actie_komen 3, volhouden 3, verleiding_weerstaan 3, tegenslag_verwerken 3
        wajong
          ingang 2013-01-01
          arbeidsvermogen \(capacity ? "ja" : "nee")

        """
        for (month, amount) in income {
            let (year, m) = (Int(month.prefix(4))!, Int(month.suffix(2))!)
            func iso(_ y: Int, _ m: Int) -> String { "\(y)-\(m < 10 ? "0" : "")\(m)" }
            let previous = m == 1 ? iso(year - 1, 12) : iso(year, m - 1)
            let next = m == 12 ? iso(year + 1, 1) : iso(year, m + 1)
            text += "schatting vanaf \(month) € \(amount) bekend \(previous)-15\n"
            text += "inkomen \(month) € \(amount) gemeld \(next)-03 polis \(next)-10\n"
        }
        return try book.persona(text: text)
    }

    // MARK: Wajong 2019

    @Test func aWajongMonthIn2019WithIncomeUsesTheIncomeBandsOfTheWerkregeling() throws {
        // Wajong art. 2:40 (werkregeling), parameters from 1 January 2018: P = 70%, lower bound
        // 20%, upper bound 80%, taper 50%; minimumloon January 2019 € 1.615,80 (WML art. 8 lid 1;
        // Regeling SZW rekenregels per 1 januari 2019). 20% of it is € 323,16, 80% € 1.292,64.
        // January, income € 200 (below 20%, art. 2:40 lid 2): 0,70 x € 1.615,80 - € 200
        //   = € 1.131,06 - € 200 = € 931,06.
        // February, income € 600 (20%-80%, art. 2:40 lid 1 onderdeel b):
        //   (0,70 - 0,20) x € 1.615,80 - 0,5 x (€ 600 - € 323,16) = € 807,90 - € 138,42 = € 669,48.
        // March, income € 1.400 (from 80%, art. 2:40 lid 1 onderdeel c): € 1.615,80 - € 1.400 = € 215,80.
        // April, no income: 0,70 x € 1.615,80 = € 1.131,06.
        let p = try wajong2010(capacity: true, income: [("2019-01", "200,00"), ("2019-02", "600,00"),
                                                         ("2019-03", "1400,00"), ("2019-04", "0,00")])
        let run = try book.run(p, from: "2019-01", to: "2019-04")
        #expect(run.payment("Wajong", in: "2019-01") == euro("931,06"))
        #expect(run.payment("Wajong", in: "2019-02") == euro("669,48"))
        #expect(run.payment("Wajong", in: "2019-03") == euro("215,80"))
        #expect(run.payment("Wajong", in: "2019-04") == euro("1.131,06"))
        // Below 20% nothing of the income is kept: € 200 + € 931,06 is what no work gives.
        #expect(euro("200,00") + run.payment("Wajong", in: "2019-01")! == run.payment("Wajong", in: "2019-04")!)
        // Between 20% and 80% half is kept: € 600 + € 669,48 = € 1.269,48, i.e. € 138,42 more than
        // € 1.131,06 for the € 276,84 earned above € 323,16.
        #expect(euro("600,00") + run.payment("Wajong", in: "2019-02")! - euro("1.131,06") == euro("138,42"))
        let trace = try #require(run.trace("Wajong", in: "2019-02"))
        #expect(trace.node(named: "wajong_voor_2021") != nil)
        #expect(trace.cites("Wajong art. 2:40 lid 1 onderdelen b en c en lid 2"))
        #expect(trace.cites("via secundaire bron"), "the 2018 values come from UWV's description and say so")
        // The 30-cent intent belongs to the law of 2021 and does not apply before it.
        #expect(run.intent("werken_loont_in_de_wajong", in: "2019-02") == nil)
    }

    @Test func aWajongMonthIn2019WithoutWorkCapacityIs75PercentOfTheMinimumWageLessIncome() throws {
        // Wajong art. 2:46 lid 1 (volledig en duurzaam arbeidsongeschikt), text from 26 November 2015:
        // P = 75%, lower bound 20%, upper bound 70%, taper 50%.
        // January 2019, no income (lid 1 onderdeel a): 0,75 x € 1.615,80 = € 1.211,85.
        // February 2019, income € 400: 20% is € 323,16 and 70% is € 1.131,06, so onderdeel b:
        //   0,55 x € 1.615,80 - 0,5 x (€ 400 - € 323,16) = € 888,69 - € 38,42 = € 850,27.
        // July 2019, no income, minimumloon € 1.635,60: 0,75 x € 1.635,60 = € 1.226,70.
        // (An estimate holds until the next one, so March sets it back to zero.)
        let p = try wajong2010(capacity: false, income: [("2019-02", "400,00"), ("2019-03", "0,00")])
        let run = try book.run(p, from: "2019-01", to: "2019-07")
        #expect(run.payment("Wajong", in: "2019-01") == euro("1.211,85"))
        #expect(run.payment("Wajong", in: "2019-02") == euro("850,27"))
        #expect(run.payment("Wajong", in: "2019-07") == euro("1.226,70"))
        #expect(run.trace("Wajong", in: "2019-02")?.cites("Wajong art. 2:46 lid 1 onderdeel a") == true)
    }

    @Test func theWerkregelingWentFrom75To70PercentOn1January2018() throws {
        // December 2017 (art. 2:40, text from 26 November 2015: P = 75%, upper bound 70%),
        // minimumloon € 1.565,40:
        //   no income (lid 2): 0,75 x € 1.565,40 = € 1.174,05;
        //   income € 1.200 is at least 70% (€ 1.095,78), lid 1 onderdeel c: € 1.565,40 - € 1.200 = € 365,40.
        // January 2018 (P = 70%, upper bound 80%, via UWV), minimumloon € 1.578,00:
        //   no income: 0,70 x € 1.578,00 = € 1.104,60;
        //   income € 1.200 is below 80% (€ 1.262,40) and above 20% (€ 315,60), onderdeel b:
        //   (0,70 - 0,20) x € 1.578,00 - 0,5 x (€ 1.200 - € 315,60) = € 789,00 - € 442,20 = € 346,80.
        let idle = try book.run(wajong2010(capacity: true), from: "2017-12", to: "2018-01")
        #expect(idle.payment("Wajong", in: "2017-12") == euro("1.174,05"))
        #expect(idle.payment("Wajong", in: "2018-01") == euro("1.104,60"))
        let working = try book.run(wajong2010(capacity: true, income: [("2017-12", "1200,00"), ("2018-01", "1200,00")]),
                                   from: "2017-12", to: "2018-01")
        #expect(working.payment("Wajong", in: "2017-12") == euro("365,40"))
        #expect(working.payment("Wajong", in: "2018-01") == euro("346,80"))
    }

    @Test func theRegimeSwitchesOn1January2021() throws {
        // December 2020 (art. 2:40 before 2021, P = 70%, bounds 20% and 80%), minimumloon € 1.680,00,
        // income € 500: 20% is € 336, 80% is € 1.344, so onderdeel b:
        //   (0,70 - 0,20) x € 1.680,00 - 0,5 x (€ 500 - € 336) = € 840,00 - € 82,00 = € 758,00.
        // January 2021 (art. 2:40 lid 1 onderdeel b since the Wet vereenvoudiging Wajong,
        // parameter percentage_met_arbeidsvermogen 70%), minimumloon € 1.684,80:
        //   0,7 x (€ 1.684,80 - € 500) = 0,7 x € 1.184,80 = € 829,36.
        let p = try wajong2010(capacity: true, income: [("2020-12", "500,00"), ("2021-01", "500,00")])
        let run = try book.run(p, from: "2020-12", to: "2021-01")
        #expect(run.payment("Wajong", in: "2020-12") == euro("758,00"))
        #expect(run.payment("Wajong", in: "2021-01") == euro("829,36"))
        #expect(run.trace("Wajong", in: "2020-12")?.node(named: "wajong_voor_2021") != nil)
        #expect(run.trace("Wajong", in: "2021-01")?.node(named: "wajong_voor_2021") == nil)
        #expect(run.trace("Wajong", in: "2021-01")?.node(named: "percentage_met_arbeidsvermogen") != nil)
        // The 30-cent intent applies from 2021: € 500 + € 829,36 - 0,7 x € 1.684,80 = € 150 = 30% of € 500.
        #expect(run.intent("werken_loont_in_de_wajong", in: "2020-12") == nil)
        #expect(run.intent("werken_loont_in_de_wajong", in: "2021-01") == true)
        // Without income both regimes pay 70% of the minimumloon: € 1.176,00 and € 1.179,36.
        let idle = try book.run(wajong2010(capacity: true), from: "2020-12", to: "2021-01")
        #expect(idle.payment("Wajong", in: "2020-12") == euro("1.176,00"))
        #expect(idle.payment("Wajong", in: "2021-01") == euro("1.179,36"))
    }

    @Test func theSamenloopComparisonUsesThePre2021BandsIn2019() throws {
        // Culpable unemployment in May 2019: the refused WW still counts as income (Inkomensbesluit
        // art. 2 lid 3): 0,75 x 21,75 x € 60 = € 978,75 (WW art. 47 lid 1 onderdeel a). That is in the
        // 20%-80% band of € 1.615,80 (art. 2:40 lid 1 onderdeel b):
        //   0,50 x € 1.615,80 - 0,5 x (€ 978,75 - € 323,16) = € 807,90 - € 327,795 = € 480,105 -> € 480,11.
        // Without the claim the Wajong is 0,70 x € 1.615,80 = € 1.131,06, so the samenloop intent fails.
        let p = try book.persona(text: """
        persona "Samenloop 2019"
          geboren 1994-01-01
          gewicht 1
          doenvermogen plannen 3, in_actie_komen 3, volhouden 3, verleiding_weerstaan 3, tegenslag_verwerken 3
        wajong
          ingang 2013-01-01
          arbeidsvermogen ja
        ww
          ingang 2019-05-01
          dagloon € 60,00
          arbeidsverleden 4 jaar waarvan 1 voor 2016
          verwijtbaar ja
        """)
        let run = try book.run(p, from: "2019-05", to: "2019-05")
        #expect(run.payment("Wajong", in: "2019-05") == euro("480,11"))
        #expect(run.payment("WW", in: "2019-05") == 0)
        #expect(run.intent("samenloop_niet_nadelig", in: "2019-05") == false)
    }

    // MARK: WW 2016

    @Test func aWWMonthIn2016IsCappedAtThe2016MaximumDailyWage() throws {
        // Dagloon € 250 is above the maximumdagloon of € 202,17 from 1 January 2016 (WW art. 1b lid 1,
        // Wfsv art. 17 lid 1; Regeling SZW rekenregels per 1 januari 2016), so the dagloon is € 202,17.
        // Maandloon 21,75 x € 202,17 = € 4.397,1975 (WW art. 1b lid 2 onderdeel a).
        // March 2016, first month (art. 47 lid 1 onderdeel a): 0,75 x € 4.397,1975 = € 3.297,898125 -> € 3.297,90.
        // May 2016, third month (onderdeel b): 0,70 x € 4.397,1975 = € 3.078,03825 -> € 3.078,04.
        // July 2016, maximumdagloon € 203,85 from 1 July 2016 (Regeling SZW rekenregels per 1 juli 2016):
        //   0,70 x 21,75 x € 203,85 = 0,70 x € 4.433,7375 = € 3.103,61625 -> € 3.103,62.
        let p = try book.persona(text: """
        persona "WW 2016"
          geboren 1970-01-01
          gewicht 1
          doenvermogen plannen 3, in_actie_komen 3, volhouden 3, verleiding_weerstaan 3, tegenslag_verwerken 3
        ww
          ingang 2016-03-01
          dagloon € 250,00
          arbeidsverleden 20 jaar waarvan 20 voor 2016
        """)
        let run = try book.run(p, from: "2016-03", to: "2016-07")
        #expect(run.payment("WW", in: "2016-03") == euro("3.297,90"))
        #expect(run.payment("WW", in: "2016-04") == euro("3.297,90"))
        #expect(run.payment("WW", in: "2016-05") == euro("3.078,04"))
        #expect(run.payment("WW", in: "2016-07") == euro("3.103,62"))
        #expect(run.trace("WW", in: "2016-03")?.cites("Regeling SZW rekenregels per 1 januari 2016") == true)
    }

    // MARK: The 2023 earthquake measure

    @Test func theEarthquakeMeasureIsNotReadOutsideItsWindow() throws {
        // duur_steun_familie has no value before 14 February 2023; the exceptions that read it are
        // geldig only from 2023-02-14 to 2023-07-01, so a family stay in Turkey in April 2022 by a
        // Turkish national computes without it and gets the ordinary rule (WW art. 19 lid 1
        // onderdeel e: no WW on the days abroad that are not vacation).
        // March 2022 (third month, 70%): 0,70 x 21,75 x € 120 = € 1.827,00.
        // April 2022: 21 weekdays, 10 of them abroad (4-8 and 11-15 April), 11 with right:
        //   0,70 x 11 x € 120 = € 924,00 (art. 1b lid 2 onderdeel b, art. 47 lid 1 onderdeel b).
        let p = try book.persona(text: """
        persona "Familie 2022"
          geboren 1975-01-01
          gewicht 1
          doenvermogen plannen 3, in_actie_komen 3, volhouden 3, verleiding_weerstaan 3, tegenslag_verwerken 3
          nationaliteit TR
        ww
          ingang 2022-01-03
          dagloon € 120,00
          arbeidsverleden 12 jaar waarvan 6 voor 2016
        verblijf 2022-04-04 tot en met 2022-04-15 reden familie land TR gemeld 2022-04-01
        """)
        let run = try book.run(p, from: "2022-03", to: "2022-04")
        #expect(run.payment("WW", in: "2022-03") == euro("1.827,00"))
        #expect(run.payment("WW", in: "2022-04") == euro("924,00"))
        #expect(run.trace("WW", in: "2022-04")?.node(named: "duur_steun_familie") == nil)
    }
}
