/// The operations that `RangeProof` has proven cannot fail, evaluated without
/// a check: no mark to pass on, no overflow, no division by zero. The loops
/// hold only the arithmetic, which the compiler keeps tight; what is evaluated,
/// and the values, are those of `evaluate`.
extension Program {
    /// Fills `out` for an instruction proven not to fail, if its operation has a
    /// loop without checks; false (and `out` untouched) otherwise.
    func evaluateProven(_ i: Instruction, _ e: Expression, _ f: LaneFrame, _ p: Int, days n: Int,
                        into out: UnsafeMutablePointer<Int64>) -> Bool {
        let width = n * f.lanes
        let scratch = f.scratch
        let mark = scratch.mark
        defer { scratch.reset(to: mark) }
        func binary<Op: LaneOperation>(_: Op.Type) { self.binary(Op.self, i, f, p, n, into: out) }
        /// `min` or `max` of the operands, in order, each read where it is.
        func extreme<Op: LaneOperation>(_: Op.Type) {
            if bounded(Op.self, Unrounded.self, i, f, p, n, into: out) { return }
            var sofar = operand(lists[Int(i.a)], f, p, n, into: out)
            let v = scratch.push()
            for k in 1..<max(1, Int(i.b)) {
                let next = operand(lists[Int(i.a) + k], f, p, n, into: v)
                if case let (.scalar(j), .scalar(c)) = (sofar, next) { sofar = .scalar(Op.apply(j, c)); continue }
                Self.combine(Op.self, sofar, next, into: out, width)
                sofar = .cells(UnsafePointer(out))
            }
            switch sofar {
            case .scalar(let c): out.update(repeating: c, count: width)
            case .cells(let x): if x != UnsafePointer(out) { out.update(from: x, count: width) }
            }
        }
        switch i.op {
        case .add:
            binary(Add.self)
        case .subtract:
            binary(Subtract.self)
        case .multiply:
            if f.exactProduct![Int(e)] {
                binary(MultiplyExact.self)
            } else if f.nonNegative![Int(e)] {
                binary(MultiplyNonNegative.self)
            } else {
                binary(Multiply.self)
            }
        case .divide:
            // By one (as `/ 1 dag` makes a number of days): the dividend as it is, no division per cell.
            let b = operand(i.b, f, p, n, into: scratch.push())
            if case .scalar(Fixed.scale) = b {
                evaluate(i.a, f, p, days: n, into: out)
            } else {
                Self.combine(Divide.self, operand(i.a, f, p, n, into: out), b, into: out, width)
            }
        case .compare:
            // One loop per comparison, as in `evaluate`.
            switch ProgramBuilder.comparisons[Int(i.immediate)] {
            case .equal: binary(Equal.self)
            case .notEqual: binary(NotEqual.self)
            case .less: binary(Less.self)
            case .lessEqual: binary(LessEqual.self)
            case .greater: binary(Greater.self)
            case .greaterEqual: binary(GreaterEqual.self)
            default: return false
            }
        case .not:
            let a = truthOperand(i.a, f, p, n, into: out)
            // 1 ^ t is 1 - t for a truth t; a `niet` in front of the operand flips it back.
            let flip: Int64 = a.negated ? 0 : 1
            switch a.operand {
            case .cells(let x): for l in 0..<width { out[l] = flip ^ Self.truth(x[l]) }
            case .scalar(let k): out.update(repeating: flip ^ Self.truth(k), count: width)
            }
        case .and, .or:
            // As in `evaluate`: the right side only where some lane needs it. Both sides are
            // read where they are, a `niet` in front of one folded into this pass.
            let a = truthOperand(i.a, f, p, n, into: out)
            let decided: Int64 = i.op == .and ? 0 : 1, flipA: Int64 = a.negated ? 1 : 0
            let needed: Bool
            switch a.operand {
            case .cells(let x): needed = Program.any(x, f.cellsToLookAt(i.a, days: n)) { flipA ^ Self.truth($0) != decided }
            case .scalar(let k): needed = flipA ^ Self.truth(k) != decided
            }
            guard needed else {
                out.update(repeating: decided, count: width)
                return true
            }
            let b = truthOperand(i.b, f, p, n, into: scratch.push())
            if i.op == .and {
                Self.combine(And.self, a.operand, b.operand, flipA: flipA, flipB: b.negated ? 1 : 0, into: out, width)
            } else {
                Self.combine(Or.self, a.operand, b.operand, flipA: flipA, flipB: b.negated ? 1 : 0, into: out, width)
            }
        case .select:
            // Each branch only where some lane takes it; both, then blended. The condition is
            // read where it is; a `niet` in front of it swaps the branches instead.
            let condition = truthOperand(i.a, f, p, n, into: scratch.push())
            let (thenBranch, elseBranch) = condition.negated ? (i.c, i.b) : (i.b, i.c)
            let c: UnsafePointer<Int64>
            switch condition.operand {
            case .scalar(let k):
                evaluate(k != 0 ? thenBranch : elseBranch, f, p, days: n, into: out)
                return true
            case .cells(let x):
                c = x
            }
            let looked = f.cellsToLookAt(i.a, days: n)
            let needsThen = Program.any(c, looked) { $0 != 0 }, needsElse = Program.any(c, looked) { $0 == 0 }
            if !needsElse {
                evaluate(thenBranch, f, p, days: n, into: out)
            } else if !needsThen {
                evaluate(elseBranch, f, p, days: n, into: out)
            } else if !nestedChoice(c, thenBranch, elseBranch, f, p, n, into: out) {
                let then = operand(thenBranch, f, p, n, into: out), otherwise = operand(elseBranch, f, p, n, into: scratch.push())
                switch (then, otherwise) {
                case let (.cells(x), .cells(y)): for l in 0..<width { out[l] = Self.choose(c[l], x[l], y[l]) }
                case let (.cells(x), .scalar(k)): for l in 0..<width { out[l] = Self.choose(c[l], x[l], k) }
                case let (.scalar(k), .cells(y)): for l in 0..<width { out[l] = Self.choose(c[l], k, y[l]) }
                case let (.scalar(j), .scalar(k)): for l in 0..<width { out[l] = Self.choose(c[l], j, k) }
                }
            }
        case .minimum:
            extreme(Minimum.self)
        case .maximum:
            extreme(Maximum.self)
        case .yearToDateOfMonth:
            out.update(from: yearToDate(i, e, f, p), count: f.lanes)
        case .round:
            evaluate(i.a, f, p, days: n, into: out)
            ValueSemantics.roundProven(out, width, unit: i.immediate, ProgramBuilder.roundings[Int(i.c)], nonNegative: f.nonNegative![Int(e)])
        default:
            return false
        }
        return true
    }

