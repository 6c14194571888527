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
/// `BatchSemantics`, which is that of the persona evaluator.
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

/// The translation from typed expressions to instructions: one value number
/// per distinct computation (shared subexpressions are computed once), with
/// its level, range, granularity and whether it can carry the failure mark.
struct BatchCompiler {
    enum Level: Int, Comparable {
        case scalar = 0, person = 1, personMonth = 2
        static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    struct Value {
        let level: Level
        /// Bounds of the values other than the failure mark.
        let low: Int64, high: Int64
        /// Every value (other than the mark) is a multiple of this; 0: always zero.
        let unit: Int64
        let mayFail: Bool
        var scalar: Int? = nil
        var register: Int32? = nil
    }

    struct Key: Hashable {
        let operation: BatchOperation
        let operands: [Int]
        let immediate: Int64
        let rounding: Rounding
    }

    let ruleSet: RuleSet
    let firstMonth: YearMonth
    let months: Int
    let inputs: [InputSummary]

    var values: [Value] = []
    var scalarValues: [[Int64]] = []
    var scalarOrigins: [[Int32]] = []
    var scalarByValues: [[Int64]: Int] = [:]
    var memo: [Key: Int] = [:]
    var slotValues: [Int: Int] = [:]
    var inputValues: [Int: Int] = [:]
    var slotsInProgress: Set<Int> = []
    var personProgram: [BatchInstruction] = []
    var monthProgram: [BatchInstruction] = []
    var registerCount = 0
    var sites: [BatchSite] = []

    init(ruleSet: RuleSet, firstMonth: YearMonth, months: Int, inputs: [InputSummary]) {
        self.ruleSet = ruleSet
        self.firstMonth = firstMonth
        self.months = months
        self.inputs = inputs
    }

    static let failed = BatchOperation.failed
    static let scale = Fixed.scale

    // MARK: Scalars

    /// A value that is the same for every person: one number per month.
    mutating func scalar(_ perMonth: [Int64], origins: [Int32]? = nil) -> Int {
        // Scalars without a failure are shared; one with a failure keeps its own origins.
        let failing = perMonth.contains(Self.failed)
        if !failing, let v = scalarByValues[perMonth] { return v }
        let index = scalarValues.count
        scalarValues.append(perMonth)
        scalarOrigins.append(origins ?? Array(repeating: -1, count: perMonth.count))
        let ok = perMonth.filter { $0 != Self.failed }
        var unit: Int64 = 0
        for x in ok { unit = Self.gcd(unit, x) }
        values.append(Value(level: .scalar, low: ok.min() ?? 0, high: ok.max() ?? 0, unit: unit,
                            mayFail: ok.count != perMonth.count, scalar: index))
        if !failing { scalarByValues[perMonth] = values.count - 1 }
        return values.count - 1
    }

    mutating func constant(_ v: Int64) -> Int { scalar(Array(repeating: v, count: months)) }

    /// The value of a scalar when it is the same in every month.
    func constantValue(_ v: Int) -> Int64? {
        guard let s = values[v].scalar else { return nil }
        let first = scalarValues[s][0]
        return scalarValues[s].allSatisfy { $0 == first } && first != Self.failed ? first : nil
    }

    func monthDate(_ m: Int) -> CivilDate { firstMonth.adding(months: m).first }

    mutating func site(_ kind: BatchSite.Kind, _ range: SourceRange) -> Int32 {
        sites.append(BatchSite(kind: kind, range: range))
        return Int32(sites.count - 1)
    }

    // MARK: Registers

    /// The register holding a value, splatting a scalar into one on first use.
    mutating func column(_ v: Int) -> Int32 {
        if let r = values[v].register { return r }
        let r = newRegister()
        values[v].register = r
        personProgram.append(BatchInstruction(operation: .splat, fast: true, destination: r, immediate: Int64(values[v].scalar!)))
        return r
    }

    mutating func newRegister() -> Int32 {
        registerCount += 1
        return Int32(registerCount - 1)
    }

