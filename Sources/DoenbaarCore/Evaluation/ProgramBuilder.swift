/// Lowers checked expressions into a `Program`: every name already resolved,
/// every operation and the period it is read in (a month or a day) chosen
/// here, once, so that evaluating only follows indices.
struct ProgramBuilder {
    typealias Op = Program.Op
    typealias Instruction = Program.Instruction

    let ruleSet: RuleSet
    var code: [Instruction] = []
    var lists: [Int32] = []
    var sites: [Program.Site] = []
    /// Per instruction: the expression it was lowered from, for a compiler that lowers it further.
    var ranges: [SourceRange] = []
    var runningTotalSites = 0
    /// The expression being lowered, whose range each emitted instruction takes.
    private var current: SourceRange = .synthetic

    init(ruleSet: RuleSet) {
        self.ruleSet = ruleSet
    }

    mutating func emit(_ i: Instruction) -> Program.Expression {
        code.append(i)
        ranges.append(current)
        return Int32(code.count - 1)
    }

    mutating func site(_ kind: Program.Site.Kind, _ range: SourceRange) -> Int32 {
        sites.append(Program.Site(kind: kind, range: range))
        return Int32(sites.count - 1)
    }

    mutating func compile(_ e: TypedExpr, _ context: Periodicity) -> Program.Expression {
        let range = e.range
        let month = context == .month
        let outer = current
        defer { current = outer }
        current = range
        switch e.node {
        case .constant(let v):
            return emit(Instruction(op: .constant, immediate: v))
        case .parameter(let p):
            return emit(Instruction(op: month ? .parameterOfMonth : .parameterOfDay, a: Int32(p), site: site(.parameter(p), range)))
        case .value(let slot):
            let target = ruleSet.values[slot].periodicity
            let op: Op = month ? .valueOfMonth : target == .month ? .monthValueOfDay : .valueOfDay
            return emit(Instruction(op: op, a: Int32(slot)))
        case .benefit(let b):
            return emit(Instruction(op: month ? .benefitOfMonth : .benefitOfDay, a: Int32(b)))
        case .fact(let fact):
            return compileFact(fact, context, range)
        case .input(let i):
            return emit(Instruction(op: month ? .inputOfMonth : .inputOfDay, a: Int32(i), site: site(.input(ruleSet.inputs[i].name), range)))
        case .negate(let x):
            return emit(Instruction(op: .negate, a: compile(x, context)))
        case .not(let x):
            return emit(Instruction(op: .not, a: compile(x, context)))
        case .and(let x, let y):
            return emit(Instruction(op: .and, a: compile(x, context), b: compile(y, context)))
        case .or(let x, let y):
            return emit(Instruction(op: .or, a: compile(x, context), b: compile(y, context)))
        case .conditional(let c, let x, let y):
            return emit(Instruction(op: .select, a: compile(c, context), b: compile(x, context), c: compile(y, context)))
        case .compare(let op, let x, let y):
            return emit(Instruction(op: .compare, a: compile(x, context), b: compile(y, context), immediate: Int64(Self.comparisons.firstIndex(of: op) ?? 0)))
        case .arithmetic(let op, let x, let y):
            let a = compile(x, context), b = compile(y, context), s = site(.arithmetic, range)
            switch op {
            case .add: return emit(Instruction(op: .add, a: a, b: b, site: s))
            case .subtract: return emit(Instruction(op: .subtract, a: a, b: b, site: s))
            case .multiply: return emit(Instruction(op: .multiply, a: a, b: b, site: s))
            case .divide: return emit(Instruction(op: .divide, a: a, b: b, site: s))
            case .addDays: return emit(Instruction(op: .addDays, a: a, b: b, immediate: 1, site: s))
            case .subtractDays: return emit(Instruction(op: .addDays, a: a, b: b, immediate: -1, site: s))
            case .addMonths: return emit(Instruction(op: .addMonths, a: a, b: b, immediate: 1, site: s))
            case .subtractMonths: return emit(Instruction(op: .addMonths, a: a, b: b, immediate: -1, site: s))
            case .dateDifference: return emit(Instruction(op: .dateDifference, a: a, b: b))
            }
        case .call(let function, let args):
            return compileCall(function, args, context, range)
        }
    }

    /// The comparisons, by the number an instruction carries: what `comparison(_:)` says each stands for.
    static let comparisons: [BinaryOperator] = (0..<6).map { comparison(Int64($0)) }