    /// A declaration's body proven not to fail, and its rounding to cents (`LaneFrame.settle`
    /// of a proven slot), in one pass: where the body is a sum, a difference or a product.
    /// False (and `out` untouched) otherwise. Every value is the operation's, then rounded.
    func evaluateProvenRounded(_ e: Expression, _ f: LaneFrame, _ p: Int, _ slot: Plan.Slot, nonNegative: Bool,
                               into out: UnsafeMutablePointer<Int64>) -> Bool {
        guard let cannotFail = f.cannotFail, cannotFail[Int(e)], slot.roundingUnit == 10_000, slot.rounding == .halfAwayFromZero else { return false }
        let i = code[Int(e)]
        func rounded<Op: LaneOperation>(_: Op.Type) {
            if nonNegative {
                binary(CentsHalfUp<Op>.self, i, f, p, 1, into: out)
            } else {
                binary(CentsHalfAwayFromZero<Op>.self, i, f, p, 1, into: out)
            }
        }
        switch i.op {
        case .add: rounded(Add.self)
        case .subtract: rounded(Subtract.self)
        case .multiply:
            switch (f.exactProduct![Int(e)], nonNegative) {
            // An exact product never negative: one division makes cents of it.
            case (true, true): binary(ExactProductInCents.self, i, f, p, 1, into: out)
            case (true, false): rounded(MultiplyExact.self)
            case (false, _): if f.nonNegative![Int(e)] { rounded(MultiplyNonNegative.self) } else { rounded(Multiply.self) }
            }
        case .maximum, .minimum:
            func bounded<Finish: LaneRounding>(_: Finish.Type) -> Bool {
                i.op == .maximum ? self.bounded(Maximum.self, Finish.self, i, f, p, 1, into: out) : self.bounded(Minimum.self, Finish.self, i, f, p, 1, into: out)
            }
            return nonNegative ? bounded(CentsUp.self) : bounded(CentsAway.self)
        default: return false
        }
        return true
    }

