import DoenbaarAnalysis
@testable import DoenbaarCore
import DoenbaarTesting
import Testing

/// A later view of the agency reads a slot from the view before it in every month in
/// which the facts the slot reads agree, whatever else the view learnt, and so it takes
/// over an obligation's episodes (`Plan.factSets`, `LaneFrame.source(of:_:)`,
/// `LaneFrame.episodes`): a new income line leaves the day wage as it was. That rests on two things shown here: a table derived for a later
/// day differs from the one before only in the record kinds it fills again, and the
/// first month in which each fact differs is the one a scan finds. That the runs come
/// out the same with and without sharing, `SharedMonthsTests` and `LaneEngineTests` show.
@Suite struct SlotSharingTests {
    let book: RuleBook
    init() throws { book = try RuleBook.bundled() }

    /// The first month in which fact f differs between two tables of one range, by a plain scan.
    func scannedFirstDifference(_ f: Int, _ a: FactTable, _ b: FactTable) -> Int {
        let range = a.range
        if a.constants[f] != b.constants[f] { return 0 }
        var first = range.monthCount
        if a.monthly.has(f), let m = Array(zip(a.monthly.row(f), b.monthly.row(f))).firstIndex(where: { $0 != $1 }) { first = m }
        if let d = Array(zip(a.daily[f], b.daily[f])).firstIndex(where: { $0 != $1 }) {
            first = min(first, range.monthOffset(range.date(ofDay: d).yearMonth))
        }
        return first
    }

    @Test func aLaterTableDiffersOnlyInTheKindsFilledAgainFromTheMonthsFound() throws {
        let layout = book.evaluator.plan.factLayout
        let parameters = try PopulationParameters(book.ruleSet, on: CivilDate(year: 2025, month: 1, day: 1)!)
        let generator = PopulationGenerator(personas: try book.allPersonas(), parameters: parameters, size: 60, seed: 11)
        let facts = Array(layout.facts.indices)
        var compared = 0, differing = 0
        for persona in try book.allPersonas() + (0..<generator.size).map({ generator.person($0).persona }) {
            guard let months = persona.defaultMonths else { continue }
            let range = EvaluationRange(from: months.from, to: months.to)
            var table = FactTable(persona: persona, layout: layout, range: range, knownAt: range.firstDay)
            // Forward and back again: a view of a later day may come before one of an earlier day.
            for day in persona.knowledgeDates + persona.knowledgeDates.reversed() {
                var refilled = [Bool](repeating: false, count: layout.records.count)
                let next = table.known(at: day, persona: persona, layout: layout, lines: nil, refilled: &refilled)
                let mayDiffer = Set(refilled.indices.filter { refilled[$0] }.flatMap { layout.filledByKind[$0] })
                var found = [Int](repeating: range.monthCount, count: facts.count)
                next.lowerFirstDifferingMonths(of: facts, from: table, into: &found, floor: -1)
                for f in facts {
                    let scanned = scannedFirstDifference(f, next, table)
                    #expect(found[f] == scanned, "\(persona.id), \(day), \(layout.facts[f].name): maand \(found[f]), gescand \(scanned)")
                    #expect(scanned == range.monthCount || mayDiffer.contains(f),
                            "\(persona.id), \(day), \(layout.facts[f].name): wijkt af zonder dat de soort opnieuw is gevuld")
                    if scanned < range.monthCount { differing += 1 }
                }
                #expect(found.min() == next.firstDifferingMonth(from: table), "\(persona.id), \(day)")
                table = next
                compared += 1
            }
        }
        #expect(compared > 400, "\(compared) tabellen vergeleken")
        #expect(differing > 400, "\(differing) feiten die verschillen")
    }

    /// Ingrid's employer reported her income to the polis register, which UWV could not
    /// see until 12 April 2023 (Personas/ingrid.persona): the view after that day learns
    /// her income of every month from January 2022 on. It computes again what reads the
    /// income, and reads the day wage from the view before; what reads the decision date
    /// it computes itself. Her stays abroad it takes over too; the episodes of reporting income it works out again.
    @Test func aViewReadsFromTheViewBeforeWhatItsNewFactsDoNotTouch() throws {
        let plan = book.evaluator.plan
        let ingrid = try book.persona(named: "ingrid")
        let range = EvaluationRange(from: YearMonth(year: 2022, month: 1), to: YearMonth(year: 2023, month: 6))
        var block = LaneBlock(plan: plan, personas: [ingrid], range: range)
        _ = block.view(CivilDate(year: 2023, month: 4, day: 11)!)
        let after = block.view(CivilDate(year: 2023, month: 4, day: 30)!)
        func slot(_ name: String) throws -> Int { try #require(plan.ruleSet.values.firstIndex { $0.name == name }) }
        let january = range.monthOffset(YearMonth(year: 2022, month: 1))
        #expect(after.sharedMonths == january)
        for m in january..<range.monthCount {
            #expect(after.source(of: try slot("dagloon"), m) != nil, "dagloon, maand \(m)")
            #expect(after.source(of: try slot("inkomen_naar_verhouding"), m) == nil, "inkomen_naar_verhouding, maand \(m)")
            #expect(after.source(of: try slot("tijdvak_afgesloten"), m) == nil, "tijdvak_afgesloten, maand \(m)")
        }
        func obligation(_ name: String) throws -> Int { try #require(plan.ruleSet.obligations.firstIndex { $0.name == name }) }
        #expect(after.agreeingMonths(plan.obligationFactSet[try obligation("verblijf_buitenland_melden")]) == range.monthCount)
        #expect(after.agreeingMonths(plan.obligationFactSet[try obligation("inkomen_melden_ww")]) == january)
        // What it reads there is what a view made afresh on that day computes.
        var fresh = LaneBlock(plan: plan, personas: [ingrid], range: range)
        let alone = fresh.view(CivilDate(year: 2023, month: 4, day: 30)!)
        for m in january..<range.monthCount {
            for name in ["dagloon", "inkomen_naar_verhouding"] {
                #expect(after.slot(try slot(name), m)[0] == alone.slot(try slot(name), m)[0], "\(name), maand \(m)")
            }
        }
    }
}
