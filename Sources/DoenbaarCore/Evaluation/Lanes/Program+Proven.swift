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
            if bounded(Op.self, LaneOp.Unrounded.self, i, f, p, n, into: out) { return }
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
            binary(LaneOp.Add.self)
        case .subtract:
            binary(LaneOp.Subtract.self)
        case .multiply:
            let known = f.known![Int(e)]
            if known.contains(.exactProduct) {
                binary(LaneOp.MultiplyExact.self)
            } else if known.contains(.operandsNonNegative) {
                binary(LaneOp.MultiplyNonNegative.self)
            } else {
                binary(LaneOp.Multiply.self)
            }
        case .divide:
            // By one (as `/ 1 dag` makes a number of days): the dividend as it is, no division per cell.
            let b = operand(i.b, f, p, n, into: scratch.push())
            if case .scalar(Fixed.scale) = b {
                evaluate(i.a, f, p, days: n, into: out)
            } else {
                Self.combine(LaneOp.Divide.self, operand(i.a, f, p, n, into: out), b, into: out, width)
            }
        case .compare:
            // One loop per comparison, as in `evaluate`; by the sign of the difference where it fits.
            let bySign = f.known![Int(e)].contains(.differenceFits)
            switch ProgramBuilder.comparison(i.immediate) {
            case .equal: binary(LaneOp.Equal.self)
            case .notEqual: binary(LaneOp.NotEqual.self)
            case .less: if bySign { binary(LaneOp.LessBySign.self) } else { binary(LaneOp.Less.self) }
            case .lessEqual: if bySign { binary(LaneOp.LessEqualBySign.self) } else { binary(LaneOp.LessEqual.self) }
            case .greater: if bySign { binary(LaneOp.GreaterBySign.self) } else { binary(LaneOp.Greater.self) }
            case .greaterEqual: if bySign { binary(LaneOp.GreaterEqualBySign.self) } else { binary(LaneOp.GreaterEqual.self) }
            default: return false
            }
        case .not:
            let a = truthOperand(i.a, f, p, n, into: out)
            // 1 ^ t is 1 - t for a truth t; a `niet` in front of the operand flips it back.
            let flip: Int64 = a.negated ? 0 : 1
            switch a.read {
            case .cells(let x): for l in 0..<width { out[l] = flip ^ Self.truth(x[l]) }
            case .scalar(let k): out.update(repeating: flip ^ Self.truth(k), count: width)
            }
        case .and, .or:
            // As in `evaluate`: the right side only where some lane needs it. Both sides are
            // read where they are, a `niet` in front of one folded into this pass.
            let a = truthOperand(i.a, f, p, n, into: out)
            let decided: Int64 = i.op == .and ? 0 : 1, flipA: Int64 = a.negated ? 1 : 0
            let needed: Bool
            switch a.read {
            case .cells(let x): needed = Program.any(x, f.cellsToLookAt(i.a, days: n)) { flipA ^ Self.truth($0) != decided }
            case .scalar(let k): needed = flipA ^ Self.truth(k) != decided
            }
            guard needed else {
                out.update(repeating: decided, count: width)
                return true
            }
            let b = truthOperand(i.b, f, p, n, into: scratch.push())
            func combine<T: LaneTruth>(_: T.Type) {
                if i.op == .and {
                    Self.combine(LaneOp.And.self, T.self, a.read, b.read, flipA: flipA, flipB: b.negated ? 1 : 0, into: out, width)
                } else {
                    Self.combine(LaneOp.Or.self, T.self, a.read, b.read, flipA: flipA, flipB: b.negated ? 1 : 0, into: out, width)
                }
            }
            if a.zeroOrOne && b.zeroOrOne { combine(LaneOp.ZeroOrOne.self) } else { combine(LaneOp.AnyTruth.self) }
        case .select:
            // Each branch only where some lane takes it; both, then blended. The condition is
            // read where it is; a `niet` in front of it swaps the branches instead.
            let condition = truthOperand(i.a, f, p, n, into: scratch.push())
            let (thenBranch, elseBranch) = condition.negated ? (i.c, i.b) : (i.b, i.c)
            let c: UnsafePointer<Int64>
            switch condition.read {
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
            } else if condition.zeroOrOne {
                blend(c, thenBranch, elseBranch, LaneOp.ZeroOrOne.self, f, p, n, into: out)
            } else {
                blend(c, thenBranch, elseBranch, LaneOp.AnyTruth.self, f, p, n, into: out)
            }
        case .minimum:
            extreme(LaneOp.Minimum.self)
        case .maximum:
            extreme(LaneOp.Maximum.self)
        case .yearToDateOfMonth:
            out.update(from: yearToDate(i, e, f, p), count: f.lanes)
        case .round:
            evaluate(i.a, f, p, days: n, into: out)
            ValueSemantics.roundProven(out, width, unit: i.immediate, ProgramBuilder.roundings[Int(i.c)], nonNegative: f.known![Int(e)].contains(.operandsNonNegative))
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
                binary(LaneOp.CentsHalfUp<Op>.self, i, f, p, 1, into: out)
            } else {
                binary(LaneOp.CentsHalfAwayFromZero<Op>.self, i, f, p, 1, into: out)
            }
        }
        switch i.op {
        case .add: rounded(LaneOp.Add.self)
        case .subtract: rounded(LaneOp.Subtract.self)
        case .multiply:
            switch (f.known![Int(e)].contains(.exactProduct), nonNegative) {
            // An exact product never negative: one division makes cents of it.
            case (true, true): binary(LaneOp.ExactProductInCents.self, i, f, p, 1, into: out)
            case (true, false): rounded(LaneOp.MultiplyExact.self)
            case (false, _): if f.known![Int(e)].contains(.operandsNonNegative) { rounded(LaneOp.MultiplyNonNegative.self) } else { rounded(LaneOp.Multiply.self) }
            }
        case .maximum, .minimum:
            func bounded<Finish: LaneRounding>(_: Finish.Type) -> Bool {
                i.op == .maximum ? self.bounded(LaneOp.Maximum.self, Finish.self, i, f, p, 1, into: out) : self.bounded(LaneOp.Minimum.self, Finish.self, i, f, p, 1, into: out)
            }
            return nonNegative ? bounded(LaneOp.CentsUp.self) : bounded(LaneOp.CentsAway.self)
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
        let notBelowZero = Outer.self == LaneOp.Maximum.self && k == 0
        switch (sum.op == .add, notBelowZero) {
        case (true, true): if Finish.self == LaneOp.Unrounded.self { Self.notBelowZero(LaneOp.Add.self, a, b, into: out, width) } else { loop(LaneOp.NotBelowZero.self, LaneOp.Add.self) }
        case (true, false): loop(Outer.self, LaneOp.Add.self)
        case (false, true): if Finish.self == LaneOp.Unrounded.self { Self.notBelowZero(LaneOp.Subtract.self, a, b, into: out, width) } else { loop(LaneOp.NotBelowZero.self, LaneOp.Subtract.self) }
        case (false, false): loop(Outer.self, LaneOp.Subtract.self)
        }
        return true
    }

    /// `max(0, a + b)` or `max(0, a - b)` into `out`, for every cell: four lanes at a time in
    /// vectors, each lane's sign spread over it from its upper half (an arithmetic shift of 32-bit
    /// halves and a shuffle). The compiler makes `LaneOp.NotBelowZero` a 64-bit comparison, which generic
    /// x86-64 vectors (SSE2) lack and emulate with seven operations per pair of lanes.
    @inline(__always)
    private static func notBelowZero<Inner: LaneSum>(_: Inner.Type, _ a: Operand, _ b: Operand, into out: UnsafeMutablePointer<Int64>, _ width: Int) {
        @inline(__always)
        func loop<A: LaneQuads, B: LaneQuads>(_ x: A, _ y: B) {
            var l = 0
            #if _endian(little)
            while l &+ 4 <= width {
                let d = Inner.apply(x.quad(l), y.quad(l))
                let halves = unsafeBitCast(d, to: SIMD8<Int32>.self) &>> 31
                let signs = unsafeBitCast(SIMD8<Int32>(halves[1], halves[1], halves[3], halves[3], halves[5], halves[5], halves[7], halves[7]),
                                          to: SIMD4<Int64>.self)
                UnsafeMutableRawPointer(out + l).storeBytes(of: d & ~signs, as: SIMD4<Int64>.self)
                l &+= 4
            }
            #endif
            while l < width {
                out[l] = LaneOp.NotBelowZero.apply(0, Inner.apply(x[l], y[l]))
                l &+= 1
            }
        }
        switch (a, b) {
        case let (.cells(x), .cells(y)): loop(LaneOp.CellQuads(cells: x), LaneOp.CellQuads(cells: y))
        case let (.cells(x), .scalar(k)): loop(LaneOp.CellQuads(cells: x), LaneOp.ValueQuads(value: k))
        case let (.scalar(k), .cells(y)): loop(LaneOp.ValueQuads(value: k), LaneOp.CellQuads(cells: y))
        case let (.scalar(j), .scalar(k)): out.update(repeating: LaneOp.NotBelowZero.apply(0, Inner.apply(j, k)), count: width)
        }
    }

    /// 1 for any value but zero, 0 for zero: without a branch, which random ja and nee
    /// would mispredict (x | -x has its sign bit set exactly when x is not zero).
    @inline(__always)
    static func truth(_ x: Int64) -> Int64 { Int64(bitPattern: UInt64(bitPattern: x | (0 &- x)) >> 63) }

    /// `c != 0 ? x : y` without a branch: a mask of all ones where c holds.
    @inline(__always)
    static func choose(_ c: Int64, _ x: Int64, _ y: Int64) -> Int64 { choose(LaneOp.AnyTruth.self, c, x, y) }

    @inline(__always)
    private static func choose<T: LaneTruth>(_: T.Type, _ c: Int64, _ x: Int64, _ y: Int64) -> Int64 {
        let all = T.mask(c)
        return (x & all) | (y & ~all)
    }

    /// Either branch of a choice where the condition `c` holds or not, both evaluated: blended
    /// in one pass, or with the inner choice of a branch (`nestedChoice`).
    private func blend<T: LaneTruth>(_ c: UnsafePointer<Int64>, _ thenBranch: Expression, _ elseBranch: Expression, _: T.Type,
                                     _ f: LaneFrame, _ p: Int, _ n: Int, into out: UnsafeMutablePointer<Int64>) {
        if nestedChoice(c, thenBranch, elseBranch, T.self, f, p, n, into: out) { return }
        let scratch = f.scratch
        let mark = scratch.mark
        defer { scratch.reset(to: mark) }
        let then = operand(thenBranch, f, p, n, into: out), otherwise = operand(elseBranch, f, p, n, into: scratch.push()), width = n * f.lanes
        switch (then, otherwise) {
        case let (.cells(x), .cells(y)): for l in 0..<width { out[l] = Self.choose(T.self, c[l], x[l], y[l]) }
        case let (.cells(x), .scalar(k)): for l in 0..<width { out[l] = Self.choose(T.self, c[l], x[l], k) }
        case let (.scalar(k), .cells(y)): for l in 0..<width { out[l] = Self.choose(T.self, c[l], k, y[l]) }
        case let (.scalar(j), .scalar(k)): for l in 0..<width { out[l] = Self.choose(T.self, c[l], j, k) }
        }
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
    /// two truths, either of them negated (flip 1) where a `niet` was folded in; `T` reads them.
    @inline(__always)
    private static func combine<Op: LaneOperation, T: LaneTruth>(_: Op.Type, _: T.Type, _ a: Operand, _ b: Operand, flipA: Int64, flipB: Int64,
                                                                 into out: UnsafeMutablePointer<Int64>, _ width: Int) {
        switch (a, b) {
        case let (.cells(x), .cells(y)): for l in 0..<width { out[l] = Op.apply(flipA ^ T.truth(x[l]), flipB ^ T.truth(y[l])) }
        case let (.cells(x), .scalar(k)): for l in 0..<width { out[l] = Op.apply(flipA ^ T.truth(x[l]), flipB ^ T.truth(k)) }
        case let (.scalar(j), .cells(y)): for l in 0..<width { out[l] = Op.apply(flipA ^ T.truth(j), flipB ^ T.truth(y[l])) }
        case let (.scalar(j), .scalar(k)): out.update(repeating: Op.apply(flipA ^ T.truth(j), flipB ^ T.truth(k)), count: width)
        }
    }

    /// `choose(c, choose(d, j, k), z)` or `choose(c, z, choose(d, j, k))` in one pass, for j, k and
    /// z each one value (a constant, a month's parameter) and d read where it is: a choice among
    /// values, as `als niet a dan 0% anders als b dan x anders y`, where the inner choice took a pass
    /// of its own. False (and `out` untouched) for other branches.
    /// `T` says how the outer condition `c` holds; the inner one is read as it is where it is 0 or 1 as well.
    @inline(__always)
    private func nestedChoice<T: LaneTruth>(_ c: UnsafePointer<Int64>, _ thenBranch: Expression, _ elseBranch: Expression, _: T.Type,
                                            _ f: LaneFrame, _ p: Int, _ n: Int, into out: UnsafeMutablePointer<Int64>) -> Bool {
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
        @inline(__always)
        func loop<D: LaneTruth>(_: D.Type) {
            switch (d.read, innerFirst) {
            case let (.cells(x), true): for l in 0..<width { out[l] = Self.choose(T.self, c[l], Self.choose(D.self, x[l], j, k), z) }
            case let (.cells(x), false): for l in 0..<width { out[l] = Self.choose(T.self, c[l], z, Self.choose(D.self, x[l], j, k)) }
            case let (.scalar(t), true): for l in 0..<width { out[l] = Self.choose(T.self, c[l], t != 0 ? j : k, z) }
            case let (.scalar(t), false): for l in 0..<width { out[l] = Self.choose(T.self, c[l], z, t != 0 ? j : k) }
            }
        }
        if d.zeroOrOne { loop(LaneOp.ZeroOrOne.self) } else { loop(LaneOp.AnyTruth.self) }
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
            // One loop for a sum and one for a count, which the compiler did not split itself.
            @inline(__always)
            func loop<Term: LaneTerm>(_: Term.Type) {
                switch (term, before) {
                case let (.cells(t), before?): for l in 0..<lanes { row[l] = before[l] &+ Term.of(t[l]) }
                case let (.cells(t), nil): for l in 0..<lanes { row[l] = Term.of(t[l]) }
                case let (.scalar(c), before?): for l in 0..<lanes { row[l] = before[l] &+ Term.of(c) }
                case let (.scalar(c), nil): row.update(repeating: Term.of(c), count: lanes)
                }
            }
            if counting { loop(LaneOp.Counted.self) } else { loop(LaneOp.Summed.self) }
        }
    }

    /// A truth operand read where it is (`operand`), or, for a `niet` in front of one, the
    /// operand under it and `negated`: the user takes the other side, in its own pass. LaneOp.And
    /// whether what is read is always 0 or 1 (a comparison is), so that it need not be made so.
    @inline(__always)
    private func truthOperand(_ x: Expression, _ f: LaneFrame, _ p: Int, _ n: Int,
                              into column: UnsafeMutablePointer<Int64>) -> (read: Operand, negated: Bool, zeroOrOne: Bool) {
        let i = code[Int(x)]
        let negated = i.op == .not && f.cannotFail![Int(i.a)]
        let read = negated ? i.a : x
        return (operand(read, f, p, n, into: column), negated, f.known![Int(read)].contains(.zeroOrOne))
    }

    /// Where an operand's values are, for an instruction proven not to fail.
    private enum Operand {
        /// One column of cells: stored where the view keeps it, or evaluated.
        case cells(UnsafePointer<Int64>)
        /// The same value in every cell.
        case scalar(Int64)
    }

    /// A constant, a month's parameter, a declaration's value, a fact without a default or
    /// a month's input as they are, without copying them into a column (`keptValues`);
    /// anything else evaluated into `column`.
    @inline(__always)
    private func operand(_ x: Expression, _ f: LaneFrame, _ p: Int, _ n: Int, into column: UnsafeMutablePointer<Int64>) -> Operand {
        if let kept = keptValues(x, f, p, n) { return .cells(kept) }
        let i = code[Int(x)]
        switch i.op {
        case .constant:
            return .scalar(i.immediate)
        // A month's operations are asked for one month at a time (`spansDays`).
        case .parameterOfMonth where n == 1:
            if let v = parameters.value(Int(i.a), on: f.monthStart[p]) { return .scalar(v) }
        case .inputOfMonth where n == 1:
            if let inputs = f.inputs { return .cells(inputs.column(Int(i.a), month: p)) }
        case .yearToDateOfMonth where n == 1:
            if f.cannotFail![Int(x)] { return .cells(yearToDate(i, x, f, p)) }
        default:
            // The same in every month: computed for the first month that asks, then read. Not what reads
            // the decision date: each evaluation of it narrows the window of the value being computed.
            if n == 1, f.known![Int(x)].contains(.sameAllRange), f.cannotFail![Int(x)], !f.plan.decisionReads.dependent[Int(x)] {
                return .cells(f.invariant(x) { evaluate(x, f, p, days: 1, into: $0) })
            }
        }
        evaluate(x, f, p, days: n, into: column)
        return .cells(UnsafePointer(column))
    }
}