    /// `max(k, a + b)`, `max(k, a - b)` or the same with `min`, for a k the same in every cell
    /// (as in `max(€ 0, a - b)`, not below nil), then `Finish`: in one pass, the operands of the sum
    /// or difference read where they are, where two passes wrote the difference and read it back.
    /// False (and `out` untouched) for any other `min` or `max`.
    @inline(__always)
    private func bounded<Outer: LaneOperation, Finish: LaneRounding>(_: Outer.Type, _: Finish.Type, _ i: Instruction, _ f: LaneFrame, _ p: Int, _ n: Int,
                                                                     into out: UnsafeMutablePointer<Int64>) -> Bool {
        guard i.b == 2 else { return false }
        let first = lists[Int(i.a)], second = lists[Int(i.a) + 1]
        let (bound, inner) = code[Int(second)].op == .add || code[Int(second)].op == .subtract ? (first, second) : (second, first)
        let sum = code[Int(inner)]
        // A bound that is one value needs no evaluation to tell: a constant or a month's parameter.
        let boundOp = code[Int(bound)].op
        guard sum.op == .add || sum.op == .subtract, f.cannotFail![Int(inner)], boundOp == .constant || (boundOp == .parameterOfMonth && n == 1)
        else { return false }
        let scratch = f.scratch
        let mark = scratch.mark
        defer { scratch.reset(to: mark) }
        guard case .scalar(let k) = operand(bound, f, p, n, into: scratch.push()) else { return false }
        let a = operand(sum.a, f, p, n, into: out), b = operand(sum.b, f, p, n, into: scratch.push()), width = n * f.lanes
        @inline(__always)
        func loop<Bound: LaneOperation, Inner: LaneOperation>(_: Bound.Type, _: Inner.Type) {
            switch (a, b) {
            case let (.cells(x), .cells(y)): for l in 0..<width { out[l] = Finish.apply(Bound.apply(k, Inner.apply(x[l], y[l]))) }
            case let (.cells(x), .scalar(c)): for l in 0..<width { out[l] = Finish.apply(Bound.apply(k, Inner.apply(x[l], c))) }
            case let (.scalar(c), .cells(y)): for l in 0..<width { out[l] = Finish.apply(Bound.apply(k, Inner.apply(c, y[l]))) }
            case let (.scalar(c), .scalar(d)): out.update(repeating: Finish.apply(Bound.apply(k, Inner.apply(c, d))), count: width)
            }
        }
        // Not below nil, the usual bound: with a mask, which the compiler can keep in vector registers.
        let notBelowZero = Outer.self == Maximum.self && k == 0
        switch (sum.op == .add, notBelowZero) {
        case (true, true): loop(NotBelowZero.self, Add.self)
        case (true, false): loop(Outer.self, Add.self)
        case (false, true): loop(NotBelowZero.self, Subtract.self)
        case (false, false): loop(Outer.self, Subtract.self)
        }
        return true
    }

    /// 1 for any value but zero, 0 for zero: without a branch, which random ja and nee
    /// would mispredict (x | -x has its sign bit set exactly when x is not zero).
    @inline(__always)
    static func truth(_ x: Int64) -> Int64 { Int64(bitPattern: UInt64(bitPattern: x | (0 &- x)) >> 63) }

    /// `c != 0 ? x : y` without a branch: a mask of all ones where c holds.
    @inline(__always)
    static func choose(_ c: Int64, _ x: Int64, _ y: Int64) -> Int64 {
        let all = 0 &- truth(c)
        return (x & all) | (y & ~all)
    }

    /// Both operands of `i`, read where they are: then the operation cell by cell. Generic over
    /// the operation, so each gets a loop of its own with the arithmetic inlined.
    @inline(__always)
    private func binary<Op: LaneOperation>(_: Op.Type, _ i: Instruction, _ f: LaneFrame, _ p: Int, _ n: Int, into out: UnsafeMutablePointer<Int64>) {
        let scratch = f.scratch
        let mark = scratch.mark
        defer { scratch.reset(to: mark) }
        let a = operand(i.a, f, p, n, into: out)
        let b = operand(i.b, f, p, n, into: scratch.push())
        Self.combine(Op.self, a, b, into: out, n * f.lanes)
    }

    /// `a op b` into `out`, for every cell: one loop per kind of operand.
    @inline(__always)
    private static func combine<Op: LaneOperation>(_: Op.Type, _ a: Operand, _ b: Operand, into out: UnsafeMutablePointer<Int64>, _ width: Int) {
        switch (a, b) {
        case let (.cells(x), .cells(y)): for l in 0..<width { out[l] = Op.apply(x[l], y[l]) }
        case let (.cells(x), .scalar(k)): for l in 0..<width { out[l] = Op.apply(x[l], k) }
        case let (.scalar(k), .cells(y)): for l in 0..<width { out[l] = Op.apply(k, y[l]) }
        case let (.scalar(j), .scalar(k)): out.update(repeating: Op.apply(j, k), count: width)
        }
    }

