/// The translation from the plan's program (`Program`, the lowering the
/// persona evaluator runs) to column instructions: one value number
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
    /// The persona evaluator's compiled form of the same rules, lowered further here.
    let plan: Plan
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
        plan = Plan(ruleSet)
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
        // The plan's alternatives (ValueDeclaration.alternatives): the first that
        // applies, as a chain of selects from the last one to the first.
        let compiled = plan.slots[slot]
        var v = constant(0)
        for k in (compiled.firstAlternative..<(compiled.firstAlternative + compiled.alternativeCount)).reversed() {
            let a = plan.alternatives[k]
            var applies = scalar((0..<months).map { a.valid(on: monthDate($0).dayNumber) ? 1 : 0 })
            if a.condition >= 0 { applies = try operation(.and, [applies, try expression(a.condition)]) }
            v = try operation(.select, [applies, try expression(a.body), v])
        }
        // ValueSemantics.settle, as two instructions with their own sites.
        v = try operation(.bound, [v], site: site(.magnitude(d.name), d.provenance.range))
        if let rounding = d.rounding {
            v = try operation(.round, [v], immediate: ValueSemantics.roundingUnit(of: d.type), rounding: rounding,
                              site: site(.arithmetic, d.provenance.range))
        }
        slotsInProgress.remove(slot)
        slotValues[slot] = v
        return v
    }

    func unsupported(_ what: String, _ range: SourceRange) -> BatchPlanError {
        BatchPlanError("\(what) kan de batchberekening niet rekenen; zij kent invoer, parameters en definities en regels per maand", range)
    }

    /// Lowers an expression of the plan's program (the same lowering the
    /// persona evaluator runs) into column instructions.
    mutating func expression(_ e: Program.Expression) throws(BatchPlanError) -> Int {
        let program = plan.program
        let i = program.code[Int(e)], range = program.ranges[Int(e)]
        switch i.op {
        case .constant:
            return constant(i.immediate)
        case .parameterOfMonth:
            let p = Int(i.a)
            let values = (0..<months).map { program.parameters.value(p, on: monthDate($0).dayNumber) ?? Self.failed }
            if values.contains(Self.failed) {
                let s = site(.parameter(p), range)
                return scalar(values, origins: values.map { $0 == Self.failed ? s : -1 })
            }
            return scalar(values)
        case .input:
            return input(Int(i.a))
        case .valueOfMonth:
            return try slot(Int(i.a))
        case .constantFact, .monthFactOfMonth, .monthFactOfDay, .dayFact, .referenceDateOfMonth:
            throw unsupported("het gegeven '\(ruleSet.facts[Int(i.a)].name)' van een persona", range)
        case .benefitOfMonth, .benefitOfDay:
            throw unsupported("de betaling van uitkering '\(ruleSet.benefits[Int(i.a)].name)'", range)
        case .negate, .not:
            return try operation(i.op == .negate ? .negate : .not, [try expression(i.a)])
        case .and, .or:
            return try operation(i.op == .and ? .and : .or, [try expression(i.a), try expression(i.b)])
        case .select:
            return try operation(.select, [try expression(i.a), try expression(i.b), try expression(i.c)])
        case .compare:
            let kind: BatchOperation = switch ProgramBuilder.comparisons[Int(i.immediate)] {
            case .equal: .equal
            case .notEqual: .notEqual
            case .less: .less
            case .lessEqual: .lessEqual
            case .greater: .greater
            default: .greaterEqual
            }
            return try operation(kind, [try expression(i.a), try expression(i.b)])
        case .add, .subtract, .multiply, .divide:
            let kind: BatchOperation = i.op == .add ? .add : i.op == .subtract ? .subtract : i.op == .multiply ? .multiply : .divide
            return try operation(kind, [try expression(i.a), try expression(i.b)], site: site(.arithmetic, range))
        case .addDays, .addMonths, .dateDifference:
            throw unsupported("rekenen met datums", range)
        case .minimum, .maximum:
            var v = try expression(program.lists[Int(i.a)])
            for k in 1..<max(1, Int(i.b)) {
                v = try operation(i.op == .minimum ? .minimum : .maximum, [v, try expression(program.lists[Int(i.a) + k])])
            }
            return v
        case .round:
            return try operation(.round, [try expression(i.a)], immediate: i.immediate, rounding: ProgramBuilder.roundings[Int(i.c)],
                                 site: site(.arithmetic, range))
        case .yearToDateOfMonth:
            return try state(.yearToDate, try expression(i.a), counting: i.immediate == 1, site: site(.arithmetic, range))
        case .ever:
            return try state(.ever, try expression(i.a), counting: false, site: -1)
        case .sumInMonth, .daysInMonth, .yearToDateOfDay, .totalSince, .year, .monthOf, .yearStart,
             .daysBetween, .monthsBetween, .plusMonths, .blockEnd, .valueOn:
            throw unsupported("de functie \(Self.functionName(i.op))", range)
        case .parameterOfDay, .monthValueOfDay, .valueOfDay:
            // Only inside a function over days, which is refused above.
            throw unsupported("een waarde per dag", range)
        }
    }

    /// The rule language's name of a function the batch cannot compute.
    static func functionName(_ op: Program.Op) -> String {
        let function: Function? = switch op {
        case .sumInMonth: .sumInMonth
        case .daysInMonth: .daysInMonth
        case .yearToDateOfDay: .yearToDate
        case .totalSince: .totalSince
        case .year: .year
        case .monthOf: .monthOf
        case .yearStart: .yearStart
        case .daysBetween: .daysBetween
        case .monthsBetween: .monthsBetween
        case .plusMonths: .plusMonths
        case .blockEnd: .blockEnd
        case .valueOn: .valueOn
        default: nil
        }
        return function?.rawValue ?? "\(op)"
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
                let r = ValueSemantics.apply(op, xs[0], xs.count > 1 ? xs[1] : 0, xs.count > 2 ? xs[2] : 0,
                                             immediate: immediate, rounding: rounding)
                results.append(r)
                if r == Self.failed {
                    if let k = ValueSemantics.failedOperand(op, xs) { origins.append(scalarOrigins[vs[k].scalar!][m]) } else { origins.append(site) }
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
            let m = ValueSemantics.maximumMagnitude
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
