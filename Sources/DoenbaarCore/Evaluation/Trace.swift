/// One explanation tree: an outcome, the rule and article behind it, and the
/// values it was computed from, down to parameters and persona facts. Built
/// after evaluation from the stored slot values, so evaluating without a
/// trace costs nothing extra.
public struct TraceNode: Sendable, Codable, Hashable {
    public var kind: String          // uitkering, regel, uitzondering, definitie, parameter, feit
    public var name: String
    public var source: String?
    public var value: String
    public var note: String?
    public var children: [TraceNode]

    public init(kind: String, name: String, source: String? = nil, value: String, note: String? = nil, children: [TraceNode] = []) {
        self.kind = kind
        self.name = name
        self.source = source
        self.value = value
        self.note = note
        self.children = children
    }

    enum CodingKeys: String, CodingKey {
        case kind = "soort", name = "naam", source = "bron", value = "waarde", note = "toelichting", children = "onderdelen"
    }
}

struct TraceBuilder {
    let frame: Frame
    let month: Int
    static let maximumDepth = 8
    private var expanded = Set<Int>()
    private var shown = Set<TypedExpr.Reference>()

    init(frame: Frame, month: Int) {
        self.frame = frame
        self.month = month
    }

    var ruleSet: RuleSet { frame.plan.ruleSet }

    mutating func slot(_ slot: Int, depth: Int = 0) -> TraceNode {
        let d = ruleSet.values[slot]
        let periods: [Int] = d.periodicity == .month ? [month] : Array(frame.range.days(ofMonth: month))
        let values = periods.map { frame.storedValue(slot, period: $0) }
        var node = TraceNode(kind: d.isRule ? "regel" : "definitie", name: d.name, source: d.provenance.source,
                             value: describe(values, d.type, daily: d.periodicity != .month))
        let decided = periods.enumerated().filter { values[$0.offset] != nil }.map { frame.decided(slot, $0.element) }
        var notes: [String] = []
        var references = d.body.references + (d.condition?.references ?? [])
        for (k, x) in d.exceptions.enumerated() {
            let count = decided.filter { Int($0) == k }.count
            if count > 0 {
                notes.append("uitzondering '\(x.name)' (\(x.provenance.source)) bepaalde de waarde" + (d.periodicity == .month ? "" : " op \(count) dag\(count == 1 ? "" : "en")"))
                references += x.condition.references + x.body.references
            }
        }
        let notApplicable = decided.filter { $0 == Decision.notApplicable }.count
        if notApplicable > 0 {
            let why = d.validity.from == nil && d.validity.until == nil ? "voorwaarde niet vervuld"
                : d.condition == nil ? "buiten de geldigheid: \(d.validity.dutch)" : "voorwaarde niet vervuld of buiten de geldigheid (\(d.validity.dutch))"
            notes.append("niet van toepassing, \(why)" + (d.periodicity == .month ? "" : " op \(notApplicable) dag\(notApplicable == 1 ? "" : "en")"))
        }
        if let r = d.rounding, d.isRule || r != .halfAwayFromZero { notes.append("afgerond \(r.rawValue) op \(d.type == .money ? "centen" : "hele eenheden")") }
        node.note = notes.isEmpty ? nil : notes.joined(separator: "; ")
        guard depth < TraceBuilder.maximumDepth else { return node }
        if !expanded.insert(slot).inserted {
            node.note = "zie hierboven"
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
                return TraceNode(kind: "parameter", name: parameter.name, source: source,
                                 value: ValueFormatting.format(v.raw, parameter.type, enumerations: ruleSet.enumerations),
                                 note: "geldt vanaf \(v.from.dutch)")
            }
            return TraceNode(kind: "parameter", name: parameter.name, source: parameter.provenance.source, value: "geen waarde")
        case .fact(let fact):
            let declaration = ruleSet.facts[fact]
            return TraceNode(kind: "feit", name: declaration.name, value: factValue(fact), note: declaration.explanation)
        case .benefit(let b):
            return TraceNode(kind: "uitkering", name: ruleSet.benefits[b].name, source: ruleSet.benefits[b].provenance.source,
                             value: ValueFormatting.money(frame.benefitPayments[b][month]))
        }
    }

    /// A once-per-person or monthly fact's value; without one, whether its default stands in.
    private func text(_ v: Int64, _ fact: FactDeclaration) -> String {
        switch v {
        case FactTable.outsideBlock: return "onbekend"
        case FactTable.absent: return fact.defaultValue == nil ? "onbekend" : "standaardwaarde"
        default: return ValueFormatting.format(v, fact.type, enumerations: ruleSet.enumerations)
        }
    }

    /// A fact as this frame sees it; where the persona gave none, its default is named.
    private func factValue(_ index: Int) -> String {
        let fact = ruleSet.facts[index]
        switch fact.periodicity {
        case .constant:
            return text(frame.facts.constants[index], fact)
        case .month:
            return text(frame.facts.monthly[index][month], fact)
        case .day:
            let values = frame.range.days(ofMonth: month).map { d -> Int64? in
                let v = frame.facts.daily[index][d]
                return v == FactTable.absent ? nil : v
            }
            return describe(values, fact.type, daily: true)
        }
    }

    /// A monthly value as is; daily values as one value, as runs of days, as
    /// counts per value, or as a range when they differ from day to day.
    func describe(_ values: [Int64?], _ type: ValueType, daily: Bool) -> String {
        let format = { (v: Int64) in ValueFormatting.format(v, type, enumerations: ruleSet.enumerations) }
        guard daily else { return values.first.flatMap { $0 }.map(format) ?? "niet berekend" }
        let computed = values.enumerated().compactMap { i, v in v.map { (day: i, value: $0) } }
        guard let first = computed.first else { return "niet berekend" }
        var distinct: [(value: Int64, count: Int)] = []
        for c in computed {
            if let i = distinct.firstIndex(where: { $0.value == c.value }) { distinct[i].count += 1 } else { distinct.append((c.value, 1)) }
        }
        if distinct.count == 1 {
            return format(first.value) + (computed.count == values.count ? " (hele maand)" : " (op \(computed.count) dag\(computed.count == 1 ? "" : "en"))")
        }
        // Runs of consecutive computed days with one value.
        var runs: [(first: Int, last: Int, value: Int64)] = []
        for c in computed {
            if let last = runs.last, last.value == c.value, last.last == c.day - 1 { runs[runs.count - 1].last = c.day } else { runs.append((c.day, c.day, c.value)) }
        }
        let monthName = YearMonth.monthNames[frame.range.month(month).month - 1]
        if runs.count <= 4 {
            return runs.map { r in
                let days = r.first == r.last ? "\(r.first + 1) \(monthName)" : "\(r.first + 1)–\(r.last + 1) \(monthName)"
                return "\(days): \(format(r.value))"
            }.joined(separator: "; ")
        }
        if distinct.count <= 4 {
            return distinct.map { "\(format($0.value)) op \($0.count) dag\($0.count == 1 ? "" : "en")" }.joined(separator: "; ")
        }
        let sorted = computed.map(\.value).sorted()
        return "per dag verschillend, van \(format(sorted.first!)) tot en met \(format(sorted.last!))"
    }
}
