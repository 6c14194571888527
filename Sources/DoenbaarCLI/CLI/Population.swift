import DoenbaarAnalysis
import DoenbaarCore
import DoenbaarReports
import Foundation

/// The command-line side of a population estimate (`PopulationAnalysis` does
/// the work): the options every command reads alike, progress, timing, and
/// the one line about people who could not be run.
enum Population {
    struct Message: Error { let text: String }

    /// The seed every command takes when `--seed` is not given.
    static let defaultSeed: UInt64 = 20240101

    /// The size (`--size`, `--omvang` or `--populatie`; nil when not given, for the command
    /// to choose its default) and `--seed`, read alike by every command.
    static func sizeAndSeed(_ args: Arguments, sizeOption: String) -> Result<(Int?, UInt64), Message> {
        var size: Int?
        if let sizeText = args.value(sizeOption) {
            guard let n = Int(sizeText), (1...100_000_000).contains(n) else {
                return .failure(Message(text: "--\(sizeOption) verwacht een aantal tussen 1 en 100.000.000, niet '\(sizeText)'"))
            }
            size = n
        }
        let seedText = args.value("seed") ?? "\(defaultSeed)"
        guard let seed = UInt64(seedText) else {
            return .failure(Message(text: "--seed verwacht een geheel getal van 0 tot 2^64, niet '\(seedText)'"))
        }
        return .success((size, seed))
    }

    /// The size given, or else the whole caseload (`caseload`): every command's default.
    static func size(given: Int?, _ input: LoadedInput) -> Result<Int, Message> {
        given.map { .success($0) } ?? caseload(input)
    }

    /// The files of a population's report, as every command writes them.
    static func files(_ report: PopulatieRapport) throws -> [(name: String, contents: String)] {
        [("populatie.md", PopulatieMarkdown.render(report)), ("populatie.json", try ReportJSON.render(report))]
    }

    /// The size of the whole caseload the rules declare (`bestand` of each block): one
    /// synthetic person per benefit. A failure, with the reason, when the rules declare
    /// none or lack the population's parameters (Rules/analyse/populatie.regels).
    static func caseload(_ input: LoadedInput) -> Result<Int, Message> {
        do throws(AnalysisError) {
            let caseload = try PopulationParameters(input.ruleSet).caseload
            guard caseload > 0 else { return .failure(Message(text: "de regels noemen bij geen onderdeel een bestand (aantal uitkeringen)")) }
            return .success(caseload)
        } catch {
            return .failure(Message(text: error.description))
        }
    }

    /// The population of the input, ready to run (not yet run), with an analyzer of its own for
    /// every further core where the input keeps its rule files (`PopulationRun.replicas`).
    /// - Parameter analysing: whether its people are run here; parts merged (`--samenvoegen`) run
    ///   nobody, and the rules are then not checked again for analyzers no core would use.
    static func run(_ input: LoadedInput, size: Int, seed: UInt64, analysing: Bool = true,
                    _ console: Console) -> LoadedInput.Outcome<PopulationRun> {
        do throws(PopulationError) {
            var run = try PopulationAnalysis.population(ruleSet: input.ruleSet, personas: input.personas, evaluator: input.evaluator,
                                                        size: size, seed: seed)
            guard analysing else { return .success(run) }
            let cores = ProcessInfo.processInfo.activeProcessorCount
            run.replicas = (1..<max(1, cores)).compactMap { _ in input.analyzerReplica(detectors: run.analyzer.detectors) }
            return .success(run)
        } catch {
            return .failure(console.fail(error.description))
        }
    }

    /// Says how many people could not be run; false when nobody could (no estimate is then worth a report).
    @discardableResult
    static func reportFailures(_ result: PopulationRun.Result, _ console: Console) -> Bool {
        switch result.failureVerdict {
        case .none: return true
        case .some(let message): console.err("doenbaar: \(message)\n"); return true
        case .everyone(let message): _ = console.fail(message); return false
        }
    }

    /// - Parameter sensitivity: also run every assumption at its ends (the population report; the invoeringstoets does without).
    static func estimate(_ input: LoadedInput, size: Int, seed: UInt64, sensitivity: Int? = nil, _ console: Console) -> LoadedInput.Outcome<PopulatieRapport> {
        let run: PopulationRun
        switch self.run(input, size: size, seed: seed, console) {
        case .success(let r): run = r
        case .failure(let code): return .failure(code)
        }
        let started = Date()
        let bar = ProgressBar(total: size, console: console)
        var progress: (@Sendable (Int) -> Void)?
        if let bar { progress = { done in bar.update(done) } }
        var estimate = PopulationAnalysis(run, progress: progress)
        bar?.finish()
        guard reportFailures(estimate.result, console) else { return .failure(.inputErrors) }
        // Timing goes to stderr only, so the reports stay the same for the same seed.
        console.err(String(format: "populatie van %d doorgerekend in %.1f s\n", size, Date().timeIntervalSince(started)))
        if let sample = sensitivity {
            let sensitivityStarted = Date()
            do throws(PopulationError) { estimate = try estimate.withSensitivity(samplePersons: sample) } catch {
                return .failure(console.fail(error.description))
            }
            if let s = estimate.sensitivity?.analysis {
                console.err(String(format: "gevoeligheid: %d aannames (%d op een steekproef van %d) doorgerekend in %.1f s\n", s.assumptions.count,
                                   s.assumptions.filter(\.needsRun).count, s.samplePersons, Date().timeIntervalSince(sensitivityStarted)))
            }
        }
        return .success(PopulatieRapport.build(estimate.result, generator: run.generator, fingerprint: input.fingerprint,
                                               sensitivity: estimate.sensitivity.map { ($0.analysis, $0.swings) }))
    }
}
