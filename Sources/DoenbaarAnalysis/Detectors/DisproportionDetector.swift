import DoenbaarCore

/// Disproportioneel: a fine or recovery out of proportion. Larger than a
/// month's income; collected so that income falls below the beslagvrije voet
/// (Rv art. 475da); a fine where no money was unduly received; or a fine for
/// not reporting what the agency already held in a register.
public struct DisproportionDetector: Detector {
    public let kind = FindingKind.disproportionate
    public init() {}

    public func findings(_ context: AnalysisContext) throws(AnalysisError) -> [Finding] {
        let run = try context.recorded()
        let series = try context.recordedSeries()
        var out: [Finding] = []
        let months = run.months
        for i in 0..<min(months.count, series.months.count) {
            // Most months recover and fine nothing: told in place, before the month is taken.
            let recovered = months[i].recoveredCents, fined = months[i].finedCents
            guard recovered + fined > 0 else { continue }
            let (m, month) = (months[i], series.months[i])
            var reasons: [DisproportionReason] = []
            var names = Set<String>()
            var provisions: [ProvisionReference] = []
            var avoiding: AvoidingAction?
            // Fines, grouped by why they are out of proportion.
            var knownFines: [Fine] = [], emptyFines: [Fine] = []
            for fine in m.fines {
                let o = context.setting.ruleSet.obligations[fine.obligationIndex]
                if context.naming {
                    names.insert(fine.obligation)
                    let p = context.setting.ruleSet.provision(o)
                    if !provisions.contains(p) { provisions.append(p) }
                }
                if context.setting.ruleSet.reportsIncome(o), registerHeld(context.persona, from: fine.forPeriodStart, by: m.month.last) {
                    knownFines.append(fine)
                } else if fine.detrimentCents ?? 0 == 0 {
                    emptyFines.append(fine)
                }
            }
            if !knownFines.isEmpty {
                reasons.append(.finesForRegisteredIncome(group(knownFines)))
                avoiding = .reportDespiteRegister
            }
            if !emptyFines.isEmpty {
                reasons.append(.finesWithoutDetriment(group(emptyFines)))
            }
            if recovered > 0 && context.naming {
                for b in m.benefits where b.corrections.contains(where: { $0.cents < 0 }) {
                    provisions += context.provisions(benefit: b.benefit).filter { !provisions.contains($0) }
                    names.insert(AnalysisContext.recoveryName(b.benefit))
                    for c in b.corrections where c.cents < 0 { names.formUnion(Evidence.declarations(reaching: context.setting.parameters.incomeFacts, in: c.trace)) }
                }
            }
            if recovered + fined > month.regularCents {
                reasons.append(.moreThanIncome(recoveredCents: recovered, finedCents: fined, fines: m.fines.count, incomeCents: month.regularCents))
            }
            if let minimum = context.setting.parameters.protectedMinimum(in: m.month), month.netCents < minimum {
                reasons.append(.belowProtectedMinimum(netCents: month.netCents, minimumCents: minimum))
            }
            guard !reasons.isEmpty else { continue }
            let severity = reasons.map(\.severity).max() ?? .medium
            let (key, topic): (String, FindingTopic) =
                !knownFines.isEmpty ? ("polisboete", .fineForRegisteredIncome)
                : !emptyFines.isEmpty ? ("boete_zonder_benadeling", .fineWithoutDetriment)
                : ("terugvordering", .recoveryAtOnce)
            let evidence = !context.naming ? []
                : m.benefits.flatMap { b in b.corrections.filter { $0.cents < 0 }.prefix(1).map { Evidence.excerpt($0.trace) } }
            out.append(Finding(kind: kind, key: key, topic: topic,
                               severity: severity, persona: context.persona, from: m.month, through: m.month,
                               provisions: provisions,
                               harm: context.collectedHarm(m, series), months: 1,
                               story: .disproportion(month: m.month, reasons: reasons),
                               avoidance: avoiding, solution: try context.rung(for: names, from: m.month, through: m.month), evidence: evidence))
        }
        return out
    }

    /// Whether a register held the income of the fined month by the decision.
    private func registerHeld(_ p: Persona, from: CivilDate, by day: CivilDate) -> Bool {
        p.incomeInRegister(in: from.yearMonth, by: day)
    }

    /// The fines of a month: how many, how much, over which periods.
    private func group(_ fines: [Fine]) -> FineGroup {
        let months = fines.map(\.forPeriodStart.yearMonth).sorted()
        return FineGroup(count: fines.count, totalCents: fines.reduce(Int64(0)) { $0 + $1.cents }, from: months[0], through: months[months.count - 1])
    }
}
