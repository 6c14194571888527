import Foundation
import Synchronization

/// The rules over columns of `invoer` (the OpenFisca benchmark, `doenbaar
/// bench --dump`) on the lane engine: persons in blocks of lanes, each
/// block one view over the months of the columns, the blocks spread over
/// the processor's cores. The same compiled plan, operations and rounding
/// as a persona's run; a lane reads its inputs where a persona's lane reads
/// its facts, and has no facts (a fact's default applies, or it fails).
public struct InputRun: Sendable {
    public let plan: Plan
    /// The value declarations whose sums are asked for, by slot.
    public let outputs: [Int]
    public let firstMonth: YearMonth
    public let months: Int
    /// Persons per block: a block's values stay in the core's cache.
    public let blockSize: Int
    /// Whether what `RangeProof` shows cannot fail runs without checks (off only to compare).
    public let proving: Bool
    /// The most persons a block holds: its scratch columns hold a month of days
    /// per lane (`LaneScratch`), so a million would ask gigabytes per thread.
    public static let largestBlock = 4096
    let range: EvaluationRange

    /// - Parameters:
    ///   - outputs: names of definitions or rules to add up (per month; a daily one its days summed).
    ///   - months: how many months from `firstMonth` the columns hold.
    public init(plan: Plan, outputs: [String], firstMonth: YearMonth, months: Int, blockSize: Int = 256,
                proving: Bool = true) throws(EvaluationFailure) {
        let ruleSet = plan.ruleSet
        guard months >= 1 else { throw EvaluationFailure(message: "invoerkolommen hebben minstens één maand", range: .synthetic) }
        guard (1...Self.largestBlock).contains(blockSize) else {
            throw EvaluationFailure(message: "een blok heeft 1 tot en met \(Self.largestBlock) personen, niet \(blockSize)", range: .synthetic)
        }
        let last = firstMonth.adding(months: months - 1)
        guard Evaluator.computableMonths.contains(firstMonth), Evaluator.computableMonths.contains(last) else {
            throw EvaluationFailure(message: "\(firstMonth.dutch) tot en met \(last.dutch) valt buiten de maanden die Doenbaar kan doorrekenen", range: .synthetic)
        }
        var slots: [Int] = []
        for name in outputs {
            guard let slot = ruleSet.slot(named: name) else {
                let hint = Suggestions.closest(to: name, in: ruleSet.values.map(\.name))
                throw EvaluationFailure(message: "onbekende definitie of regel '\(name)'" + (hint.map { "; bedoelde u '\($0)'?" } ?? ""), range: .synthetic)
            }
            slots.append(slot)
        }
        self.plan = plan
        self.outputs = slots
        self.firstMonth = firstMonth
        self.months = months
        self.blockSize = blockSize
        self.proving = proving
        range = EvaluationRange(from: firstMonth, to: last)
    }

    /// Sums of the outputs, per output and month, over all persons.
    public struct Result: Sendable {
        public let persons: Int
        public let months: Int
        /// Per output, per month: the sum of the raw values (millionths).
        public let monthSums: [[Int128]]
        /// Per output: the sum over all months.
        public var totals: [Int128] { monthSums.map { $0.reduce(0, +) } }
    }

