import DoenbaarCore
import DoenbaarTesting
import Testing

/// Uitvoeringstoets of Wajong and WW together: WW is income for the Wajong
/// (Inkomensbesluit Wet werk en arbeidsondersteuning jonggehandicapten art. 2
/// lid 1 onderdeel a), and a WW refused for culpable unemployment still counts
/// as if it were paid (art. 2 lid 3). Minimumloon € 2.069,40 from 1 January
/// 2024 and € 2.133,60 from 1 July 2024.
@Suite(.tags(.wajong, .samenloop)) struct SamenloopTests {
    let book: RuleBook
    init() throws { book = try RuleBook.bundled() }

    func wajongWithWW(culpable: Bool, claimed: Bool = true) throws -> Persona {
        try book.persona(text: """
        persona "Test"
          geboren 1995-01-01
          gewicht 1
          doenvermogen plannen 3, in_actie_komen 3, volhouden 3, verleiding_weerstaan 3, tegenslag_verwerken 3
        wajong
          ingang 2013-01-01
          arbeidsvermogen ja
        ww
          ingang 2024-03-01
          dagloon € 95,00
          arbeidsverleden 6 jaar waarvan 0 voor 2016
          verwijtbaar \(culpable ? "ja" : "nee")
          aangevraagd \(claimed ? "ja" : "nee")
        """)
    }

    @Test func aPaidWWIsOffsetAgainstTheWajong() throws {
        // March 2024: WW 0,75 x 21,75 x € 95 = € 1.549,69 (WW art. 47); Wajong 0,7 x (€ 2.069,40 - € 1.549,69)
        // = € 363,797 -> € 363,80 (Wajong art. 2:40 lid 1 onderdeel b).
        let run = try book.run(wajongWithWW(culpable: false), from: "2024-03", to: "2024-03")
        #expect(run.payment("WW", in: "2024-03") == euro("1.549,69"))
        #expect(run.payment("Wajong", in: "2024-03") == euro("363,80"))
    }

    @Test func aWWRefusedForCulpableUnemploymentIsStillOffset() throws {
        // No WW is paid (WW art. 24 lid 1 onderdeel a), yet the Wajong is the same € 363,80 (art. 2 lid 3).
        let run = try book.run(wajongWithWW(culpable: true), from: "2024-03", to: "2024-03")
        #expect(run.payment("WW", in: "2024-03") == 0)
        #expect(run.payment("Wajong", in: "2024-03") == euro("363,80"))
        #expect(run.trace("Wajong", in: "2024-03")?.cites("art. 2 lid 3") == true)
    }

    @Test func notClaimingWWLeavesTheFullWajong() throws {
        // Without a claim the executor knows no WW right: 0,7 x € 2.069,40 = € 1.448,58.
        let run = try book.run(wajongWithWW(culpable: true, claimed: false), from: "2024-03", to: "2024-03")
        #expect(run.payment("Wajong", in: "2024-03") == euro("1.448,58"))
    }

    @Test func fromTheThirdMonthTheLowerWWCountsForLess() throws {
        // May 2024: WW 0,70 x € 2.066,25 = € 1.446,375 -> € 1.446,38; Wajong 0,7 x (€ 2.069,40 - € 1.446,38)
        // = € 436,114 -> € 436,11. July: minimumloon € 2.133,60, 0,7 x € 687,22 = € 481,05.
        let run = try book.run(wajongWithWW(culpable: true), from: "2024-05", to: "2024-07")
        #expect(run.payment("Wajong", in: "2024-05") == euro("436,11"))
        #expect(run.payment("Wajong", in: "2024-07") == euro("481,05"))
    }

    @Test func afterTheWWDurationTheFullWajongReturns() throws {
        // 6 years of work history after 2015: 6 months of WW, until 1 September 2024 (WW art. 42 lid 2).
        // September: 0,7 x € 2.133,60 = € 1.493,52.
        let run = try book.run(wajongWithWW(culpable: true), from: "2024-08", to: "2024-09")
        #expect(run.payment("Wajong", in: "2024-08") == euro("481,05"))
        #expect(run.payment("Wajong", in: "2024-09") == euro("1.493,52"))
    }

    @Test func daanLosesByClaimingWW() throws {
        // Six months March-August 2024: claimed 2 x 363,80 + 2 x 436,11 + 2 x 481,05 = € 2.561,92;
        // not claimed 4 x 1.448,58 + 2 x 1.493,52 = € 8.781,36. The claim costs him € 6.219,44.
        let claimed = try book.run(wajongWithWW(culpable: true), from: "2024-03", to: "2024-08")
        let notClaimed = try book.run(wajongWithWW(culpable: true, claimed: false), from: "2024-03", to: "2024-08")
        let total = { (run: PersonaRun) in run.months.reduce(Int64(0)) { $0 + $1.totalCents } }
        #expect(total(claimed) == euro("2.561,92"))
        #expect(total(notClaimed) == euro("8.781,36"))
    }
}
