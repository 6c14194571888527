import DoenbaarCore

/// Inkomensschok: a settlement or fine takes more than a set share of a
/// month's regular income in one go (offsetting cycles, yearly settlement).
public struct IncomeShockDetector: Detector {
    public let kind = FindingKind.incomeShock
    public init() {}

    public func findings(_ context: AnalysisContext) throws(AnalysisError) -> [Finding] {
        let run = try context.recorded()
        let series = context.series(run)
        var out: [Finding] = []
        let incomeFacts = context.ruleSet.incomeFacts
        for (m, month) in zip(run.months, series.months) {
            let taken = -min(0, month.correctionCents) + month.fineCents
            guard taken > 0 else { continue }
            let share = context.parameters.shockShare
            guard taken * Fixed.scale > share.raw * max(0, month.regularCents) else { continue }
            let recoveries = m.benefits.flatMap { b in b.corrections.filter { $0.cents < 0 }.map { (b.benefit, $0) } }
            let covered = Set(recoveries.map(\.1.forMonth)).sorted()
            var names = Set<String>()
            for (benefit, _) in recoveries { names.insert(AnalysisContext.recoveryName(benefit)) }
            for (_, c) in recoveries { names.formUnion(Evidence.declarations(reaching: incomeFacts, in: c.trace)) }
            let previous = series.months.last { $0.month < month.month }
            let text = "\(context.persona.name), \(month.month.dutch): \(ValueFormatting.cents(taken)) wordt in één maand verrekend" +
                (covered.isEmpty ? "" : " over \(covered.count) eerdere maand\(covered.count == 1 ? "" : "en") (\(covered.first!.dutch)\(covered.count > 1 ? " tot en met \(covered.last!.dutch)" : ""))") +
                "; het gewone inkomen die maand is \(ValueFormatting.cents(month.regularCents)), er blijft \(ValueFormatting.cents(month.netCents)) over" +
                (previous.map { ", tegen \(ValueFormatting.cents($0.netCents)) de maand ervoor." } ?? ".")
            let benefit = recoveries.first?.0 ?? ""
            out.append(Finding(kind: kind, key: benefit, title: "Verrekening achteraf neemt in één maand een groot deel van het inkomen (\(benefit))",
                               direction: "Verreken maandelijks met de gegevens uit de polisadministratie in plaats van een schatting over zes of twaalf maanden, en vorder een verschil in termijnen in.",
                               severity: month.netCents < 0 ? .high : .medium, persona: context.persona,
                               from: month.month, through: month.month,
                               provisions: context.relevantRules(in: names),
                               harm: context.collectedHarm(m, series), months: 1, explanation: text,
                               capacityNote: "Een grote terugvordering vraagt om tegenslag te verwerken en een betalingsregeling te treffen, juist als het inkomen laag is.",
                               avoidingAction: !context.persona.hasIncomeEstimate ? nil : "Een schatting die het werkelijke inkomen volgt (wijzigingen direct doorgeven) had de verrekening klein gehouden.",
                               rung: try context.rung(for: names, from: month.month, through: month.month), evidence: recoveries.prefix(2).map { Evidence.excerpt($0.1.trace) }))
        }
        return out
    }
}
