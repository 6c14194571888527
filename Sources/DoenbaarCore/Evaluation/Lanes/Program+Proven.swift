/// The operations that `RangeProof` has proven cannot fail, evaluated without
/// a check: no mark to pass on, no overflow, no division by zero. The loops
/// hold only the arithmetic, which the compiler keeps tight; what is evaluated,
/// and the values, are those of `evaluate`.
extension Program {
    /// Fills `out` for an instruction proven not to fail, if its operation has a
    /// loop without checks; false (and `out` untouched) otherwise.
    func evaluateProven(_ i: Instruction, _ e: Expression, _ proof: RangeProof, _ f: LaneFrame, _ p: Int, days n: Int,
                        into out: UnsafeMutablePointer<Int64>) -> Bool {
        let width = n * f.lanes, scratch = f.scratch
        /// Both operands, read where they are: then `op` cell by cell.
        @inline(__always)
        func binary(_ op: (Int64, Int64) -> Int64) {
            let a = operand(i.a, f, p, n, into: out)
            let b = operand(i.b, f, p, n, into: scratch.push())
            switch (a, b) {
            case let (.cells(x), .cells(y)): for l in 0..<width { out[l] = op(x[l], y[l]) }
            case let (.cells(x), .scalar(k)): for l in 0..<width { out[l] = op(x[l], k) }
            case let (.scalar(k), .cells(y)): for l in 0..<width { out[l] = op(k, y[l]) }
            case let (.scalar(j), .scalar(k)): out.update(repeating: op(j, k), count: width)
            }
        }
        /// `min` or `max` of the operands, in order, each read where it is.
        @inline(__always)
        func extreme(_ pick: (Int64, Int64) -> Int64) {
            var sofar = operand(lists[Int(i.a)], f, p, n, into: out)
            let v = scratch.push()
            for k in 1..<max(1, Int(i.b)) {
                switch (sofar, operand(lists[Int(i.a) + k], f, p, n, into: v)) {
                case let (.cells(x), .cells(y)): for l in 0..<width { out[l] = pick(x[l], y[l]) }
                case let (.cells(x), .scalar(c)), let (.scalar(c), .cells(x)): for l in 0..<width { out[l] = pick(x[l], c) }
                case let (.scalar(j), .scalar(c)): sofar = .scalar(pick(j, c)); continue
                }
                sofar = .cells(UnsafePointer(out))
            }
            switch sofar {
            case .scalar(let c): out.update(repeating: c, count: width)
            case .cells(let x): if x != UnsafePointer(out) { out.update(from: x, count: width) }
            }
        }
        switch i.op {
        case .add:
            binary { $0 &+ $1 }
        case .subtract:
            binary { $0 &- $1 }
        case .multiply:
            if proof.nonNegative[Int(e)] { binary(ValueSemantics.multiplyProvenNonNegative) } else { binary(ValueSemantics.multiplyProven) }
        case .divide:
            binary(ValueSemantics.divideProven)
        case .compare:
            // One loop per comparison, as in `evaluate`.
            switch ProgramBuilder.comparisons[Int(i.immediate)] {
            case .equal: binary { $0 == $1 ? 1 : 0 }
            case .notEqual: binary { $0 != $1 ? 1 : 0 }
            case .less: binary { $0 < $1 ? 1 : 0 }
            case .lessEqual: binary { $0 <= $1 ? 1 : 0 }
            case .greater: binary { $0 > $1 ? 1 : 0 }
            case .greaterEqual: binary { $0 >= $1 ? 1 : 0 }
            default: return false
            }
        case .not:
            evaluate(i.a, f, p, days: n, into: out)
            for l in 0..<width { out[l] = 1 &- Self.truth(out[l]) }
        case .and, .or:
            // As in `evaluate`: the right side only where some lane needs it.
            evaluate(i.a, f, p, days: n, into: out)
            let looked = f.plan.sameAllMonth[Int(i.a)] ? f.lanes : width
            let decided: Int64 = i.op == .and ? 0 : 1
            guard (0..<looked).contains(where: { (out[$0] != 0 ? 1 : 0) != decided }) else {
                if i.op == .or { out.update(repeating: 1, count: width) }
                return true
            }
            let b = scratch.push()
            evaluate(i.b, f, p, days: n, into: b)
            if i.op == .and {
                for l in 0..<width { out[l] = Self.truth(out[l]) & Self.truth(b[l]) }
            } else {
                for l in 0..<width { out[l] = Self.truth(out[l]) | Self.truth(b[l]) }
            }
        case .select:
            // Each branch only where some lane takes it; both, then blended.
            let c = scratch.push()
            evaluate(i.a, f, p, days: n, into: c)
            let looked = f.plan.sameAllMonth[Int(i.a)] ? f.lanes : width
            let needsThen = (0..<looked).contains { c[$0] != 0 }, needsElse = (0..<looked).contains { c[$0] == 0 }
            if !needsElse {
                evaluate(i.b, f, p, days: n, into: out)
            } else if !needsThen {
                evaluate(i.c, f, p, days: n, into: out)
            } else {
                let then = operand(i.b, f, p, n, into: out), otherwise = operand(i.c, f, p, n, into: scratch.push())
                switch (then, otherwise) {
                case let (.cells(x), .cells(y)): for l in 0..<width { out[l] = c[l] != 0 ? x[l] : y[l] }
                case let (.cells(x), .scalar(k)): for l in 0..<width { out[l] = c[l] != 0 ? x[l] : k }
                case let (.scalar(k), .cells(y)): for l in 0..<width { out[l] = c[l] != 0 ? k : y[l] }
                case let (.scalar(j), .scalar(k)): for l in 0..<width { out[l] = c[l] != 0 ? j : k }
                }
            }
        case .minimum:
            extreme(Swift.min)
        case .maximum:
            extreme(Swift.max)
        case .round:
            evaluate(i.a, f, p, days: n, into: out)
            ValueSemantics.roundProven(out, width, unit: i.immediate, ProgramBuilder.roundings[Int(i.c)], nonNegative: proof.nonNegative[Int(e)])
        default:
            return false
        }
        return true
    }

