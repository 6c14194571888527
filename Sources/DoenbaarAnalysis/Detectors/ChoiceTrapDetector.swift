import DoenbaarCore

/// Keuzeval: of two answers to a choice the law leaves the person (a fact
/// with `rol keuze`, such as claiming a benefit), or two ways to report the
/// same days (`keuze` in an `opgave`: a stay abroad as family visit or as
/// vacation), the one she took leaves her worse off than the other. Measured
/// by running both.
public struct ChoiceTrapDetector: Detector {
    public let kind = FindingKind.choiceTrap
    public init() {}

    public func findings(_ context: AnalysisContext) throws(AnalysisError) -> [Finding] {
        var out: [Finding] = []
        for choice in context.ruleSet.choices(of: context.persona) {
            if let finding = try trap(context, choice) { out.append(finding) }
        }
        if let finding = try reportTrap(context) { out.append(finding) }
        return out
    }

    /// The same days reported with the value the rules offer instead (`keuze reden vakantie`).
    private func reportTrap(_ context: AnalysisContext) throws(AnalysisError) -> Finding? {
        let p = context.persona
        let other = try context.compare(AnalysisContext.alternativeReportKey) { p.withAlternativesReported(context.ruleSet) }
        let changed = zip(p.records, other.persona.records).filter { $0.attributes != $1.attributes }
        guard let (line, _) = changed.first,
              let kind = context.ruleSet.records.first(where: { $0.keyword == line.kind }), let (a, value) = kind.alternative else { return nil }
        let loss = other.gainCents
        guard loss > context.parameters.choiceTrapThreshold.cents, let first = other.months.first, let last = other.months.last else { return nil }
        let months = other.months
        let names = context.estimating ? [] : context.divergence(try context.recorded(), other.run)
        let fact = context.ruleSet.facts[kind.attributes[a].fact]
        let cases = context.ruleSet.enumerations.first { if case .enumeration(let e) = fact.type { return $0.name == e } else { return false } }?.cases ?? []
        let taken = Set(changed.compactMap { $0.0.attributes[fact.name] }).sorted().map { cases.indices.contains(Int($0)) ? cases[Int($0)] : "\($0)" }
        let instead = cases.indices.contains(Int(value)) ? cases[Int(value)] : "\(value)"
        let word = kind.attributes[a].word
        let what = "\(kind.title) met \(word) \(ValueFormatting.list(taken))"
        return Finding(kind: self.kind, key: "\(kind.keyword)_\(word)",
                       title: "Keuze die armer maakt: \(what) in plaats van \(word) \(instead)",
                       direction: "Laat het recht volgen uit wat er gebeurde, niet uit hoe een \(kind.title) wordt genoemd; of wijs de persoon vóór de melding op de gevolgen van elke \(word).",
                       severity: loss > 100_000 ? .high : .medium, persona: p, from: first, through: last,
                       provisions: context.relevantRules(in: names), harm: other.harm, months: months.count,
                       explanation: "\(p.name) meldde een \(what); met \(word) \(instead) voor dezelfde dagen had \(p.name) \(ValueFormatting.cents(loss)) meer gehad, in \(months.count) maand\(months.count == 1 ? "" : "en").",
                       capacityNote: "Wie onder stress meldt wat er gebeurde, kiest de eerlijke reden; dat een andere reden de uitkering had behouden, is niet te voorzien.",
                       avoidingAction: "Met \(word) \(instead) gemeld had \(p.name) \(ValueFormatting.cents(loss)) meer gehad, zolang de regels die reden toestaan.",
                       rung: try context.rung(for: names, from: first, through: last), evidence: [])
    }

    private func trap(_ context: AnalysisContext, _ choice: Choice) throws(AnalysisError) -> Finding? {
        let p = context.persona
        let recorded = try context.recorded()
        let compared = try context.compare(AnalysisContext.choiceKey(choice)) { p.with(choice.fact.name, choice.other) }
        let other = compared.run, loss = compared.gainCents
        guard loss > context.parameters.choiceTrapThreshold.cents else { return nil }

        let months = compared.months
        guard let first = months.first, let last = months.last,
              let a = recorded.month(first), let b = other.month(first) else { return nil }
        // Where the two runs part ways: the definitions that differ in the first month that differs.
        var differences: [(name: String, kind: String, source: String?, before: String, after: String)] = []
        var evidence: [TraceNode] = []
        for (x, y) in zip(a.benefits, b.benefits) where x.paidCents != y.paidCents {
            let d = Evidence.differences(x.trace, y.trace)
            differences += d
            if let focused = Evidence.focused(x.trace, on: Set(d.map(\.name))) { evidence.append(focused) }
        }
        let names = Set(differences.map(\.name))
        let because = differences.filter { $0.source != nil }.prefix(3)
            .map { "\($0.name) is \($0.before) in plaats van \($0.after)" }.joined(separator: "; ")
        let taken = choice.line(choice.chosen), instead = choice.line(choice.other)
        return Finding(kind: kind, key: choice.fact.name, title: "Keuze die armer maakt: \(taken)",
                       direction: "Zorg dat \(taken) nooit tot minder inkomen leidt dan \(instead), of wijs de persoon vóór de keuze op de gevolgen.",
                       severity: loss > 100_000 ? .high : .medium, persona: p, from: first, through: last,
                       provisions: context.relevantRules(in: names), harm: compared.harm, months: months.count,
                       explanation: "\(p.name) houdt met \(taken) \(ValueFormatting.cents(loss)) minder over dan met \(instead), in \(months.count) maand\(months.count == 1 ? "" : "en"). Waarom: \(because).",
                       capacityNote: "Wie deze keuze maakt, volgt de gewone weg; dat die nadelig kan zijn, is niet te voorzien zonder de samenloopregels te kennen.",
                       avoidingAction: "Met \(instead) had \(p.name) \(ValueFormatting.cents(loss)) meer gehad.",
                       rung: try context.rung(for: names, from: first, through: last), evidence: evidence)
    }
}
