import Dispatch
import Synchronization

/// Evaluates a batch plan over columns of inputs: persons in blocks, each
/// block month by month, the blocks spread over the processor's cores.
///
/// A thread owns one register file (registers × block size values),
/// allocated once per run. Each instruction is one loop over the persons of
/// the block, with its kernel chosen when the plan was compiled; there is no
/// allocation, lookup, closure or string work in these loops. Explanation is
/// a separate call (`explain`), so evaluating costs nothing for it.
public struct BatchEvaluator: Sendable {
    public let plan: BatchPlan
    /// Persons per block: the registers of a block stay in the core's cache.
    public let blockSize: Int

    public init(plan: BatchPlan, blockSize: Int = 256) {
        self.plan = plan
        self.blockSize = max(1, blockSize)
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

    /// A person and month for which the rules fail (as the persona evaluator would).
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let person: Int
        public let month: YearMonth
        public let failure: EvaluationFailure
        public var description: String { "persoon \(person), \(month): \(failure.message)" }
    }

    /// Sees each block's outputs after each month, on the thread that computed them:
    /// (output index, month offset, first person of the block, the block's values).
    public typealias Observer = @Sendable (Int, Int, Int, UnsafeBufferPointer<Int64>) -> Void

    /// - Parameters:
    ///   - threads: how many cores to use (default: all active ones).
    ///   - observer: called for every block and month; nil for the fastest run.
    public func run(_ columns: InputColumns, threads: Int? = nil, observer: Observer? = nil) throws(Failure) -> Result {
        try checkColumns(columns)
        let persons = columns.persons, months = plan.months
        let blocks = (persons + blockSize - 1) / blockSize
        let threadCount = max(1, min(threads ?? ProcessInfoCores.active, max(blocks, 1)))
        let shared = RunState(threads: threadCount, outputs: plan.outputs.count, months: months)
        let chunk = max(1, min(16, blocks / (threadCount * 8)))
        let context = KernelContext(plan: plan, columns: columns)
        DispatchQueue.concurrentPerform(iterations: threadCount) { t in
            let registers = UnsafeMutablePointer<Int64>.allocate(capacity: plan.kernelRegisterCount * blockSize)
            registers.initialize(repeating: 0, count: plan.kernelRegisterCount * blockSize)
            defer { registers.deallocate() }
            var sums = [Int128](repeating: 0, count: plan.outputs.count * months)
            work: while true {
                let first = shared.next.add(chunk, ordering: .relaxed).oldValue
                if first >= blocks || shared.failed.load(ordering: .relaxed) { break }
                for block in first..<min(first + chunk, blocks) {
                    let start = block * blockSize
                    let n = min(blockSize, persons - start)
                    for m in 0..<months {
                        if plan.personProgramRuns[m] {
                            context.execute(plan.kernelPersonProgram, registers, stride: blockSize, n: n, month: m, start: start)
                        }
                        context.execute(plan.kernelMonthProgram, registers, stride: blockSize, n: n, month: m, start: start)
                        for (o, r) in plan.kernelOutputRegisters.enumerated() {
                            let values = UnsafeBufferPointer(start: registers + Int(r) * blockSize, count: n)
                            let (sum, failedAt) = plan.outputsMayFail[o] ? Self.sum(values) : (Self.plainSum(values), nil)
                            if failedAt != nil {
                                shared.failed.store(true, ordering: .relaxed)
                                break work
                            }
                            sums[o * months + m] += sum
                            observer?(o, m, start, values)
                        }
                    }
                }
            }
            shared.finish(thread: t, sums: sums)
        }
        if shared.failed.load(ordering: .relaxed) {
            // Threads stop at the first failure they meet; which one that is depends
            // on timing. One pass in order finds the first, so the message does not.
            let (person, month) = firstFailure(columns, context: context)
            throw Failure(person: person, month: plan.firstMonth.adding(months: month),
                          failure: diagnose(columns, person: person, month: month))
        }
        var monthSums = Array(repeating: [Int128](repeating: 0, count: months), count: plan.outputs.count)
        for t in 0..<threadCount {
            for o in 0..<plan.outputs.count { for m in 0..<months { monthSums[o][m] += shared.sums[t][o * months + m] } }
        }
        return Result(persons: persons, months: months, monthSums: monthSums)
    }