    // MARK: Declarations

    mutating func slot(_ slot: Int) throws(BatchPlanError) -> Int {
        if let v = slotValues[slot] { return v }
        let d = ruleSet.values[slot]
        guard d.periodicity == .month else {
            throw BatchPlanError("'\(d.name)' is een waarde per dag; de batchberekening rekent per maand", d.provenance.range)
        }
        guard slotsInProgress.insert(slot).inserted else {
            throw BatchPlanError("kringverwijzing bij '\(d.name)'", d.provenance.range)
        }
        let zero = constant(0)
        func valid(_ validity: Validity) -> [Int64] { (0..<months).map { validity.contains(monthDate($0)) ? 1 : 0 } }
        let body = try expression(d.body)
        var condition = scalar(valid(d.validity))
        if let c = d.condition { condition = try operation(.and, [condition, try expression(c)]) }
        var v = try operation(.select, [condition, body, zero])
        for x in d.exceptions.reversed() {
            let applies = try operation(.and, [scalar(valid(x.validity)), try expression(x.condition)])
            v = try operation(.select, [applies, try expression(x.body), v])
        }
        v = try operation(.bound, [v], site: site(.magnitude(d.name), d.provenance.range))
        if let rounding = d.rounding {
            v = try operation(.round, [v], immediate: d.type == .money ? 10_000 : Self.scale, rounding: rounding,
                              site: site(.arithmetic, d.provenance.range))
        }
        slotsInProgress.remove(slot)
        slotValues[slot] = v
        return v
    }

    func unsupported(_ what: String, _ range: SourceRange) -> BatchPlanError {
        BatchPlanError("\(what) kan de batchberekening niet rekenen; zij kent invoer, parameters en definities en regels per maand", range)
    }

    mutating func expression(_ e: TypedExpr) throws(BatchPlanError) -> Int {
        let range = e.range
        switch e.node {
        case .constant(let v):
            return constant(v)
        case .parameter(let p):
            let parameter = ruleSet.parameters[p]
            let values = (0..<months).map { parameter.value(on: monthDate($0))?.raw ?? Self.failed }
            if values.contains(Self.failed) {
                let s = site(.parameter(p), range)
                return scalar(values, origins: values.map { $0 == Self.failed ? s : -1 })
            }
            return scalar(values)
        case .input(let i):
            return input(i)
        case .value(let s):
            return try slot(s)
        case .fact(let fact):
            throw unsupported("het gegeven '\(fact.rawValue)' van een persona", range)
        case .benefit(let b):
            throw unsupported("de betaling van uitkering '\(ruleSet.benefits[b].name)'", range)
        case .negate(let x):
            return try operation(.negate, [try expression(x)])
        case .not(let x):
            return try operation(.not, [try expression(x)])
        case .and(let x, let y):
            return try operation(.and, [try expression(x), try expression(y)])
        case .or(let x, let y):
            return try operation(.or, [try expression(x), try expression(y)])
        case .conditional(let c, let x, let y):
            return try operation(.select, [try expression(c), try expression(x), try expression(y)])
        case .compare(let op, let x, let y):
            let kind: BatchOperation
            switch op {
            case .equal: kind = .equal
            case .notEqual: kind = .notEqual
            case .less: kind = .less
            case .lessEqual: kind = .lessEqual
            case .greater: kind = .greater
            default: kind = .greaterEqual
            }
            return try operation(kind, [try expression(x), try expression(y)])
        case .arithmetic(let op, let x, let y):
            let kind: BatchOperation
            switch op {
            case .add: kind = .add
            case .subtract: kind = .subtract
            case .multiply: kind = .multiply
            case .divide: kind = .divide
            default: throw unsupported("rekenen met datums", range)
            }
            return try operation(kind, [try expression(x), try expression(y)], site: site(.arithmetic, range))
        case .call(let function, let args):
            switch function {
            case .min, .max:
                var v = try expression(args[0])
                for a in args.dropFirst() { v = try operation(function == .min ? .minimum : .maximum, [v, try expression(a)]) }
                return v
            case .round, .roundDown, .roundUp:
                let rounding: Rounding = function == .round ? .halfAwayFromZero : function == .roundDown ? .down : .up
                return try operation(.round, [try expression(args[0])], immediate: args[0].type == .money ? 10_000 : Self.scale,
                                     rounding: rounding, site: site(.arithmetic, range))
            case .yearToDate:
                return try state(.yearToDate, try expression(args[0]), counting: args[0].type == .bool, site: site(.arithmetic, range))
            case .ever:
                return try state(.ever, try expression(args[0]), counting: false, site: -1)
            default:
                throw unsupported("de functie \(function.rawValue)", range)
            }
        }
    }

