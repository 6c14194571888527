@testable import DoenbaarCore
import Testing

/// A monthly declaration of an input run that is the same in every month of the
/// run's range is computed once per block and read by every month
/// (`RangeInvariance`, `LaneFrame.allocate`). Marked are only those that read
/// nothing that can change from month to month; the values are those of a run
/// that computes every month.
@Suite struct RangeInvarianceTests {
    /// Over 2024: `loon` is a person's, `uren` a month's; `pct` keeps one value all year,
    /// `tarief` changes on 1 July; `toeslag` has an exception valid from 1 April (its condition is a person's).
    static let rules = """
    regeling T "Testwet"
    uitkering U "Testuitkering"
      bron "Testwet art. 1"
    invoer loon: bedrag
      bron "Testwet art. 2"
    invoer uren: getal per maand
      bron "Testwet art. 2"
    parameter pct: percentage
      bron "Testwet art. 3"
      vanaf 2020-01-01 = 70%
    parameter tarief: percentage
      bron "Testwet art. 3"
      vanaf 2020-01-01 = 10%
      vanaf 2024-07-01 = 12%
    definitie basis: bedrag per maand
      bron "Testwet art. 4"
      afronding rekenkundig
      = loon * pct
    definitie gedeeld: bedrag per maand
      bron "Testwet art. 4"
      = max(€ 0, basis - € 100) / 1 + basis / 3
    definitie met_tarief: bedrag per maand
      bron "Testwet art. 4"
      = basis * tarief
    definitie met_uren: bedrag per maand
      bron "Testwet art. 4"
      = basis * uren
    definitie opgeteld: bedrag per maand
      bron "Testwet art. 4"
      = totaal_dit_jaar(basis)
    definitie toeslag: bedrag per maand
      bron "Testwet art. 4"
      = € 10
    uitzondering later_hoger "Hoger vanaf april" op toeslag
      bron "Testwet art. 5"
      geldig vanaf 2024-04-01
      als loon > € 0
      = € 20
    definitie totaal: bedrag per maand
      bron "Testwet art. 6"
      = gedeeld + met_tarief + met_uren + opgeteld + toeslag
    definitie boven_grens: bedrag per maand
      bron "Testwet art. 7"
      = max(€ 0, uren * € 10 - (pct * loon + € 5)) + (tarief * loon - uren * € 1)
    """
    static let outputs = ["basis", "gedeeld", "met_tarief", "met_uren", "opgeteld", "toeslag", "totaal", "boven_grens"]
    static let year = EvaluationRange(from: YearMonth(year: 2024, month: 1), to: YearMonth(year: 2024, month: 12))

    @Test func onlyWhatCannotChangeFromMonthToMonthIsMarked() throws {
        let plan = Plan(try Engine.ruleSet(Self.rules))
        let same = RangeInvariance.analyse(plan, range: Self.year).slots
        func marked(_ name: String) -> Bool { same[plan.ruleSet.slot(named: name)!] }
        // A person's input times a parameter with one value all year, and what reads only that.
        #expect(marked("basis"))
        #expect(marked("gedeeld"))
        // A parameter that changes in July, an input per month, a running total, an exception from April.
        #expect(!marked("met_tarief"))
        #expect(!marked("met_uren"))
        #expect(!marked("opgeteld"))
        #expect(!marked("toeslag"))
        #expect(!marked("totaal"))
        // Over the first half year only, the rate does not change.
        let firstHalf = RangeInvariance.analyse(plan, range: EvaluationRange(from: YearMonth(year: 2024, month: 1), to: YearMonth(year: 2024, month: 6))).slots
        #expect(firstHalf[plan.ruleSet.slot(named: "met_tarief")!])
        #expect(!firstHalf[plan.ruleSet.slot(named: "toeslag")!])
    }

    /// Inside a declaration that varies, what reads only a person's input and a parameter with one
    /// value all year is computed once (`RangeInvariance.analyse`); what reads the rate that
    /// changes in July, or a month's input, is not; nor a value read where it is kept.
    @Test func expressionsTheSameAllYearAreMarkedInsideOnesThatVary() throws {
        let plan = Plan(try Engine.ruleSet(Self.rules))
        let marked = RangeInvariance.analyse(plan, range: Self.year).expressions
        let program = plan.program, parameters = plan.ruleSet.parameters
        func products(of parameter: String) -> [Int] {
            (0..<program.codeCount).filter { e in
                let i = program.code[e]
                guard i.op == .multiply else { return false }
                let a = program.code[Int(i.a)], b = program.code[Int(i.b)]
                return a.op == .parameterOfMonth && parameters[Int(a.a)].name == parameter && b.op == .inputOfMonth
            }
        }
        // pct * loon in boven_grens, and the sum pct * loon + € 5 that holds it.
        #expect(products(of: "pct").count == 1)
        #expect(products(of: "pct").allSatisfy { marked[$0] })
        let sums = (0..<program.codeCount).filter { program.code[$0].op == .add && products(of: "pct").contains(Int(program.code[$0].a)) }
        #expect(sums.count == 1 && marked[sums[0]])
        #expect(products(of: "tarief").count == 1)
        #expect(products(of: "tarief").allSatisfy { !marked[$0] })
        #expect((0..<program.codeCount).allSatisfy { e in
            let op = program.code[e].op
            return !marked[e] || !(op == .constant || op == .valueOfMonth || op == .inputOfMonth || op == .parameterOfMonth)
        })
    }

    /// Every output, person and month of a run with the proof (values of the marked
    /// declarations computed once) equals a run that computes every month with every check.
    @Test(arguments: [UInt64(7), 8])
    func valuesComputedOnceAreTheValuesOfEveryMonth(seed: UInt64) throws {
        let ruleSet = try Engine.ruleSet(Self.rules)
        var rng = SplitMix64(seed: seed)
        let persons = 300
        let loon = (0..<persons).map { _ in Int64(rng.next() % 600_000) }
        let uren = (0..<(persons * 12)).map { _ in Int32(rng.next() % 40) }
        let columns = try InputColumns(persons: persons, months: 12, columns: [.cents(loon), .whole(uren)])
        let once = try RangeProofTests.run(ruleSet, columns, outputs: Self.outputs, proving: true).get()
        let everyMonth = try RangeProofTests.run(ruleSet, columns, outputs: Self.outputs, proving: false).get()
        #expect(once == everyMonth)
        // The values differ from person to person, so a column shared by the wrong lanes or months would show.
        #expect(Set(once[0].joined()).count > 100)
    }
}
