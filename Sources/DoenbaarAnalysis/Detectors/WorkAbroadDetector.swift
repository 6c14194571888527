import DoenbaarCore

/// Werken loont niet, door een voorwaarde: paid work that takes the person
/// away (a period marked `activiteit`, such as work abroad) ends the benefit
/// on those days, although the benefit's own income rules would let her keep
/// part of the same earnings. Measured by the same person, the same work and
/// income, without the periods away; whether the work pays at all, by the
/// person without the periods and the income they earned (her other income stays).
public struct WorkAbroadDetector: Detector {
    public let kind = FindingKind.workDoesNotPay
    public init() {}

    /// The persona at home instead of away for work, when she works away.
    public func plannedRuns(_ context: AnalysisContext) -> [(persona: Persona, end: YearMonth)] {
        guard context.persona.hasActivities(context.setting.activityKinds) else { return [] }
        return [(context.variant(AnalysisContext.workAtHomeKey) { context.persona.withoutActivityPeriods(context.setting.activityKinds) }, context.to)]
    }

    public func findings(_ context: AnalysisContext) throws(AnalysisError) -> [Finding] {
        let p = context.persona
        guard p.hasActivities(context.setting.activityKinds) else { return [] }
        let recorded = try context.recorded()
        let home = try context.compare(AnalysisContext.workAtHomeKey) { p.withoutActivityPeriods(context.setting.activityKinds) }
        let loss = home.gainCents, months = home.months
        guard loss > context.setting.parameters.choiceTrapThreshold.cents, let first = months.first, let last = months.last else { return [] }
        let names = context.naming ? context.divergence(recorded, home.run) : []
        // Without the work at all: no periods away and none of the income they earned; other income stays.
        let idle = p.withoutActivities(context.setting.activityKinds), activities = p.activities(context.setting.activityKinds)
        let idleTotal = context.totalCents(try context.run(idle, trace: false), idle)
        let withWork = try context.recordedSeries().totalCents
        return [Finding(kind: kind, key: "werk_weg_van_huis", topic: .workAway,
                        severity: withWork <= idleTotal ? .high : .medium, persona: p, from: first, through: last,
                        provisions: context.relevantRules(in: names), harm: try context.harm(of: home), months: months.count,
                        story: .workAway(periods: activities.count, lossCents: loss, months: months.count,
                                         withWorkCents: withWork, withoutWorkCents: idleTotal),
                        capacity: .workAwayUnseen,
                        avoidance: .workAtHome(gainCents: loss),
                        solution: try context.rung(for: names, from: first, through: last), evidence: [])]
    }
}
