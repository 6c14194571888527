/// Rewrites the kernel programs of a batch plan so a block takes fewer
/// passes: a pair of instructions whose first result is used only by the
/// second becomes one instruction, and kernels learn where an operand is
/// never negative (from the plan's interval analysis), so they can divide
/// without sign corrections. Only fast instructions are touched; the
/// interpreter keeps running the programs as compiled.
struct BatchPeephole {
    let ranges: [(low: Int64, high: Int64)]
    let outputs: [Int32]
    /// The value number of the scalar 0 in every month, if the plan has one.
    let zero: Int?
    var person: [BatchInstruction]
    var month: [BatchInstruction]
    let scalars: [[Int64]]

    func run() -> (person: [BatchInstruction], month: [BatchInstruction]) {
        var uses = [Int](repeating: 0, count: ranges.count)
        for i in person + month { for r in i.operands { uses[Int(r)] += 1 } }
        for r in outputs { uses[Int(r)] += 2 }
        // Registers holding the scalar 0: splats of an all-zero scalar.
        var zeroRegisters = Set<Int32>()
        for i in person where i.operation == .splat && scalars[Int(i.immediate)].allSatisfy({ $0 == 0 }) { zeroRegisters.insert(i.destination) }
        return (rewrite(person, uses: uses, zeros: zeroRegisters), rewrite(month, uses: uses, zeros: zeroRegisters))
    }

    private func rewrite(_ program: [BatchInstruction], uses: [Int], zeros: Set<Int32>) -> [BatchInstruction] {
        var out: [BatchInstruction] = []
        var definedAt: [Int32: Int] = [:]     // register -> index in `out`
        var removed = Set<Int>()
        for var i in program {
            // Inverted comparison for `niet (a < b)`.
            if i.operation == .not, i.fast, let k = definedAt[i.a], uses[Int(i.a)] == 1, out[k].fast,
               let inverse = Self.inverse(out[k].operation) {
                var c = out[k]
                c.operation = inverse
                c.destination = i.destination
                removed.insert(k)
                i = c
            }
            // max(0, a - b)
            if i.operation == .maximum, i.fast {
                let (z, other) = zeros.contains(i.a) ? (i.a, i.b) : (i.b, i.a)
                if zeros.contains(z), let k = definedAt[other], uses[Int(other)] == 1, out[k].operation == .subtract, out[k].fast {
                    var f = out[k]
                    f.operation = .differenceFloor
                    f.destination = i.destination
                    removed.insert(k)
                    i = f
                }
            }
            // round(a * b) of an exact, non-negative product.
            if i.operation == .round, i.fast, i.rounding == .halfAwayFromZero, let k = definedAt[i.a], uses[Int(i.a)] == 1,
               out[k].operation == .multiply, out[k].fast, out[k].exact, Self.productNonNegative(out[k], ranges) {
                // The product fits (the multiplication was fast); adding half of 10^6 * unit must fit too.
                let half = Int128(Fixed.scale) * Int128(i.immediate) / 2
                let productHigh = Int128(ranges[Int(i.a)].high) * Int128(Fixed.scale) + Int128(Fixed.scale)
                if productHigh + half <= Int128(Int64.max) {
                    var f = out[k]
                    f.operation = .multiplyRound
                    f.destination = i.destination
                    f.immediate = i.immediate
                    removed.insert(k)
                    i = f
                }
            }
            // Conditions folded into the selection that reads them.
            if i.operation == .select, i.fast {
                if let k = definedAt[i.a], uses[Int(i.a)] == 1, out[k].operation == .not, out[k].fast {
                    // als niet x dan a anders b: als x dan b anders a
                    removed.insert(k)
                    (i.a, i.b, i.c) = (out[k].a, i.c, i.b)
                }
                if let k = definedAt[i.a], uses[Int(i.a)] == 1, out[k].fast, !removed.contains(k) {
                    let condition = out[k]
                    if Self.inverse(condition.operation) != nil {
                        removed.insert(k)
                        i = BatchInstruction(operation: .selectCompare, fast: true, destination: i.destination,
                                             a: condition.a, b: condition.b, c: i.b, e: i.c, immediate: Int64(condition.operation.rawValue))
                    } else if condition.operation == .and {
                        removed.insert(k)
                        i = BatchInstruction(operation: .selectBoth, fast: true, destination: i.destination,
                                             a: condition.a, b: condition.b, c: i.b, e: i.c)
                    }
                }
            }
            switch i.operation {
            case .less, .lessEqual, .greater, .greaterEqual, .maximum:
                i.branchFree = i.fast && differenceFits(i.a, i.b)
            case .selectCompare:
                let op = BatchOperation(rawValue: UInt8(truncatingIfNeeded: i.immediate))!
                i.branchFree = op != .equal && op != .notEqual && differenceFits(i.a, i.b)
            case .select:
                i.branchFree = i.fast && isFlag(i.a)
            case .selectBoth:
                i.branchFree = isFlag(i.a) && isFlag(i.b)
            case .multiply:
                i.nonNegative = i.fast && Self.productNonNegative(i, ranges)
            case .round:
                i.nonNegative = i.fast && ranges[Int(i.a)].low >= 0
            case .multiplyRound:
                i.nonNegative = true
            default: break
            }
            definedAt[i.destination] = out.count
            out.append(i)
        }
        return out.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
    }

    /// a - b - 1 and b - a - 1 fit in 64 bits for every a and b in their ranges.
    private func differenceFits(_ a: Int32, _ b: Int32) -> Bool {
        let x = ranges[Int(a)], y = ranges[Int(b)]
        let low = min(Int128(x.low) - Int128(y.high), Int128(y.low) - Int128(x.high)) - 1
        let high = max(Int128(x.high) - Int128(y.low), Int128(y.high) - Int128(x.low))
        return low >= Int128(Int64.min) && high <= Int128(Int64.max)
    }

    private func isFlag(_ r: Int32) -> Bool { ranges[Int(r)].low >= 0 && ranges[Int(r)].high <= 1 }

    /// A product is non-negative when both factors are, or both are not positive.
    private static func productNonNegative(_ i: BatchInstruction, _ ranges: [(low: Int64, high: Int64)]) -> Bool {
        let a = ranges[Int(i.a)], b = ranges[Int(i.b)]
        return (a.low >= 0 && b.low >= 0) || (a.high <= 0 && b.high <= 0)
    }

    private static func inverse(_ op: BatchOperation) -> BatchOperation? {
        switch op {
        case .equal: return .notEqual
        case .notEqual: return .equal
        case .less: return .greaterEqual
        case .lessEqual: return .greater
        case .greater: return .lessEqual
        case .greaterEqual: return .less
        default: return nil
        }
    }
}
