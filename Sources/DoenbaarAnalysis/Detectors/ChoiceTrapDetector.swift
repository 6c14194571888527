import DoenbaarCore

/// Keuzeval: of two answers to a choice the law leaves the person (a fact
/// with `rol keuze`, such as claiming a benefit), or two ways to report the
/// same days (`keuze` in an `opgave`: a stay abroad as family visit or as
/// vacation), the one she took leaves her worse off than the other. Measured
/// by running both.
public struct ChoiceTrapDetector: Detector {
    public let kind = FindingKind.choiceTrap
    public init() {}

    /// The other answer to each choice, and the same days reported the other way.
    public func plannedRuns(_ context: AnalysisContext) -> [(persona: Persona, end: YearMonth)] {
        let p = context.persona
        return context.choices.map { c in (context.variant(AnalysisContext.choiceKey(c)) { p.with(c.fact.name, c.other) }, context.to) }
            + [(context.alternativesReported, context.to)]
    }

    public func findings(_ context: AnalysisContext) throws(AnalysisError) -> [Finding] {
        var out: [Finding] = []
        for choice in context.choices {
            if let finding = try trap(context, choice) { out.append(finding) }
        }
        if let finding = try reportTrap(context) { out.append(finding) }
        return out
    }

    /// The same days reported with the value the rules offer instead (`keuze reden vakantie`).
    private func reportTrap(_ context: AnalysisContext) throws(AnalysisError) -> Finding? {
        let p = context.persona
        let other = try context.compareAlternativesReported()
        let changed = zip(p.records, other.persona.records).filter { $0.attributes != $1.attributes }
        guard let (line, _) = changed.first,
              let kind = context.setting.ruleSet.records.first(where: { $0.keyword == line.kind }), let (a, value) = kind.alternative else { return nil }
        let loss = other.gainCents
        guard loss > context.setting.parameters.choiceTrapThreshold.cents, let first = other.months.first, let last = other.months.last else { return nil }
        let months = other.months
        let names = context.naming ? context.divergence(try context.recorded(), other.run) : []
        let fact = context.setting.ruleSet.facts[kind.attributes[a].fact]
        let cases = context.setting.ruleSet.enumerations.first { if case .enumeration(let e) = fact.type { return $0.name == e } else { return false } }?.cases ?? []
        let taken = Set(changed.compactMap { $0.0.attributes[fact.name] }).sorted().map { cases.indices.contains(Int($0)) ? cases[Int($0)] : "\($0)" }
        let instead = cases.indices.contains(Int(value)) ? cases[Int(value)] : "\(value)"
        let word = kind.attributes[a].word
        return Finding(kind: self.kind, key: "\(kind.keyword)_\(word)",
                       topic: .reportedChoice(record: kind.title, attribute: word, taken: taken, instead: instead),
                       severity: loss > 100_000 ? .high : .medium, persona: p, from: first, through: last,
                       provisions: context.relevantRules(in: names), harm: try context.harm(of: other), months: months.count,
                       story: .reportedChoice(record: kind.title, attribute: word, taken: taken, instead: instead, lossCents: loss, months: months.count),
                       capacity: .honestReport,
                       avoidance: .reportWithOtherValue(attribute: word, value: instead, gainCents: loss),
                       solution: try context.rung(for: names, from: first, through: last), evidence: [])
    }

    private func trap(_ context: AnalysisContext, _ choice: Choice) throws(AnalysisError) -> Finding? {
        let p = context.persona
        let recorded = try context.recorded()
        let compared = try context.compare(AnalysisContext.choiceKey(choice)) { p.with(choice.fact.name, choice.other) }
        let other = compared.run, loss = compared.gainCents
        guard loss > context.setting.parameters.choiceTrapThreshold.cents else { return nil }

        let months = compared.months
        guard let first = months.first, let last = months.last,
              let a = recorded.month(first), let b = other.month(first) else { return nil }
        // Where the two runs part ways: the definitions that differ in the first month that differs.
        var differences: [Evidence.Difference] = []
        var evidence: [TraceNode] = []
        for (x, y) in zip(a.benefits, b.benefits) where x.paidCents != y.paidCents {
            let d = Evidence.differences(x.trace, y.trace)
            differences += d
            if let focused = Evidence.focused(x.trace, on: Set(d.map(\.name))) { evidence.append(focused) }
        }
        let names = Set(differences.map(\.name))
        // Both runs use the context's rule set, so a node's reference is a declaration there.
        let because = differences.filter { $0.node.source != nil }.prefix(3).compactMap { d -> ValueDifference? in
            guard case .value(let slot) = d.node.reference else { return nil }
            return ValueDifference(provision: context.setting.ruleSet.provision(context.setting.ruleSet.values[slot]), value: d.before, otherValue: d.after)
        }
        let taken = context.answer(choice, choice.chosen != 0)
        return Finding(kind: kind, key: choice.fact.name, topic: .choice(taken),
                       severity: loss > 100_000 ? .high : .medium, persona: p, from: first, through: last,
                       provisions: context.relevantRules(in: names), harm: try context.harm(of: compared), months: months.count,
                       story: .choice(taken: taken, lossCents: loss, months: months.count, differences: Array(because)),
                       capacity: .choiceUnforeseeable,
                       avoidance: .otherChoice(taken.other, gainCents: loss),
                       solution: try context.rung(for: names, from: first, through: last), evidence: evidence)
    }
}

extension AnalysisContext {
    /// An answer to a choice, with the fact's label and the block's title.
    func answer(_ choice: Choice, _ answer: Bool) -> ChoiceAnswer {
        ChoiceAnswer(fact: ruleSet.provision(choice.fact), word: choice.word, section: choice.section.title, answer: answer)
    }
}
