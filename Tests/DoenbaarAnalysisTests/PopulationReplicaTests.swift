@testable import DoenbaarAnalysis
import DoenbaarCore
import DoenbaarTesting
import Testing

/// An analyzer per core (`PopulationRun.replicas`) and the batches the cores take
/// (`PopulationRun.batches`): how the work is spread changes the speed, never a result.
@Suite struct PopulationReplicaTests {
    let book: RuleBook
    init() throws { book = try RuleBook.bundled() }

    /// The bundled rules checked anew from the files as read: the same rules, none of their lists shared.
    private func replica() throws -> Analyzer {
        let loaded = try RuleLoader.load([book.rulesDirectory], sources: SourceManager())
        let again = try #require(RuleLoader.check(loaded.read, sources: SourceManager()).ruleSet)
        return try Analyzer(evaluator: Evaluator(plan: Plan(again)))
    }

    @Test func theRulesCheckedAnewAreTheSameRulesInOtherStorage() throws {
        let loaded = try RuleLoader.load([book.rulesDirectory], sources: SourceManager())
        let first = try #require(loaded.ruleSet)
        #expect(!loaded.read.isEmpty && loaded.read.map(\.path) == loaded.files)
        let again = try #require(RuleLoader.check(loaded.read, sources: SourceManager()).ruleSet)
        #expect(again.benefits.map(\.name) == first.benefits.map(\.name))
        #expect(again.obligations.map(\.name) == first.obligations.map(\.name))
        #expect(again.parameters.map(\.name) == first.parameters.map(\.name))
        // Made anew, not copied: the lists lie elsewhere.
        let a = first.values.withUnsafeBufferPointer { $0.baseAddress }, b = again.values.withUnsafeBufferPointer { $0.baseAddress }
        #expect(a != b)
    }

    @Test func aRunWithAnAnalyzerPerCoreGivesTheSameResultPerChunk() throws {
        let parameters = try PopulationParameters(book.ruleSet, on: CivilDate(year: 2025, month: 1, day: 1)!)
        let generator = PopulationGenerator(personas: try book.allPersonas(), parameters: parameters, size: 600, seed: 11)
        let shared = PopulationRun(generator: generator, analyzer: try Analyzer(evaluator: book.evaluator))
        var apart = shared
        apart.replicas = [try replica(), try replica()]
        // One chunk per batch: every analyzer takes some of the three.
        let a = shared.run(chunks: 0..<shared.chunkCount, chunksPerBatch: 1), b = apart.run(chunks: 0..<apart.chunkCount, chunksPerBatch: 1)
        #expect(a.count == 3 && b.count == 3)
        for (x, y) in zip(a, b) {
            #expect(x.persons == y.persons && x.runs == y.runs && x.failures == y.failures)
            #expect(x.tallies.mapValues { $0.hits } == y.tallies.mapValues { $0.hits })
            #expect(x.tallies.mapValues { $0.harmSquares } == y.tallies.mapValues { $0.harmSquares })
            #expect(x.tallies.mapValues { $0.money } == y.tallies.mapValues { $0.money })
        }
        #expect(a.contains { !$0.tallies.isEmpty }, "the chunks find knelpunten to compare")
    }

    @Test func theBatchesCoverEveryChunkOnceInOrderAndEndSmaller() {
        // A million people: 3.907 chunks of 256, batches of 16, two cores.
        let batches = PopulationRun.batches(3_907, perBatch: 16, cores: 2)
        #expect(batches.first == 0..<16)
        #expect(zip(batches, batches.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        #expect(batches.last?.upperBound == 3_907)
        // The last 32 chunks (16 per core) in batches of 4; the rest whole, the head's last one short.
        #expect(batches.suffix(8).allSatisfy { $0.count == 4 } && batches.suffix(8).first?.lowerBound == 3_875)
        #expect(batches.dropLast(8).dropLast().allSatisfy { $0.count == 16 })
        // Fewer than four batches a core: not split.
        #expect(PopulationRun.batches(100, perBatch: 16, cores: 2) == stride(from: 0, to: 100, by: 16).map { $0..<min(100, $0 + 16) })
        #expect(PopulationRun.batches(3, perBatch: 1, cores: 2) == [0..<1, 1..<2, 2..<3])
    }
}
