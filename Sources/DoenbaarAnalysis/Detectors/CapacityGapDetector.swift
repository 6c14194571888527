import DoenbaarCore

/// Doenvermogenskloof: the realistic path, where obligations are met only
/// when the person can, loses materially against the ideal one — above all
/// when an obligation falls in a period of stress. One finding per
/// obligation, its loss measured by missing only that obligation.
public struct CapacityGapDetector: Detector {
    public let kind = FindingKind.capacityGap
    public init() {}

    public func findings(_ context: AnalysisContext) throws(AnalysisError) -> [Finding] {
        let ideal = try context.ideal()
        let realistic = try context.realistic()
        let idealTotal = context.series(ideal, context.idealPersona).totalCents
        let missed = realistic.decisions.filter { !$0.judgement.met }
        var out: [Finding] = []
        for name in Array(Set(missed.map(\.obligation.name))).sorted() {
            let decisions = missed.filter { $0.obligation.name == name }
            // The ideal path with only this obligation's reports taken out.
            let onlyThis = Paths.apply(decisions, to: context.idealPersona, ruleSet: context.ruleSet, discoveredAfterMonths: context.parameters.undisclosedDiscoveredAfterMonths)
            let run = try context.run(onlyThis, to: context.pathsTo)
            let gap = idealTotal - context.series(run, onlyThis).totalCents
            guard gap > context.parameters.capacityGapThreshold.cents else { continue }
            let j = decisions[0].judgement
            let underStress = decisions.contains { !$0.judgement.stress.isEmpty }
            let stress: [String] = Set(decisions.flatMap { $0.judgement.stress.map(\.dutch) }).sorted()
            let lost = zip(ideal.months, run.months).filter { $0.0.totalCents != $0.1.totalCents }.map(\.0.month)
            var evidence: [TraceNode] = []
            for m in run.months where evidence.count < 2 {
                for b in m.benefits { if let c = b.corrections.first(where: { $0.cents < 0 }) { evidence.append(Evidence.excerpt(c.trace)) } }
                if let fine = m.fines.first(where: { $0.obligation == name }) {
                    evidence.append(TraceNode(kind: "boete", name: fine.obligation, source: fine.source, value: ValueFormatting.cents(fine.cents),
                                              note: "over de periode vanaf \(fine.forPeriodStart.dutch)"))
                }
            }
            let first = decisions[0].from.yearMonth
            out.append(Finding(kind: kind, key: name, title: "Meldplicht vraagt meer doenvermogen dan mensen hebben: \(name)",
                               direction: "Vereenvoudig de melding (minder stappen, een ruimere termijn, gegevens uit registers vooraf ingevuld) en geef bij een eerste gemiste melding een waarschuwing in plaats van een boete of het verlies van de uitkering.",
                               severity: underStress ? .high : .medium, persona: context.persona,
                               from: lost.first ?? first, through: lost.last ?? first,
                               provisions: [context.provision(obligation: name, on: decisions[0].from)].compactMap { $0 }, harm: context.harm(run, onlyThis, against: ideal), months: lost.count,
                               explanation: "\(context.persona.name) komt de verplichting '\(name)' op het realistische pad \(decisions.count) keer niet na: zij vraagt niveau \(j.required) voor \(j.shortParts.map(\.rawValue).joined(separator: ", "))\(stress.isEmpty ? "" : ", in een periode van stress door \(ValueFormatting.list(stress))"). Dat kost \(ValueFormatting.cents(gap)) ten opzichte van het ideale pad.",
                               capacityNote: underStress
                                   ? "De verplichting valt in een periode van stress; niet handelen is dan een kwestie van niet kunnen, niet van niet willen (WRR 2017)."
                                   : "Wat de verplichting vraagt, ligt boven het doenvermogen van wie haar moet nakomen.",
                               avoidingAction: "Op tijd melden (het ideale pad) had \(ValueFormatting.cents(gap)) gescheeld.",
                               rung: try context.rung(for: [name]), evidence: Array(evidence.prefix(2))))
        }
        return out
    }
}
