import DoenbaarAnalysis
import DoenbaarCore
import DoenbaarTesting
import Testing

/// Each detector fires on the persona it exists for and stays silent on
/// ordinary, properly reporting personas.
@Suite struct DetectorTests {
    static let ordinary = ["anna", "bram", "lisa", "pieter", "sanne", "joost"]

    let book: RuleBook
    let analyzer: Analyzer
    init() throws {
        book = try RuleBook.bundled()
        analyzer = try Analyzer(evaluator: book.evaluator)
    }

    func findings(_ id: String, _ detector: any Detector) throws -> [Finding] {
        let analyzer = try Analyzer(evaluator: book.evaluator, detectors: [detector])
        return try analyzer.analyze(try book.persona(named: id))?.findings ?? []
    }

    @Test(arguments: ordinary)
    func ordinaryPersonasProduceNoFindingAtAll(_ id: String) throws {
        let all = try analyzer.analyze(try book.persona(named: id))?.findings ?? []
        #expect(all.isEmpty, "\(id): \(all.map { "\($0.kind.rawValue): \($0.story)" })")
    }

    @Test func theCalamityIntentFailsForOmerWithEvidenceAndARung() throws {
        let f = try findings("omer", IntentDetector())
        let finding = try #require(f.first { $0.provisions.first?.name == "geen_verlies_bij_overmacht" })
        #expect(finding.from == YearMonth(year: 2023, month: 4) && finding.through == YearMonth(year: 2023, month: 5))
        // At home April and May would each have been a full month, 70% x 21,75 x € 180 = € 2.740,50;
        // abroad he got € 1.890 and € 1.638 (WWAbroadTests): € 850,50 + € 1.102,50 = € 1.953 less.
        #expect(finding.harm.lostCents == euro("1.953,00"))
        #expect(finding.harm.fineCents == 0 && finding.harm.repaymentCents == 0)
        #expect(!finding.evidence.isEmpty)
        #expect(finding.evidence.contains { $0.cites("art. 19 lid 1 onderdeel e") })
        // The minister's power in a disaster (art. 19 lid 10) lies on the path, but its scope is a
        // designated disaster (Rules/ww/buitenland.regels, ramp_buitenland): a war in Sudan and a
        // death in the family are not, so only a change of the law helps, and it names the article.
        #expect(finding.rung == .lawChange)
        #expect(finding.solution.articles.contains { $0.name == "recht_ondanks_buitenland" && $0.source.hasPrefix("Werkloosheidswet art. 19 lid 1 onderdeel e") },
                "\(finding.solution)")
        #expect(finding.solution.articles.first?.label == "Recht op WW tijdens verblijf buiten Nederland", "the article carries its label")
        guard case .reportAsAlternative(let value, let gain)? = finding.avoidance else { Issue.record("\(String(describing: finding.avoidance))"); return }
        #expect(value == "vakantie" && gain > 0)
    }

    @Test func theDisasterProvisionIsTheRungWhereTheMinisterDesignatedTheDisaster() throws {
        // Elif stays in Turkey after the 2023 earthquakes, which the minister designated
        // (Rules/tijdelijk/aardbeving_2023.regels): the disaster provision is within its scope.
        let f = try findings("elif", ProtectedAttributeDetector())
        let finding = try #require(f.first)
        #expect(finding.rung == .policyRule)
        #expect(finding.solution.discretion?.provision.name == "ramp_buitenland")
        #expect(finding.solution.discretion?.provision.label == "Aanwijzing van een ramp door de minister (WW)")
    }

    @Test func aDeathInTheFamilyReportedAsFamilyIsStillACalamity() throws {
        // Samira's mother died on 3 March 2025; she reported her stay of 5-21 March as 'familie'.
        // What happened decides (calamiteit_bij_verblijf, Rules/ww/buitenland.regels), so the
        // intent applies and fails: at home March is a full month, 70% x 21,75 x € 120 =
        // € 1.827,00, against € 672,00 for 8 of 21 weekdays (WW art. 19 lid 1 e): € 1.155,00.
        let f = try findings("samira", IntentDetector())
        let finding = try #require(f.first { $0.provisions.first?.name == "geen_verlies_bij_overmacht" })
        #expect(finding.harm.lostCents == euro("1.155,00"))
        #expect(finding.from == YearMonth(year: 2025, month: 3) && finding.through == YearMonth(year: 2025, month: 3))
    }

    @Test(arguments: ["sanne", "pieter", "okke"])
    func aVacationWithoutACalamityRaisesNoCalamityFinding(_ id: String) throws {
        #expect(!(try findings(id, IntentDetector())).contains { $0.provisions.first?.name == "geen_verlies_bij_overmacht" })
    }

    @Test func workAbroadLosesWhatTheIncomeRulesWouldHaveLeft() throws {
        // Bas works in Germany 3-14 March 2025 for € 800 (Personas/bas.persona). Abroad, the 10
        // weekdays have no right (WW art. 19 lid 1 e): 70% x (11 x € 100 - € 800) = € 210,00.
        // The same work at home: 70% x (21,75 x € 100 - € 800) = € 962,50 (art. 47 lid 1 b).
        // The condition on stays takes € 752,50 the income rules would have left.
        let f = try findings("bas", WorkAbroadDetector())
        let finding = try #require(f.first)
        #expect(finding.harm.lostCents == euro("752,50"))
        #expect(finding.provisions.contains { $0.name == "recht_ondanks_buitenland" })
        #expect(finding.rung == .lawChange)
        #expect(finding.solution.articles.contains { $0.source.contains("art. 19 lid 1 onderdeel e") })
    }

    @Test func withoutTheWorkMeansWithoutItsPeriodsAwayToo() throws {
        // Without the work Bas would be home all of March: € 1.522,50 (70% x 21,75 x € 100).
        // With it: € 210 WW + € 800 earned = € 1.010,00, so the work costs him € 512,50.
        let f = try findings("bas", WorkPaysDetector())
        let finding = try #require(f.first { $0.key.hasSuffix("opbrengst") })
        guard case .smallGainFromWork(_, let kept, _, _) = finding.story else { Issue.record("\(finding.story)"); return }
        #expect(kept == -51_250)
    }

    @Test func seasonalWorkAbroadBesideAJobAtHomeLosesWhatTheIncomeRulesWouldHaveLeft() throws {
        // Vera (Personas/vera.persona): dagloon € 140, WW since 1 May 2025, 70% from July
        // (WW art. 47 lid 1 onderdeel b). Every month € 350 from a bakery in Heerlen; grape
        // harvest in Germany 22 September - 3 October, € 700 in September and € 300 in October,
        // tied to the stay. A full month: maandloon 21,75 x € 140 = € 3.045 (art. 1b lid 2 a).
        // September abroad: 7 of 22 weekdays (22-26, 29, 30) without right (art. 19 lid 1 e),
        // maandloon 15 x € 140 = € 2.100 (art. 1b lid 2 b): 70% x (€ 2.100 - € 1.050) = € 735,00.
        // At home: 70% x (€ 3.045 - € 1.050) = € 1.396,50. Lost: € 661,50.
        // October abroad: 3 of 23 weekdays (1-3) without right, maandloon 20 x € 140 = € 2.800:
        // 70% x (€ 2.800 - € 650) = € 1.505,00. At home: 70% x (€ 3.045 - € 650) = € 1.676,50.
        // Lost: € 171,50. Together € 833,00 in two months. (September was first paid on the
        // bakery wage alone; the recovery of € 490,00 in October is the same at home and abroad.)
        let f = try findings("vera", WorkAbroadDetector())
        let finding = try #require(f.first)
        #expect(finding.harm.lostCents == euro("833,00"))
        #expect(finding.months == 2)
        #expect(finding.from == YearMonth(year: 2025, month: 9) && finding.through == YearMonth(year: 2025, month: 10))
        #expect(finding.provisions.contains { $0.name == "recht_ondanks_buitenland" })
        // With the work, July to October: € 2.236,50 twice (€ 1.886,50 WW + € 350), September
        // € 1.225 + € 1.050 = € 2.275,00, October € 1.505 - € 490 + € 650 = € 1.665,00: € 8.413,00.
        // Without the work, the bakery wage stays: each month 70% x (€ 3.045 - € 350) = € 1.886,50
        // plus € 350 = € 2.236,50, € 8.946,00 in four months. (Without the wage too it would be
        // 4 x 70% x € 3.045 = € 8.526,00.)
        guard case .workAway(_, _, _, let withWork, let withoutWork) = finding.story else { Issue.record("\(finding.story)"); return }
        #expect(withWork == euro("8.413,00") && withoutWork == euro("8.946,00"), "\(finding.story)")
        #expect(finding.severity == .high)
    }

    @Test func withoutTheActivityItsIncomeGoesAndTheJobAtHomeStays() throws {
        let vera = try book.persona(named: "vera")
        let september = YearMonth(year: 2025, month: 9), october = YearMonth(year: 2025, month: 10)
        let idle = vera.withoutActivities(book.ruleSet)
        #expect(idle.activities(book.ruleSet).isEmpty)
        #expect(idle.records.allSatisfy { $0.earnedBy == nil })
        // The bakery's € 350 stays; the € 700 and € 300 of the harvest go with the stay.
        #expect(idle.workIncome(in: september) == 35_000 && idle.workIncome(in: october) == 35_000)
        // Without only the periods away, all income stays, as earned at home.
        let home = vera.withoutActivityPeriods(book.ruleSet)
        #expect(home.activities(book.ruleSet).isEmpty)
        #expect(home.workIncome(in: september) == 105_000 && home.workIncome(in: october) == 65_000)
    }

    @Test func withoutTheSeasonalWorkVeraWouldHaveHadMore() throws {
        // The ideal path reports the harvest pay right after each month, so September is paid
        // on € 1.050 at once: € 2.236,50 + € 2.236,50 + (€ 735 + € 1.050) + (€ 1.505 + € 650) =
        // € 8.413,00. Without any work (no stay, no income): 4 x 70% x € 3.045 = € 8.526,00.
        // The work brings € -113,00 over four months with income, € -28,25 a month.
        let f = try findings("vera", WorkPaysDetector())
        let finding = try #require(f.first { $0.key.hasSuffix("opbrengst") })
        guard case .smallGainFromWork(_, let kept, let perMonth, _) = finding.story else { Issue.record("\(finding.story)"); return }
        #expect(kept == -11_300 && perMonth == -2_825, "\(finding.story)")
        // Earned € 4 x 350 + € 700 + € 300 = € 2.400,00; it costs € 2.400 + € 113 = € 2.513,00 of WW.
        #expect(finding.harm.lostCents == euro("2.513,00"), "WW the work costs: the offset of art. 47 lid 1 and the days abroad")
    }

    @Test func theSameIncomeEarnedAtHomeRaisesNoWorkAbroadFinding() throws {
        // Vera's months with the harvest pay earned in the Netherlands: no stay, one line a month.
        let home = try book.persona(text: """
        persona "Vera thuis"
          geboren 1981-06-12
          gewicht 1
          periode 2025-07 tot en met 2025-10
          doenvermogen plannen 3, in_actie_komen 3, volhouden 3, verleiding_weerstaan 3, tegenslag_verwerken 3
        ww
          ingang 2025-05-01
          dagloon € 140,00
          arbeidsverleden 10 jaar
        inkomen 2025-07 € 350,00 gemeld 2025-08-04 polis 2025-08-15
        inkomen 2025-08 € 350,00 gemeld 2025-09-03 polis 2025-09-15
        inkomen 2025-09 € 1050,00 gemeld 2025-10-03 polis 2025-10-15
        inkomen 2025-10 € 650,00 gemeld 2025-11-04 polis 2025-11-14
        """, id: "vera_thuis")
        let analyzer = try Analyzer(evaluator: book.evaluator, detectors: [WorkAbroadDetector()])
        #expect(try analyzer.analyze(home)?.findings.isEmpty == true)
        // The same months as in the finding above: at home September pays 70% x (€ 3.045 - € 1.050).
        #expect(try book.run(home).payment("WW", in: "2025-09") == euro("1.396,50"))
    }

    @Test(arguments: ["sanne", "esther", "omer", "lisa"])
    func noWorkAwayNoWorkAbroadFinding(_ id: String) throws {
        #expect(try findings(id, WorkAbroadDetector()).isEmpty)
    }

    @Test func theSamenloopIntentFailsForDaanAndNeedsAChangeOfTheRules() throws {
        let f = try findings("daan", IntentDetector())
        let finding = try #require(f.first { $0.provisions.first?.name == "samenloop_niet_nadelig" })
        #expect(finding.months == 6)
        #expect(finding.rung == .lawChange)
    }

    @Test func theFineForIncomeThePolisadministratieHeldIsDisproportionate() throws {
        let f = try findings("ingrid", DisproportionDetector())
        let finding = try #require(f.first)
        #expect(finding.severity == .high)
        #expect(finding.topic == .fineForRegisteredIncome)
        guard case .disproportion(_, let reasons) = finding.story else { Issue.record("\(finding.story)"); return }
        #expect(reasons.contains { if case .finesForRegisteredIncome = $0 { return true } else { return false } })
        // Recovery € 8.820 and fines € 4.560 (VerrekeningTests computes both by hand): the
        // recovery returns money received, so only the fines are a loss.
        #expect(finding.harm.repaymentCents == euro("8.820,00"))
        #expect(finding.harm.fineCents == euro("4.560,00"))
        #expect(finding.harm.lossCents == euro("4.560,00"))
        #expect(finding.provisions.contains { $0.name == "inkomen_melden_ww" })
        #expect(finding.rung == .tailoring, "the fine can be a warning or be lowered (WW art. 27a lid 4 and 8)")
        #expect(finding.avoidance == .reportDespiteRegister)
    }

    @Test func aYearlySettlementLargerThanAMonthsIncomeIsDisproportionate() throws {
        let f = try findings("kees", DisproportionDetector())
        #expect(f.count == 1)
        #expect(f.first?.harm.repaymentCents == euro("4.200,00"))
        #expect(f.first?.harm.lossCents == 0)
        #expect(f.first?.from == YearMonth(year: 2025, month: 5))
    }

    @Test func esthersWorkBringsLessThanTheThreshold() throws {
        let f = try findings("esther", WorkPaysDetector())
        let finding = try #require(f.first)
        // 8 months of € 100: she keeps 30% of € 800 = € 240, € 30 a month, below € 50 (Rules/analyse/drempels.regels).
        guard case .smallGainFromWork(_, _, let perMonth, _) = finding.story else { Issue.record("\(finding.story)"); return }
        #expect(perMonth == euro("30,00"))
        #expect(finding.harm.lostCents == euro("560,00"))
        #expect(finding.rung == .lawChange)
    }

    @Test(arguments: ["lisa", "noor", "joost", "fatima", "kees"])
    func workThatPaysRaisesNoWorkFinding(_ id: String) throws {
        #expect(try findings(id, WorkPaysDetector()).isEmpty)
    }

    @Test func claimingWWAfterCulpableDismissalIsAChoiceTrap() throws {
        let f = try findings("daan", ChoiceTrapDetector())
        let finding = try #require(f.first)
        // SamenloopTests: € 8.781,36 without the claim against € 2.561,92 with it.
        #expect(finding.harm.lostCents == euro("6.219,44"))
        #expect(finding.key == "keuzeval:ww_aangevraagd")
        guard case .otherChoice(let answer, let gain)? = finding.avoidance else { Issue.record("\(String(describing: finding.avoidance))"); return }
        #expect(answer.word == "aangevraagd" && answer.section == "WW-aanvraag" && !answer.answer && gain == euro("6.219,44"))
        #expect(answer.fact.name == "ww_aangevraagd" && answer.fact.label == "WW aangevraagd")
        #expect(finding.provisions.contains { $0.name == "ww_op_wajong" })
    }

    @Test(arguments: ["anna", "lisa", "joost", "omer"])
    func claimingWWIsNoTrapForOrdinaryRecipients(_ id: String) throws {
        #expect(!(try findings(id, ChoiceTrapDetector())).contains { $0.key.hasSuffix("ww_aangevraagd") })
    }

    @Test func reportingTheCalamityHonestlyIsAChoiceTrapForOmer() throws {
        // Omer reported his stay of 22 April to 12 May 2023 as a calamity: no right on its 15
        // weekdays (WW art. 19 lid 1 e). As vacation (the `keuze reden vakantie` of the opgave),
        // his 20 vacation days (Vakantieregeling WW en IOW art. 2) would have covered all but the
        // last two: 9 used on 11-21 April (Easter Monday free), then 24-26 and 28 April, 1-4 and
        // 8-10 May (Koningsdag and 5 May free) make 20; 11 and 12 May are without right.
        // April: full month, 70% x 21,75 x € 180 = € 2.740,50 against € 1.890,00: € 850,50.
        // May: 21 of 23 weekdays, 70% x 21 x € 180 = € 2.646,00 against € 1.638,00: € 1.008,00.
        let f = try findings("omer", ChoiceTrapDetector())
        let finding = try #require(f.first { $0.key.hasSuffix("verblijf_reden") })
        #expect(finding.harm.lostCents == euro("1.858,50"))
        #expect(finding.topic == .reportedChoice(record: "verblijf buiten Nederland", attribute: "reden", taken: ["calamiteit"], instead: "vakantie"))
        #expect(finding.from == YearMonth(year: 2023, month: 4) && finding.through == YearMonth(year: 2023, month: 5))
    }

    /// Sanne's, Pieter's and Okke's stays are vacations already; Elif's family stay gains nothing
    /// as vacation, since she keeps her WW by the 2023 earthquake exception; Anna has no stay.
    @Test(arguments: ["sanne", "pieter", "okke", "elif", "anna"])
    func aStayThatLosesNothingIsNoReportTrap(_ id: String) throws {
        #expect(!(try findings(id, ChoiceTrapDetector())).contains { $0.key.hasSuffix("verblijf_reden") })
    }

    @Test func aSettlementAfterSixMonthsIsAnIncomeShock() throws {
        let f = try findings("fatima", IncomeShockDetector())
        let finding = try #require(f.first)
        #expect(finding.from == YearMonth(year: 2024, month: 7))
        #expect(finding.harm.repaymentCents == euro("630,00"))
        #expect(finding.provisions.contains { $0.name == "tijdvak_afgesloten" })
    }

    @Test func theRealisticPathLosesForOmerUnderStress() throws {
        let f = try findings("omer", CapacityGapDetector())
        let finding = try #require(f.first)
        #expect(finding.severity == .high, "an obligation falls in a period of stress")
        #expect(finding.provisions.contains { $0.name == "vakantie_melden" })
        #expect(finding.capacity == .obligationUnderStress)
    }

    @Test func theRealisticPathLosesForEstherWhoCannotReportEveryMonth() throws {
        let f = try findings("esther", CapacityGapDetector())
        let finding = try #require(f.first)
        // Eight monthly reports missed, each a € 150 fine without detriment (Boetebesluit art. 2 lid 11).
        #expect(finding.harm.fineCents == euro("1.200,00"))
        #expect(finding.harm.lostCents == 0 && finding.harm.repaymentCents == 0)
    }

    @Test func flippingNationalityChangesElifsOutcome() throws {
        let f = try findings("elif", ProtectedAttributeDetector())
        let finding = try #require(f.first)
        #expect(finding.provisions.map(\.name) == ["aardbeving_turkije_syrie"])
        #expect(finding.harm.lossCents > 0)
        #expect(finding.harm.lines.allSatisfy { $0.key.basis == .probe }, "another nationality is a probe, not money Elif lost")
        #expect(finding.severity == .high)
    }

    @Test(arguments: ["anna", "omer", "sanne"])
    func flippingNationalityChangesNothingElsewhere(_ id: String) throws {
        #expect(try findings(id, ProtectedAttributeDetector()).isEmpty)
    }
}

