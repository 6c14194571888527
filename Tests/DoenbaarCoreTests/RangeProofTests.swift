@testable import DoenbaarCore
import Foundation
import Testing

/// What cannot fail for the values an input run's columns hold is evaluated
/// without checks (`RangeProof`, `Program.evaluateProven`). The analysis marks
/// what it can prove and leaves the rest; and a run with the proof gives every
/// value, and every failure, of a run with every check.
@Suite struct RangeProofTests {
    /// Every operation that can run without checks, over two input columns `a` (cents)
    /// and `b` (whole numbers); also a seed of the fuzzer's `regels` target.
    static let rules: String = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/good/bewijs.regels").path
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }()
    static let outputs = ["maal", "deel", "deel_veilig", "afgerond", "rekenkundig", "rekenkundig_verschil", "rond", "jaartotaal", "kleinste",
                          "vergelijk", "keuze", "logica", "voorwaardelijk", "heel", "niet_heel",
                          "exact_positief", "niet_exact", "exact_onafgerond", "tegengesteld_groter",
                          "maanden_positief"]

    /// The proof for columns whose values lie in `a` (cents) and `b` (whole numbers), from January 2024.
    static func proof(_ plan: Plan, a: ClosedRange<Int64>, b: ClosedRange<Int64>, fromStart: Bool = true) -> RangeProof {
        RangeProof(plan: plan, range: EvaluationRange(from: YearMonth(year: 2024, month: 1), to: YearMonth(year: 2024, month: 12)),
                   inputs: [(a.lowerBound * 10_000)...(a.upperBound * 10_000), (b.lowerBound * Fixed.scale)...(b.upperBound * Fixed.scale)],
                   inputsFromStart: fromStart)
    }

    /// Whether the body of a declaration (its one rule) is proven not to fail.
    static func proven(_ name: String, _ plan: Plan, _ proof: RangeProof) -> Bool {
        let slot = plan.ruleSet.slot(named: name)!
        return proof.cannotFail[Int(plan.alternatives[plan.slots[slot].firstAlternative].body)]
    }

    @Test func whatTheColumnsRangesAllowIsProvenAndNothingElse() throws {
        let plan = Plan(try Engine.ruleSet(Self.rules))
        // Ten thousand euros either side (10^10 raw) times at most 100 (10^8 raw): the raw product fits in 64 bits.
        let small = Self.proof(plan, a: -1_000_000...1_000_000, b: -100...100)
        #expect(Self.proven("maal", plan, small))
        #expect(Self.proven("deel_veilig", plan, small))
        #expect(Self.proven("afgerond", plan, small))
        #expect(Self.proven("rond", plan, small))
        #expect(Self.proven("jaartotaal", plan, small))
        #expect(Self.proven("kleinste", plan, small))
        #expect(Self.proven("vergelijk", plan, small))
        #expect(Self.proven("keuze", plan, small))
        #expect(Self.proven("logica", plan, small))
        #expect(Self.proven("voorwaardelijk", plan, small))
        #expect(small.settling[plan.ruleSet.slot(named: "afgerond")!] == .proven)
        // Rounded to cents in the pass of their last operation (`Program.evaluateProvenRounded`).
        #expect(Self.proven("rekenkundig", plan, small))
        #expect(Self.proven("rekenkundig_verschil", plan, small))
        #expect(small.settling[plan.ruleSet.slot(named: "rekenkundig_verschil")!] == .proven)
        // b may be zero: the division is not proven, though the branch that divides never sees a zero.
        #expect(!Self.proven("deel", plan, small))
        // A parameter without a value in January and February, and a fact (which a lane of an input run lacks).
        #expect(!Self.proven("met_later", plan, small))
        #expect(!Self.proven("met_feit", plan, small))

        // Columns that begin after January: the months before them hold the mark.
        let late = Self.proof(plan, a: 0...100, b: 0...100, fromStart: false)
        #expect(!Self.proven("maal", plan, late))
        #expect(late.settling[plan.ruleSet.slot(named: "maal")!] == .inBounds)

        // Four hundred million euros times two thousand: the raw product leaves 64 bits.
        let wide = Self.proof(plan, a: 0...40_000_000_000, b: 0...2_000)
        #expect(!Self.proven("maal", plan, wide))
        #expect(!Self.proven("jaartotaal", plan, wide))
        #expect(wide.settling[plan.ruleSet.slot(named: "maal")!] == .checked)
        // Nor is the division: a's millionfold leaves 64 bits. What reads only b is still proven.
        #expect(!Self.proven("deel_veilig", plan, wide))
        #expect(Self.proven("rond", plan, wide))
    }

    /// A declaration that rounds to cents but computes only whole cents (from cents, rounded
    /// cents and whole euros) is not rounded again; one that divides is. Without the columns'
    /// units nothing is known of their values, and every rounding stays.
    @Test func roundingIsLeftOutWhereEveryValueIsWholeCentsAlready() throws {
        let plan = Plan(try Engine.ruleSet(Self.rules))
        let whole = { (name: String, proof: RangeProof) in proof.slotWhole[plan.ruleSet.slot(named: name)!] }
        let range = EvaluationRange(from: YearMonth(year: 2024, month: 1), to: YearMonth(year: 2024, month: 12))
        let withUnits = RangeProof(plan: plan, range: range, inputs: [(-10_000_000_000)...10_000_000_000, (-100 * Fixed.scale)...(100 * Fixed.scale)],
                                   inputSteps: [10_000, Fixed.scale], inputsFromStart: true)
        #expect(whole("heel", withUnits))
        #expect(!whole("niet_heel", withUnits))
        #expect(!whole("rekenkundig", withUnits))
        let withoutUnits = Self.proof(plan, a: -1_000_000...1_000_000, b: -100...100)
        #expect(!whole("heel", withoutUnits))
    }

    /// A product of cents and a percentage of whole basis points is a whole number of millionths,
    /// so its division by the scale is exact (`RangeProof.Known.exactProduct`); a product with a factor of
    /// six decimals is not, nor is anything when the columns' units are unknown.
    @Test func productsOfWholeStepsAreMarkedExact() throws {
        let plan = Plan(try Engine.ruleSet(Self.rules))
        let range = EvaluationRange(from: YearMonth(year: 2024, month: 1), to: YearMonth(year: 2024, month: 12))
        let withUnits = RangeProof(plan: plan, range: range, inputs: [(-10_000_000_000)...10_000_000_000, (-100 * Fixed.scale)...(100 * Fixed.scale)],
                                   inputSteps: [10_000, Fixed.scale], inputsFromStart: true)
        let withoutUnits = Self.proof(plan, a: -1_000_000...1_000_000, b: -100...100)
        /// The body of a declaration's one rule, and whether it is marked exact.
        func exact(_ name: String, _ proof: RangeProof) -> Bool {
            let slot = plan.ruleSet.slot(named: name)!
            return proof.known[Int(plan.alternatives[plan.slots[slot].firstAlternative].body)].contains(.exactProduct)
        }
        // a (cents, step 10^4 raw) times b (whole, 10^6) or pct (37,5% and 42%: step 15.000 raw).
        #expect(exact("maal", withUnits))
        #expect(exact("rekenkundig", withUnits))
        #expect(exact("exact_positief", withUnits))
        // 0,123457 is 123.457 raw: times 10^4 not a multiple of 10^6.
        #expect(!exact("niet_exact", withUnits))
        #expect(!exact("maal", withoutUnits))
        #expect(!exact("rekenkundig", withoutUnits))
        // A sum is no product, though its terms are.
        #expect(!exact("exact_onafgerond", withUnits))
        // The exact division by the scale: a shift by its factors of two, then the inverse of its odd part.
        #expect(15_625 &* ValueSemantics.inverseOfOddScale == 1)
        for raw: Int64 in [0, 1, -1, 999_999, -1_000_001, 123_456_789_012, -987_654_321_098, Int64.max / Fixed.scale, Int64.min / Fixed.scale + 1] {
            #expect(ValueSemantics.multiplyProvenExact(raw, Fixed.scale) == raw)
            #expect(ValueSemantics.multiplyProvenExact(raw * 2, 500_000) == raw)
        }
        // Half a cent and under it (products of whole millionths): cents of the product as rounding its millionths half up gives them.
        for (a, b): (Int64, Int64) in [(10_000, 500_000), (10_000, 490_000), (4 * 10_000, 375_000), (7 * 10_000, 375_000), (0, 420_000), (123_450_000, 750_000)] {
            #expect(ValueSemantics.centsOfExactProduct(a, b) == ValueSemantics.roundProven(ValueSemantics.multiplyProven(a, b), unit: 10_000, .halfAwayFromZero))
        }
    }

    /// A comparison is decided by the sign of the difference where that fits in 64 bits, and a
    /// truth is read as it is where every value is 0 or 1 (`RangeProof.Known`).
    @Test func comparisonsBySignAndTruthsAsTheyAreOnlyWhereTheValuesAllowIt() throws {
        let plan = Plan(try Engine.ruleSet(Self.rules))
        func known(_ name: String, _ proof: RangeProof) -> RangeProof.Known {
            proof.known[Int(plan.alternatives[plan.slots[plan.ruleSet.slot(named: name)!].firstAlternative].body)]
        }
        let small = Self.proof(plan, a: -1_000_000...1_000_000, b: -100...100)
        #expect(known("tegengesteld_groter", small).contains(.differenceFits))
        #expect(known("positief", small).contains(.differenceFits))
        #expect(known("positief", small).contains(.zeroOrOne))
        #expect(!known("maal", small).contains(.zeroOrOne))
        // Half of 64 bits either side (in raw millionths): a - (-a) leaves them, a - 0 does not.
        let range = EvaluationRange(from: YearMonth(year: 2024, month: 1), to: YearMonth(year: 2024, month: 12))
        let half = Int64.max / 2 + 1
        let wide = RangeProof(plan: plan, range: range, inputs: [(-half)...half, 0...0], inputsFromStart: true)
        #expect(!known("tegengesteld_groter", wide).contains(.differenceFits))
        #expect(known("positief", wide).contains(.differenceFits))
    }

    /// Every output of every person and month, raw; or the failure the run reports.
    static func run(_ ruleSet: RuleSet, _ columns: InputColumns, outputs: [String], proving: Bool,
                    blockSize: Int = 64) throws -> Result<[[[Int64]]], InputRun.Failure> {
        let collected = InputRunTests.Collected(outputs: outputs.count, persons: columns.persons, divisor: 1)
        let run = try InputRun(plan: Plan(ruleSet), outputs: outputs, firstMonth: YearMonth(year: 2024, month: 1), months: 12,
                               blockSize: blockSize, proving: proving)
        do {
            _ = try run.run(columns, threads: 2) { o, m, first, values in collected.store(o, m, first, values) }
        } catch {
            return .failure(error)
        }
        return .success(collected.values)
    }

    /// Random columns: `a` in cents up to `aLimit` either side, `b` up to `bLimit` either side.
    static func columns(persons: Int, seed: UInt64, aLimit: Int64, bLimit: Int32) throws -> InputColumns {
        var rng = SplitMix64(seed: seed)
        var a: [Int64] = [], b: [Int32] = []
        for _ in 0..<(persons * 12) {
            // Zero and the extremes often, as edges are where checks matter.
            switch rng.next() % 8 {
            case 0: a.append(0)
            case 1: a.append(rng.next() % 2 == 0 ? aLimit : -aLimit)
            default: a.append(Int64(rng.next() % UInt64(2 * aLimit + 1)) - aLimit)
            }
            switch rng.next() % 6 {
            case 0: b.append(0)
            case 1: b.append(rng.next() % 2 == 0 ? bLimit : -bLimit)
            default: b.append(Int32(Int64(rng.next() % UInt64(2 * Int64(bLimit) + 1)) - Int64(bLimit)))
            }
        }
        return try InputColumns(persons: persons, months: 12, columns: [.cents(a), .whole(b)])
    }

    /// Columns where everything is proven (1, 2); where the product and what reads it are
    /// not, and every value is computed (3); and where some person's yearly total passes a
    /// billion, so both runs fail, and must name the same person, month and reason (4).
    @Test(arguments: [(UInt64(1), Int64(1_000_000), Int32(100)), (2, 1_000, 7), (3, 50_000_000, 100), (4, 40_000_000_000, 2)])
    func aRunWithTheProofGivesEveryValueOfARunWithEveryCheck(seed: UInt64, aLimit: Int64, bLimit: Int32) throws {
        let ruleSet = try Engine.ruleSet(Self.rules)
        let columns = try Self.columns(persons: 300, seed: seed, aLimit: aLimit, bLimit: bLimit)
        let proven = try Self.run(ruleSet, columns, outputs: Self.outputs, proving: true)
        let checked = try Self.run(ruleSet, columns, outputs: Self.outputs, proving: false)
        switch (proven, checked) {
        case (.success(let x), .success(let y)):
            #expect(x == y)
            #expect(x.joined().joined().contains { $0 != 0 })
        case (.failure(let x), .failure(let y)):
            #expect(x.description == y.description)
        default:
            Issue.record("met bewijs: \(proven), met alle controles: \(checked)")
        }
    }

    @Test(arguments: [UInt64(5), 6])
    func theBenchmarkRulesGiveTheSameCentsWithAndWithoutTheProof(seed: UInt64) throws {
        let ruleSet = try InputRunTests.benchRuleSet()
        let columns = try InputRunTests.Population.random(persons: 700, seed: seed).columns(for: ruleSet)
        let outputs = ["totaal_inkomen", "ww_uitkering", "wajong_uitkering", "ww_bruto", "betaalde_dagen"]
        let proven = try Self.run(ruleSet, columns, outputs: outputs, proving: true).get()
        let checked = try Self.run(ruleSet, columns, outputs: outputs, proving: false).get()
        #expect(proven == checked)
    }
}