    /// The first block in person order with a failed output, its first failing
    /// month and the first person failing then.
    private func firstFailure(_ columns: InputColumns, context: KernelContext) -> (Int, Int) {
        let registers = UnsafeMutablePointer<Int64>.allocate(capacity: plan.kernelRegisterCount * blockSize)
        registers.initialize(repeating: 0, count: plan.kernelRegisterCount * blockSize)
        defer { registers.deallocate() }
        var start = 0
        while start < columns.persons {
            let n = min(blockSize, columns.persons - start)
            for m in 0..<plan.months {
                if plan.personProgramRuns[m] { context.execute(plan.kernelPersonProgram, registers, stride: blockSize, n: n, month: m, start: start) }
                context.execute(plan.kernelMonthProgram, registers, stride: blockSize, n: n, month: m, start: start)
                var first: Int?
                for r in plan.kernelOutputRegisters {
                    let values = UnsafeBufferPointer(start: registers + Int(r) * blockSize, count: n)
                    if let i = values.firstIndex(of: BatchOperation.failed) { first = min(first ?? i, i) }
                }
                if let first { return (start + first, m) }
            }
            start += n
        }
        return (0, 0)
    }

    /// The sum of a block the plan proved free of failures: every value is at
    /// most a billion euro (10^15 raw), so 9000 of them fit in 64 bits.
    static func plainSum(_ values: UnsafeBufferPointer<Int64>) -> Int128 {
        guard values.count <= 9000 else { return values.reduce(Int128(0)) { $0 + Int128($1) } }
        var total: Int64 = 0
        for v in values { total &+= v }
        return Int128(total)
    }

    /// The block's sum, in 64 bits: a value is at most a billion euro (10^15
    /// raw), so up to 9000 of them cannot overflow. A marked value stops it.
    static func sum(_ values: UnsafeBufferPointer<Int64>) -> (Int128, Int?) {
        var total: Int64 = 0
        var marked = false
        for v in values {
            marked = marked || v == BatchOperation.failed
            total &+= v
        }
        if marked { return (0, values.firstIndex(of: BatchOperation.failed)) }
        if values.count > 9000 {
            return (values.reduce(Int128(0)) { $0 + Int128($1) }, nil)
        }
        return (Int128(total), nil)
    }

    func checkColumns(_ columns: InputColumns) throws(Failure) {
        func refuse(_ message: String, _ range: SourceRange = .synthetic) -> Failure {
            Failure(person: 0, month: plan.firstMonth, failure: EvaluationFailure(message: message, range: range))
        }
        guard columns.months == plan.months else { throw refuse("de invoer heeft \(columns.months) maanden, het plan \(plan.months)") }
        guard columns.columns.count == plan.ruleSet.inputs.count else {
            throw refuse("er zijn \(columns.columns.count) invoerkolommen voor \(plan.ruleSet.inputs.count) invoer")
        }
        for (i, input) in plan.ruleSet.inputs.enumerated() {
            let expected = input.periodicity == .month ? columns.persons * columns.months : columns.persons
            guard columns.columns[i].count == expected else {
                throw refuse("invoer '\(input.name)' heeft \(columns.columns[i].count) waarden, verwacht \(expected)", input.provenance.range)
            }
            let have = columns.summaries[i], assumed = plan.inputs[i]
            // The fast kernels were chosen for the assumed ranges: other data needs another plan.
            guard assumed.range.contains(have.range.lowerBound), assumed.range.contains(have.range.upperBound),
                  have.unit % max(assumed.unit, 1) == 0 || assumed.unit <= 1 else {
                throw refuse("invoer '\(input.name)' valt buiten het bereik waarvoor het plan is gemaakt", input.provenance.range)
            }
        }
    }

    // MARK: Explanation and diagnosis

    /// The values of every slot the plan computes for one person, per month,
    /// by slot index: what the batch decided, for an explanation. Runs the
    /// plan's instructions for this person alone, with the checked meaning.
    public func explain(_ columns: InputColumns, person: Int) -> [Int: [Int64]] {
        var out: [Int: [Int64]] = [:]
        _ = interpret(columns, person: person, through: plan.months - 1) { m, registers in
            for (slot, r) in plan.slotRegisters { out[slot, default: []].append(registers[Int(r)]) }
            for (slot, s) in plan.slotScalars where plan.slotRegisters[slot] == nil { out[slot, default: []].append(plan.scalars[s][m]) }
        }
        return out
    }

