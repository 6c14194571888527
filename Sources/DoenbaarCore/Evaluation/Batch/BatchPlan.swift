/// The compiled form of a checked rule set for evaluating many persons at once,
/// column by column.
///
/// Every typed expression that an output needs is compiled once into a flat
/// list of instructions over registers; a register holds one value for each
/// person of a block. Values are split by how often they change:
///
/// * scalars: constants and parameters, the same for every person in a month.
///   They are computed while compiling, for every month, and folded away
///   where possible (`x * 1`, `als ja dan a anders b`, `x / 1`).
/// * person values: what depends on per-person inputs and scalars only. They
///   are computed in the first month of a block and again only in a month in
///   which one of the scalars they read changes.
/// * person-month values: everything else, computed every month.
///
/// The plan is compiled for the value ranges of the inputs at hand (see
/// `InputColumn.rawRange`). Interval analysis over the instructions then
/// proves for most additions, multiplications and roundings that they cannot
/// overflow and that no operand can carry the failure mark; those get a fast
/// kernel without checks. The others keep the checked meaning of
/// `ValueSemantics`, shared with the persona evaluator.
public struct BatchPlan: Sendable {
    public let ruleSet: RuleSet
    public let firstMonth: YearMonth
    public let months: Int
    /// The slots whose values the evaluator hands out, in the order asked for.
    public let outputs: [Int]
    /// The inputs the plan was compiled for: their ranges and units.
    public let inputs: [InputSummary]

    /// The programs over value registers, one per computed value: read by
    /// the interpreter that explains and diagnoses a single person.
    let outputRegisters: [Int32]
    /// Run at the first month of a block and in months where `personProgramRuns` says so.
    let personProgram: [BatchInstruction]
    /// Run every month.
    let monthProgram: [BatchInstruction]
    let registerCount: Int
    /// The same programs over fewer registers: a value that only lives within
    /// a month gives its register to a later one, so the registers of a
    /// block stay in the core's first-level cache.
    let kernelPersonProgram: [BatchInstruction]
    let kernelMonthProgram: [BatchInstruction]
    let kernelOutputRegisters: [Int32]
    /// Per output: whether it can carry the failure mark at all (else its sum needs no check).
    let outputsMayFail: [Bool]
    let kernelRegisterCount: Int
    /// Per scalar, per month: its value (or the failure mark) and, for a mark, its site.
    let scalars: [[Int64]]
    let scalarOrigins: [[Int32]]
    /// Per month: whether a scalar that the registers read changed since the month before.
    let personProgramRuns: [Bool]
    /// Per month: whether a running total within the calendar year starts again.
    let yearStarts: [Bool]
    let sites: [BatchSite]
    /// The register that holds each slot's value, where the plan computes it.
    let slotRegisters: [Int: Int32]
    /// For each slot computed as a scalar: its scalar index.
    let slotScalars: [Int: Int]

    /// Instructions per block and month, and how many got a fast kernel.
    public var instructionCount: (person: Int, month: Int, fast: Int) {
        (personProgram.count, monthProgram.count, (personProgram + monthProgram).filter(\.fast).count)
    }
    /// Registers the kernels use per block.
    public var registers: Int { kernelRegisterCount }

