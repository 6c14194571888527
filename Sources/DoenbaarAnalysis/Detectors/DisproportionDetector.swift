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
        let series = context.series(run)
        var out: [Finding] = []
        for (m, month) in zip(run.months, series.months) {
            let recovered = -m.benefits.flatMap(\.corrections).filter { $0.cents < 0 }.reduce(Int64(0)) { $0 + $1.cents }
            let fined = m.fines.reduce(Int64(0)) { $0 + $1.cents }
            guard recovered + fined > 0 else { continue }
            var reasons: [(String, Severity)] = []
            var names = Set<String>()
            var provisions: [ProvisionReference] = []
            var avoiding: String?
            // Fines, grouped by why they are out of proportion.
            var knownFines: [Fine] = [], emptyFines: [Fine] = []
            for fine in m.fines {
                names.insert(fine.obligation)
                if let p = context.provision(obligation: fine.obligation, on: fine.forPeriodStart), !provisions.contains(p) { provisions.append(p) }
                let o = context.ruleSet.obligation(named: fine.obligation, on: fine.forPeriodStart)
                if let o, context.ruleSet.reportsIncome(o), registerHeld(context.persona, from: fine.forPeriodStart, by: m.month.last) {
                    knownFines.append(fine)
                } else if fine.detrimentCents ?? 0 == 0 {
                    emptyFines.append(fine)
                }
            }
            if !knownFines.isEmpty {
                reasons.append(("\(describe(knownFines)) voor het niet melden van inkomen dat de uitvoerder al in de polisadministratie had", .high))
                avoiding = "Had \(context.persona.name) het inkomen zelf gemeld, ook al stond het in de polisadministratie, dan was er geen boete geweest."
            }
            if !emptyFines.isEmpty {
                reasons.append(("\(describe(emptyFines)) terwijl er niets te veel is betaald", .medium))
            }
            if recovered > 0 {
                for b in m.benefits where b.corrections.contains(where: { $0.cents < 0 }) {
                    provisions += context.provisions(benefit: b.benefit).filter { !provisions.contains($0) }
                    names.insert(AnalysisContext.recoveryName(b.benefit))
                    for c in b.corrections where c.cents < 0 { names.formUnion(Evidence.declarations(reaching: context.ruleSet.incomeFacts, in: c.trace)) }
                }
            }
            if recovered + fined > month.regularCents {
                let what = recovered > 0 && fined > 0 ? "terugvordering en boetes samen" : recovered > 0 ? "de terugvordering" : "de boetes"
                reasons.append(("\(what) (\(ValueFormatting.cents(recovered + fined))) \(recovered > 0 && fined > 0 || fined > 0 && m.fines.count > 1 ? "zijn" : "is") meer dan het inkomen van de maand (\(ValueFormatting.cents(month.regularCents)))", .high))
            }
            if let minimum = context.parameters.protectedMinimum(in: m.month), month.netCents < minimum {
                reasons.append(("in één keer verrekend blijft er \(ValueFormatting.cents(month.netCents)) over, minder dan de beslagvrije voet van \(ValueFormatting.cents(minimum)) (95% van de bijstandsnorm, Rv art. 475da)", .medium))
            }
            guard !reasons.isEmpty else { continue }
            let severity = reasons.map(\.1).max() ?? .medium
            let (key, title, direction): (String, String, String) =
                !knownFines.isEmpty ? ("polisboete", "Boete voor inkomen dat al in de polisadministratie stond",
                                       "Leg geen boete op voor inkomen dat de uitvoerder al uit de polisadministratie heeft; geef hooguit een waarschuwing (Boetebesluit art. 2aa) en vorder het te veel betaalde in termijnen boven de beslagvrije voet in.")
                : !emptyFines.isEmpty ? ("boete_zonder_benadeling", "Boete terwijl er niets te veel is betaald",
                                         "Geef bij een eerste gemiste melding zonder benadeling een waarschuwing in plaats van een boete (Boetebesluit socialezekerheidswetten art. 2aa; de uitkeringswetten staan een waarschuwing toe).")
                : ("terugvordering", "Terugvordering in één keer, groter dan het inkomen of onder de beslagvrije voet",
                   "Vorder in termijnen in, zodat de beslagvrije voet overblijft (Rv art. 475da), en zie bij dringende redenen gedeeltelijk af van terugvordering.")
            let evidence = m.benefits.flatMap { b in b.corrections.filter { $0.cents < 0 }.prefix(1).map { Evidence.excerpt($0.trace) } }
            out.append(Finding(kind: kind, key: key, title: title, direction: direction,
                               severity: severity, persona: context.persona, from: m.month, through: m.month,
                               provisions: provisions,
                               harm: context.collectedHarm(m, series), months: 1,
                               explanation: "\(context.persona.name), \(m.month.dutch): " + reasons.map(\.0).joined(separator: "; ") + ".",
                               avoidingAction: avoiding, rung: try context.rung(for: names, from: m.month, through: m.month), evidence: evidence))
        }
        return out
    }

    /// Whether a register held the income of the fined month by the decision.
    private func registerHeld(_ p: Persona, from: CivilDate, by day: CivilDate) -> Bool {
        p.incomeInRegister(in: from.yearMonth, by: day)
    }

    /// "3 boetes van samen € 450,00 (over januari 2024 tot en met maart 2024)".
    private func describe(_ fines: [Fine]) -> String {
        let total = fines.reduce(Int64(0)) { $0 + $1.cents }
        let months = fines.map(\.forPeriodStart.yearMonth).sorted()
        let period = months.first == months.last ? months[0].dutch : "\(months[0].dutch) tot en met \(months[months.count - 1].dutch)"
        return fines.count == 1 ? "een boete van \(ValueFormatting.cents(total)) (over \(period))"
                                : "\(fines.count) boetes van samen \(ValueFormatting.cents(total)) (over \(period))"
    }
}
