import DoenbaarAnalysis
@testable import DoenbaarCore
import DoenbaarTesting
import Testing

/// The lane engine runs a block of people at once (`LaneEvaluator`), or one
/// person alone as a block of one lane, with the explanation or without
/// (`Evaluator`). A block must decide every month of every lane as the person
/// alone does: the same payments and corrections to the cent as the explained
/// run, the same month in every field as the run without a trace, and no run
/// exactly where the person alone fails. So what lanes share never changes
/// what one lane decides. And computing a daily value for a whole month at once
/// (`LaneFrame.wholeMonths`) gives every lane the same months as day by day.
@Suite struct LaneEngineTests {
    let book: RuleBook
    init() throws { book = try RuleBook.bundled() }

    /// Compares each lane with the single-lane runs of the same persona; the number of lanes with a run.
    func expectLanesMatchSingleRuns(_ personas: [Persona], from: YearMonth, to: YearMonth) throws -> Int {
        let lanes = LaneEvaluator(plan: book.evaluator.plan).runs(personas, from: from, to: to)
        let dayByDay = LaneEvaluator(plan: book.evaluator.plan).runs(personas, from: from, to: to, wholeMonths: false)
        var compared = 0
        for (persona, (lane, daily)) in zip(personas, zip(lanes, dayByDay)) {
            #expect((lane == nil) == (daily == nil), "\(persona.id): de baan \(lane == nil ? "faalt" : "slaagt") met hele maanden, niet dag voor dag")
            if let lane, let daily, "\(lane.months)" != "\(daily.months)" {
                Issue.record("\(persona.id): hele maanden en dag voor dag verschillen; \(SharedMonthsTests.firstDifference("\(lane.months)", "\(daily.months)"))")
            }
            let explained = try? book.evaluator.run(persona, from: from, to: to, trace: true)
            let untraced = try? book.evaluator.run(persona, from: from, to: to, trace: false)
            guard let explained, let untraced, let lane else {
                #expect(lane == nil && explained == nil, "\(persona.id): de baan \(lane == nil ? "faalt" : "slaagt"), de enkele run \(explained == nil ? "faalt" : "slaagt")")
                continue
            }
            #expect(lane.months.count == explained.months.count, "\(persona.id): \(lane.months.count) tegen \(explained.months.count) maanden")
            for (l, s) in zip(lane.months, explained.months) {
                for (x, y) in zip(l.benefits, s.benefits) {
                    #expect(x.paidCents == y.paidCents, "\(persona.id), \(s.month.dutch), \(y.benefit): baan \(x.paidCents) ct, enkele run \(y.paidCents) ct")
                    #expect(x.corrections.map { "\($0.forMonth.dutch) \($0.cents)" } == y.corrections.map { "\($0.forMonth.dutch) \($0.cents)" },
                            "\(persona.id), \(s.month.dutch), \(y.benefit): correcties verschillen")
                }
            }
            for (l, s) in zip(lane.months, untraced.months) {
                let a = "\(l)", b = "\(s)"
                if a != b { Issue.record("\(persona.id), \(s.month.dutch): baan en enkele run verschillen; \(SharedMonthsTests.firstDifference(a, b))") }
            }
            compared += 1
        }
        return compared
    }

    @Test func everyBundledPersonaInABlockPaysWhatItsExplainedRunPays() throws {
        let personas = try book.allPersonas().filter { $0.defaultMonths != nil }
        // Lanes of one block share their months: one block per period.
        let blocks = Dictionary(grouping: personas) { "\($0.defaultMonths!.from)…\($0.defaultMonths!.to)" }
        var compared = 0
        for key in blocks.keys.sorted() {
            let block = blocks[key]!
            compared += try expectLanesMatchSingleRuns(block, from: block[0].defaultMonths!.from, to: block[0].defaultMonths!.to)
        }
        #expect(compared >= 20)
    }

    /// Lanes that differ in everything (blocks, records, periods) in one block,
    /// over one range that covers all of them.
    @Test func allBundledPersonasInOneBlockPayWhatTheirExplainedRunsPay() throws {
        let personas = try book.allPersonas().filter { $0.defaultMonths != nil }
        let from = personas.map { $0.defaultMonths!.from }.min()!, to = personas.map { $0.defaultMonths!.to }.max()!
        #expect(try expectLanesMatchSingleRuns(personas, from: from, to: to) >= 10)
    }

    /// A population block: synthetic people drawn from the same persona
    /// (different wages, incomes, stays shifted by days, extra life events).
    @Test func syntheticPeopleInBlocksPayWhatTheirExplainedRunsPay() throws {
        let parameters = try PopulationParameters(book.ruleSet, on: CivilDate(year: 2025, month: 1, day: 1)!)
        let generator = PopulationGenerator(personas: try book.allPersonas(), parameters: parameters, size: 400, seed: 11)
        let people = (0..<generator.size).map { generator.person($0) }
        let blocks = Dictionary(grouping: people) { $0.archetype.stratum }
        var compared = 0
        for key in blocks.keys.sorted() {
            let block = blocks[key]!
            compared += try expectLanesMatchSingleRuns(block.map(\.persona), from: block[0].archetype.months.from, to: block[0].archetype.months.to)
        }
        #expect(compared >= 350)
    }

    /// A persona's run uses the range proof as an input run does (`LaneBlock.frame`):
    /// what cannot fail runs without checks. Every month of every lane, in every field,
    /// is the same with the proof and without it, for the bundled personas and for
    /// synthetic people in blocks; and the proof does mark instructions of the real rules
    /// (of the bundled rules mostly parameters and products of them: a proven product
    /// computed as a sum, tried once, fails here on Wajong's intent for fatima).
    @Test func theRangeProofChangesNoMonthOfAPersona() throws {
        let plan = book.evaluator.plan
        let parameters = try PopulationParameters(book.ruleSet, on: CivilDate(year: 2025, month: 1, day: 1)!)
        let generator = PopulationGenerator(personas: try book.allPersonas(), parameters: parameters, size: 300, seed: 17)
        let people = try book.allPersonas().compactMap { p in p.defaultMonths.map { (p, $0) } }
            + (0..<generator.size).map { generator.person($0) }.map { ($0.persona, $0.archetype.months) }
        let blocks = Dictionary(grouping: people) { "\($0.1.from)…\($0.1.to)" }
        var compared = 0
        for key in blocks.keys.sorted() {
            let block = blocks[key]!, months = block[0].1
            let lanes = LaneEvaluator(plan: plan)
            let proven = lanes.runs(block.map(\.0), from: months.from, to: months.to)
            let checked = lanes.runs(block.map(\.0), from: months.from, to: months.to, proving: false)
            for ((persona, _), (a, b)) in zip(block, zip(proven, checked)) {
                #expect((a == nil) == (b == nil), "\(persona.id): met bewijs \(a == nil ? "faalt" : "slaagt"), zonder \(b == nil ? "faalt" : "slaagt")")
                if let a, let b, "\(a.months)" != "\(b.months)" {
                    Issue.record("\(persona.id): met en zonder bewijs verschillen; \(SharedMonthsTests.firstDifference("\(a.months)", "\(b.months)"))")
                }
                if a != nil { compared += 1 }
            }
        }
        #expect(compared >= 300)
        let proof = RangeProof(plan: plan, range: EvaluationRange(from: YearMonth(year: 2024, month: 1), to: YearMonth(year: 2025, month: 12)),
                               inputs: nil, inputsFromStart: false)
        let proven = (0..<plan.program.codeCount).filter { proof.cannotFail[$0] }.count
        #expect(proven > 0 && proven < plan.program.codeCount)
    }

    /// A view's table is derived from the previous view's (`FactTable.known(at:)`):
    /// it must hold what a table built afresh for that day holds, day after day, and
    /// back again (a view of a later decision day may come before one of an earlier
    /// day). Of a kind of lines per month (income) only the months of the lines that
    /// changed are filled again: synthetic people, whose incomes and stays differ from
    /// their persona's, check that against the whole table. Derived on every date of
    /// every line, also a date on which nothing changes for the agency (a register its
    /// officers could not see, `Knowledge.registerChange`), which fills nothing again.
    @Test func aTableDerivedFromAnEarlierOneIsTheTableOfItsDay() throws {
        let layout = book.evaluator.plan.factLayout
        #expect(layout.kindsFillTheirOwnFacts)
        let parameters = try PopulationParameters(book.ruleSet, on: CivilDate(year: 2025, month: 1, day: 1)!)
        let generator = PopulationGenerator(personas: try book.allPersonas(), parameters: parameters, size: 120, seed: 5)
        let synthetic = (0..<generator.size).map { generator.person($0).persona }
        var compared = 0
        for persona in try book.allPersonas() + synthetic {
            guard let months = persona.defaultMonths else { continue }
            let range = EvaluationRange(from: months.from, to: months.to)
            let ends = (0...(months.to.index - months.from.index)).map { months.from.adding(months: $0).last }
            // Every date of every line, not only those that change what the agency knows
            // (`knowledgeDates`): on the others, a table derived without filling anything
            // again must also be the fresh one.
            let days = (persona.records.flatMap(\.knowledge.dates) + ends).sorted()
            var table = FactTable(persona: persona, layout: layout, range: range, knownAt: range.firstDay)
            for day in days + days.reversed() {
                table = table.known(at: day, persona: persona, layout: layout)
                let fresh = FactTable(persona: persona, layout: layout, range: range, knownAt: day)
                #expect(table.constants == fresh.constants && table.monthly == fresh.monthly && table.daily == fresh.daily,
                        "\(persona.id), \(day): afgeleide tabel wijkt af")
                compared += 1
            }
        }
        #expect(compared > 2_000)
    }
}