    /// Which computation failed for this person in this month, and where.
    func diagnose(_ columns: InputColumns, person: Int, month: Int) -> EvaluationFailure {
        let origins = interpret(columns, person: person, through: month) { _, _ in }
        var site: Int32 = -1
        for r in plan.outputRegisters where origins.values[Int(r)] == BatchOperation.failed {
            site = origins.origins[Int(r)]
            break
        }
        guard site >= 0 else {
            return EvaluationFailure(message: "de berekening faalt hier", range: .synthetic)
        }
        let s = plan.sites[Int(site)]
        switch s.kind {
        case .arithmetic:
            let divisionByZero = origins.divisionByZero.contains(site)
            return EvaluationFailure(message: divisionByZero ? "deling door nul" : "de uitkomst van deze berekening is te groot", range: s.range)
        case .magnitude(let name):
            return EvaluationFailure(message: "de uitkomst van '\(name)' is groter dan een miljard; die kan niet kloppen", range: s.range)
        case .parameter(let p):
            let parameter = plan.ruleSet.parameters[p]
            let day = plan.firstMonth.adding(months: month).first
            return EvaluationFailure(message: "parameter '\(parameter.name)' heeft geen waarde op \(day) (eerste waarde: \(parameter.values.first.map { "\($0.from)" } ?? "geen"))", range: s.range)
        }
    }

    /// One person through the plan, lane by lane with `ValueSemantics`,
    /// keeping for every failed value the site it came from.
    private func interpret(_ columns: InputColumns, person: Int, through last: Int,
                           _ visit: (Int, [Int64]) -> Void) -> (values: [Int64], origins: [Int32], divisionByZero: Set<Int32>) {
        var values = [Int64](repeating: 0, count: plan.registerCount)
        var origins = [Int32](repeating: -1, count: plan.registerCount)
        var divisionByZero = Set<Int32>()
        let context = KernelContext(plan: plan, columns: columns)
        for m in 0...last {
            let programs = plan.personProgramRuns[m] ? [plan.personProgram, plan.monthProgram] : [plan.monthProgram]
            for i in programs.joined() {
                let d = Int(i.destination)
                let operands = [i.a, i.b, i.c].prefix(i.operation.arity).map { values[Int($0)] }
                let result: Int64
                var source: Int? = nil
                switch i.operation {
                case .load:
                    result = context.loadOne(input: Int(i.immediate), month: m, person: person)
                case .splat:
                    result = plan.scalars[Int(i.immediate)][m]
                    origins[d] = plan.scalarOrigins[Int(i.immediate)][m]
                    values[d] = result
                    continue
                case .yearToDate:
                    let previous: Int64? = plan.yearStarts[m] ? nil : values[d]
                    if previous == BatchOperation.failed { values[d] = BatchOperation.failed; continue }
                    result = ValueSemantics.accumulate(previous: previous, operands[0], counting: i.immediate == 1)
                    if operands[0] == BatchOperation.failed { source = 0 }
                case .ever:
                    let previous: Int64? = m == 0 ? nil : values[d]
                    if previous == BatchOperation.failed { continue }
                    result = ValueSemantics.ever(previous: previous, operands[0])
                    if result == BatchOperation.failed { source = 0 }
                default:
                    result = ValueSemantics.apply(i.operation, operands[0], operands.count > 1 ? operands[1] : 0,
                                                  operands.count > 2 ? operands[2] : 0, immediate: i.immediate, rounding: i.rounding)
                    if result == BatchOperation.failed { source = ValueSemantics.failedOperand(i.operation, operands) }
                }
                values[d] = result
                if result == BatchOperation.failed {
                    if let k = source {
                        origins[d] = origins[Int([i.a, i.b, i.c][k])]
                    } else {
                        origins[d] = i.site
                        if i.operation == .divide && operands[1] == 0 { divisionByZero.insert(i.site) }
                    }
                }
            }
            visit(m, values)
        }
        return (values, origins, divisionByZero)
    }
}

/// The number of cores to spread a batch over.
enum ProcessInfoCores {
    static var active: Int {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 2
        #endif
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// What the threads of one run share: a counter handing out blocks, a stop
/// flag, and a place for each thread's sums and first failure.
private final class RunState: @unchecked Sendable {
    let next = Atomic<Int>(0)
    let failed = Atomic<Bool>(false)
    private let lock = Mutex<Void>(())
    private(set) var sums: [[Int128]]

    init(threads: Int, outputs: Int, months: Int) {
        sums = Array(repeating: [], count: threads)
    }

    func finish(thread: Int, sums threadSums: [Int128]) {
        lock.withLock { _ in sums[thread] = threadSums }
    }
}