    /// The comparison an instruction's number stands for: the one place the numbering is said. A
    /// switch, not a list: it is read for every comparison evaluated, and a list of the process
    /// counted from every core moved its cache line between them.
    @inline(__always) static func comparison(_ number: Int64) -> BinaryOperator {
        switch number {
        case 0: .equal
        case 1: .notEqual
        case 2: .less
        case 3: .lessEqual
        case 4: .greater
        default: .greaterEqual
        }
    }

    /// A fact column read; where the persona gave no value, the fact's default
    /// (compiled in the same context, operand `b`) or a failure that says where to give it.
    private mutating func compileFact(_ index: Int, _ context: Periodicity, _ range: SourceRange) -> Program.Expression {
        let fact = ruleSet.facts[index]
        let fallback = fact.defaultValue.map { compile($0, context) } ?? -1
        let s = site(.fact(index), range)
        switch fact.periodicity {
        case .constant:
            return emit(Instruction(op: .constantFact, a: Int32(index), b: fallback, site: s))
        case .month:
            return emit(Instruction(op: context == .month ? .monthFactOfMonth : .monthFactOfDay, a: Int32(index), b: fallback, site: s))
        case .day:
            if index == BuiltinFact.referenceDate.index && context == .month {
                return emit(Instruction(op: .referenceDateOfMonth, a: Int32(index)))
            }
            return emit(Instruction(op: .dayFact, a: Int32(index), b: fallback, site: s))
        }
    }

    /// The functions of the rule language (Functions.swift).
    private mutating func compileCall(_ function: Function, _ args: [TypedExpr], _ context: Periodicity, _ range: SourceRange) -> Program.Expression {
        let counting: Int64 = args.first?.type == .bool ? 1 : 0
        switch function {
        case .min, .max:
            let operands = args.map { compile($0, context) }
            let offset = Int32(lists.count)
            lists += operands
            return emit(Instruction(op: function == .min ? .minimum : .maximum, a: offset, b: Int32(operands.count)))
        case .round, .roundDown, .roundUp:
            let rounding: Rounding = function == .round ? .halfAwayFromZero : function == .roundDown ? .down : .up
            return emit(Instruction(op: .round, a: compile(args[0], context), c: Int32(Self.roundings.firstIndex(of: rounding)!),
                                    immediate: ValueSemantics.roundingUnit(of: args[0].type), site: site(.arithmetic, range)))
        case .sumInMonth, .daysInMonth:
            return emit(Instruction(op: function == .daysInMonth ? .daysInMonth : .sumInMonth, a: compile(args[0], .day), site: site(.arithmetic, range)))
        case .yearToDate where context == .month:
            return emit(Instruction(op: .yearToDateOfMonth, a: compile(args[0], .month), immediate: counting, site: site(.arithmetic, range)))
        case .yearToDate:
            let term = compile(args[0], .day)
            runningTotalSites += 1
            return emit(Instruction(op: .yearToDateOfDay, a: term, b: Int32(runningTotalSites - 1), immediate: counting, site: site(.arithmetic, range)))
        case .totalSince:
            return emit(Instruction(op: .totalSince, a: compile(args[0], .month), b: compile(args[1], .month), immediate: counting,
                                    site: site(.totalSince, range)))
        case .year, .monthOf:
            return emit(Instruction(op: function == .year ? .year : .monthOf, a: compile(args[0], context)))
        case .yearStart:
            return emit(Instruction(op: .yearStart, a: compile(args[0], context)))
        case .daysBetween:
            return emit(Instruction(op: .daysBetween, a: compile(args[0], context), b: compile(args[1], context)))
        case .monthsBetween:
            return emit(Instruction(op: .monthsBetween, a: compile(args[0], context), b: compile(args[1], context)))
        case .plusMonths:
            return emit(Instruction(op: .plusMonths, a: compile(args[0], context), b: compile(args[1], context), site: site(.arithmetic, range)))
        case .blockEnd:
            return emit(Instruction(op: .blockEnd, a: compile(args[0], context), b: compile(args[1], context), site: site(.blockSize, range)))
        case .ever:
            return emit(Instruction(op: .ever, a: compile(args[0], .month)))
        case .valueOn:
            guard case .parameter(let p) = args[0].node else {
                // The checker lets only a parameter through; a model built in Swift may not.
                return emit(Instruction(op: .valueOn, a: -1, site: site(.notAParameter, range)))
            }
            return emit(Instruction(op: .valueOn, a: Int32(p), b: compile(args[1], context), site: site(.parameter(p), range)))
        }
    }

    /// The roundings, by the number an instruction carries.
    static let roundings: [Rounding] = [.halfAwayFromZero, .down, .up, .towardZero]
}