@Suite struct DoenvermogenModelTests {
    @Test func aMonthlyThreeStepDigitalReportAsksLevelThreeAndAHalf() throws {
        let book = try RuleBook.bundled()
        let model = DoenvermogenModel(try AnalysisParameters(book.ruleSet, on: CivilDate(year: 2025, month: 1, day: 1)!))
        let o = try #require(book.ruleSet.obligations.first { $0.name == "inkomen_melden_wajong" })
        // 2 (base) + 2 x 0,5 (two extra steps) + 0,5 (every month): Rules/analyse/doenvermogen.regels.
        #expect(model.requiredLevel(o) == Fixed(raw: 3_500_000))
    }

    @Test func griefLowersCapacityForSixMonths() throws {
        let book = try RuleBook.bundled()
        let model = DoenvermogenModel(try AnalysisParameters(book.ruleSet, on: CivilDate(year: 2025, month: 1, day: 1)!))
        let omer = try book.persona(named: "omer")
        // Planning 3, minus 2 for a death in the family (8 April 2023, six months).
        #expect(model.effectiveLevel(omer, .plan, on: CivilDate(year: 2023, month: 4, day: 9)!) == Fixed(integer: 1))
        #expect(model.effectiveLevel(omer, .plan, on: CivilDate(year: 2023, month: 3, day: 9)!) == Fixed(integer: 3))
        #expect(model.effectiveLevel(omer, .plan, on: CivilDate(year: 2023, month: 11, day: 9)!) == Fixed(integer: 3))
    }
}
