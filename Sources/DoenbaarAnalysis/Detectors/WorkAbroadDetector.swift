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

    public func findings(_ context: AnalysisContext) throws(AnalysisError) -> [Finding] {
        let p = context.persona
        let activities = p.activities(context.ruleSet)
        guard !activities.isEmpty else { return [] }
        let recorded = try context.recorded()
        let home = try context.compare("werk_thuis") { p.withoutActivityPeriods(context.ruleSet) }
        let loss = home.gainCents, months = home.months
        guard loss > context.parameters.choiceTrapThreshold.cents, let first = months.first, let last = months.last else { return [] }
        let names = context.estimating ? [] : context.divergence(recorded, home.run)
        // Without the work at all: no periods away and none of the income they earned; other income stays.
        let idle = p.withoutActivities(context.ruleSet)
        let idleTotal = context.series(try context.run(idle, trace: false), idle).totalCents
        let withWork = context.series(recorded).totalCents
        var explanation = "\(p.name) werkt \(activities.count == 1 ? "een periode" : "\(activities.count) perioden") weg van huis; op die dagen vervalt de uitkering, terwijl de inkomstenregels van dezelfde verdiensten een deel hadden gelaten. Dat kost \(ValueFormatting.cents(loss)) in \(months.count) maand\(months.count == 1 ? "" : "en")."
        if withWork <= idleTotal {
            explanation += " Met het werk houdt \(p.name) \(ValueFormatting.cents(withWork)) over, zonder het werk \(ValueFormatting.cents(idleTotal)): werken loont niet."
        }
        return [Finding(kind: kind, key: "werk_weg_van_huis", title: "Werk weg van huis kost de uitkering, ook waar de inkomstenregels een deel laten",
                        direction: "Behandel betaald werk tijdens een verblijf als inkomen volgens de inkomstenregels van de uitkering, in plaats van het recht op die dagen te laten vervallen.",
                        severity: withWork <= idleTotal ? .high : .medium, persona: p, from: first, through: last,
                        provisions: context.relevantRules(in: names), harm: home.harm, months: months.count,
                        explanation: explanation,
                        capacityNote: "Wie gewend is over de grens te werken, ziet niet dat de uitkering die dagen vervalt: de regel gaat over verblijf, niet over werk.",
                        avoidingAction: "Had \(p.name) hetzelfde werk in Nederland gedaan, dan had \(p.name) \(ValueFormatting.cents(loss)) meer gehad.",
                        rung: try context.rung(for: names, from: first, through: last), evidence: [])]
    }
}
