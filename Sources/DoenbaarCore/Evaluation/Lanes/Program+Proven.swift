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
        /// Both operands, the left in `out`: then `op` cell by cell.
        @inline(__always)
        func binary(_ op: (Int64, Int64) -> Int64) {
            evaluate(i.a, f, p, days: n, into: out)
            let b = scratch.push()
            evaluate(i.b, f, p, days: n, into: b)
            for l in 0..<width { out[l] = op(out[l], b[l]) }
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
            for l in 0..<width { out[l] = out[l] == 0 ? 1 : 0 }
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
                for l in 0..<width { out[l] = out[l] != 0 && b[l] != 0 ? 1 : 0 }
            } else {
                for l in 0..<width { out[l] = out[l] != 0 || b[l] != 0 ? 1 : 0 }
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
                evaluate(i.b, f, p, days: n, into: out)
                let otherwise = scratch.push()
                evaluate(i.c, f, p, days: n, into: otherwise)
                for l in 0..<width { out[l] = c[l] != 0 ? out[l] : otherwise[l] }
            }
        case .maximum:
            evaluate(lists[Int(i.a)], f, p, days: n, into: out)
            let v = scratch.push()
            for k in 1..<max(1, Int(i.b)) {
                evaluate(lists[Int(i.a) + k], f, p, days: n, into: v)
                for l in 0..<width { out[l] = max(out[l], v[l]) }
            }
        case .round:
            evaluate(i.a, f, p, days: n, into: out)
            ValueSemantics.roundProven(out, width, unit: i.immediate, ProgramBuilder.roundings[Int(i.c)], nonNegative: proof.nonNegative[Int(e)])
        default:
            return false
        }
        return true
    }
}