    /// - Parameters:
    ///   - outputs: names of definitions or rules per maand to compute.
    ///   - inputs: per input of the rule set, the range and unit of its raw
    ///     values (`InputColumns.summaries`); the evaluator refuses columns
    ///     outside them.
    public init(_ ruleSet: RuleSet, outputs: [String], firstMonth: YearMonth, months: Int,
                inputs: [InputSummary]) throws(BatchPlanError) {
        guard months > 0 else { throw BatchPlanError("een batch rekent minstens één maand", .synthetic) }
        guard inputs.count == ruleSet.inputs.count else {
            throw BatchPlanError("er zijn \(inputs.count) invoerkolommen voor \(ruleSet.inputs.count) invoer", .synthetic)
        }
        for (input, summary) in zip(ruleSet.inputs, inputs) where input.type == .bool && (summary.range.lowerBound < 0 || summary.range.upperBound > 1) {
            throw BatchPlanError("invoer '\(input.name)' is ja/nee, maar haar kolom heeft waarden buiten 0 en 1", input.provenance.range)
        }
        var slots: [Int] = []
        for name in outputs {
            guard let slot = ruleSet.slot(named: name) else {
                let hint = Suggestions.closest(to: name, in: ruleSet.values.map(\.name))
                throw BatchPlanError("onbekende definitie of regel '\(name)'" + (hint.map { "; bedoelde u '\($0)'?" } ?? ""), .synthetic)
            }
            slots.append(slot)
        }
        var compiler = BatchCompiler(ruleSet: ruleSet, firstMonth: firstMonth, months: months, inputs: inputs)
        var registers: [Int32] = [], mayFail: [Bool] = []
        for slot in slots {
            let v = try compiler.slot(slot)
            registers.append(compiler.column(v))
            mayFail.append(compiler.values[v].mayFail)
        }
        outputsMayFail = mayFail
        self.ruleSet = ruleSet
        self.firstMonth = firstMonth
        self.months = months
        self.outputs = slots
        self.inputs = inputs
        outputRegisters = registers
        personProgram = compiler.personProgram
        monthProgram = compiler.monthProgram
        registerCount = compiler.registerCount
        scalars = compiler.scalarValues
        scalarOrigins = compiler.scalarOrigins
        sites = compiler.sites
        yearStarts = (0..<months).map { $0 == 0 || firstMonth.adding(months: $0).month == 1 }
        var slotRegisters: [Int: Int32] = [:], slotScalars: [Int: Int] = [:]
        for (slot, v) in compiler.slotValues {
            if let r = compiler.values[v].register { slotRegisters[slot] = r }
            if let s = compiler.values[v].scalar { slotScalars[slot] = s }
        }
        self.slotRegisters = slotRegisters
        self.slotScalars = slotScalars
        var ranges = [(low: Int64, high: Int64)](repeating: (Int64.min + 1, Int64.max), count: compiler.registerCount)
        for v in compiler.values { if let r = v.register { ranges[Int(r)] = (v.low, v.high) } }
        let fused = BatchPeephole(ranges: ranges, outputs: registers, zero: compiler.scalarByValues[Array(repeating: 0, count: months)],
                                  person: compiler.personProgram, month: compiler.monthProgram, scalars: compiler.scalarValues).run()
        let allocated = Self.allocate(person: fused.person, month: fused.month, outputs: registers,
                                      count: compiler.registerCount)
        kernelPersonProgram = allocated.person
        kernelMonthProgram = allocated.month
        kernelOutputRegisters = allocated.outputs
        kernelRegisterCount = allocated.count
        let used = Set(compiler.personProgram.filter { $0.operation == .splat }.map { Int($0.immediate) })
        personProgramRuns = (0..<months).map { m in
            m == 0 || used.contains { compiler.scalarValues[$0][m] != compiler.scalarValues[$0][m - 1] }
        }
    }

    /// Gives every value a kernel register. Values kept across months (those
    /// of the person program, running totals, outputs) keep their own; a
    /// value computed and used within one month frees its register after its
    /// last use, for the next value. Kernels read an operand's lane before
    /// they write the same lane, so a result may take an operand's register.
    static func allocate(person: [BatchInstruction], month: [BatchInstruction], outputs: [Int32], count: Int)
        -> (person: [BatchInstruction], month: [BatchInstruction], outputs: [Int32], count: Int) {
        var physical = [Int32](repeating: -1, count: count)
        var next: Int32 = 0
        var pinned = Set<Int32>(outputs)
        for i in person { pinned.insert(i.destination) }
        for i in month where i.operation == .yearToDate || i.operation == .ever { pinned.insert(i.destination) }
        for r in pinned.sorted() { physical[Int(r)] = next; next += 1 }
        var lastUse = [Int](repeating: -1, count: count)
        for (k, i) in month.enumerated() {
            for r in i.operands { lastUse[Int(r)] = k }
        }
        var free: [Int32] = []
        var mapped: [BatchInstruction] = []
        for (k, var i) in month.enumerated() {
            let operands = i.operands
            let mappedOperands = operands.map { physical[Int($0)] }
            for r in Set(operands) where !pinned.contains(r) && lastUse[Int(r)] == k { free.append(physical[Int(r)]) }
            if physical[Int(i.destination)] < 0 {
                if let r = free.popLast() { physical[Int(i.destination)] = r } else { physical[Int(i.destination)] = next; next += 1 }
            }
            if !pinned.contains(i.destination) && lastUse[Int(i.destination)] < 0 { free.append(physical[Int(i.destination)]) }
            i.destination = physical[Int(i.destination)]
            i.operands = mappedOperands
            mapped.append(i)
        }
        let personMapped = person.map { instruction -> BatchInstruction in
            var i = instruction
            i.destination = physical[Int(i.destination)]
            i.operands = i.operands.map { physical[Int($0)] }
            return i
        }
        return (personMapped, mapped, outputs.map { physical[Int($0)] }, Int(next))
    }