    /// 1 for any value but zero, 0 for zero: without a branch, which random ja and nee
    /// would mispredict (x | -x has its sign bit set exactly when x is not zero).
    @inline(__always)
    static func truth(_ x: Int64) -> Int64 { Int64(bitPattern: UInt64(bitPattern: x | (0 &- x)) >> 63) }

    /// Where an operand's values are, for an instruction proven not to fail.
    private enum Operand {
        /// One column of cells: stored where the view keeps it, or evaluated.
        case cells(UnsafePointer<Int64>)
        /// The same value in every cell.
        case scalar(Int64)
    }

    /// A constant, a month's parameter, a month's value or input as they are, without
    /// copying them into a column; anything else evaluated into `column`.
    @inline(__always)
    private func operand(_ x: Expression, _ f: LaneFrame, _ p: Int, _ n: Int, into column: UnsafeMutablePointer<Int64>) -> Operand {
        let i = code[Int(x)]
        switch i.op {
        case .constant:
            return .scalar(i.immediate)
        // A month's operations are asked for one month at a time (`spansDays`).
        case .parameterOfMonth where n == 1:
            if let v = parameters.value(Int(i.a), on: f.monthStart[p]) { return .scalar(v) }
        case .valueOfMonth where n == 1:
            return .cells(f.slot(Int(i.a), p))
        case .inputOfMonth where n == 1:
            if let inputs = f.inputs { return .cells(inputs.column(Int(i.a), month: p)) }
        default:
            break
        }
        evaluate(x, f, p, days: n, into: column)
        return .cells(UnsafePointer(column))
    }
}