    /// `(flipA ^ truth(a)) op (flipB ^ truth(b))` into `out`, for every cell: `en` or `of` of
    /// two truths, either of them negated (flip 1) where a `niet` was folded in.
    @inline(__always)
    private static func combine<Op: LaneOperation>(_: Op.Type, _ a: Operand, _ b: Operand, flipA: Int64, flipB: Int64,
                                                   into out: UnsafeMutablePointer<Int64>, _ width: Int) {
        switch (a, b) {
        case let (.cells(x), .cells(y)): for l in 0..<width { out[l] = Op.apply(flipA ^ truth(x[l]), flipB ^ truth(y[l])) }
        case let (.cells(x), .scalar(k)): for l in 0..<width { out[l] = Op.apply(flipA ^ truth(x[l]), flipB ^ truth(k)) }
        case let (.scalar(j), .cells(y)): for l in 0..<width { out[l] = Op.apply(flipA ^ truth(j), flipB ^ truth(y[l])) }
        case let (.scalar(j), .scalar(k)): out.update(repeating: Op.apply(flipA ^ truth(j), flipB ^ truth(k)), count: width)
        }
    }

    /// `choose(c, choose(d, j, k), z)` or `choose(c, z, choose(d, j, k))` in one pass, for j, k and
    /// z each one value (a constant, a month's parameter) and d read where it is: a choice among
    /// values, as `als niet a dan 0% anders als b dan x anders y`, where the inner choice took a pass
    /// of its own. False (and `out` untouched) for other branches.
    private func nestedChoice(_ c: UnsafePointer<Int64>, _ thenBranch: Expression, _ elseBranch: Expression, _ f: LaneFrame, _ p: Int, _ n: Int,
                              into out: UnsafeMutablePointer<Int64>) -> Bool {
        func value(_ x: Expression) -> Int64? {
            let i = code[Int(x)]
            if i.op == .constant { return i.immediate }
            return i.op == .parameterOfMonth && n == 1 ? parameters.value(Int(i.a), on: f.monthStart[p]) : nil
        }
        let innerFirst = code[Int(thenBranch)].op == .select
        let (inner, single) = innerFirst ? (thenBranch, elseBranch) : (elseBranch, thenBranch)
        let s = code[Int(inner)]
        guard s.op == .select, f.cannotFail![Int(inner)], let z = value(single), let j0 = value(s.b), let k0 = value(s.c) else { return false }
        let d = truthOperand(s.a, f, p, n, into: f.scratch.push())
        let (j, k) = d.negated ? (k0, j0) : (j0, k0), width = n * f.lanes
        switch (d.operand, innerFirst) {
        case let (.cells(x), true): for l in 0..<width { out[l] = Self.choose(c[l], Self.choose(x[l], j, k), z) }
        case let (.cells(x), false): for l in 0..<width { out[l] = Self.choose(c[l], z, Self.choose(x[l], j, k)) }
        case let (.scalar(t), true): for l in 0..<width { out[l] = Self.choose(c[l], t != 0 ? j : k, z) }
        case let (.scalar(t), false): for l in 0..<width { out[l] = Self.choose(c[l], z, t != 0 ? j : k) }
        }
        return true
    }

    /// `totaal_dit_jaar` per month, proven not to fail: the view's running values (`LaneFrame.monthly`),
    /// each month the month before plus the term, the term read where it is and added without a check.
    private func yearToDate(_ i: Instruction, _ e: Expression, _ f: LaneFrame, _ p: Int) -> UnsafePointer<Int64> {
        let counting = i.immediate == 1, lanes = f.lanes
        return f.monthly(e, upTo: p) { k, previous, row in
            let term = operand(i.a, f, k, 1, into: f.scratch.push())
            // A range starts in January; the first month of a year starts the total again.
            let before = previous == nil || f.range.month(k).month == 1 ? nil : previous
            switch (term, before) {
            case let (.cells(t), before?): for l in 0..<lanes { row[l] = before[l] &+ ValueSemantics.term(t[l], counting: counting) }
            case let (.cells(t), nil): for l in 0..<lanes { row[l] = ValueSemantics.term(t[l], counting: counting) }
            case let (.scalar(c), before?): for l in 0..<lanes { row[l] = before[l] &+ ValueSemantics.term(c, counting: counting) }
            case let (.scalar(c), nil): row.update(repeating: ValueSemantics.term(c, counting: counting), count: lanes)
            }
        }
    }

