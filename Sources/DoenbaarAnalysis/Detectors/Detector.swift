import DoenbaarCore

/// A detector of one kind of harsh effect. It reads the runs of a persona
/// (never the rules' text) and returns findings with their evidence.
public protocol Detector: Sendable {
    var kind: FindingKind { get }
    func findings(_ context: AnalysisContext) throws(AnalysisError) -> [Finding]
    /// Variants the detector will run for an estimate, known once the recorded,
    /// ideal and realistic runs are made: they are made beforehand for many
    /// people at once (`SharedRuns`). Only runs `findings` is sure to ask for.
    func plannedRuns(_ context: AnalysisContext) -> [(persona: Persona, end: YearMonth)]
}

extension Detector {
    public func plannedRuns(_ context: AnalysisContext) -> [(persona: Persona, end: YearMonth)] { [] }
}

/// Every detector, in the order their findings are listed. Where two find
/// the same money, the earlier one keeps the event (`SharedEvents`): the
/// most specific cause first (a failed intent, work away from home), the
/// broad lenses (income shock, nationality probe) last.
public enum Detectors {
    public static let all: [any Detector] = [
        IntentDetector(), WorkAbroadDetector(), DisproportionDetector(), WorkPaysDetector(), ChoiceTrapDetector(),
        CapacityGapDetector(), IncomeShockDetector(), ProtectedAttributeDetector(),
    ]
}

/// Trace excerpts small enough to read as evidence.
public enum Evidence {
    /// A rule or definition whose value differs between two traces.
    public struct Difference: Sendable {
        /// The node in the first trace: its name, kind, source and reference
        /// (into the rule set of the first trace's run).
        public let node: TraceNode
        public let after: TraceValue
        public var name: String { node.name }
        public var before: TraceValue { node.value }
    }

    /// The tree cut at a depth, keeping the nodes that carry a value or a source.
    public static func excerpt(_ node: TraceNode, depth: Int = 3) -> TraceNode {
        var n = node
        n.children = depth <= 0 ? [] : node.children.map { excerpt($0, depth: depth - 1) }
        return n
    }

    /// The tree cut down to the path of an outcome: the nodes named (those
    /// where two runs part ways), their ancestors, and the facts and
    /// parameters they read directly.
    public static func focused(_ node: TraceNode, on names: Set<String>) -> TraceNode? {
        let kept = node.children.compactMap { focused($0, on: names) }
        let named = names.contains(node.name) && node.kind != .fact && node.kind != .parameter
        guard named || !kept.isEmpty else { return nil }
        var n = node
        n.children = named
            ? node.children.map { c in kept.first { $0.name == c.name } ?? (c.kind == .fact || c.kind == .parameter ? c : c.leaf) }
            : kept
        return n
    }

    /// Names of the rules and definitions in a trace (the path of an outcome).
    public static func declarations(in node: TraceNode) -> Set<String> {
        var out = Set<String>()
        func walk(_ n: TraceNode) {
            if n.kind.isComputed || n.kind == .exception { out.insert(n.name) }
            n.children.forEach(walk)
        }
        walk(node)
        return out
    }

    /// Rules and definitions on a path from the root to one of these facts:
    /// the declarations through which, say, income reaches a payment.
    public static func declarations(reaching facts: Set<String>, in node: TraceNode) -> Set<String> {
        var out = Set<String>()
        var counted = Set<String>()
        @discardableResult
        func walk(_ n: TraceNode) -> Bool {
            // A named definition counts as one of the facts (`inkomen`: known or estimated), not as a
            // provision; like a fact (shown once per tree), it counts where the tree first shows it.
            let isTarget = facts.contains(n.name) && counted.insert(n.name).inserted
            var reaches = isTarget
            for c in n.children where walk(c) { reaches = true }
            if reaches, !isTarget, n.kind.isComputed { out.insert(n.name) }
            return reaches
        }
        walk(node)
        return out
    }

    /// Rules and definitions whose value differs between two traces of the
    /// same benefit and month: where two runs part ways.
    /// Declarations are matched by name: the two traces may come from
    /// different rule sets (a baseline and a reform).
    public static func differences(_ a: TraceNode, _ b: TraceNode) -> [Difference] {
        var values: [String: TraceNode] = [:]
        func index(_ n: TraceNode) {
            if values[n.name] == nil, n.kind.isComputed { values[n.name] = n }
            n.children.forEach(index)
        }
        index(b)
        var out: [Difference] = []
        var seen = Set<String>()
        func walk(_ n: TraceNode) {
            // Only values computed on both sides: a branch one run never took says nothing.
            if n.kind.isComputed, seen.insert(n.name).inserted, let other = values[n.name],
               !n.value.computed.isEmpty, !other.value.computed.isEmpty, n.value.differs(from: other.value) {
                out.append(Difference(node: n, after: other.value))
            }
            n.children.forEach(walk)
        }
        walk(a)
        return out
    }
}
