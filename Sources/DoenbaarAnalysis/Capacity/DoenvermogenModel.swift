import DoenbaarCore

/// Whether a person meets an obligation on the realistic path: what the
/// obligation asks (its parts of doenvermogen, steps, channel, deadline,
/// recurrence) against what the person can do at that moment, lowered by
/// stress from life events. The numbers come from Rules/analyse/doenvermogen.regels.
public struct DoenvermogenModel: Sendable {
    public let parameters: AnalysisParameters

    public init(_ parameters: AnalysisParameters) { self.parameters = parameters }

    /// The level an obligation asks of each part it demands.
    public func requiredLevel(_ o: Obligation) -> Fixed {
        var raw = parameters.requiredLevel.raw
        raw += Int64(max(0, o.steps - 1)) * parameters.extraPerStep.raw
        if o.channel == .paper { raw += parameters.extraPaper.raw }
        if let d = o.deadline, d.before, d.unit == .day, d.amount <= 1 { raw += parameters.extraTightDeadline.raw }
        if o.periodicity == .month { raw += parameters.extraRecurring.raw }
        return Fixed(raw: raw)
    }

    /// How much stress lowers each part on a day, from the events weighing on it then.
    public func stressDrop(for persona: Persona, on day: CivilDate) -> (drop: Fixed, causes: [LifeEvent]) {
        var raw: Int64 = 0
        var causes: [LifeEvent] = []
        for e in persona.events {
            let months = e.months ?? parameters.stressMonths[e.kind] ?? 0
            guard e.date <= day, day < e.date.adding(months: months) else { continue }
            raw += parameters.stressDrop[e.kind]?.raw ?? 0
            causes.append(e)
        }
        return (Fixed(raw: raw), causes)
    }

    /// The person's level of one part on a day.
    public func effectiveLevel(_ persona: Persona, _ part: Capacity, on day: CivilDate) -> Fixed {
        effectiveLevel(persona, part, lowered: stressDrop(for: persona, on: day).drop)
    }

    /// The person's level of one part, lowered by a day's stress (at least 1).
    private func effectiveLevel(_ persona: Persona, _ part: Capacity, lowered drop: Fixed) -> Fixed {
        let base = Fixed(integer: persona.capacity[part] ?? 3)
        return Fixed(raw: max(Fixed.scale, base.raw - drop.raw))
    }

    /// The judgement for one obligation on one day, with the parts that fall short.
    public struct Judgement: Sendable {
        public let met: Bool
        public let required: Fixed
        public let shortParts: [Capacity]
        public let stress: [LifeEvent]
    }

    /// Whether the person can meet an obligation on a day: from the level it asks (`requiredLevel`)
    /// and the parts it demands, worked out once per analyzer (`Paths.KeptObligation`).
    public func judge(required: Fixed, demands: [Capacity], for persona: Persona, on day: CivilDate) -> Judgement {
        // The day's stress worked out once, for every part and the causes (it walks the person's events).
        let stress = stressDrop(for: persona, on: day)
        let short = demands.filter { effectiveLevel(persona, $0, lowered: stress.drop) < required }
        return Judgement(met: short.isEmpty, required: required, shortParts: short, stress: stress.causes)
    }
}
