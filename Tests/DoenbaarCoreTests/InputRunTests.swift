import DoenbaarCore
import Foundation
import Testing

/// The rules over input columns (`InputRun`, the engine of `doenbaar bench`): the
/// benchmark's WW/Wajong rules (Benchmarks/ww_wajong.regels) on small populations,
/// checked by hand, against the benchmark's integer-cents rules written out in
/// Swift, and against a persona's run; and the language features it relies on
/// (invoer, totaal_dit_jaar per maand).
@Suite struct InputRunTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let benchRules = packageRoot + "/Benchmarks/ww_wajong.regels"

    static func benchRuleSet() throws -> RuleSet {
        let sources = SourceManager()
        let loaded = try RuleLoader.load([benchRules], sources: sources)
        guard let ruleSet = loaded.ruleSet else {
            throw RuleTextError(rendered: DiagnosticRenderer(sources: sources).render(loaded.diagnostics.all))
        }
        return ruleSet
    }

    /// A population in the benchmark's shape: per person, and per month (month-major).
    struct Population {
        var dagloonCents: [Int64] = []
        var wajong: [Bool] = []
        var wwMonth: [[Int32]] = []          // [month][person]
        var abroad: [[Int32]] = []
        var vacation: [[Int32]] = []
        var incomeCents: [[Int64]] = []
        var persons: Int { dagloonCents.count }

        init(persons: Int) {
            dagloonCents = Array(repeating: 0, count: persons)
            wajong = Array(repeating: false, count: persons)
            let zeros32 = Array(repeating: Array(repeating: Int32(0), count: persons), count: 12)
            wwMonth = zeros32; abroad = zeros32; vacation = zeros32
            incomeCents = Array(repeating: Array(repeating: 0, count: persons), count: 12)
        }

        /// Columns in the order of the rule set's inputs.
        func columns(for ruleSet: RuleSet) throws -> InputColumns {
            let byName: [String: InputColumn] = [
                "dagloon_ww": .cents(dagloonCents),
                "wajonger": .flags(wajong),
                "ww_maand": .whole(wwMonth.flatMap { $0 }),
                "dagen_buitenland": .whole(abroad.flatMap { $0 }),
                "vakantiedagen": .whole(vacation.flatMap { $0 }),
                "inkomen_uit_werk": .cents(incomeCents.flatMap { $0 }),
            ]
            return try InputColumns(persons: persons, months: 12, columns: ruleSet.inputs.map { byName[$0.name]! })
        }

        /// The benchmark's exact integer-cents rules, as the README writes them
        /// (shared/bench/openfisca/README.md, "Exact integer-cents rules").
        func referenceTotals() -> [[Int64]] {
            func rhu(_ x: Int64, _ d: Int64) -> Int64 { (x + d / 2) / d }
            var out = Array(repeating: Array(repeating: Int64(0), count: persons), count: 12)
            for p in 0..<persons {
                var before: Int64 = 0
                for m in 0..<12 {
                    let maand = Int64(wwMonth[m][p]), taken = Int64(vacation[m][p])
                    let remaining = max(0, 20 - before)
                    let excess = max(0, taken - remaining)
                    before += taken
                    let days = Int64(abroad[m][p]) + excess
                    let pct: Int64 = maand <= 0 ? 0 : (maand <= 2 ? 7500 : 7000)
                    let dagloon = dagloonCents[p], income = incomeCents[m][p]
                    let bruto = rhu(dagloon * pct * max(0, 2175 - 100 * days), 1_000_000)
                    let korting = rhu(income * pct, 10_000)
                    let ends = income * 100_000 >= dagloon * 875 * 2175
                    let ww = (ends || maand <= 0) ? 0 : max(0, bruto - korting)
                    let basis = wajong[p] ? rhu(199_500 * 7000, 10_000) : 0
                    let wajongCents = max(0, basis - rhu(income * 7000, 10_000) - ww)
                    out[m][p] = income + ww + wajongCents
                }
            }
            return out
        }

        /// Something like the benchmark's population, with the edges made likely:
        /// odd daily wages, income right at the end of WW, vacation over the limit.
        static func random(persons: Int, seed: UInt64) -> Population {
            var rng = SplitMix64(seed: seed)
            var p = Population(persons: persons)
            for i in 0..<persons {
                let ww = rng.next() % 2 == 0
                p.wajong[i] = !ww || rng.next() % 10 == 0
                p.dagloonCents[i] = ww ? Int64(8000 + rng.next() % 17_601) : 0
                let start = Int(rng.next() % 22) - 10, duration = Int(3 + rng.next() % 22)
                for m in 0..<12 {
                    let k = m - start + 1
                    p.wwMonth[m][i] = ww && k >= 1 && k <= duration ? Int32(k) : 0
                    if rng.next() % 10 < 6 {
                        p.incomeCents[m][i] = Int64(rng.next() % 300_001)
                        if ww && rng.next() % 8 == 0 {
                            // On either side of the end of WW: income_c * 100_000 against dagloon_c * 875 * 2175.
                            let limit = (p.dagloonCents[i] * 875 * 2175 + 99_999) / 100_000
                            p.incomeCents[m][i] = limit - Int64(rng.next() % 2)
                        }
                    }
                    if rng.next() % 100 < 5 { p.abroad[m][i] = Int32(1 + rng.next() % 25) }
                    if rng.next() % 100 < 25 { p.vacation[m][i] = Int32(1 + rng.next() % 15) }
                }
            }
            return p
        }
    }

    static func engine(_ ruleSet: RuleSet, outputs: [String], blockSize: Int = 256, from first: YearMonth = YearMonth(year: 2024, month: 1)) throws -> InputRun {
        try InputRun(plan: Plan(ruleSet), outputs: outputs, firstMonth: first, months: 12, blockSize: blockSize)
    }

    /// Runs the rules and collects every output value, in cents, by [output][month][person].
    static func evaluate(_ ruleSet: RuleSet, _ columns: InputColumns, outputs: [String], blockSize: Int = 7, threads: Int = 2) throws -> [[[Int64]]] {
        let collected = Collected(outputs: outputs.count, persons: columns.persons)
        _ = try engine(ruleSet, outputs: outputs, blockSize: blockSize).run(columns, threads: threads) { o, m, first, values in
            collected.store(o, m, first, values)
        }
        return collected.values
    }

    /// Every output value an observer sees, by [output][month][person]: in cents, or raw
    /// (`divisor` 1).
    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var storage: [[[Int64]]]
        private let divisor: Int64
        init(outputs: Int, persons: Int, divisor: Int64 = 10_000) {
            storage = Array(repeating: Array(repeating: Array(repeating: Int64.min, count: persons), count: 12), count: outputs)
            self.divisor = divisor
        }
        func store(_ o: Int, _ m: Int, _ first: Int, _ values: UnsafeBufferPointer<Int64>) {
            lock.lock()
            defer { lock.unlock() }
            for (k, v) in values.enumerated() { storage[o][m][first + k] = v / divisor }
        }
        var values: [[[Int64]]] { lock.lock(); defer { lock.unlock() }; return storage }
    }

    // MARK: The benchmark's rules

    @Test func theBenchmarkRulesGiveTheHandComputedCents() throws {
        let ruleSet = try Self.benchRuleSet()
        var p = Population(persons: 3)
        // Person 0: WW, dagloon € 100,01 (an odd number of cents), no Wajong.
        p.dagloonCents[0] = 10_001
        for m in 1..<12 { p.wwMonth[m][0] = Int32(m) }     // January no WW, then benefit months 1, 2, 3, ...
        p.incomeCents[2][0] = 190_331                        // March: just below the end of WW
        p.incomeCents[3][0] = 190_332                        // April: at it
        p.vacation[0][0] = 15                                // January: 15 vacation days (no WW yet)
        p.vacation[4][0] = 10                                // May: 10 more, 5 over the 20 of the year
        p.abroad[4][0] = 2                                   // and 2 days abroad otherwise
        // Person 1: Wajong only, with income.
        p.wajong[1] = true
        p.incomeCents[0][1] = 100_000
        // Person 2: WW and Wajong, third benefit month in January.
        p.dagloonCents[2] = 20_000
        p.wajong[2] = true
        p.wwMonth[0][2] = 3
        let totals = try Self.evaluate(ruleSet, try p.columns(for: ruleSet), outputs: ["totaal_inkomen", "ww_uitkering", "wajong_uitkering"])
        let (total, ww, wajong) = (totals[0], totals[1], totals[2])

        // Person 0, January: no WW, no income, no Wajong.
        #expect(total[0][0] == 0)
        // February, first benefit month: 100,01 x 75% x 21,75 = 1631,413125 -> € 1631,41.
        #expect(ww[1][0] == 163_141)
        // March: income € 1903,31; 1903,31 x 100 000 = 190 331 00000 < 10 001 x 875 x 2175 = 190 331 53125, so WW goes on:
        // bruto € 1631,41 minus 75% of € 1903,31 = 1427,4825 -> € 1427,48: € 203,93; total 1903,31 + 203,93.
        #expect(ww[2][0] == 20_393)
        #expect(total[2][0] == 190_331 + 20_393)
        // April: income € 1903,32 reaches 87,5% of the month wage: no WW; the income alone.
        #expect(ww[3][0] == 0)
        #expect(total[3][0] == 190_332)
        // May, fourth benefit month (70%): 15 vacation days before, 5 left, 10 taken: 5 too many, plus 2 abroad:
        // 100,01 x 70% x (21,75 - 7) = 1032,603250 -> € 1032,60.
        #expect(ww[4][0] == 103_260)
        // June: no days abroad: 100,01 x 70% x 21,75 = 1522,65225 -> € 1522,65.
        #expect(ww[5][0] == 152_265)

        // Person 1: Wajong 70% of € 1995,00 = € 1396,50, minus 70% of € 1000,00: € 696,50; plus the income.
        #expect(wajong[0][1] == 69_650)
        #expect(total[0][1] == 100_000 + 69_650)
        #expect(total[1][1] == 139_650)

        // Person 2, January, third benefit month: WW 200,00 x 70% x 21,75 = € 3045,00, more than the
        // Wajong basis, so Wajong is nil; total € 3045,00.
        #expect(ww[0][2] == 304_500)
        #expect(wajong[0][2] == 0)
        #expect(total[0][2] == 304_500)
        // From February no WW: Wajong in full.
        #expect(total[1][2] == 139_650)

        #expect(total == p.referenceTotals())
    }

    @Test(arguments: [1 as UInt64, 2, 3])
    func aRandomPopulationGivesTheBenchmarksIntegerCents(seed: UInt64) throws {
        let ruleSet = try Self.benchRuleSet()
        let p = Population.random(persons: 3_000, seed: seed)
        let columns = try p.columns(for: ruleSet)
        let expected = p.referenceTotals()
        // Odd block sizes, so blocks end in the middle of everything; one thread and two.
        #expect(try Self.evaluate(ruleSet, columns, outputs: ["totaal_inkomen"], blockSize: 97)[0] == expected)
        #expect(try Self.evaluate(ruleSet, columns, outputs: ["totaal_inkomen"], blockSize: 256, threads: 1)[0] == expected)
        // The sums the benchmark's checksum is made of.
        let result = try Self.engine(ruleSet, outputs: ["totaal_inkomen"]).run(columns)
        for m in 0..<12 { #expect(result.monthSums[0][m] == Int128(expected[m].reduce(0, +)) * 10_000) }
    }

    @Test func anInputRunAgreesWithAPersonasRun() throws {
        let ruleSet = try Self.benchRuleSet()
        let p = Population.random(persons: 12, seed: 42)
        let computed = try Self.evaluate(ruleSet, try p.columns(for: ruleSet), outputs: ["ww_uitkering", "wajong_uitkering"])
        let text = try String(contentsOfFile: Self.benchRules, encoding: .utf8)
        for i in 0..<p.persons {
            // The same rules, with each input written as a parameter holding this person's values.
            let rules = Self.inputsAsParameters(text) { name, month in
                switch name {
                case "dagloon_ww": return Self.euro(p.dagloonCents[i])
                case "wajonger": return p.wajong[i] ? "ja" : "nee"
                case "ww_maand": return "\(p.wwMonth[month][i])"
                case "dagen_buitenland": return "\(p.abroad[month][i]) dagen"
                case "vakantiedagen": return "\(p.vacation[month][i]) dagen"
                default: return Self.euro(p.incomeCents[month][i])
                }
            }
            let run = try Engine.run(rules, persona("p\(i)"), from: "2024-01", to: "2024-12")
            for m in 0..<12 {
                let label = YearMonth(year: 2024, month: m + 1).description
                #expect(run.paid("WW", label) == computed[0][m][i], "persoon \(i), \(label): WW")
                #expect(run.paid("Wajong", label) == computed[1][m][i], "persoon \(i), \(label): Wajong")
            }
        }
    }

    static func euro(_ cents: Int64) -> String { "€ \(cents / 100),\(String(format: "%02d", cents % 100))" }

    /// Rewrites `invoer NAME: TYPE [per maand]` into a parameter with a value from
    /// January 2024 (and, per month, one for each month), keeping its `bron`.
    static func inputsAsParameters(_ text: String, value: (String, Int) -> String) -> String {
        var out: [String] = []
        var pending: (name: String, monthly: Bool)?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("invoer ") {
                let declaration = line.dropFirst("invoer ".count)
                let name = String(declaration.prefix { $0 != ":" })
                let monthly = declaration.hasSuffix(" per maand")
                let type = declaration.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces)
                out.append("parameter \(name): \(monthly ? String(type.dropLast(" per maand".count)) : type)")
                pending = (name, monthly)
                continue
            }
            out.append(line)
            if let p = pending, line.hasPrefix("  bron") {
                for m in 0..<(p.monthly ? 12 : 1) {
                    out.append("  vanaf \(YearMonth(year: 2024, month: m + 1).first) = \(value(p.name, m))")
                }
                pending = nil
            }
        }
        return out.joined(separator: "\n")
    }

    // MARK: Semantics shared with a persona's run

    static let header = """
    regeling T "Testwet"
    uitkering U "Testuitkering"
      bron "Testwet art. 1"
    invoer a: bedrag per maand
      bron "Testwet art. 2"
    invoer b: getal per maand
      bron "Testwet art. 2"

    """

    static func twoColumns(_ a: [Int64], _ b: [Int32]) throws -> InputColumns {
        // One person, twelve months.
        try InputColumns(persons: 1, months: 12, columns: [.cents(a), .whole(b)])
    }

    @Test func aFailureInABranchNotTakenIsNoFailure() throws {
        let rules = Self.header + """
        definitie q: bedrag per maand
          bron "Testwet art. 3"
          = als b = 0 dan € 0 anders a / b
        """
        let ruleSet = try Engine.ruleSet(rules)
        let a: [Int64] = Array(repeating: 1000, count: 12)
        var b: [Int32] = Array(repeating: 0, count: 12)
        b[3] = 4
        let values = try Self.evaluate(ruleSet, try Self.twoColumns(a, b), outputs: ["q"], threads: 1)
        #expect(values[0][3][0] == 250)
        #expect(values[0][0][0] == 0)
    }

    /// An input run lets go of a month's values once that month's outputs are summed
    /// (`LaneFrame.release(month:)`), and later months' values take their memory: a rule that
    /// reads an earlier month's value again gets it computed again, the same.
    @Test func anEarlierMonthsValueReadAgainIsComputedAgain() throws {
        let rules = Self.header + """
        definitie dubbel: bedrag per maand
          bron "Testwet art. 3"
          = a * b
        definitie tot_nu: bedrag per maand
          bron "Testwet art. 3"
          = totaal_sinds(dubbel, 2024-01-01)
        """
        let ruleSet = try Engine.ruleSet(rules)
        // € 1,00 times the month's number, doubled.
        let a: [Int64] = (1...12).map { Int64($0) * 100 }, b = [Int32](repeating: 2, count: 12)
        for outputs in [["tot_nu"], ["dubbel", "tot_nu"]] {
            let values = try Self.evaluate(ruleSet, try Self.twoColumns(a, b), outputs: outputs, threads: 1)
            for m in 0..<12 {
                // € 2,00 times 1 + 2 + ... + the month's number.
                #expect(values[outputs.count - 1][m][0] == Int64((m + 1) * (m + 2) / 2) * 200, "\(outputs), month \(m + 1)")
            }
        }
    }

    @Test func aDivisionByZeroThatIsNeededFailsWithThePersonMonthAndPlace() throws {
        let rules = Self.header + """
        definitie q: bedrag per maand
          bron "Testwet art. 3"
          = a / b
        """
        let ruleSet = try Engine.ruleSet(rules)
        var b: [Int32] = Array(repeating: 1, count: 12)
        b[5] = 0
        let columns = try Self.twoColumns(Array(repeating: 100, count: 12), b)
        #expect {
            _ = try Self.engine(ruleSet, outputs: ["q"]).run(columns)
        } throws: { error in
            guard let failure = error as? InputRun.Failure else { return false }
            return failure.person == 0 && failure.month == YearMonth(year: 2024, month: 6) && failure.failure.message == "deling door nul"
                && !failure.failure.range.isSynthetic
        }
    }

    @Test func anOverflowIsReportedNotWrapped() throws {
        let rules = Self.header + """
        definitie groot: bedrag per maand
          bron "Testwet art. 3"
          = a * b * b * b
        """
        let ruleSet = try Engine.ruleSet(rules)
        var b: [Int32] = Array(repeating: 2, count: 12)
        b[7] = 2_000_000_000
        let columns = try Self.twoColumns(Array(repeating: 100_000_000, count: 12), b)
        #expect {
            _ = try Self.engine(ruleSet, outputs: ["groot"]).run(columns)
        } throws: { error in
            guard let failure = error as? InputRun.Failure else { return false }
            return failure.month == YearMonth(year: 2024, month: 8) && failure.failure.message.contains("te groot")
        }
    }

    @Test func validityExceptionsRoundingAndParametersFollowThePersonaEvaluator() throws {
        // No inputs at all: an input run of one person and a persona's run must agree month by month.
        let rules = """
        regeling T "Testwet"
        uitkering U "Testuitkering"
          bron "Testwet art. 1"
        parameter bedrag_per_maand: bedrag
          bron "Testwet art. 2"
          vanaf 2024-01-01 = € 100,005
          vanaf 2024-07-01 = € 120,00
        parameter factor: percentage
          bron "Testwet art. 2"
          vanaf 2024-01-01 = 33,3333%
        definitie opgeteld: bedrag per maand
          bron "Testwet art. 3"
          = totaal_dit_jaar(bedrag_per_maand * factor)
        regel u
          bron "Testwet art. 4"
          uitkomst U per maand
          geldig vanaf 2024-03-01
          = opgeteld / 3
        uitzondering zomer op u
          bron "Testwet art. 5"
          geldig vanaf 2024-06-01 tot 2024-09-01
          als opgeteld > € 150,00
          = € 1,00
        """
        let run = try Engine.run(rules, persona(), from: "2024-01", to: "2024-12")
        let ruleSet = try Engine.ruleSet(rules)
        let columns = try InputColumns(persons: 1, months: 12, columns: [])
        let computed = try Self.evaluate(ruleSet, columns, outputs: ["u"])
        for m in 0..<12 {
            let label = YearMonth(year: 2024, month: m + 1).description
            #expect(run.paid("U", label) == computed[0][m][0], "\(label)")
        }
        #expect(computed[0][0][0] == 0)        // not yet valid
        #expect(computed[0][6][0] == 100)      // the exception, in July
    }

    @Test func aParameterWithoutAValueFailsOnlyWhereItIsRead() throws {
        let rules = Self.header + """
        parameter later: bedrag
          bron "Testwet art. 2"
          vanaf 2024-07-01 = € 5,00
        definitie x: bedrag per maand
          bron "Testwet art. 3"
          = als b > 0 dan later anders € 0
        """
        let ruleSet = try Engine.ruleSet(rules)
        var b: [Int32] = Array(repeating: 0, count: 12)
        for m in 6..<12 { b[m] = 1 }
        let fine = try Self.evaluate(ruleSet, try Self.twoColumns(Array(repeating: 0, count: 12), b), outputs: ["x"])
        #expect(fine[0][6][0] == 500 && fine[0][5][0] == 0)
        b[2] = 1
        let columns = try Self.twoColumns(Array(repeating: 0, count: 12), b)
        #expect {
            _ = try Self.engine(ruleSet, outputs: ["x"]).run(columns)
        } throws: { error in
            guard let failure = error as? InputRun.Failure else { return false }
            return failure.month == YearMonth(year: 2024, month: 3) && failure.failure.message.contains("parameter 'later' heeft geen waarde op 2024-03-01")
        }
    }

    @Test func aYearlyTotalReadsFromJanuaryAndFailsBeforeTheColumnsBegin() throws {
        // totaal_dit_jaar means the same as in a persona's run: from 1 January. Columns from
        // March leave January and February unknown: a failure that says so, not a zero.
        let ruleSet = try Self.benchRuleSet()
        var p = Population(persons: 2)
        p.dagloonCents[1] = 10_000
        p.wwMonth[0][1] = 1
        let columns = try p.columns(for: ruleSet)
        #expect {
            _ = try Self.engine(ruleSet, outputs: ["totaal_inkomen"], from: YearMonth(year: 2024, month: 3)).run(columns)
        } throws: { error in
            guard let failure = error as? InputRun.Failure else { return false }
            // Person 0 has no WW in March and never reads the vacation days; the total runs from January.
            return failure.person == 1 && failure.month == YearMonth(year: 2024, month: 3)
                && failure.failure.message == "'vakantiedagen' heeft geen waarde in januari 2024: de invoerkolommen beginnen in maart 2024"
                && !failure.failure.range.isSynthetic
        }
    }

    @Test func anInputRunComputesDailyRulesWithTheCalendar() throws {
        let rules = Self.header + """
        definitie d: ja/nee per dag
          bron "Testwet art. 3"
          = weekdag en niet feestdag
        definitie m: dagen per maand
          bron "Testwet art. 3"
          = aantal_dagen(d)
        definitie n: dagen per maand
          bron "Testwet art. 3"
          = aantal_dagen(d en b > 0)
        """
        let ruleSet = try Engine.ruleSet(rules)
        var b: [Int32] = Array(repeating: 0, count: 12)
        b[4] = 1
        let values = try Self.evaluate(ruleSet, try Self.twoColumns(Array(repeating: 0, count: 12), b), outputs: ["m", "n"])
        // January 2024: 23 days from Monday to Friday, less New Year's Day (Algemene termijnenwet art. 3 lid 1).
        #expect(values[0][0][0] == 22 * 100)
        // May 2024: 23 weekdays, less Ascension Day (9 May) and Whit Monday (20 May); Liberation Day (5 May) is a Sunday.
        #expect(values[0][4][0] == 21 * 100)
        #expect(values[1][4][0] == 21 * 100 && values[1][3][0] == 0)
    }

    @Test func anInputRunRefusesWhatDoesNotFit() throws {
        let ruleSet = try Self.benchRuleSet()
        #expect {
            _ = try Self.engine(ruleSet, outputs: ["totaal_inkomn"])
        } throws: { error in
            (error as? EvaluationFailure)?.message == "onbekende definitie of regel 'totaal_inkomn'; bedoelde u 'totaal_inkomen'?"
        }
        #expect {
            _ = try Self.engine(ruleSet, outputs: ["totaal_inkomen"], blockSize: InputRun.largestBlock + 1)
        } throws: { error in
            (error as? EvaluationFailure)?.message == "een blok heeft 1 tot en met 4096 personen, niet 4097"
        }
        var columns = try Population(persons: 2).columns(for: ruleSet).columns
        let flag = ruleSet.input(named: "wajonger")!
        columns[flag] = InputColumn(storage: ColumnStorage([UInt8(0), 2]), element: .uint8, unit: 1, count: 2)
        let bad = try InputColumns(persons: 2, months: 12, columns: columns)
        #expect {
            _ = try Self.engine(ruleSet, outputs: ["totaal_inkomen"]).run(bad)
        } throws: { error in
            (error as? InputRun.Failure)?.failure.message == "invoer 'wajonger' is ja/nee, maar haar kolom heeft waarden buiten 0 en 1"
        }
        #expect {
            _ = try Self.engine(ruleSet, outputs: ["totaal_inkomen"]).run(try InputColumns(persons: 2, months: 11, columns: []))
        } throws: { error in
            // The columns as a whole: no person or month to name.
            guard let failure = error as? InputRun.Failure else { return false }
            return failure.person == nil && failure.month == nil && failure.description == "de invoer heeft 11 maanden, de berekening 12"
        }
    }

    // MARK: The language: invoer and totaal_dit_jaar per maand

    @Test func inputsAreDeclaredPerPersonOrPerMonthAndNeedASource() throws {
        let ruleSet = try Engine.ruleSet(Self.header + """
        invoer c: ja/nee
          bron "Testwet art. 2"
        """)
        #expect(ruleSet.inputs.map(\.name) == ["a", "b", "c"])
        #expect(ruleSet.inputs.map(\.periodicity) == [.month, .month, .constant])
        #expect(ruleSet.inputs[0].type == .money)
        #expect(ruleSet.inputs[2].provenance.source == "Testwet art. 2")

        let missing = Engine.diagnostics("regeling T \"T\"\ninvoer x: bedrag\n")
        #expect(missing.contains { $0.id == .missingSource })
        let perDay = Engine.diagnostics("regeling T \"T\"\ninvoer x: bedrag per dag\n  bron \"T art. 1\"\n")
        #expect(perDay.contains { $0.message.contains("niet per dag") })
        let fact = Engine.diagnostics("regeling T \"T\"\ninvoer peildatum: datum per maand\n  bron \"T art. 1\"\n")
        #expect(fact.contains { $0.id == .reservedName })
    }

    @Test func thePersonaEvaluatorReportsAnInputItCannotHave() throws {
        let rules = Self.header + """
        regel u
          bron "Testwet art. 3"
          uitkomst U per maand
          = a
        """
        #expect {
            _ = try Engine.run(rules, persona(), from: "2024-01", to: "2024-01")
        } throws: { error in
            guard let e = error as? Evaluator.RunError else { return false }
            return e.failure.message.contains("'a' is invoer van een berekening over invoerkolommen; persona 'test' geeft geen invoer")
        }
    }

    @Test func aMonthlyRunningTotalStartsAgainInJanuary() throws {
        let rules = """
        regeling T "Testwet"
        uitkering U "Testuitkering"
          bron "Testwet art. 1"
        uitkering V "Teller"
          bron "Testwet art. 1"
        parameter maandbedrag: bedrag
          bron "Testwet art. 2"
          vanaf 2024-01-01 = € 10,00
          vanaf 2024-12-01 = € 20,00
        regel u
          bron "Testwet art. 3"
          uitkomst U per maand
          = totaal_dit_jaar(maandbedrag)
        regel teller
          bron "Testwet art. 3"
          uitkomst V per maand
          = € 0,01 * totaal_dit_jaar(maandbedrag > € 15,00)
        """
        let run = try Engine.run(rules, persona(), from: "2024-11", to: "2025-02")
        // November: eleven months of € 10; December: plus € 20, the first month above € 15.
        #expect(run.paid("U", "2024-11") == 11_000)
        #expect(run.paid("U", "2024-12") == 13_000)
        #expect(run.paid("V", "2024-11") == 0)
        #expect(run.paid("V", "2024-12") == 1)
        // January starts again: € 20 and one month counted; February twice that.
        #expect(run.paid("U", "2025-01") == 2_000)
        #expect(run.paid("U", "2025-02") == 4_000)
        #expect(run.paid("V", "2025-02") == 2)
    }

    @Test func aDailyRunningTotalStaysDaily() {
        // In a definition per maand the argument must be per maand; a value per dag is refused as before.
        let diagnostics = Engine.diagnostics(Self.header + """
        definitie x: dagen per maand
          bron "Testwet art. 3"
          = totaal_dit_jaar(weekdag)
        """)
        #expect(diagnostics.contains { $0.id == .periodMismatch })
    }
}