    /// A truth operand read where it is (`operand`), or, for a `niet` in front of one, the
    /// operand under it and `negated`: the user takes the other side, in its own pass.
    @inline(__always)
    private func truthOperand(_ x: Expression, _ f: LaneFrame, _ p: Int, _ n: Int,
                              into column: UnsafeMutablePointer<Int64>) -> (operand: Operand, negated: Bool) {
        let i = code[Int(x)]
        if i.op == .not, f.cannotFail![Int(i.a)] { return (operand(i.a, f, p, n, into: column), true) }
        return (operand(x, f, p, n, into: column), false)
    }

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
        case .yearToDateOfMonth where n == 1:
            if f.cannotFail![Int(x)] { return .cells(yearToDate(i, x, f, p)) }
        default:
            break
        }
        evaluate(x, f, p, days: n, into: column)
        return .cells(UnsafePointer(column))
    }
}

/// An operation on two values proven not to be the mark, whose result is proven to fit.
private protocol LaneOperation { static func apply(_ a: Int64, _ b: Int64) -> Int64 }
private enum Add: LaneOperation { @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { a &+ b } }
private enum Subtract: LaneOperation { @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { a &- b } }
private enum Multiply: LaneOperation {
    @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { ValueSemantics.multiplyProven(a, b) }
}
private enum MultiplyNonNegative: LaneOperation {
    @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { ValueSemantics.multiplyProvenNonNegative(a, b) }
}
private enum MultiplyExact: LaneOperation {
    @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { ValueSemantics.multiplyProvenExact(a, b) }
}
private enum ExactProductInCents: LaneOperation {
    @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { ValueSemantics.centsOfExactProduct(a, b) }
}
private enum Divide: LaneOperation { @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { ValueSemantics.divideProven(a, b) } }
private enum Equal: LaneOperation { @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { a == b ? 1 : 0 } }
private enum NotEqual: LaneOperation { @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { a != b ? 1 : 0 } }
private enum Less: LaneOperation { @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { a < b ? 1 : 0 } }
private enum LessEqual: LaneOperation { @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { a <= b ? 1 : 0 } }
private enum Greater: LaneOperation { @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { a > b ? 1 : 0 } }
private enum GreaterEqual: LaneOperation { @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { a >= b ? 1 : 0 } }
/// An operation whose result is then rounded to cents, as `ValueSemantics.roundProven` does.
private enum CentsHalfAwayFromZero<Op: LaneOperation>: LaneOperation {
    @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 {
        ValueSemantics.roundProven(Op.apply(a, b), unit: 10_000, .halfAwayFromZero)
    }
}
/// The same for a result never negative (`ValueSemantics.roundHalfUpProven`).
private enum CentsHalfUp<Op: LaneOperation>: LaneOperation {
    @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { ValueSemantics.roundHalfUpProven(Op.apply(a, b), unit: 10_000) }
}
/// What is done with a value at the end of a pass: nothing, or rounding it to cents as
/// `ValueSemantics.roundProven` does (half up for a value never negative).
private protocol LaneRounding { static func apply(_ x: Int64) -> Int64 }
private enum Unrounded: LaneRounding { @inline(__always) static func apply(_ x: Int64) -> Int64 { x } }
private enum CentsAway: LaneRounding {
    @inline(__always) static func apply(_ x: Int64) -> Int64 { ValueSemantics.roundProven(x, unit: 10_000, .halfAwayFromZero) }
}
private enum CentsUp: LaneRounding { @inline(__always) static func apply(_ x: Int64) -> Int64 { ValueSemantics.roundHalfUpProven(x, unit: 10_000) } }
/// `en` and `of` of two truths (0 or 1).
private enum And: LaneOperation { @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { a & b } }
private enum Or: LaneOperation { @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { a | b } }
/// `max(0, b)` (the a of `max` is zero): b where its sign bit is clear, zero where it is set,
/// with a shift and a mask that SSE2 has for 64 bits, where it has no comparison of them.
private enum NotBelowZero: LaneOperation {
    @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { b & Int64(bitPattern: (UInt64(bitPattern: b) >> 63) &- 1) }
}
private enum Minimum: LaneOperation { @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { Swift.min(a, b) } }
private enum Maximum: LaneOperation { @inline(__always) static func apply(_ a: Int64, _ b: Int64) -> Int64 { Swift.max(a, b) } }