    mutating func input(_ i: Int) -> Int {
        if let v = inputValues[i] { return v }
        let declared = ruleSet.inputs[i]
        let range = inputs[i].range
        let level: Level = declared.periodicity == .month ? .personMonth : .person
        let r = newRegister()
        // Every loaded value is a stored integer times the column's unit.
        values.append(Value(level: level, low: range.lowerBound, high: range.upperBound,
                            unit: inputs[i].unit, mayFail: false, register: r))
        let instruction = BatchInstruction(operation: .load, fast: true, destination: r, immediate: Int64(i))
        if level == .person { personProgram.append(instruction) } else { monthProgram.append(instruction) }
        inputValues[i] = values.count - 1
        return values.count - 1
    }

    // MARK: Operations

    /// A stateful operation over the months: always per person per month.
    mutating func state(_ op: BatchOperation, _ x: Int, counting: Bool, site: Int32) throws(BatchPlanError) -> Int {
        let xv = values[x]
        let n = Int128(min(months, 12))
        let low: Int128, high: Int128
        if op == .ever {
            (low, high) = (0, 1)
        } else if counting {
            (low, high) = (0, n * Int128(Self.scale))
        } else {
            low = min(Int128(xv.low), Int128(xv.low) * n)
            high = max(Int128(xv.high), Int128(xv.high) * n)
        }
        // A running total of at most twelve months cannot overflow when twelve times its term cannot.
        let fits = Self.fits(low, high)
        let fast = !xv.mayFail && fits
        let source = column(x)
        let r = newRegister()
        let unit = op == .ever ? 1 : (counting ? Self.scale : xv.unit)
        values.append(Value(level: .personMonth, low: fits ? Int64(low) : Int64.min + 1, high: fits ? Int64(high) : Int64.max,
                            unit: unit, mayFail: !fast, register: r))
        monthProgram.append(BatchInstruction(operation: op, fast: fast, destination: r, a: source, immediate: counting ? 1 : 0, site: site))
        return values.count - 1
    }

    static func fits(_ low: Int128, _ high: Int128) -> Bool {
        low > Int128(Int64.min) && high <= Int128(Int64.max)
    }

    static func gcd(_ a: Int64, _ b: Int64) -> Int64 {
        var x = a.magnitude, y = b.magnitude
        while y != 0 { (x, y) = (y, x % y) }
        return x > UInt64(Int64.max) ? 1 : Int64(x)
    }

