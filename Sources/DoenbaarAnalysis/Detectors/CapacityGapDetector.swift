import DoenbaarCore

/// Doenvermogenskloof: the realistic path, where obligations are met only
/// when the person can, loses materially against the ideal one — above all
/// when an obligation falls in a period of stress. One finding per
/// obligation, its loss measured by missing only that obligation.
public struct CapacityGapDetector: Detector {
    public let kind = FindingKind.capacityGap
    public init() {}

    /// Per obligation the realistic path misses, by name: its missed decisions, and
    /// the ideal path with only this obligation's reports taken out. Worked out once per
    /// context (`AnalysisContext.capacityGaps`): the runs are planned from them, and the
    /// findings read them again.
    private func gaps(_ context: AnalysisContext) throws(AnalysisError) -> [AnalysisContext.CapacityGap] {
        if let known = context.capacityGaps { return known }
        let path = try context.realisticPath()
        let missed = path.decisions.filter { !$0.judgement.met }
        let names = Array(Set(missed.map(\.obligationName))).sorted()
        let gaps = names.map { name in
            let decisions = missed.filter { $0.obligationName == name }
            // One obligation missed: only it missed is the realistic path itself, the very same persona
            // (found equal to it at once, where one made again was compared line by line).
            return AnalysisContext.CapacityGap(name: name, decisions: decisions,
                                               onlyThis: names.count == 1 ? path.persona
                                                   : Paths.apply(decisions, to: context.idealPersona, ruleSet: context.setting.ruleSet,
                                                                 discoveredAfterMonths: context.setting.parameters.undisclosedDiscoveredAfterMonths))
        }
        context.capacityGaps = gaps
        return gaps
    }

    /// The ideal path without one missed obligation's reports, for each (once the realistic path is known).
    public func plannedRuns(_ context: AnalysisContext) -> [(persona: Persona, end: YearMonth)] {
        guard let gaps = try? gaps(context) else { return [] }
        return gaps.map { ($0.onlyThis, context.pathsTo) }
    }

    public func findings(_ context: AnalysisContext) throws(AnalysisError) -> [Finding] {
        let ideal = try context.ideal()
        // The gaps follow from the realistic path before it is run; a realistic run that
        // fails fails this detector, as it did when the gaps were read from the run.
        _ = try context.realistic()
        let idealTotal = context.totalCents(ideal, context.idealPersona)
        var out: [Finding] = []
        for missed in try gaps(context) {
            let (name, decisions, onlyThis) = (missed.name, missed.decisions, missed.onlyThis)
            let run = try context.run(onlyThis, to: context.pathsTo)
            // Made once: the gap and the harm read it.
            let series = context.series(run, onlyThis)
            let gap = idealTotal - series.totalCents
            guard gap > context.setting.parameters.capacityGapThreshold.cents else { continue }
            let j = decisions[0].judgement
            let underStress = decisions.contains { !$0.judgement.stress.isEmpty }
            let stress: [String] = Set(decisions.flatMap { $0.judgement.stress.map(\.kind) }).sorted()
            let lost = AnalysisContext.monthsThatDiffer(ideal, run)
            var evidence: [TraceNode] = []
            for m in run.months where context.naming && evidence.count < 2 {
                for b in m.benefits { if let c = b.corrections.first(where: { $0.cents < 0 }) { evidence.append(Evidence.excerpt(c.trace)) } }
                if let fine = m.fines.first(where: { $0.obligation == name }) {
                    evidence.append(TraceNode(kind: .fine, name: fine.obligation, source: fine.source, value: .one(fine.cents * 10_000, TraceType(.money)),
                                              notes: [.forPeriodFrom(fine.forPeriodStart)]))
                }
            }
            let first = decisions[0].from.yearMonth
            guard let obligation = context.provision(obligation: name, on: decisions[0].from) else { continue }
            out.append(Finding(kind: kind, key: name, topic: .capacityGap(obligation),
                               severity: underStress ? .high : .medium, persona: context.persona,
                               from: lost.first ?? first, through: lost.last ?? first,
                               provisions: [obligation], harm: context.harm(run, series, against: ideal), months: lost.count,
                               story: .missedObligation(obligation: obligation, times: decisions.count, requiredLevel: j.required,
                                                        parts: j.shortParts, stress: stress, gapCents: gap),
                               capacity: underStress ? .obligationUnderStress : .obligationAboveCapacity,
                               avoidance: .reportOnTime(gainCents: gap),
                               solution: try context.rung(for: [name]), evidence: Array(evidence.prefix(2))))
        }
        return out
    }
}

extension AnalysisContext {
    /// A missed obligation of the realistic path: its decisions, and the ideal persona
    /// with only those reports taken out.
    struct CapacityGap {
        let name: String
        let decisions: [Paths.Decision]
        let onlyThis: Persona
    }
}
