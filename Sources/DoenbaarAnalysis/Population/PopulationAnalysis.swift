import DoenbaarCore

/// The population work that `populatie` (whole, in parts, merged),
/// `invoeringstoets --populatie` and `bench --populatie` share: the synthetic
/// population of a rule set and its personas, everyone run on all cores, the
/// failures judged, and the assumptions run at their ends. The commands read
/// options, show progress and timing, and write reports.
public struct PopulationAnalysis: Sendable {
    public let run: PopulationRun
    /// The chunks' results merged in chunk order.
    public let result: PopulationRun.Result
    /// The assumptions run at their ends (`withSensitivity`), and how far each moves each estimate.
    public private(set) var sensitivity: (analysis: PopulationSensitivity, swings: [String: [PopulationSensitivity.Swing]])?

    /// The population of these rules and personas, ready to run (not yet run).
    public static func population(ruleSet: RuleSet, personas: [Persona], evaluator: Evaluator,
                                  size: Int, seed: UInt64) throws(PopulationError) -> PopulationRun {
        let parameters: PopulationParameters, analyzer: Analyzer
        do throws(AnalysisError) {
            parameters = try PopulationParameters(ruleSet)
            analyzer = try Analyzer(evaluator: evaluator)
        } catch {
            throw PopulationError(error.description)
        }
        let generator = PopulationGenerator(personas: personas, parameters: parameters, size: size, seed: seed, ruleSet: ruleSet)
        guard !generator.archetypes.isEmpty else {
            throw PopulationError("geen persona's met een uitkering uit de populatieparameters om een populatie van te maken")
        }
        return PopulationRun(generator: generator, analyzer: analyzer)
    }

    /// Everyone run. Whether people could not be run is in `result.failureVerdict`:
    /// when nobody could, no estimate is worth a report.
    public init(_ run: PopulationRun, progress: (@Sendable (Int) -> Void)? = nil) {
        self.run = run
        result = run.total(chunks: 0..<run.chunkCount, progress: progress)
    }

    /// The parts of `doenbaar populatie --deel` merged in chunk order: exactly
    /// the analysis one run gives, with the assumptions' ranges of its sample.
    public init(merging parts: [PopulationPart], of run: PopulationRun) throws(PopulationError) {
        let merged = try PopulationPart.merge(parts, strata: Set(run.generator.archetypes.map(\.stratum)), chunkCount: run.chunkCount)
        self.run = run
        result = PopulationRun.merge(merged.chunks)
        let analysis = PopulationSensitivity(run: run, samplePersons: parts.first?.gevoeligheid_personen ?? 0)
        sensitivity = (analysis, analysis.swings(full: result, variants: merged.variants, base: run))
    }

    /// Part `k` of `n` (1-based) of the population: its chunks, and the runs of
    /// the assumptions at their ends for those of its chunks in the sample.
    public static func part(_ k: Int, of n: Int, of run: PopulationRun, samplePersons: Int,
                            fingerprint: String) throws(PopulationError) -> PopulationPart {
        let range = run.chunks(part: k, of: n)
        let variants = try variants(PopulationSensitivity(run: run, samplePersons: samplePersons), chunks: range, of: run)
        return PopulationPart(run: run, part: k, of: n, fingerprint: fingerprint, chunks: run.run(chunks: range), variants: variants,
                              samplePersons: samplePersons)
    }

    /// The same estimate with every assumption run at its ends, on the first `samplePersons`.
    public func withSensitivity(samplePersons: Int) throws(PopulationError) -> PopulationAnalysis {
        let analysis = PopulationSensitivity(run: run, samplePersons: samplePersons)
        let variants = try Self.variants(analysis, chunks: 0..<run.chunkCount, of: run)
        var copy = self
        copy.sensitivity = (analysis, analysis.swings(full: result, variants: variants, base: run))
        return copy
    }

    /// The runs of the assumptions at their ends over these chunks (those in the sample), by variant id.
    private static func variants(_ analysis: PopulationSensitivity, chunks: Range<Int>,
                                 of run: PopulationRun) throws(PopulationError) -> [String: [PopulationRun.Result]] {
        do throws(AnalysisError) { return try analysis.run(chunks: chunks, base: run) } catch {
            throw PopulationError(error.description)
        }
    }
}

extension PopulationRun.Result {
    /// Whether synthetic people could not be run, said in one Dutch line.
    public enum FailureVerdict: Sendable, Equatable {
        case none
        /// Some could not; the rest is worth a report.
        case some(String)
        /// Nobody could.
        case everyone(String)
    }

    public var failureVerdict: FailureVerdict {
        guard let first = firstFailure, failures > 0 else { return .none }
        let total = persons.values.reduce(0, +)
        if failures >= total { return .everyone("geen van de \(total) synthetische personen kon worden doorgerekend; de eerste fout: \(first)") }
        return .some("\(failures) synthetische personen niet doorgerekend; de eerste: \(first)")
    }
}