    /// Columns that do not fit the rules, or the first person and month for
    /// which the rules fail (as they would in a persona's run), and why.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// The person (row of the columns) and month; nil where the columns as a whole do not fit.
        public let person: Int?
        public let month: YearMonth?
        public let failure: EvaluationFailure
        public var description: String {
            guard let person, let month else { return failure.message }
            return "persoon \(person), \(month): \(failure.message)"
        }
    }

    /// Sees each block's outputs after each month, on the thread that computed them:
    /// (output index, month offset, first person of the block, the block's values, raw).
    public typealias Observer = @Sendable (Int, Int, Int, UnsafeBufferPointer<Int64>) -> Void

    /// - Parameters:
    ///   - threads: how many cores to use (default: all active ones).
    ///   - observer: called for every block, month and output.
    public func run(_ columns: InputColumns, threads: Int? = nil, observer: Observer? = nil) throws(Failure) -> Result {
        try check(columns)
        let persons = columns.persons
        let blocks = (persons + blockSize - 1) / blockSize
        let threadCount = max(1, min(threads ?? ProcessInfo.processInfo.activeProcessorCount, max(blocks, 1)))
        let shared = RunState(threads: threadCount)
        // What cannot fail for values in the columns' ranges runs without checks.
        let proof = proving ? RangeProof(plan: plan, range: range, inputs: columns.ranges, inputSteps: columns.columns.map(\.unit),
                                             inputsFromStart: range.monthOffset(firstMonth) == 0) : nil
        let (outputs, months, first, blockSize) = (outputs, months, range.monthOffset(firstMonth), blockSize)
        DispatchQueue.concurrentPerform(iterations: threadCount) { t in
            // One scratch, one input buffer and one arena per thread, for all its blocks.
            let scratch = LaneScratch(lanes: blockSize), arena = LaneArena()
            let inputs = LaneInputs(plan.ruleSet.inputs, range: range, firstMonth: firstMonth, capacity: blockSize)
            let daySums = UnsafeMutablePointer<Int64>.allocate(capacity: blockSize)
            defer { daySums.deallocate() }
            var sums = [Int128](repeating: 0, count: outputs.count * months)
            var failure: (person: Int, month: Int)?
            // A thread finishes the block it holds: every block before a failing one is then looked at, so the first failure is found.
            while failure == nil && !shared.failed.load(ordering: .relaxed) {
                let block = shared.next.add(1, ordering: .relaxed).oldValue
                guard block < blocks else { break }
                let start = block * blockSize, lanes = min(blockSize, persons - start)
                inputs.fill(from: columns, first: start, lanes: lanes)
                // The previous block's view is gone: its values' memory serves this one.
                arena.reset()
                let frame = frame(lanes: lanes, inputs: inputs, proof: proof, scratch: scratch, arena: arena)
                for m in 0..<months {
                    for (o, slot) in outputs.enumerated() {
                        let values = UnsafeBufferPointer(start: frame.total(slot, first + m, summingInto: daySums), count: lanes)
                        let (sum, failed) = Self.sum(values)
                        if failed, let lane = values.firstIndex(of: ValueSemantics.failed),
                           failure.map({ (start + lane, m) < ($0.person, $0.month) }) ?? true {
                            failure = (start + lane, m)
                        }
                        sums[o * months + m] += sum
                        observer?(o, m, start, values)
                    }
                    frame.release(month: first + m)
                }
            }
            if failure != nil { shared.failed.store(true, ordering: .relaxed) }
            shared.finish(thread: t, sums: sums, failure: failure)
        }
        if let (person, month) = shared.firstFailure {
            throw Failure(person: person, month: firstMonth.adding(months: month), failure: diagnose(columns, person: person, month: month))
        }
        var monthSums = Array(repeating: [Int128](repeating: 0, count: months), count: outputs.count)
        for sums in shared.sums {
            for o in outputs.indices { for m in 0..<months { monthSums[o][m] += sums[o * months + m] } }
        }
        return Result(persons: persons, months: months, monthSums: monthSums)
    }

    /// The sum of one output's values over a block's lanes in a month, and whether a lane failed.
    /// A value is the mark or at most a month of days of a billion euros each
    /// (`ValueSemantics.maximumMagnitude`), so 256 of them sum in 64 bits: summed there, and
    /// checked without a branch, the compiler adds them in vectors. (Where the mark is among
    /// them the sum is not used.)
    static func sum(_ values: UnsafeBufferPointer<Int64>) -> (sum: Int128, failed: Bool) {
        let chunk = 256
        var total: Int128 = 0, marks: Int64 = 0, start = 0
        while start < values.count {
            let end = min(start + chunk, values.count)
            var part: Int64 = 0
            for l in start..<end {
                let v = values[l]
                part &+= v
                marks |= v == ValueSemantics.failed ? 1 : 0
            }
            total += Int128(part)
            start = end
        }
        return (total, marks != 0)
    }

    /// A view of a block of lanes without personas, over the months of the columns.
    private func frame(lanes: Int, inputs: LaneInputs, proof: RangeProof? = nil, scratch: LaneScratch?, arena: LaneArena? = nil,
                       diagnosis: LaneDiagnosis? = nil) -> LaneFrame {
        LaneFrame(plan: plan, facts: LaneFacts(lanes: lanes, range: range, layout: plan.factLayout), inputs: inputs, proof: proof, run: LaneRun(),
                  diagnosis: diagnosis, scratch: scratch, arena: arena)
    }

    /// Why the rules fail for one person in a month: that person alone, diagnosed.
    private func diagnose(_ columns: InputColumns, person: Int, month: Int) -> EvaluationFailure {
        let inputs = LaneInputs(plan.ruleSet.inputs, range: range, firstMonth: firstMonth, capacity: 1)
        inputs.fill(from: columns, first: person, lanes: 1)
        let diagnosis = LaneDiagnosis(personaID: "persoon \(person)")
        let frame = frame(lanes: 1, inputs: inputs, scratch: nil, diagnosis: diagnosis)
        let first = range.monthOffset(firstMonth)
        for m in 0...month {
            diagnosis.decisionDate = range.month(first + m).last
            for slot in outputs where !diagnosis.hasFailed { _ = frame.total(slot, first + m) }
        }
        return diagnosis.failure?.0 ?? EvaluationFailure(message: "interne fout: de berekening mislukt, maar Doenbaar kan niet zeggen waar", range: .synthetic)
    }

    /// Refuses columns that do not fit the rules' inputs.
    private func check(_ columns: InputColumns) throws(Failure) {
        func refuse(_ message: String, _ range: SourceRange = .synthetic) -> Failure {
            Failure(person: nil, month: nil, failure: EvaluationFailure(message: message, range: range))
        }
        let inputs = plan.ruleSet.inputs
        guard columns.months == months else { throw refuse("de invoer heeft \(columns.months) maanden, de berekening \(months)") }
        guard columns.columns.count == inputs.count else {
            throw refuse("er zijn \(columns.columns.count) invoerkolommen voor \(inputs.count) invoer")
        }
        for (i, input) in inputs.enumerated() {
            let expected = input.periodicity == .month ? columns.persons * columns.months : columns.persons
            guard columns.columns[i].count == expected else {
                throw refuse("invoer '\(input.name)' heeft \(columns.columns[i].count) waarden, verwacht \(expected)", input.provenance.range)
            }
            let values = columns.ranges[i]
            if input.type == .bool && (values.lowerBound < 0 || values.upperBound > 1) {
                throw refuse("invoer '\(input.name)' is ja/nee, maar haar kolom heeft waarden buiten 0 en 1", input.provenance.range)
            }
        }
    }
}

/// What the threads of one run share: a counter handing out blocks, a stop
/// flag, and each thread's sums and first failure.
private final class RunState: @unchecked Sendable {
    let next = Atomic<Int>(0)
    let failed = Atomic<Bool>(false)
    private let lock = Mutex<Void>(())
    private(set) var sums: [[Int128]]
    private(set) var failures: [(person: Int, month: Int)] = []

    init(threads: Int) {
        sums = Array(repeating: [], count: threads)
    }

    func finish(thread: Int, sums threadSums: [Int128], failure: (person: Int, month: Int)?) {
        lock.withLock { _ in
            sums[thread] = threadSums
            if let failure { failures.append(failure) }
        }
    }

    /// The lowest person that failed, in the first month it failed.
    var firstFailure: (person: Int, month: Int)? { failures.min { ($0.person, $0.month) < ($1.person, $1.month) } }
}
