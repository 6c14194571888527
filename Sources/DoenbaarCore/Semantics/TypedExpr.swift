/// A checked expression: every name resolved to a slot, a parameter or a
/// persona fact, every operation chosen by type. No strings are left to look up.
public struct TypedExpr: Sendable {
    public indirect enum Node: Sendable {
        case constant(Int64)
        case parameter(Int)
        case value(Int)                 // a definition or rule, by slot
        case benefit(Int)               // a benefit's monthly payment (intents only)
        case fact(Int)                  // by index in RuleSet.facts
        case input(Int)                 // an `invoer` (a column of data), by index
        case negate(TypedExpr)
        case not(TypedExpr)
        case arithmetic(Arithmetic, TypedExpr, TypedExpr)
        case compare(BinaryOperator, TypedExpr, TypedExpr)
        case and(TypedExpr, TypedExpr)
        case or(TypedExpr, TypedExpr)
        case conditional(TypedExpr, TypedExpr, TypedExpr)
        case call(Function, [TypedExpr])
    }

    public enum Arithmetic: Sendable {
        case add, subtract, multiply, divide
        case addDays, subtractDays, addMonths, subtractMonths, dateDifference
    }

    public let node: Node
    public let type: ValueType
    public let range: SourceRange

    public init(_ node: Node, _ type: ValueType, _ range: SourceRange = .synthetic) {
        self.node = node
        self.type = type
        self.range = range
    }

    /// Slots, parameters and facts this expression reads, for traces and cycles.
    public var references: [Reference] {
        var out: [Reference] = []
        var seen = Set<Reference>()
        collect(into: &out, seen: &seen)
        return out
    }

    public enum Reference: Hashable, Sendable {
        case value(Int), parameter(Int), fact(Int), benefit(Int)
    }

    /// In order of first appearance; the set keeps a wide expression linear.
    private func collect(into out: inout [Reference], seen: inout Set<Reference>) {
        func add(_ r: Reference) { if seen.insert(r).inserted { out.append(r) } }
        switch node {
        case .constant, .input: break
        case .parameter(let p): add(.parameter(p))
        case .value(let v): add(.value(v))
        case .benefit(let b): add(.benefit(b))
        case .fact(let f): add(.fact(f))
        case .negate(let e), .not(let e): e.collect(into: &out, seen: &seen)
        case .arithmetic(_, let a, let b), .compare(_, let a, let b), .and(let a, let b), .or(let a, let b):
            a.collect(into: &out, seen: &seen)
            b.collect(into: &out, seen: &seen)
        case .conditional(let c, let a, let b):
            c.collect(into: &out, seen: &seen)
            a.collect(into: &out, seen: &seen)
            b.collect(into: &out, seen: &seen)
        case .call(_, let args):
            for a in args { a.collect(into: &out, seen: &seen) }
        }
    }
}

extension TypedExpr {
    /// Whether two checked expressions compute the same value in the same way:
    /// the same operations on the same constants, slots, parameters and facts,
    /// wherever they were written (`€ 0` and `0 euro` are the same). Two
    /// exceptions on one target with the same value need no precedence.
    public func hasSameValue(as other: TypedExpr) -> Bool {
        guard type == other.type else { return false }
        switch (node, other.node) {
        case let (.constant(a), .constant(b)): return a == b
        case let (.parameter(a), .parameter(b)), let (.value(a), .value(b)), let (.benefit(a), .benefit(b)),
             let (.fact(a), .fact(b)), let (.input(a), .input(b)):
            return a == b
        case let (.negate(a), .negate(b)), let (.not(a), .not(b)):
            return a.hasSameValue(as: b)
        case let (.arithmetic(op, a1, a2), .arithmetic(op2, b1, b2)):
            return op == op2 && a1.hasSameValue(as: b1) && a2.hasSameValue(as: b2)
        case let (.compare(op, a1, a2), .compare(op2, b1, b2)):
            return op == op2 && a1.hasSameValue(as: b1) && a2.hasSameValue(as: b2)
        case let (.and(a1, a2), .and(b1, b2)), let (.or(a1, a2), .or(b1, b2)):
            return a1.hasSameValue(as: b1) && a2.hasSameValue(as: b2)
        case let (.conditional(a1, a2, a3), .conditional(b1, b2, b3)):
            return a1.hasSameValue(as: b1) && a2.hasSameValue(as: b2) && a3.hasSameValue(as: b3)
        case let (.call(f, a), .call(g, b)):
            return f == g && a.count == b.count && zip(a, b).allSatisfy { $0.hasSameValue(as: $1) }
        default:
            return false
        }
    }
}

extension TypedExpr {
    /// The operands of this node, in the order they are written.
    public var operands: [TypedExpr] {
        switch node {
        case .constant, .parameter, .value, .benefit, .fact, .input: return []
        case .negate(let a), .not(let a): return [a]
        case .arithmetic(_, let a, let b), .compare(_, let a, let b), .and(let a, let b), .or(let a, let b): return [a, b]
        case .conditional(let c, let a, let b): return [c, a, b]
        case .call(_, let args): return args
        }
    }

    /// Every node, this one first, in the order written. Iterative, so a
    /// deeply nested expression cannot overflow the stack.
    public func forEachNode(_ visit: (TypedExpr) -> Void) {
        var stack = [self]
        while let n = stack.popLast() {
            visit(n)
            stack += n.operands.reversed()
        }
    }
}
