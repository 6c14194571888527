import DoenbaarCore
import Foundation

/// Runs the analysis on every synthetic person of a population and keeps only
/// counts and sums per knelpunt, so memory stays flat as the population grows.
/// Persons are processed in chunks of `chunkSize` on all cores; the chunks'
/// tallies are merged in chunk order, so the result is the same for the same
/// seed — also when the chunks were computed in parts on different machines
/// (`PopulationPart`) and merged afterwards.
public struct PopulationRun: Sendable {
    public private(set) var generator: PopulationGenerator
    public let analyzer: Analyzer
    /// Where the estimates add each phase's CPU time, when measured (`bench --populatie N --fasen`).
    public var times: PhaseTimes? = nil
    /// The analyzer again, made from the same rule files checked anew (`RuleLoader.check`), for
    /// each further core: a core analyses with one that no other core uses meanwhile, so no object
    /// of the rules (their lists, names, the plan's tables) is counted from two cores at once. A
    /// count written from two cores moves its cache line back and forth between them: with one
    /// analyzer for both cores, the same people took some 3% more time (100.000 people, stop 48).
    /// Each must be the analyzer of the very same rules: the results are then the same to the
    /// last bit, whichever core took a batch. None: the cores share `analyzer`.
    public var replicas: [Analyzer] = []
    /// Persons per chunk: the unit of results, and of splitting into parts.
    public static let chunkSize = 256
    /// Chunks analysed together at most: their people share the blocks of the lane engine
    /// (`SharedRuns`), which spreads a block's work per view, rule and month over more lanes.
    /// Each chunk keeps its own result, so how chunks are batched changes only the speed.
    /// People are spread over blocks by the months their runs cover, so the blocks of four
    /// chunks held 44 lanes on average; sixteen fill them to 88 and took 4 to 6% less CPU
    /// time (200.000 people), for some 100 MiB more memory per core. Eight did as well in one
    /// round and worse in another; 32 filled the blocks to 105 and saved nothing more (stop 42).
    public static let chunksPerBatch = 16

    public init(generator: PopulationGenerator, analyzer: Analyzer) {
        self.generator = generator
        self.analyzer = analyzer
    }

    /// The same run with every synthetic person drawn from one archetype (`PopulationGenerator.drawing(only:)`),
    /// analysed as this run is (its analyzers, its measuring); nil for an id no archetype has.
    public func drawing(only id: String) -> PopulationRun? {
        guard let only = generator.drawing(only: id) else { return nil }
        var run = self
        run.generator = only
        return run
    }

    /// How many chunks the population has.
    public var chunkCount: Int { (generator.size + Self.chunkSize - 1) / Self.chunkSize }

    /// The chunks of part `k` of `n` (1-based): a contiguous range, the parts together all chunks once.
    public func chunks(part k: Int, of n: Int) -> Range<Int> {
        (chunkCount * (k - 1) / n)..<(chunkCount * k / n)
    }

    /// A stratum: the synthetic people drawn from one persona (its id).
    public typealias Stratum = String

    /// What one knelpunt adds up to over the synthetic people, per stratum.
    public struct Tally: Sendable {
        /// What the knelpunt is about (the reports write its title from it).
        public var topic: FindingTopic? = nil
        public var kind = FindingKind.intentViolated
        public var hits: [Stratum: Int] = [:]
        /// The loss (lost entitlement and fines), with squares for its interval.
        public var harmCents: [Stratum: Int64] = [:]
        public var harmSquares: [Stratum: Double] = [:]
        /// The same loss by kind, and the repayments (no loss, kept apart).
        public var money: [Stratum: Money] = [:]

        public struct Money: Sendable, Equatable {
            public var lost: Int64 = 0, fines: Int64 = 0, repayment: Int64 = 0, belowProtected: Int64 = 0
            mutating func add(_ o: Money) {
                lost += o.lost; fines += o.fines; repayment += o.repayment; belowProtected += o.belowProtected
            }
        }

        mutating func add(_ f: Finding, harm: Harm, group: Stratum) {
            topic = f.topic
            kind = f.kind
            hits[group, default: 0] += 1
            let loss = harm.lossCents
            harmCents[group, default: 0] += loss
            harmSquares[group, default: 0] += Double(loss) * Double(loss)
            money[group, default: Money()].add(Money(lost: harm.lostCents, fines: harm.fineCents, repayment: harm.repaymentCents,
                                                     belowProtected: harm.belowProtectedCents))
        }

