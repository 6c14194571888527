/// Builds the explanation of a month from what a view computed for one of
/// its lanes: each declaration with its values, what decided them, and what
/// they read.
struct TraceBuilder {
    let frame: LaneFrame
    let lane: Int
    let month: Int
    static let maximumDepth = 8
    private var expanded = Set<Int>()
    private var shown = Set<TypedExpr.Reference>()

    init(frame: LaneFrame, lane: Int, month: Int) {
        self.frame = frame
        ruleSet = frame.plan.ruleSet
        self.lane = lane
        self.month = month
    }

    /// Held once: reading it through the plan copies the whole rule set, arrays and all, each time.
    let ruleSet: RuleSet

    mutating func slot(_ slot: Int, depth: Int = 0) -> TraceNode {
        let d = ruleSet.values[slot]
        let daily = d.periodicity != .month
        let periods: [Int] = daily ? Array(frame.range.days(ofMonth: month)) : [month]
        let values = periods.map { frame.stored(slot, $0, lane: lane) }
        var node = TraceNode(kind: d.isRule ? .rule : .definition, name: d.name, reference: .value(slot), source: d.provenance.source,
                             value: value(values, TraceType(d.type, in: ruleSet), daily: daily))
        let decided = periods.enumerated().filter { values[$0.offset] != nil }.map { frame.decision(slot, $0.element, lane: lane) }
        var references = d.body.references + (d.condition?.references ?? [])
        for (k, x) in d.exceptions.enumerated() {
            let count = decided.filter { Int($0) == k }.count
            if count > 0 {
                node.notes.append(.decidedByException(name: x.name, source: x.provenance.source, days: daily ? count : nil))
                references += x.condition.references + x.body.references
            }
        }
        let notApplicable = decided.filter { $0 == Decision.notApplicable }.count
        if notApplicable > 0 {
            let why: TraceNote.NotApplicable = !d.validity.isBounded ? .conditionNotMet
                : d.condition == nil ? .outsideValidity(d.validity) : .conditionNotMetOrOutside(d.validity)
            node.notes.append(.notApplicable(why, days: daily ? notApplicable : nil))
        }
        if let r = d.rounding, d.isRule || r != .halfAwayFromZero { node.notes.append(.rounded(r, toCents: d.type == .money)) }
        guard depth < TraceBuilder.maximumDepth else { return node }
        if !expanded.insert(slot).inserted {
            node.notes = [.seeAbove]
            return node
        }
        // Parameters and facts appear once per tree, where first used.
        node.children = references.compactMap { ref in
            if case .value = ref { return reference(for: ref, depth: depth + 1) }
            guard shown.insert(ref).inserted else { return nil }
            return reference(for: ref, depth: depth + 1)
        }
        return node
    }

    private mutating func reference(for ref: TypedExpr.Reference, depth: Int) -> TraceNode {
        switch ref {
        case .value(let s):
            return slot(s, depth: depth)
        case .parameter(let p):
            let parameter = ruleSet.parameters[p]
            let day = frame.range.month(month).first
            if let v = parameter.value(on: day) {
                let source = [parameter.provenance.source, v.source].compactMap { $0 }.joined(separator: "; ")
                return TraceNode(kind: .parameter, name: parameter.name, reference: ref, source: source,
                                 value: .one(v.raw, TraceType(parameter.type, in: ruleSet)), notes: [.validFrom(v.from)])
            }
            return TraceNode(kind: .parameter, name: parameter.name, reference: ref, source: parameter.provenance.source, value: .noValue)
        case .fact(let fact):
            let declaration = ruleSet.facts[fact]
            return TraceNode(kind: .fact, name: declaration.name, reference: ref, value: factValue(fact), notes: [.explanation(declaration.explanation)])
        case .benefit(let b):
            return TraceNode(kind: .benefit, name: ruleSet.benefits[b].name, reference: ref, source: ruleSet.benefits[b].provenance.source,
                             value: .one(frame.paid(b, month, lane: lane), TraceType(.money)))
        }
    }

    /// A once-per-person or monthly fact's value; without one, whether its default stands in.
    private func one(_ v: Int64, _ fact: FactDeclaration) -> TraceValue {
        switch v {
        case FactTable.outsideBlock: return .unknown
        case FactTable.absent: return fact.defaultValue == nil ? .unknown : .standardValue
        default: return .one(v, TraceType(fact.type, in: ruleSet))
        }
    }

    /// A fact as this frame sees it; where the persona gave none, its default is named.
    private func factValue(_ index: Int) -> TraceValue {
        let fact = ruleSet.facts[index]
        switch fact.periodicity {
        case .constant:
            return one(frame.facts.column(index, 0)[lane], fact)
        case .month:
            return one(frame.facts.column(index, month)[lane], fact)
        case .day:
            let values = frame.range.days(ofMonth: month).map { d -> Int64? in
                let v = frame.facts.column(index, d)[lane]
                return v == FactTable.absent ? nil : v
            }
            return value(values, TraceType(fact.type, in: ruleSet), daily: true)
        }
    }

    /// Stored values of a month: one monthly value, or the days of the month.
    private func value(_ values: [Int64?], _ type: TraceType, daily: Bool) -> TraceValue {
        guard values.contains(where: { $0 != nil }) else { return .notComputed }
        return daily ? .days(values, type, frame.range.month(month)) : .one(values[0]!, type)
    }
}
