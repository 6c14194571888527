@testable import DoenbaarCore
import Testing

/// A daily value that reads the day, or a fact per day, may still hold one value
/// all month in a view: where the fact's column does in every lane, where
/// `peildatum` is compared with a date outside the month, where `en` or `of`
/// is decided by a left side that is. Such a month is computed for its first
/// day and copied (`MonthFlatness`), and a sum over its days is that day's
/// value times the days; any other month goes day by day, and both give the
/// months computed one day at a time.
@Suite struct MonthFlatnessTests {
    static let rules = """
    regeling T "Testwet"
    uitkering U "Testuitkering"
      bron "Testwet art. 1"
    gegeven uren: getal
      bron "Testwet art. 2"
    parameter stress_overlijden_familie: getal
      bron "Testwet art. 2"
      vanaf 2020-01-01 = 2
    gegeven datum_verlies: datum per dag
      bron "Testwet art. 3"
      uit gebeurtenis overlijden_familie
      standaard = 1900-01-01
    definitie na_verlies: ja/nee per dag
      bron "Testwet art. 4"
      = datum_verlies > 1900-01-01
    definitie na_de_vijftiende: ja/nee per dag
      bron "Testwet art. 5"
      = peildatum > 2025-06-15
    definitie op_de_vijftiende: ja/nee per dag
      bron "Testwet art. 5"
      = peildatum = 2025-06-15
    definitie genoeg_uren: ja/nee per dag
      bron "Testwet art. 6"
      = uren >= 10
    definitie uren_en_na_de_vijftiende: ja/nee per dag
      bron "Testwet art. 6"
      = genoeg_uren en na_de_vijftiende
    regel u_per_dag
      bron "Testwet art. 7"
      uitkomst U per dag
      als na_verlies of uren_en_na_de_vijftiende
      = € 1,00
    uitkering V "Tweede testuitkering"
      bron "Testwet art. 8"
    regel v_per_maand
      bron "Testwet art. 8"
      uitkomst V per maand
      = som_in_maand(als na_verlies dan € 2,00 anders € 0) + € 1,00 * (aantal_dagen(na_verlies) / 1 dag)
    """

    static func person(hours: Int, lossOn day: String? = nil) -> Persona {
        var p = persona()
        p.values["uren"] = Fixed(integer: hours).raw
        if let day { p.events = [LifeEvent(date: date(day), kind: "overlijden_familie")] }
        return p
    }

    /// Whether a declaration holds one value all month `m` in the view at the end of that month.
    static func holdsAllMonth(_ name: String, in m: String, _ personas: [Persona]) throws -> Bool {
        let plan = Plan(try Engine.ruleSet(rules))
        let range = EvaluationRange(from: month("2025-02"), to: month("2025-07"))
        var block = LaneBlock(plan: plan, personas: personas, range: range)
        let view = block.view(month(m).last)
        let slot = try #require(plan.ruleSet.values.firstIndex { $0.name == name })
        return view.holdsAllMonth(slot: slot, range.monthOffset(month(m)))
    }

    @Test func peildatumAgainstADateOutsideTheMonthHoldsAllMonth() throws {
        let someone = [Self.person(hours: 5)]
        #expect(try !Self.holdsAllMonth("na_de_vijftiende", in: "2025-06", someone))
        #expect(try Self.holdsAllMonth("na_de_vijftiende", in: "2025-05", someone))
        #expect(try Self.holdsAllMonth("na_de_vijftiende", in: "2025-07", someone))
        // Equality holds on one day: only a month without that day.
        #expect(try !Self.holdsAllMonth("op_de_vijftiende", in: "2025-06", someone))
        #expect(try Self.holdsAllMonth("op_de_vijftiende", in: "2025-07", someone))
    }

    @Test func aFactPerDayHoldsAllMonthWhereItsColumnDoes() throws {
        // The loss on 20 March: the fact changes in March, and holds before and after.
        let bereaved = [Self.person(hours: 5, lossOn: "2025-03-20")]
        #expect(try !Self.holdsAllMonth("na_verlies", in: "2025-03", bereaved))
        #expect(try Self.holdsAllMonth("na_verlies", in: "2025-02", bereaved))
        #expect(try Self.holdsAllMonth("na_verlies", in: "2025-04", bereaved))
        // In a block, a month holds only where it holds in every lane.
        #expect(try !Self.holdsAllMonth("na_verlies", in: "2025-03", [Self.person(hours: 5), bereaved[0]]))
        #expect(try Self.holdsAllMonth("na_verlies", in: "2025-03", [Self.person(hours: 5), Self.person(hours: 12)]))
    }

    @Test func enDecidedByItsLeftSideHoldsAllMonth() throws {
        // Too few hours: no lane reads the day, so June holds all month; with enough hours it does not.
        #expect(try Self.holdsAllMonth("uren_en_na_de_vijftiende", in: "2025-06", [Self.person(hours: 5)]))
        #expect(try !Self.holdsAllMonth("uren_en_na_de_vijftiende", in: "2025-06", [Self.person(hours: 12)]))
        #expect(try !Self.holdsAllMonth("uren_en_na_de_vijftiende", in: "2025-06", [Self.person(hours: 5), Self.person(hours: 12)]))
        #expect(try Self.holdsAllMonth("uren_en_na_de_vijftiende", in: "2025-07", [Self.person(hours: 12)]))
    }

    @Test func monthsComputedOnceAreTheMonthsComputedDayByDay() throws {
        let plan = Plan(try Engine.ruleSet(Self.rules))
        let people = [Self.person(hours: 12, lossOn: "2025-03-20"), Self.person(hours: 12), Self.person(hours: 5)]
        let lanes = LaneEvaluator(plan: plan)
        let whole = lanes.runs(people, from: month("2025-02"), to: month("2025-07"))
        let dayByDay = lanes.runs(people, from: month("2025-02"), to: month("2025-07"), wholeMonths: false)
        for (w, d) in zip(whole, dayByDay) {
            let w = try #require(w), d = try #require(d)
            #expect("\(w.months)" == "\(d.months)")
        }
        // € 1 a day from the loss on: 20-31 March is 12 days, then every day of April (30), May (31),
        // June (30) and July (31) (Gregorian calendar).
        let bereaved = try #require(whole[0])
        #expect(["2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07"].map { bereaved.paid("U", $0) } == [0, 1_200, 3_000, 3_100, 3_000, 3_100])
        // Enough hours, no loss: € 1 a day after 15 June (16-30 June, 15 days), and every day of July.
        let working = try #require(whole[1])
        #expect(["2025-05", "2025-06", "2025-07"].map { working.paid("U", $0) } == [0, 1_500, 3_100])
        // A sum and a count of days over a term the same all month (April on) are the day's
        // term times the days: € 2 + € 1 a day, € 36 in March (12 days), € 90 in April (30 days).
        #expect(["2025-02", "2025-03", "2025-04", "2025-05"].map { bereaved.paid("V", $0) } == [0, 3_600, 9_000, 9_300])
        // Neither: nothing.
        #expect(try #require(whole[2]).paid("U", "2025-06") == 0)
    }
}