    /// The instructions as text, one a line: the printer of this stage.
    public var listing: String {
        var lines = ["; \(registerCount) values in \(kernelRegisterCount) registers, \(personProgram.count) person instructions, \(monthProgram.count) month instructions"]
        func render(_ i: BatchInstruction) -> String {
            let operands = i.operands.map { "r\($0)" }.joined(separator: ", ")
            var extra = ""
            switch i.operation {
            case .load: extra = "invoer \(ruleSet.inputs[Int(i.immediate)].name)"
            case .splat: extra = "scalar \(i.immediate) = \(scalars[Int(i.immediate)].map(String.init).joined(separator: " "))"
            case .round: extra = "op \(i.immediate) \(i.rounding.rawValue)"
            case .yearToDate: extra = i.immediate == 1 ? "tellend" : ""
            case .selectCompare: extra = "\(BatchOperation(rawValue: UInt8(i.immediate))!)"
            default: break
            }
            return "r\(i.destination) = \(i.operation)\(i.fast ? "!" : "") \(operands) \(extra)".trimmingCharacters(in: .whitespaces)
        }
        lines.append("; per persoon")
        lines += personProgram.map(render)
        lines.append("; per persoon per maand")
        lines += monthProgram.map(render)
        for (name, r) in zip(outputs.map { ruleSet.values[$0].name }, outputRegisters) { lines.append("; uitvoer \(name) = r\(r)") }
        lines.append("; kernels: \(kernelPersonProgram.count) + \(kernelMonthProgram.count) instructies over \(kernelRegisterCount) registers (! snel, + nooit negatief)")
        lines.append("; per persoon")
        lines += kernelPersonProgram.map { render($0) + ($0.nonNegative ? " +" : "") }
        lines.append("; per persoon per maand")
        lines += kernelMonthProgram.map { render($0) + ($0.nonNegative ? " +" : "") }
        for (name, r) in zip(outputs.map { ruleSet.values[$0].name }, kernelOutputRegisters) { lines.append("; uitvoer \(name) = r\(r)") }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// A rule set the batch evaluator cannot compute, and why.
public struct BatchPlanError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public let range: SourceRange
    init(_ message: String, _ range: SourceRange) {
        self.message = message
        self.range = range
    }
    public var description: String { message }
}

struct BatchInstruction: Sendable {
    var operation: BatchOperation
    /// Proven free of overflow and of marked operands: the unchecked kernel.
    var fast: Bool
    var destination: Int32
    var a: Int32 = 0, b: Int32 = 0, c: Int32 = 0, e: Int32 = 0
    var immediate: Int64 = 0
    var rounding: Rounding = .halfAwayFromZero
    /// Multiplication only: the product is known to be a multiple of 1_000_000.
    var exact = false
    /// The first operand (for a multiplication: the product) is never negative,
    /// so the kernel may divide without a sign correction.
    var nonNegative = false
    /// Comparisons and selections: the difference of the compared values cannot
    /// overflow and conditions are 0 or 1, so the kernel may decide by the sign
    /// of a difference and a mask instead of a branch (which vectorises).
    var branchFree = false
    /// Where a failure of this instruction is reported (index in `sites`), or -1.
    var site: Int32 = -1

    /// The registers it reads, as many as its operation takes.
    var operands: [Int32] {
        get { Array([a, b, c, e].prefix(operation.arity)) }
        set {
            for (k, r) in newValue.enumerated() {
                switch k {
                case 0: a = r
                case 1: b = r
                case 2: c = r
                default: e = r
                }
            }
        }
    }
}

/// Where a failure is reported, and what it says.
struct BatchSite: Sendable {
    enum Kind: Sendable {
        case arithmetic              // overflow; for a division also division by zero
        case magnitude(String)       // the declaration whose value is above a billion
        case parameter(Int)          // a parameter without a value on the day
    }
    let kind: Kind
    let range: SourceRange
}
