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
        for i in person + month { for r in [i.a, i.b, i.c].prefix(i.operation.arity) { uses[Int(r)] += 1 } }
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
            switch i.operation {
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
