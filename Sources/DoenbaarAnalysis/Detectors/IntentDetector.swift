import DoenbaarCore

/// Bedoeling geschonden: an intent statement of a provision fails for the
/// persona, in the months the persona lived through.
public struct IntentDetector: Detector {
    public let kind = FindingKind.intentViolated
    public init() {}

    public func findings(_ context: AnalysisContext) throws(AnalysisError) -> [Finding] {
        let run = try context.recorded()
        var out: [Finding] = []
        // One finding per intent, also where a reform with a start date left two versions of it.
        var seen = Set<String>()
        let failedMonths = failedMonthsByName(run)
        for name in context.setting.ruleSet.intents.map(\.name) where seen.insert(name).inserted {
            let failed = failedMonths[name] ?? []
            guard let first = failed.first, let last = failed.last,
                  let intent = context.setting.ruleSet.intent(named: name, on: first.first) else { continue }
            // The outcome without the circumstance: at home instead of away, or the other choice.
            let (alternative, harm) = try counterpart(context, months: failed)
            let harmCents = harm.lossCents
            var names: Set<String> = [intent.name]
            if let alternative, context.naming { names.formUnion(context.divergence(run, alternative)) }
            var evidence: [TraceNode] = []
            for m in failed.prefix(2) where context.naming {
                for b in run.month(m)?.benefits ?? [] where b.paidCents != 0 || b.grossCents != 0 || !b.corrections.isEmpty {
                    if alternative == nil { names.formUnion(Evidence.declarations(in: b.trace)) }
                    if let focused = Evidence.focused(b.trace, on: names) { evidence.append(focused) }
                }
            }
            let reference = context.setting.ruleSet.provision(intent)
            out.append(Finding(kind: kind, key: intent.name, topic: .intent(reference, text: intent.text),
                               severity: failed.count >= 2 || harmCents > 100_000 ? .high : .medium, persona: context.persona,
                               from: first, through: last,
                               provisions: [reference] + (context.naming ? context.relevantRules(in: names) : []),
                               harm: harm, months: failed.count,
                               story: .intentFailed(intent: reference, text: intent.text, months: failed, differenceCents: max(0, harmCents)),
                               capacity: capacityNote(context, months: failed),
                               avoidance: context.naming ? try avoidingAction(context) : nil,
                               solution: try context.rung(for: names, from: first, through: last), evidence: evidence))
        }
        return out
    }

    /// Per intent name, the months of the run in which it failed, in order: one pass over the
    /// months by index, where a pass per intent copied every month with its lists.
    private func failedMonthsByName(_ run: PersonaRun) -> [String: [YearMonth]] {
        var failed: [String: [YearMonth]] = [:]
        let months = run.months
        for i in months.indices {
            for j in months[i].intents.indices where months[i].intents[j].holds == false {
                let name = months[i].intents[j].intent
                if failed[name]?.last != months[i].month { failed[name, default: []].append(months[i].month) }
            }
        }
        return failed
    }

    /// The run without the circumstance behind the failure (at home instead of
    /// away, or the other choice), and what it would have brought more.
    private func counterpart(_ context: AnalysisContext, months: [YearMonth]) throws(AnalysisError) -> (PersonaRun?, Harm) {
        let p = context.persona
        let away = p.records.filter { r in r.role == .absence && months.contains { $0 >= r.from.yearMonth && $0 <= r.through.yearMonth } }
        let compared: AnalysisContext.Comparison
        if !away.isEmpty {
            compared = try context.compare("thuis:\(months.map(\.description).joined(separator: ","))") {
                var home = p
                home.records.removeAll { r in away.contains { $0.kind == r.kind && $0.from == r.from } }
                return home
            }
        } else if let choice = context.choices.first(where: { $0.chosen != 0 }) {
            compared = try context.compare(AnalysisContext.choiceKey(choice)) { p.with(choice.fact.name, choice.other) }
        } else {
            return (nil, .none)
        }
        return (compared.run, compared.gainCents > 0 ? try context.harm(of: compared) : .none)
    }

    /// One different action: reporting the periods with the value the rules offer
    /// as a choice (a stay abroad as vacation), while vacation days last.
    private func avoidingAction(_ context: AnalysisContext) throws(AnalysisError) -> AvoidingAction? {
        let p = context.persona
        let compared = try context.compareAlternativesReported()
        guard let line = zip(p.records, compared.persona.records).first(where: { $0.attributes != $1.attributes })?.0,
              compared.gainCents > 0, let value = context.alternativeValue(of: line) else { return nil }
        return .reportAsAlternative(value: value, gainCents: compared.gainCents)
    }

    private func capacityNote(_ context: AnalysisContext, months: [YearMonth]) -> CapacityAngle? {
        guard let first = months.first else { return nil }
        let stress = context.model.stressDrop(for: context.persona, on: first.first).causes
        guard !stress.isEmpty else { return nil }
        return .stress(stress.map(\.kind))
    }
}

extension AnalysisContext {
    /// The value a kind of line offers as the other choice (`keuze reden vakantie`): "vakantie".
    func alternativeValue(of line: PersonaRecord) -> String? {
        guard let kind = ruleSet.records.first(where: { $0.keyword == line.kind }), let (a, value) = kind.alternative else { return nil }
        let fact = ruleSet.facts[kind.attributes[a].fact]
        let cases = ruleSet.enumerations.first { if case .enumeration(let e) = fact.type { return $0.name == e } else { return false } }?.cases ?? []
        return cases.indices.contains(Int(value)) ? cases[Int(value)] : "\(value)"
    }

    /// The rules and definitions among these names, as provisions (rules first, at most a few).
    public func relevantRules(in names: Set<String>, limit: Int = 4) -> [ProvisionReference] {
        // By index: filtering the declarations themselves copies every one of them.
        let named = ruleSet.values.indices.filter { names.contains(ruleSet.values[$0].name) }
        let ordered = named.filter { ruleSet.values[$0].isRule } + named.filter { !ruleSet.values[$0].isRule }
        return ordered.prefix(limit).map { ruleSet.provision(ruleSet.values[$0]) }
    }
}
