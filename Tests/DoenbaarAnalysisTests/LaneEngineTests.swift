import DoenbaarAnalysis
import DoenbaarCore
import DoenbaarTesting
import Testing

/// The lane engine (`LaneEvaluator`) runs a block of people at once; the single
/// lane (`Evaluator`) runs one person with the explanation. Both must book the
/// same payments and corrections, to the cent, month by month.
@Suite struct LaneEngineTests {
    let book: RuleBook
    init() throws { book = try RuleBook.bundled() }

    /// Compares each lane with the explained single-lane run of the same persona.
    func expectLanesMatchSingleRuns(_ personas: [Persona], from: YearMonth, to: YearMonth) throws -> Int {
        let lanes = LaneEvaluator(plan: book.evaluator.plan).run(personas, from: from, to: to)
        var compared = 0
        for (persona, lane) in zip(personas, lanes) {
            guard let single = try? book.evaluator.run(persona, from: from, to: to, trace: true) else { continue }
            guard case .months(let months) = lane else {
                Issue.record("\(persona.id): de baan faalt (\(lane)), de enkele run niet")
                continue
            }
            #expect(months.count == single.months.count, "\(persona.id): \(months.count) tegen \(single.months.count) maanden")
            for (l, s) in zip(months, single.months) {
                #expect(l.month == s.month)
                for (b, benefit) in s.benefits.enumerated() {
                    #expect(l.paidCents[b] == benefit.paidCents,
                            "\(persona.id), \(s.month.dutch), \(benefit.benefit): baan \(l.paidCents[b]) ct, enkele run \(benefit.paidCents) ct")
                    let laneCorrections = l.corrections.filter { $0.benefit == b }.map { "\($0.forMonth.dutch) \($0.cents)" }
                    let singleCorrections = benefit.corrections.map { "\($0.forMonth.dutch) \($0.cents)" }
                    #expect(laneCorrections == singleCorrections, "\(persona.id), \(s.month.dutch), \(benefit.benefit): correcties verschillen")
                }
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
}