        mutating func merge(_ other: Tally) {
            if topic == nil { topic = other.topic; kind = other.kind }
            for (g, n) in other.hits { hits[g, default: 0] += n }
            for (g, c) in other.harmCents { harmCents[g, default: 0] += c }
            for (g, s) in other.harmSquares { harmSquares[g, default: 0] += s }
            for (g, m) in other.money { money[g, default: Money()].add(m) }
        }
    }

    public struct Result: Sendable {
        public var tallies: [String: Tally] = [:]
        /// Synthetic people per stratum.
        public var persons: [Stratum: Int] = [:]
        public var failures = 0
        public var firstFailure: String?
        /// Runs of the rules the analysis made (every variant of every person).
        public var runs = 0
        public init() {}
    }
    /// The results of some chunks, one per chunk in order, for `merge`; with `persons`, only the synthetic people before that index.
    /// - Parameter chunksPerBatch: chunks analysed together; by default `PopulationRun.chunksPerBatch`,
    ///   fewer where there would be too few batches to keep every core busy.
    public func run(chunks: Range<Int>, persons limit: Int? = nil, chunksPerBatch: Int? = nil,
                    progress: (@Sendable (Int) -> Void)? = nil) -> [Result] {
        let results = ChunkResults(count: chunks.count)
        analyse(chunks: chunks, persons: limit, chunksPerBatch: chunksPerBatch, progress: progress) { results.set($0, $1) }
        return results.all()
    }

    /// The results of some chunks merged in chunk order as they come: exactly `merge` of what
    /// `run(chunks:)` gives, without keeping the chunks' results. Kept until the end, the results
    /// of a million people's chunks (each a handful of small tables per knelpunt, spread through the heap among the
    /// lanes' short-lived buffers) slowed every allocation after them: the second half of a
    /// million people ran at 14.500 people a second where the first 100.000 ran at 16.500 (stop 49).
    public func total(chunks: Range<Int>, progress: (@Sendable (Int) -> Void)? = nil) -> Result {
        let total = OrderedTotal()
        analyse(chunks: chunks, persons: nil, chunksPerBatch: nil, progress: progress) { total.add($0, $1) }
        return total.result()
    }

    /// Runs the chunks on all cores, handing each chunk's result with its place among `chunks` to `deliver`
    /// (from any thread, in any order).
    private func analyse(chunks: Range<Int>, persons limit: Int?, chunksPerBatch: Int?, progress: (@Sendable (Int) -> Void)?,
                      _ deliver: @Sendable (Int, Result) -> Void) {
        guard !chunks.isEmpty else { return }
        let size = min(generator.size, limit ?? generator.size), chunkSize = Self.chunkSize
        let done = Counter()
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let perBatch = max(1, chunksPerBatch ?? min(Self.chunksPerBatch, chunks.count / cores))
        let batches = Self.batches(chunks.count, perBatch: perBatch, cores: cores)
        let analyzers = AnalyzerPool([analyzer] + replicas)
        DispatchQueue.concurrentPerform(iterations: batches.count) { batch in
            let first = chunks.lowerBound + batches[batch].lowerBound, last = chunks.lowerBound + batches[batch].upperBound
            let held = analyzers.take()
            defer { if let held { analyzers.give(held) } }
            let analyzer = analyzers.all[held ?? 0]
            // The batch's people; a chunk past `size` has none.
            let start = first * chunkSize, end = max(start, min(size, last * chunkSize))
            let people = (start..<end).map { generator.person($0) }
            let estimates = analyzer.estimate(people.map { ($0.persona, $0.archetype.months.from, $0.archetype.months.to) }, times: times)
            for c in first..<last {
                // The chunk's people, by their place in the batch.
                let persons = (min(c * chunkSize, end) - start)..<(min((c + 1) * chunkSize, end) - start)
                deliver(c - chunks.lowerBound, tally(people[persons], estimates[persons]))
                progress?(done.add(persons.count))
            }
        }
    }

