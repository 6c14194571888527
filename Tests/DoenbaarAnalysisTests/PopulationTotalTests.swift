@testable import DoenbaarAnalysis
import DoenbaarCore
import DoenbaarTesting
import Testing

/// The whole population's result added up as its chunks come (`PopulationRun.total`,
/// `OrderedTotal`): exactly the chunks' results merged in chunk order, none of them kept.
@Suite struct PopulationTotalTests {
    let book: RuleBook
    init() throws { book = try RuleBook.bundled() }

    /// Whether two results hold the same counts and the same sums, to the last bit.
    private func same(_ a: PopulationRun.Result, _ b: PopulationRun.Result) -> Bool {
        a.persons == b.persons && a.runs == b.runs && a.failures == b.failures && a.firstFailure == b.firstFailure
            && a.tallies.mapValues(\.hits) == b.tallies.mapValues(\.hits)
            && a.tallies.mapValues(\.harmCents) == b.tallies.mapValues(\.harmCents)
            && a.tallies.mapValues(\.harmSquares) == b.tallies.mapValues(\.harmSquares)
            && a.tallies.mapValues(\.money) == b.tallies.mapValues(\.money)
    }

    private func run() throws -> PopulationRun {
        let parameters = try PopulationParameters(book.ruleSet, on: CivilDate(year: 2025, month: 1, day: 1)!)
        let generator = PopulationGenerator(personas: try book.allPersonas(), parameters: parameters, size: 600, seed: 17)
        return PopulationRun(generator: generator, analyzer: try Analyzer(evaluator: book.evaluator))
    }

    @Test func theTotalAsChunksComeIsTheirMergeInChunkOrder() throws {
        let run = try run()
        let chunks = run.run(chunks: 0..<run.chunkCount)
        #expect(chunks.count == 3)
        let total = run.total(chunks: 0..<run.chunkCount)
        #expect(total.persons.values.reduce(0, +) == 600)
        #expect(total.tallies.values.contains { !$0.harmSquares.isEmpty }, "some harm, so the sums are worth comparing")
        #expect(same(total, PopulationRun.merge(chunks)))
        // The same through the analysis the commands use.
        #expect(same(PopulationAnalysis(run).result, PopulationRun.merge(chunks)))
    }

    @Test func aChunkThatComesEarlyWaitsForThoseBeforeIt() throws {
        let run = try run()
        let chunks = run.run(chunks: 0..<run.chunkCount)
        let total = OrderedTotal()
        // The last chunk first: nothing can be added before the first chunk has come.
        total.add(2, chunks[2])
        #expect(total.result().persons.isEmpty)
        total.add(1, chunks[1])
        #expect(total.result().persons.isEmpty)
        // The first one comes: all three added, in chunk order.
        total.add(0, chunks[0])
        #expect(same(total.result(), PopulationRun.merge(chunks)))
        #expect(!same(total.result(), PopulationRun.merge([chunks[0]])), "the later chunks count too")
    }
}
