@testable import DoenbaarCore
import Testing

/// A daily value that reads nothing of the day (facts without days, parameters
/// that change only on the first of a month) is computed once per month and
/// copied to its days (`MonthInvariance`). What reads the day, a parameter
/// that changes within a month, or an exception valid from the middle of a
/// month is computed day by day, and gives the same months either way.
@Suite struct MonthInvarianceTests {
    static let rules = """
    regeling T "Testwet"
    uitkering U "Testuitkering"
      bron "Testwet art. 1"
    gegeven uren: getal
      bron "Testwet art. 2"
    parameter grens: getal
      bron "Testwet art. 3"
      vanaf 2015-07-01 = 5
      vanaf 2025-01-01 = 6
    parameter dagbedrag: bedrag
      bron "Testwet art. 4"
      vanaf 2025-01-01 = € 10,00
      vanaf 2025-06-16 = € 20,00
    definitie toegang: ja/nee per dag
      bron "Testwet art. 5"
      = uren >= grens
    definitie via_toegang: ja/nee per dag
      bron "Testwet art. 5"
      = niet toegang
    definitie op_werkdag: ja/nee per dag
      bron "Testwet art. 6"
      = toegang en weekdag
    definitie na_de_vijftiende: ja/nee per dag
      bron "Testwet art. 7"
      = peildatum > 2025-06-15
    definitie tarief: bedrag per dag
      bron "Testwet art. 4"
      = dagbedrag
    definitie met_uitzondering: ja/nee per dag
      bron "Testwet art. 8"
      = nee
    uitzondering tijdelijk op met_uitzondering
      bron "Testwet art. 9"
      geldig vanaf 2025-06-10 tot 2025-07-01
      als toegang
      = ja
    definitie leest_uitzondering: ja/nee per dag
      bron "Testwet art. 8"
      = met_uitzondering
    regel u_per_dag
      bron "Testwet art. 10"
      uitkomst U per dag
      als op_werkdag
      = tarief
    """

    /// Whether the body of a declaration's last alternative (its rule) is the same all month.
    static func sameAllMonth(_ plan: Plan, _ name: String) throws -> Bool {
        let slot = try #require(plan.ruleSet.values.firstIndex { $0.name == name })
        let s = plan.slots[slot]
        return plan.sameAllMonth[Int(plan.alternatives[s.firstAlternative + s.alternativeCount - 1].body)]
    }

    @Test func whatReadsNothingOfTheDayIsTheSameAllMonth() throws {
        let plan = Plan(try Engine.ruleSet(Self.rules))
        // A fact without days against a parameter that changes on 1 January; a daily value that reads only that.
        #expect(try Self.sameAllMonth(plan, "toegang"))
        #expect(try Self.sameAllMonth(plan, "via_toegang"))
        // `weekdag` and `peildatum` are facts of the day.
        #expect(try !Self.sameAllMonth(plan, "op_werkdag"))
        #expect(try !Self.sameAllMonth(plan, "na_de_vijftiende"))
        // A parameter that changes on 16 June.
        #expect(try !Self.sameAllMonth(plan, "tarief"))
        // A value with an exception valid from 10 June (whose condition is the same all month), read elsewhere.
        #expect(try !Self.sameAllMonth(plan, "leest_uitzondering"))
    }

    @Test func aMonthComputedOnceIsTheMonthComputedDayByDay() throws {
        let plan = Plan(try Engine.ruleSet(Self.rules))
        var p = persona()
        p.values["uren"] = Fixed(integer: 8).raw
        let lanes = LaneEvaluator(plan: plan)
        let whole = try #require(lanes.runs([p], from: month("2025-06"), to: month("2025-07"))[0])
        let dayByDay = try #require(lanes.runs([p], from: month("2025-06"), to: month("2025-07"), wholeMonths: false)[0])
        #expect("\(whole.months)" == "\(dayByDay.months)")
        // June 2025 has 10 weekdays before the 16th at € 10 (the 2nd to the 13th) and 11 from it
        // at € 20 (the 16th to the 30th); July 2025 has 23 weekdays at € 20 (2025 calendar).
        #expect(whole.paid("U", "2025-06") == Int64(10 * 1000 + 11 * 2000))
        #expect(whole.paid("U", "2025-07") == Int64(23 * 2000))
        // Fewer hours than the limit: no access on any day, and nothing paid.
        p.values["uren"] = Fixed(integer: 5).raw
        let none = try #require(lanes.runs([p], from: month("2025-06"), to: month("2025-06"))[0])
        #expect(none.paid("U", "2025-06") == Int64(0))
    }
}
