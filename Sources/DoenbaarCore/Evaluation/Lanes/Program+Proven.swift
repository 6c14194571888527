/// The operations that `RangeProof` has proven cannot fail, evaluated without
/// a check: no mark to pass on, no overflow, no division by zero. The loops
/// hold only the arithmetic, which the compiler keeps tight; the values are
/// those of the checked loops in `evaluate`.
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
