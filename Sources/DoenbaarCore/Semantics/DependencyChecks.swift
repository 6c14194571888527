/// Checks that need the whole model: cycles between definitions, two rules
/// claiming one outcome, and parameters used before their first value.
struct DependencyChecks {
    let model: RuleSet
    var diagnostics = DiagnosticBag()

    /// Per slot, the slots it reads: the graph both the cycle and the depth check walk.
    let edges: [[Int]]

    init(model: RuleSet) {
        self.model = model
        edges = model.values.map { d in
            DependencyChecks.dependencies(of: d).compactMap { ref -> Int? in
                if case .value(let s) = ref { return s }
                return nil
            }
        }
    }

    mutating func run() {
        checkCycles()
        if !diagnostics.hasErrors { checkDepth() }
        checkClaims()
        checkParameterGaps()
    }

    /// Every slot a declaration reads, through its body, condition and exceptions.
    static func dependencies(of declaration: ValueDeclaration) -> [TypedExpr.Reference] {
        var refs = declaration.body.references
        if let c = declaration.condition { refs += c.references }
        for x in declaration.exceptions { refs += x.condition.references + x.body.references }
        return refs
    }

    private mutating func checkCycles() {
        // 0 = unvisited, 1 = on the stack, 2 = done
        var state = [UInt8](repeating: 0, count: model.values.count)
        var stack: [Int] = []
        var reported = Set<Int>()
        // Iterative depth-first search, so a long chain cannot overflow the stack.
        for root in model.values.indices where state[root] == 0 {
            var work: [(node: Int, next: Int)] = [(root, 0)]
            state[root] = 1
            stack.append(root)
            while var top = work.popLast() {
                if top.next < edges[top.node].count {
                    let target = edges[top.node][top.next]
                    top.next += 1
                    work.append(top)
                    if state[target] == 1 {
                        let cycle = Array(stack[stack.lastIndex(of: target)!...])
                        if reported.isDisjoint(with: cycle) {
                            reported.formUnion(cycle)
                            report(cycle)
                        }
                    } else if state[target] == 0 {
                        state[target] = 1
                        stack.append(target)
                        work.append((target, 0))
                    }
                } else {
                    state[top.node] = 2
                    stack.removeLast()
                }
            }
        }
    }

    /// The longest chain of definitions the evaluator follows. It computes a
    /// value by computing what it reads first, on the stack of the thread it
    /// runs on (worker threads of a population have small stacks), so a chain
    /// longer than this is refused here rather than overflowing there. Real
    /// law is far below it: the bundled rules chain at most a few dozen deep.
    static let maximumDepth = Checker.maximumChainDepth

    /// Refuses a chain of definitions deeper than `maximumDepth`, once, at its top.
    private mutating func checkDepth() {
        // Longest chain below each slot, iteratively (the graph has no cycles here).
        var depth = [Int](repeating: 0, count: model.values.count)
        var below = [Int](repeating: -1, count: model.values.count)
        for root in model.values.indices where depth[root] == 0 {
            var work: [(node: Int, next: Int)] = [(root, 0)]
            while var top = work.popLast() {
                if top.next < edges[top.node].count {
                    let target = edges[top.node][top.next]
                    top.next += 1
                    work.append(top)
                    if depth[target] == 0 { work.append((target, 0)) }
                } else {
                    depth[top.node] = 1
                    for t in edges[top.node] where depth[t] + 1 > depth[top.node] {
                        depth[top.node] = depth[t] + 1
                        below[top.node] = t
                    }
                }
            }
        }
        guard let top = depth.indices.max(by: { depth[$0] < depth[$1] }), depth[top] > Self.maximumDepth else { return }
        var bottom = top
        while below[bottom] >= 0 { bottom = below[bottom] }
        let d = model.values[top]
        diagnostics.add(Diagnostic(.tooDeep, at: d.provenance.range,
                                   "'\(d.name)' hangt af van een keten van \(depth[top]) definities (tot '\(model.values[bottom].name)'); Doenbaar rekent ketens tot \(Self.maximumDepth) diep",
                                   suggestion: "reken tussenstappen samen in één definitie, of deel de keten op",
                                   notes: [.init(range: model.values[bottom].provenance.range, message: "het einde van de keten")]))
    }

    /// A long cycle is shown by its first and last members, so the message stays readable.
    static let shownCycleMembers = 6

    private mutating func report(_ cycle: [Int]) {
        let names = (cycle + [cycle[0]]).map { model.values[$0].name }
        let shown = names.count <= Self.shownCycleMembers + 1 ? names
            : names.prefix(Self.shownCycleMembers / 2) + ["… (\(cycle.count) declaraties) …"] + names.suffix(Self.shownCycleMembers / 2)
        let first = model.values[cycle[0]]
        let noted = cycle.dropFirst().prefix(Self.shownCycleMembers)
        diagnostics.add(Diagnostic(.cycle, at: first.provenance.range,
                                   "kringverwijzing: \(shown.joined(separator: " → "))",
                                   suggestion: "een definitie mag niet (via andere) van zichzelf afhangen",
                                   notes: noted.map { .init(range: model.values[$0].provenance.range, message: "'\(model.values[$0].name)' hoort bij de kring") }))
    }

    private mutating func checkClaims() {
        var claimed: [Int: Int] = [:]
        for (slot, d) in model.values.enumerated() {
            guard case .payment(let benefit) = d.role else { continue }
            if let other = claimed[benefit] {
                let o = model.values[other]
                diagnostics.add(Diagnostic(.conflictingRules, at: d.provenance.range,
                                           "regels '\(o.name)' en '\(d.name)' bepalen allebei de uitkomst '\(model.benefits[benefit].name)' zonder voorrang",
                                           suggestion: "maak er één regel van, of schrijf de tweede als 'uitzondering \(d.name) op \(o.name)' met een voorwaarde",
                                           notes: [.init(range: o.provenance.range, message: "andere regel voor '\(model.benefits[benefit].name)'")]))
            } else {
                claimed[benefit] = slot
            }
        }
    }

    /// A rule valid from a date must find every parameter it reads in force then.
    private mutating func checkParameterGaps() {
        for d in model.values {
            var windows: [(Validity, [TypedExpr.Reference], SourceRange)] = [(d.validity, d.body.references + (d.condition?.references ?? []), d.provenance.range)]
            for x in d.exceptions { windows.append((x.validity, x.body.references + x.condition.references, x.provenance.range)) }
            for (validity, refs, range) in windows {
                guard let from = validity.from else { continue }
                for case .parameter(let p) in refs {
                    let parameter = model.parameters[p]
                    if let first = parameter.values.first, first.from > from {
                        diagnostics.add(Diagnostic(.parameterGap, at: range,
                                                   "'\(parameter.name)' heeft geen waarde op \(from), maar deze regel geldt vanaf die datum",
                                                   suggestion: "geef '\(parameter.name)' een waarde 'vanaf \(from)' of eerder",
                                                   notes: [.init(range: parameter.provenance.range, message: "eerste waarde van '\(parameter.name)' geldt vanaf \(first.from)")]))
                    }
                }
            }
        }
    }
}
