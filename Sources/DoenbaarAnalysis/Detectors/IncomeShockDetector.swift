import DoenbaarCore

/// Inkomensschok: a settlement or fine takes more than a set share of a
/// month's regular income in one go (offsetting cycles, yearly settlement).
public struct IncomeShockDetector: Detector {
    public let kind = FindingKind.incomeShock
    public init() {}

    public func findings(_ context: AnalysisContext) throws(AnalysisError) -> [Finding] {
        let run = try context.recorded()
        let series = try context.recordedSeries()
        var out: [Finding] = []
        let incomeFacts = context.setting.parameters.incomeFacts
        for i in 0..<min(run.months.count, series.months.count) {
            // The month's outcome is taken only for a shock: most months take nothing.
            let month = series.months[i]
            let taken = -min(0, month.correctionCents) + month.fineCents
            guard taken > 0 else { continue }
            let share = context.setting.parameters.shockShare
            guard taken * Fixed.scale > share.raw * max(0, month.regularCents) else { continue }
            let m = run.months[i]
            let recoveries = m.benefits.flatMap { b in b.corrections.filter { $0.cents < 0 }.map { (b.benefit, $0) } }
            let covered = Set(recoveries.map(\.1.forMonth)).sorted()
            var names = Set<String>()
            if context.naming {
                for (benefit, _) in recoveries { names.insert(AnalysisContext.recoveryName(benefit)) }
                for (_, c) in recoveries { names.formUnion(Evidence.declarations(reaching: incomeFacts, in: c.trace)) }
            }
            let previous = series.months.last { $0.month < month.month }
            let benefit = recoveries.first.flatMap { context.provision(benefit: $0.0) }
            out.append(Finding(kind: kind, key: recoveries.first?.0 ?? "", topic: .incomeShock(benefit),
                               severity: month.netCents < 0 ? .high : .medium, persona: context.persona,
                               from: month.month, through: month.month,
                               provisions: context.naming ? context.relevantRules(in: names) : [],
                               harm: context.collectedHarm(m, series), months: 1,
                               story: .incomeShock(month: month.month, takenCents: taken, coveredMonths: covered, regularCents: month.regularCents,
                                                   netCents: month.netCents, previousNetCents: previous?.netCents),
                               capacity: .largeRecovery,
                               avoidance: context.persona.hasIncomeEstimate ? .estimateFollowsIncome : nil,
                               solution: try context.rung(for: names, from: month.month, through: month.month),
                               evidence: context.naming ? recoveries.prefix(2).map { Evidence.excerpt($0.1.trace) } : []))
        }
        return out
    }
}
