import DoenbaarCore

/// Bedoeling geschonden: an intent statement of a provision fails for the
/// persona, in the months the persona lived through.
public struct IntentDetector: Detector {
    public let kind = FindingKind.intentViolated
    public init() {}

    public func findings(_ context: AnalysisContext) throws(AnalysisError) -> [Finding] {
        let run = try context.recorded()
        let series = context.series(run)
        var out: [Finding] = []
        for intent in context.ruleSet.intents {
            let failed = run.months.filter { m in m.intents.contains { $0.intent == intent.name && $0.holds == false } }.map(\.month)
            guard let first = failed.first, let last = failed.last else { continue }
            // The outcome without the circumstance: at home instead of away, or the other choice.
            let (alternative, harm) = try counterpart(context, months: failed, series: series)
            var names: Set<String> = [intent.name]
            if let alternative { names.formUnion(context.divergence(run, alternative)) }
            var evidence: [TraceNode] = []
            for m in failed.prefix(2) {
                for b in run.month(m)?.benefits ?? [] where b.paidCents != 0 || b.grossCents != 0 || !b.corrections.isEmpty {
                    if alternative == nil { names.formUnion(Evidence.declarations(in: b.trace)) }
                    if let focused = Evidence.focused(b.trace, on: names) { evidence.append(focused) }
                }
            }
            let monthsText = failed.count == 1 ? first.dutch : "\(failed.count) maanden (\(first.dutch) tot en met \(last.dutch))"
            var explanation = "\(context.persona.name): de bedoeling '\(intent.name)' wordt niet gehaald in \(monthsText). De bedoeling luidt: \"\(intent.text)\""
            if harm > 0 { explanation += " Het verschil: \(ValueFormatting.cents(harm))." }
            let rung = try context.rung(for: names, from: first, through: last)
            out.append(Finding(kind: kind, key: intent.name, title: "Bedoeling niet gehaald: \(intent.text)",
                               direction: rung.rung == .lawChange
                                   ? "Pas de regeling aan zodat de bedoeling weer gehaald wordt; er is geen ruimte binnen de huidige regels."
                                   : "Benut de beleidsruimte die op het pad ligt (\(rung.reason.prefix { $0 != ":" })) en leg vast wanneer zij wordt gebruikt.",
                               severity: failed.count >= 2 || harm > 100_000 ? .high : .medium, persona: context.persona,
                               from: first, through: last,
                               provisions: [context.provision(intent: intent.name)].compactMap { $0 } + context.relevantRules(in: names),
                               harmCents: harm, months: failed.count, explanation: explanation,
                               capacityNote: capacityNote(context, months: failed),
                               avoidingAction: context.estimating ? nil : try avoidingAction(context, series: series),
                               rung: rung, evidence: evidence))
        }
        return out
    }

    /// The run without the circumstance behind the failure (at home instead of
    /// away, or the other choice), and what it would have brought more.
    private func counterpart(_ context: AnalysisContext, months: [YearMonth], series: IncomeSeries) throws(AnalysisError) -> (PersonaRun?, Int64) {
        var home = context.persona
        home.records.removeAll { r in r.role == .absence && months.contains { $0 >= r.from.yearMonth && $0 <= r.through.yearMonth } }
        if home.records.count != context.persona.records.count {
            let run = try context.run(home)
            return (run, max(0, context.series(run, home).totalCents - series.totalCents))
        }
        if let choice = context.ruleSet.choices(of: context.persona).first(where: { $0.chosen != 0 }) {
            let other = context.persona.with(choice.fact.name, choice.other)
            let run = try context.run(other)
            return (run, max(0, context.series(run, other).totalCents - series.totalCents))
        }
        return (nil, 0)
    }

    /// One different action: reporting the periods with the value the rules offer
    /// as a choice (a stay abroad as vacation), while vacation days last.
    private func avoidingAction(_ context: AnalysisContext, series: IncomeSeries) throws(AnalysisError) -> String? {
        let variant = context.persona.withAlternativesReported(context.ruleSet)
        guard variant.records.map(\.attributes) != context.persona.records.map(\.attributes) else { return nil }
        let gain = context.series(try context.run(variant, trace: false), variant).totalCents - series.totalCents
        guard gain > 0 else { return nil }
        return "Had \(context.persona.name) de dagen in het buitenland vooraf als vakantie gemeld, dan was \(ValueFormatting.cents(gain)) behouden gebleven, zolang er vakantiedagen waren."
    }

    private func capacityNote(_ context: AnalysisContext, months: [YearMonth]) -> String? {
        guard let first = months.first else { return nil }
        let stress = context.model.stressDrop(for: context.persona, on: first.first).causes
        guard !stress.isEmpty else { return nil }
        return "Dit valt in een periode van stress (\(stress.map(\.dutch).joined(separator: ", "))): het doenvermogen is dan lager."
    }
}

extension AnalysisContext {
    /// The rules and definitions among these names, as provisions (rules first, at most a few).
    public func relevantRules(in names: Set<String>, limit: Int = 4) -> [ProvisionReference] {
        let rules = ruleSet.values.filter { names.contains($0.name) && $0.isRule }
        let definitions = ruleSet.values.filter { names.contains($0.name) && !$0.isRule }
        return (rules + definitions).prefix(limit).map { ProvisionReference(name: $0.name, $0.provenance) }
    }
}