    /// One operation on value numbers: folded when its operands are scalars,
    /// simplified where an operand is a known constant, shared when the same
    /// computation was compiled before, otherwise emitted with the kernel
    /// its operands' ranges allow.
    mutating func operation(_ op: BatchOperation, _ operands: [Int], immediate: Int64 = 0,
                            rounding: Rounding = .halfAwayFromZero, site: Int32 = -1) throws(BatchPlanError) -> Int {
        if let folded = simplified(op, operands, immediate: immediate) { return folded }
        let vs = operands.map { values[$0] }
        // Every operand a scalar: compute it now, month by month.
        if vs.allSatisfy({ $0.level == .scalar }) {
            var results: [Int64] = [], origins: [Int32] = []
            for m in 0..<months {
                let xs = vs.map { scalarValues[$0.scalar!][m] }
                let r = BatchSemantics.apply(op, xs[0], xs.count > 1 ? xs[1] : 0, xs.count > 2 ? xs[2] : 0,
                                             immediate: immediate, rounding: rounding)
                results.append(r)
                if r == Self.failed {
                    if let k = BatchSemantics.failedOperand(op, xs) { origins.append(scalarOrigins[vs[k].scalar!][m]) } else { origins.append(site) }
                } else {
                    origins.append(-1)
                }
            }
            return scalar(results, origins: origins)
        }
        let key = Key(operation: op, operands: operands, immediate: immediate, rounding: rounding)
        if let v = memo[key] { return v }

        let analysis = analyse(op, vs, immediate: immediate)
        if analysis.identity { memo[key] = operands[0]; return operands[0] }
        let level = vs.map(\.level).max()!
        let registers = operands.map { column($0) }
        let r = newRegister()
        var instruction = BatchInstruction(operation: op, fast: analysis.fast, destination: r, immediate: immediate,
                                           rounding: rounding, site: site)
        instruction.exact = analysis.exact
        if registers.count > 0 { instruction.a = registers[0] }
        if registers.count > 1 { instruction.b = registers[1] }
        if registers.count > 2 { instruction.c = registers[2] }
        values.append(Value(level: level, low: analysis.low, high: analysis.high, unit: analysis.unit,
                            mayFail: analysis.mayFail, register: r))
        if level == .person { personProgram.append(instruction) } else { monthProgram.append(instruction) }
        memo[key] = values.count - 1
        return values.count - 1
    }

    /// Algebra with a constant operand: x * 1, x / 1, x + 0, als ja dan a anders b, ...
    func simplified(_ op: BatchOperation, _ operands: [Int], immediate: Int64) -> Int? {
        let k = operands.map { constantValue($0) }
        let isFlag = { (v: Int) -> Bool in let x = values[v]; return x.low >= 0 && x.high <= 1 }
        switch op {
        case .multiply:
            if k[1] == Self.scale { return operands[0] }
            if k[0] == Self.scale { return operands[1] }
        case .divide:
            if k[1] == Self.scale { return operands[0] }
        case .add:
            if k[1] == 0 { return operands[0] }
            if k[0] == 0 { return operands[1] }
        case .subtract:
            if k[1] == 0 { return operands[0] }
        case .select:
            if let c = k[0] { return c != 0 ? operands[1] : operands[2] }
            if operands[1] == operands[2] && !values[operands[0]].mayFail { return operands[1] }
        case .and:
            if let a = k[0] { return a == 0 ? operands[0] : (isFlag(operands[1]) ? operands[1] : nil) }
        case .or:
            if let a = k[0], a == 0, isFlag(operands[1]) { return operands[1] }
            if let a = k[0], a != 0 { return operands[0] }
        default: break
        }
        return nil
    }

    struct Analysis {
        var low: Int64, high: Int64, unit: Int64, mayFail: Bool, fast: Bool
        var exact = false
        var identity = false
    }