    /// The batches of `count` chunks (places from the first), in the order the cores take them:
    /// of `perBatch` chunks, and, where each core has four batches or more, the last `cores * perBatch`
    /// chunks in batches of a quarter of that. The cores then run out of work at nearly the same
    /// moment: a core that took the last whole batch kept the others waiting for half a batch on
    /// average (0,3 s of 68 at a million people). Fewer batches are not split: smaller blocks take
    /// more time per person (`chunksPerBatch`).
    static func batches(_ count: Int, perBatch: Int, cores: Int) -> [Range<Int>] {
        let split = count >= 4 * max(1, cores) * perBatch
        let tail = split ? max(1, cores) * perBatch : 0, head = count - tail, small = max(1, perBatch / 4)
        return stride(from: 0, to: head, by: perBatch).map { $0..<min(head, $0 + perBatch) }
            + stride(from: head, to: count, by: small).map { $0..<min(count, $0 + small) }
    }

    /// One chunk's result from the estimates of its synthetic people.
    private func tally(_ people: ArraySlice<(persona: Persona, archetype: PopulationGenerator.Archetype)>,
                       _ estimates: ArraySlice<Swift.Result<(findings: [Finding], runs: Int), AnalysisError>>) -> Result {
        var result = Result()
        for ((person, archetype), estimate) in zip(people, estimates) {
            result.persons[archetype.stratum, default: 0] += 1
            switch estimate {
            case .success(let (findings, runs)):
                result.runs += runs
                // One person counts once per knelpunt, with the harm of its findings together.
                var byKey: [String: (Finding, Harm)] = [:]
                for f in findings { byKey[f.key] = (f, (byKey[f.key]?.1 ?? .none).union(f.harm)) }
                for (key, (f, harm)) in byKey { result.tallies[key, default: Tally()].add(f, harm: harm, group: archetype.stratum) }
            case .failure(let error):
                result.failures += 1
                if result.firstFailure == nil { result.firstFailure = "\(person.id): \(error.description)" }
            }
        }
        return result
    }

    /// Chunk results merged in the order given: the same order gives the same sums to the last bit.
    public static func merge(_ chunks: [Result]) -> Result {
        var total = Result()
        for r in chunks { total.add(r) }
        return total
    }
}

extension PopulationRun.Result {
    /// Another chunk's result added to this one (the chunk after those already in it).
    mutating func add(_ r: Self) {
        for (key, t) in r.tallies { tallies[key, default: PopulationRun.Tally()].merge(t) }
        for (g, n) in r.persons { persons[g, default: 0] += n }
        failures += r.failures
        runs += r.runs
        if firstFailure == nil { firstFailure = r.firstFailure }
    }
}

/// A run's analyzers (`PopulationRun.replicas`), handed to the cores: each takes one no other core holds.
private final class AnalyzerPool: @unchecked Sendable {
    let all: [Analyzer]
    private let lock = NSLock()
    private var free: [Int]

    init(_ all: [Analyzer]) {
        self.all = all
        free = Array(all.indices.reversed())
    }

    /// The place in `all` of one no other core holds now; nil where every one is held (the first is then shared).
    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        return free.popLast()
    }

    func give(_ k: Int) {
        lock.lock()
        free.append(k)
        lock.unlock()
    }
}

/// Per-chunk results, written by worker threads, read in chunk order.
private final class ChunkResults: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [PopulationRun.Result?]
    init(count: Int) { results = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: PopulationRun.Result) { lock.lock(); results[i] = r; lock.unlock() }
    func all() -> [PopulationRun.Result] { lock.lock(); defer { lock.unlock() }; return results.compactMap { $0 } }
}

/// Chunk results added to one total in chunk order, written by worker threads in any order: a result
/// waits only until those of the chunks before it have come (with the cores on neighbouring batches, a batch or two).
final class OrderedTotal: @unchecked Sendable {
    private let lock = NSLock()
    private var waiting: [Int: PopulationRun.Result] = [:]
    private var next = 0
    private var total = PopulationRun.Result()

    func add(_ i: Int, _ r: PopulationRun.Result) {
        lock.lock()
        defer { lock.unlock() }
        waiting[i] = r
        while let ready = waiting.removeValue(forKey: next) {
            total.add(ready)
            next += 1
        }
    }

    func result() -> PopulationRun.Result { lock.lock(); defer { lock.unlock() }; return total }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func add(_ n: Int) -> Int { lock.lock(); defer { lock.unlock() }; value += n; return value }
}

