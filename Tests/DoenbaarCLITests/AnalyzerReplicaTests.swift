@testable import DoenbaarCLI
import DoenbaarCore
import Foundation
import Testing

/// The analyzer a population run gives each further core (`LoadedInput.analyzerReplica`,
/// `PopulationRun.replicas`): made from the rule files as read, only where they are these rules.
@Suite struct AnalyzerReplicaTests {
    private func input() throws -> LoadedInput {
        let recorder = RecordingConsole()
        guard case .success(let input) = LoadedInput.load(rules: "\(packageRoot)/Rules", personas: "\(packageRoot)/Personas", recorder.console) else {
            Issue.record("the bundled rules and personas load: \(recorder.standardError)")
            throw CancellationError()
        }
        return input
    }

    @Test func aLoadedInputMakesItsAnalyzerAgainFromTheFilesAsRead() throws {
        let input = try input()
        #expect(input.ruleFiles.count == input.sources.files.filter { $0.path.hasSuffix(".regels") }.count)
        let replica = try #require(input.analyzerReplica(detectors: []))
        #expect(replica.evaluator.plan !== input.evaluator.plan)
        #expect(replica.evaluator.plan.ruleSet.benefits.map(\.name) == input.ruleSet.benefits.map(\.name))
    }

    @Test func anInputWithoutItsFilesOrWithOtherRulesMakesNone() throws {
        let loaded = try input()
        // As the invoeringstoets makes one, from a reform's rule set: no files of its own.
        let reform = LoadedInput(ruleSet: loaded.ruleSet, personas: loaded.personas, evaluator: loaded.evaluator, sources: loaded.sources)
        #expect(reform.analyzerReplica(detectors: []) == nil)
        // Files that give other rules than the input holds (one benefit fewer): not taken for them.
        var other = loaded.ruleSet
        other.benefits.removeLast()
        let mismatched = LoadedInput(ruleSet: other, personas: loaded.personas, evaluator: loaded.evaluator, sources: loaded.sources,
                                     ruleFiles: loaded.ruleFiles)
        #expect(mismatched.analyzerReplica(detectors: []) == nil)
    }

    @Test func thePopulationOfALoadedInputHasAnAnalyzerForEveryFurtherCore() throws {
        let input = try input()
        let recorder = RecordingConsole()
        guard case .success(let run) = Population.run(input, size: 300, seed: 1, recorder.console) else {
            Issue.record("the population is made: \(recorder.standardError)")
            return
        }
        #expect(run.replicas.count == ProcessInfo.processInfo.activeProcessorCount - 1)
        #expect(run.replicas.allSatisfy { $0.evaluator.plan !== run.analyzer.evaluator.plan })
    }
}
