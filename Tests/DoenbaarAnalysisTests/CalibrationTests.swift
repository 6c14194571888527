import DoenbaarAnalysis
import DoenbaarCore
import DoenbaarTesting
import Testing

/// The calibration of persona weights to published shares (Rules/analyse/kalibratie.regels),
/// on populations of a few personas, checked by hand.
@Suite struct CalibrationTests {
    let book: RuleBook
    init() throws { book = try RuleBook.bundled() }

    func profiles(_ ids: [String]) throws -> [PopulationCalibration.Profile] {
        let parameters = try PopulationParameters(book.ruleSet)
        let all = try book.allPersonas()
        return try ids.map { id in
            let p = try #require(all.first { $0.id == id })
            let group = try #require(parameters.groups.filter { p.sections[$0.section] != nil }.max { $0.caseload < $1.caseload })
            return PopulationCalibration.Profile(persona: p, months: try #require(p.defaultMonths), section: group.section)
        }
    }

    @Test func rakingScalesEachClassToItsShare() {
        // Three personas, 10 + 30 in class X and 60 in class Y; X must be 60%:
        // X is scaled by 60/40, Y by 40/60: 15, 45 and 40, total still 100.
        let division = PopulationCalibration.Division(subset: [true, true, true],
                                                      classes: [([true, true, false], 0.6), ([false, false, true], 0.4)])
        let w = PopulationCalibration.rake([10, 30, 60], [division])
        #expect(abs(w[0] - 15) < 1e-9 && abs(w[1] - 45) < 1e-9 && abs(w[2] - 40) < 1e-9)
    }

    @Test func twoWajongersReachThePublishedShareOfWorkCapacity() throws {
        // Bram (no work capacity, gewicht 90.000) and Esther (work capacity, 15.000); UWV: 48% of
        // Wajongers have work capacity (kalibratie.regels). Total 105.000: Esther 50.400, Bram 54.600.
        let c = PopulationCalibration(profiles: try profiles(["bram", "esther"]), ruleSet: book.ruleSet)
        #expect(c.weights == [54_600_000, 50_400_000])
        let capacity = try #require(c.marginals.first { $0.title == "Wajongers naar arbeidsvermogen" })
        #expect(capacity.fitted)
        #expect(capacity.classes.map(\.published) == [Fixed(raw: 480_000), Fixed(raw: 520_000)])
        #expect(capacity.classes.map(\.reached) == capacity.classes.map(\.published))
        #expect(capacity.classes[0].source.contains("48 procent"))
        // Each is alone in its class: both weights follow from the published share.
        #expect(c.derived == [true, true])
        // Working among those with capacity (50,9%) cannot be reached: no persona with capacity who does not work.
        let work = try #require(c.marginals.first { $0.title.hasSuffix("naar werk") })
        #expect(!work.fitted)
        #expect(work.classes[0].reached == Fixed(raw: 1_000_000) && work.classes[1].personas.isEmpty)
    }

    @Test func threeWWAgeClassesEachGetTheirShare() throws {
        // Anna (34), Pieter (52) and Gerrit (66 in 2023): one per age class of UWV's 2015 figures,
        // 31,6% aged 55 and over, 28,5% aged 45 to 54, the rest (39,9%) younger. Total 82.000.
        let c = PopulationCalibration(profiles: try profiles(["anna", "pieter", "gerrit"]), ruleSet: book.ruleSet)
        #expect(c.weights == [32_718_000, 23_370_000, 25_912_000])
        let age = try #require(c.marginals.first { $0.title == "WW-uitkeringen naar leeftijd" })
        #expect(age.classes.map(\.label) == ["55 jaar en ouder", "45 tot en met 54 jaar", "jonger dan 45 jaar"])
        #expect(age.classes.map(\.reached) == [Fixed(raw: 316_000), Fixed(raw: 285_000), Fixed(raw: 399_000)])
        #expect(c.derived == [true, true, true])
    }

    @Test func personasSharingAClassKeepTheirWeightAsAnAssumption() throws {
        // Anna and Lisa are both younger than 45: their split stays what their weights say (60.000 : 25.000).
        let ids = ["anna", "lisa", "pieter", "gerrit"]
        let c = PopulationCalibration(profiles: try profiles(ids), ruleSet: book.ruleSet)
        #expect(c.derived == [false, false, true, true])
        #expect(abs(c.weights[0] * 25 - c.weights[1] * 60) <= 100)
        // Together they are the younger class: 39,9% of 107.000.
        #expect(c.weights[0] + c.weights[1] == 42_693_000)
        // The same input, the same weights.
        #expect(PopulationCalibration(profiles: try profiles(ids), ruleSet: book.ruleSet).weights == c.weights)
    }

    @Test func theBundledAssumptionsDeclareTheirRange() throws {
        let p = try #require(book.ruleSet.parameter(named: "spreiding_dagloon").map { book.ruleSet.parameters[$0] })
        #expect(p.range == Parameter.PlausibleRange(low: 100_000, high: 300_000, source: p.range?.source))
        #expect(p.range?.source?.hasPrefix("aanname") == true)
    }
}
