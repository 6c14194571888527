/// The compiled expressions of a rule set: one flat array of instructions,
/// each naming its operands by index, evaluated for a block of lanes by
/// `Program.evaluate(_:_:_:into:)`.
///
/// An instruction is plain data (no closure, string or array), and the
/// program owns it in one allocation that never changes after compiling, so
/// evaluating touches no reference count: threads can share one program.
/// What an instruction needs only to report a failure (the place in the
/// rules, the names for the message) lives in `sites`, read only when
/// something fails.
public final class Program: @unchecked Sendable {
    /// An expression of the program: the index of its root instruction.
    public typealias Expression = Int32

    enum Op: UInt8 {
        case constant
        case parameterOfMonth, parameterOfDay
        case valueOfMonth, monthValueOfDay, valueOfDay
        case benefitOfMonth, benefitOfDay
        case constantFact, monthFactOfMonth, monthFactOfDay, dayFact, referenceDateOfMonth
        case inputOfMonth, inputOfDay
        case negate, not, and, or, select, compare
        case add, subtract, multiply, divide
        case addDays, addMonths, dateDifference
        case minimum, maximum
        case round
        case sumInMonth, daysInMonth
        case yearToDateOfMonth, yearToDateOfDay, totalSince
        case year, monthOf, yearStart, daysBetween, monthsBetween, plusMonths, blockEnd
        case ever, valueOn
    }

    /// One operation: operands `a`, `b`, `c` are instructions (or, per
    /// operation, a slot, fact, parameter, benefit or list); `immediate`
    /// carries a constant, a sign, a unit or a flag.
    struct Instruction {
        var op: Op
        var a: Int32 = -1
        var b: Int32 = -1
        var c: Int32 = -1
        var immediate: Int64 = 0
        /// Index in `sites`, for an instruction that can fail.
        var site: Int32 = -1
    }

    /// Where an instruction is in the rules, and what its failure says.
    struct Site {
        enum Kind {
            /// Overflow, division by zero, a date out of range.
            case arithmetic
            case parameter(Int)
            case fact(Int)
            case input(String)
            case totalSince
            case blockSize
            case notAParameter
        }
        let kind: Kind
        let range: SourceRange
    }

    let ruleSet: RuleSet
    let code: UnsafeMutablePointer<Instruction>
    let codeCount: Int
    /// Operand lists of `minimum` and `maximum`: `a` is the offset, `b` the count.
    let lists: UnsafeMutablePointer<Int32>
    let sites: [Site]
    /// Per instruction: where in the rules it comes from (for a failure without a site).
    let ranges: [SourceRange]
    let parameters: ParameterTable
    let runningTotalSites: Int

    init(_ builder: ProgramBuilder) {
        ruleSet = builder.ruleSet
        codeCount = builder.code.count
        code = .allocate(capacity: max(1, codeCount))
        code.initialize(from: builder.code, count: codeCount)
        lists = .allocate(capacity: max(1, builder.lists.count))
        lists.initialize(from: builder.lists, count: builder.lists.count)
        sites = builder.sites
        ranges = builder.ranges
        parameters = ParameterTable(builder.ruleSet.parameters)
        runningTotalSites = builder.runningTotalSites
    }

    deinit {
        code.deallocate()
        lists.deallocate()
    }
}

/// Parameter values by date, flat: per parameter a run of (first day, value)
/// pairs in date order, looked up without touching the rule set's arrays.
final class ParameterTable: @unchecked Sendable {
    let start: UnsafeMutablePointer<Int32>      // per parameter: first pair; start[p + 1] ends it
    let from: UnsafeMutablePointer<Int32>
    let raw: UnsafeMutablePointer<Int64>

    init(_ parameters: [Parameter]) {
        let total = parameters.reduce(0) { $0 + $1.values.count }
        start = .allocate(capacity: parameters.count + 1)
        from = .allocate(capacity: max(1, total))
        raw = .allocate(capacity: max(1, total))
        var k = 0
        for (p, parameter) in parameters.enumerated() {
            start[p] = Int32(k)
            for v in parameter.values {
                from[k] = v.from.dayNumber
                raw[k] = v.raw
                k += 1
            }
        }
        start[parameters.count] = Int32(k)
    }

    /// The value from the last pair that starts on or before the day (as `Parameter.value(on:)`).
    @inline(__always)
    func value(_ p: Int, on day: Int32) -> Int64? {
        var low = Int(start[p]), high = Int(start[p + 1]) - 1
        var found: Int64?
        while low <= high {
            let mid = (low + high) / 2
            if from[mid] <= day { found = raw[mid]; low = mid + 1 } else { high = mid - 1 }
        }
        return found
    }

    deinit {
        start.deallocate()
        from.deallocate()
        raw.deallocate()
    }
}