    /// The range, granularity and possible failure of an operation's result,
    /// and whether its unchecked kernel gives the checked meaning.
    func analyse(_ op: BatchOperation, _ vs: [Value], immediate: Int64) -> Analysis {
        let a = vs[0]
        let b = vs.count > 1 ? vs[1] : a
        let anyFail = vs.contains { $0.mayFail }
        func result(_ low: Int128, _ high: Int128, unit: Int64, fast: Bool, failsOtherwise: Bool) -> Analysis {
            let fits = Self.fits(low, high)
            let isFast = fast && fits
            return Analysis(low: fits ? Int64(low) : Int64.min + 1, high: fits ? Int64(high) : Int64.max, unit: unit,
                            mayFail: anyFail || !fits || failsOtherwise, fast: isFast)
        }
        let (al, ah, bl, bh) = (Int128(a.low), Int128(a.high), Int128(b.low), Int128(b.high))
        switch op {
        case .add:
            return result(al + bl, ah + bh, unit: Self.gcd(a.unit, b.unit), fast: !anyFail, failsOtherwise: false)
        case .subtract:
            return result(al - bh, ah - bl, unit: Self.gcd(a.unit, b.unit), fast: !anyFail, failsOtherwise: false)
        case .negate:
            return Analysis(low: a.high == Int64.min ? Int64.max : -a.high, high: -a.low, unit: a.unit, mayFail: a.mayFail, fast: true)
        case .multiply:
            let corners = [al * bl, al * bh, ah * bl, ah * bh]
            let pl = corners.min()!, ph = corners.max()!
            let productFits = Self.fits(pl, ph)
            let product = Int128(a.unit) * Int128(b.unit)
            let exact = product % Int128(Self.scale) == 0
            var unit: Int64 = 1
            if exact { let u = product / Int128(Self.scale); unit = u <= Int128(Int64.max) ? Int64(u) : 1 }
            // Rounding moves a quotient by less than one, away from zero.
            let scale = Int128(Self.scale)
            var r = result(pl >= 0 ? pl / scale : pl / scale - 1, ph <= 0 ? ph / scale : ph / scale + 1, unit: unit,
                           fast: !anyFail && productFits, failsOtherwise: false)
            r.exact = exact
            return r
        case .divide:
            // Fast only for a constant divisor other than zero (x / 1 is folded before).
            if let d = vs[1].scalar.flatMap({ _ in b.low == b.high ? b.low : nil }), d != 0, !b.mayFail {
                let scaled = [al * Int128(Self.scale), ah * Int128(Self.scale)]
                let fits = Self.fits(scaled.min()!, scaled.max()!)
                let q = scaled.map { $0 / Int128(d) }
                return result(q.min()! - 1, q.max()! + 1, unit: 1, fast: !anyFail && fits, failsOtherwise: !fits)
            }
            return Analysis(low: Int64.min + 1, high: Int64.max, unit: 1, mayFail: true, fast: false)
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .and, .or, .not:
            return Analysis(low: 0, high: 1, unit: 1, mayFail: anyFail, fast: !anyFail)
        case .select:
            let x = vs[1], y = vs[2]
            return Analysis(low: min(x.low, y.low), high: max(x.high, y.high), unit: Self.gcd(x.unit, y.unit),
                            mayFail: anyFail, fast: !a.mayFail)
        case .minimum:
            return Analysis(low: min(a.low, b.low), high: min(a.high, b.high), unit: Self.gcd(a.unit, b.unit), mayFail: anyFail, fast: true)
        case .maximum:
            return Analysis(low: max(a.low, b.low), high: max(a.high, b.high), unit: Self.gcd(a.unit, b.unit), mayFail: anyFail, fast: !anyFail)
        case .round:
            let u = Int128(immediate)
            if a.unit != 0 && a.unit % immediate == 0 || a.unit == 0 {
                var r = Analysis(low: a.low, high: a.high, unit: a.unit, mayFail: a.mayFail, fast: true)
                r.identity = true
                return r
            }
            return result(al >= 0 ? 0 : al - u, ah <= 0 ? 0 : ah + u, unit: immediate, fast: !anyFail, failsOtherwise: false)
        case .bound:
            let m = BatchSemantics.maximumMagnitude
            if a.low >= -m && a.high <= m {
                var r = Analysis(low: a.low, high: a.high, unit: a.unit, mayFail: a.mayFail, fast: true)
                r.identity = true
                return r
            }
            return Analysis(low: max(a.low, -m), high: min(a.high, m), unit: a.unit, mayFail: true, fast: true)
        case .yearToDate, .ever, .load, .splat, .differenceFloor, .multiplyRound, .selectCompare, .selectBoth:
            preconditionFailure("\(op) is geen gewone bewerking")
        }
    }
}
