import DoenbaarAnalysis
import DoenbaarCore
import DoenbaarTesting
import Testing

/// One event, one finding: detectors that find the same money are folded
/// into the finding of the first, as lenses, and the money counts once.
@Suite struct SharedEventsTests {
    let book: RuleBook
    let analyzer: Analyzer
    init() throws {
        book = try RuleBook.bundled()
        analyzer = try Analyzer(evaluator: book.evaluator)
    }

    func findings(_ id: String) throws -> [Finding] {
        try analyzer.analyze(try book.persona(named: id))?.findings ?? []
    }

    @Test func ingridsRecoveryIsOneEventSeenThreeWays() throws {
        let f = try findings("ingrid")
        let fine = try #require(f.first { $0.key == "disproportioneel:polisboete" })
        // The recovery in April 2023 is also an income shock, and the missed reports behind
        // it a capacity gap: lenses of this finding, no findings of their own.
        #expect(Set(fine.lenses.map(\.kind)) == [.incomeShock, .capacityGap])
        #expect(!f.contains { $0.kind == .incomeShock })
        // The money once: € 8.820 recovered and € 4.560 fines (VerrekeningTests), not twice.
        #expect(fine.harm.repaymentCents == euro("8.820,00"))
        #expect(fine.harm.fineCents == euro("4.560,00"))
    }

    @Test func basWorkAwayIsTheCauseAndTheOtherLensesFollow() throws {
        let f = try findings("bas")
        let away = try #require(f.first { $0.key == "werken_loont_niet:werk_weg_van_huis" }, "\(f.map(\.key))")
        #expect(away.lenses.contains { $0.kind == .choiceTrap })
        // No finding of its own for the lenses; the capacity gaps are other money (fines, repayments).
        #expect(f.filter { $0.kind == .workDoesNotPay || $0.kind == .choiceTrap }.count == 1, "\(f.map(\.key))")
        // The finding keeps its own measure of the shared March WW: € 752,50 (DetectorTests), not
        // the larger figure of the lens that takes the whole work away (which also counts the
        // income offset of art. 47 lid 1 that the law intends).
        #expect(away.harm.lostCents == euro("752,50"))
    }

    @Test(arguments: ["esther", "daan", "kees"])
    func findingsAboutDifferentMoneyStayApart(_ id: String) throws {
        let f = try findings(id)
        for (i, a) in f.enumerated() {
            for b in f[(i + 1)...] { #expect(!a.harm.overlaps(b.harm), "\(a.key) and \(b.key)") }
        }
    }

    @Test func estherKeepsBothHerFindingsWithoutLenses() throws {
        let f = try findings("esther")
        // Her work leaves € 560 of Wajong lost (an offset, WorkPays) and eight € 150 fines on the
        // realistic path (CapacityGap): different money, so two findings, no lens.
        #expect(Set(f.map(\.kind)) == [.workDoesNotPay, .capacityGap])
        #expect(f.allSatisfy { $0.lenses.isEmpty })
    }

    @Test func aFindingTakingInALensKeepsItsOwnMeasure() {
        let march = YearMonth(year: 2025, month: 3), april = YearMonth(year: 2025, month: 4)
        let own = Harm([.init(key: .init(category: .lostEntitlement, subject: "WW", month: march, basis: .outcome), cents: 75_250, belowProtectedCents: 0)])
        let lens = Harm([.init(key: .init(category: .lostEntitlement, subject: "WW", month: march, basis: .outcome), cents: 131_250, belowProtectedCents: 0),
                         .init(key: .init(category: .fine, subject: "inkomen_melden_ww", month: april, basis: .outcome), cents: 15_000, belowProtectedCents: 0)])
        let merged = own.adding(lens)
        #expect(merged.lostCents == 75_250)
        #expect(merged.fineCents == 15_000, "money only the lens names is added")
    }

    @Test func theSameLineTwiceCountsTheLargerClaimOnce() {
        let march = YearMonth(year: 2025, month: 3)
        func line(_ c: Harm.Category, _ subject: String, _ cents: Int64) -> Harm.Line {
            Harm.Line(key: .init(category: c, subject: subject, month: march, basis: .outcome), cents: cents, belowProtectedCents: 0)
        }
        let intent = Harm([line(.lostEntitlement, "WW", 195_300)])
        let choice = Harm([line(.lostEntitlement, "WW", 185_850), line(.fine, "vakantie_melden", 15_000)])
        #expect(intent.overlaps(choice))
        let both = intent.union(choice)
        #expect(both.lostCents == 195_300)
        #expect(both.fineCents == 15_000)
        #expect(both.lossCents == 210_300)
        let elsewhere = Harm([line(.repayment, "WW", 50_000)])
        #expect(!intent.overlaps(elsewhere), "a repayment is other money than lost entitlement")
    }

    @Test func overlapIsFoundWhereverTheSharedLineLiesInEitherHarm() {
        // `overlaps` walks both harms' lines in key order; the lines are given here out of that
        // order, and the shared one is the last of one harm and the middle of the other.
        func line(_ c: Harm.Category, _ subject: String, _ month: Int, _ basis: Harm.Basis = .outcome) -> Harm.Line {
            Harm.Line(key: .init(category: c, subject: subject, month: YearMonth(year: 2025, month: month), basis: basis), cents: 100, belowProtectedCents: 0)
        }
        let a = Harm([line(.repayment, "WW", 5), line(.lostEntitlement, "Wajong", 2), line(.fine, "inkomen_melden_ww", 3)])
        let b = Harm([line(.lostEntitlement, "WW", 9), line(.repayment, "WW", 5), line(.lostEntitlement, "WW", 1), line(.fine, "x", 12)])
        #expect(a.overlaps(b) && b.overlaps(a))
        // The same keys as a probe, another month, another subject: no shared money.
        let c = Harm([line(.repayment, "WW", 5, .probe), line(.repayment, "WW", 6), line(.repayment, "Wajong", 5), line(.fine, "inkomen_melden_ww", 4)])
        #expect(!a.overlaps(c) && !c.overlaps(a))
        #expect(!a.overlaps(.none) && !Harm.none.overlaps(a))
    }
}