/// Estimates for the whole caseload from the tallies, stratified by persona:
/// each stratum's synthetic people stand for the people its persona stands
/// for (its group's caseload times its calibrated share of the group). People
/// hit with a 95% interval (Wilson per stratum, the strata's margins combined
/// as independent), and the money involved with a 95% interval. Statistics
/// are computed in floating point in a fixed order and rounded explicitly: to
/// whole people, and to whole euros.
public struct PopulationEstimate: Sendable {
    public let key: String
    public let topic: FindingTopic?
    public let kind: FindingKind
    public let people: Int
    public let peopleLow: Int
    public let peopleHigh: Int
    public let moneyCents: Int64
    public let moneyLowCents: Int64
    public let moneyHighCents: Int64
    /// The loss by kind and the repayments (whole euros; point estimates).
    public let lostCents: Int64
    public let fineCents: Int64
    public let repaymentCents: Int64
    public let belowProtectedCents: Int64
    public let syntheticHits: Int

    /// The point estimates of one knelpunt, unrounded: people and loss in cents.
    public struct Point: Sendable, Equatable {
        public var people: Double
        public var moneyCents: Double
    }

    /// The point estimates per knelpunt, with the people each stratum stands for.
    public static func points(_ result: PopulationRun.Result, people: [String: Double]) -> [String: Point] {
        result.tallies.mapValues { t in
            var p = Point(people: 0, moneyCents: 0)
            for stratum in people.keys.sorted() {
                let n = Double(result.persons[stratum] ?? 0)
                guard n > 0, let scale = people[stratum] else { continue }
                p.people += Double(t.hits[stratum] ?? 0) / n * scale
                p.moneyCents += Double(t.harmCents[stratum] ?? 0) / n * scale
            }
            return p
        }
    }

    public static func estimates(_ result: PopulationRun.Result, generator: PopulationGenerator) -> [PopulationEstimate] {
        let strata = generator.people()
        let order = strata.keys.sorted()
        return result.tallies.map { key, t -> PopulationEstimate in
            var people = 0.0, lowSquares = 0.0, highSquares = 0.0, money = 0.0, moneySquares = 0.0
            var lost = 0.0, fines = 0.0, repayment = 0.0, below = 0.0
            for stratum in order {
                let n = Double(result.persons[stratum] ?? 0)
                guard n > 0, let represented = strata[stratum] else { continue }
                let hits = Double(t.hits[stratum] ?? 0)
                let weight = represented / n
                let (pLow, pHigh) = wilson(hits, n)
                let share = hits / n
                people += hits * weight
                lowSquares += ((share - pLow) * represented) * ((share - pLow) * represented)
                highSquares += ((pHigh - share) * represented) * ((pHigh - share) * represented)
                let sum = Double(t.harmCents[stratum] ?? 0)
                // Harm per synthetic person (zero for those not hit): mean and standard error of the total.
                let mean = sum / n
                let variance = max(0, (t.harmSquares[stratum] ?? 0) / n - mean * mean)
                let se = (variance / n).squareRoot() * represented
                money += sum * weight
                moneySquares += se * se
                let parts = t.money[stratum] ?? .init()
                lost += Double(parts.lost) * weight
                fines += Double(parts.fines) * weight
                repayment += Double(parts.repayment) * weight
                below += Double(parts.belowProtected) * weight
            }
            let low = max(0, people - lowSquares.squareRoot()), high = people + highSquares.squareRoot()
            let moneyMargin = 1.96 * moneySquares.squareRoot()
            return PopulationEstimate(key: key, topic: t.topic, kind: t.kind,
                                      people: Int(people.rounded()), peopleLow: min(Int(people.rounded()), Int(low.rounded(.down))),
                                      peopleHigh: max(Int(people.rounded()), Int(high.rounded(.up))),
                                      moneyCents: euros(money), moneyLowCents: euros(max(0, money - moneyMargin)), moneyHighCents: euros(money + moneyMargin),
                                      lostCents: euros(lost), fineCents: euros(fines), repaymentCents: euros(repayment), belowProtectedCents: euros(below),
                                      syntheticHits: t.hits.values.reduce(0, +))
        }.sorted { ($0.people, $1.key) > ($1.people, $0.key) }
    }

    /// Cents rounded to whole euros.
    public static func euros(_ cents: Double) -> Int64 { Int64((cents / 100).rounded()) * 100 }

    /// Wilson score interval for a proportion, 95%.
    static func wilson(_ hits: Double, _ n: Double) -> (Double, Double) {
        let z = 1.96, p = hits / n
        let denominator = 1 + z * z / n
        let centre = (p + z * z / (2 * n)) / denominator
        let margin = z * ((p * (1 - p) / n + z * z / (4 * n * n)).squareRoot()) / denominator
        return (max(0, centre - margin), min(1, centre + margin))
    }
}
