import DoenbaarCore

/// Synthetic people from the personas as archetypes: each is a variation on
/// one persona, chosen in proportion to the personas' weights; the weights of
/// the synthetic people make the totals match UWV's caseloads (WW and Wajong).
public struct PopulationGenerator: Sendable {
    public enum Group: String, Sendable, CaseIterable { case ww = "WW", wajong = "Wajong" }

    public struct Archetype: Sendable {
        public let persona: Persona
        public let months: (from: YearMonth, to: YearMonth)
        public let group: Group
    }

    public let archetypes: [Archetype]
    public let parameters: PopulationParameters
    public let size: Int
    public let seed: UInt64
    /// Cumulative weights, for choosing an archetype.
    private let cumulative: [Int]
    /// How many real people one synthetic person of each group stands for, as a Fixed.
    public let personWeight: [Group: Fixed]
    /// Expected synthetic people per group (for the estimates' intervals).
    public let groupShare: [Group: Fixed]

    public init(personas: [Persona], parameters: PopulationParameters, size: Int, seed: UInt64) {
        archetypes = personas.compactMap { p in
            guard let months = p.defaultMonths, p.ww != nil || p.wajong != nil else { return nil }
            return Archetype(persona: p, months: months, group: p.wajong != nil ? .wajong : .ww)
        }
        self.parameters = parameters
        self.size = size
        self.seed = seed
        var running = 0
        cumulative = archetypes.map { running += $0.persona.weight; return running }
        let total = max(1, running)
        var weight: [Group: Fixed] = [:], share: [Group: Fixed] = [:]
        for g in Group.allCases {
            let groupWeight = archetypes.filter { $0.group == g }.reduce(0) { $0 + $1.persona.weight }
            let caseload = g == .ww ? parameters.wwCaseload : parameters.wajongCaseload
            // Expected synthetic people in the group: size x its share of the weight.
            let expected = Fixed.divide(Int64(size) * Int64(groupWeight) * Fixed.scale, Int64(total), .halfAwayFromZero)
            share[g] = Fixed(raw: Fixed.divide(Int64(groupWeight) * Fixed.scale, Int64(total), .halfAwayFromZero))
            weight[g] = expected > 0 ? Fixed(raw: Fixed.divide(Int64(caseload) * Fixed.scale * Fixed.scale, expected, .halfAwayFromZero)) : .zero
        }
        personWeight = weight
        groupShare = share
    }

    /// Synthetic person `index`: always the same for the same seed.
    public func person(_ index: Int) -> (persona: Persona, archetype: Archetype) {
        var rng = SplitMix64(seed: seed, index: UInt64(index))
        let pick = Int(rng.below(UInt64(cumulative.last ?? 1)))
        let a = archetypes[cumulative.firstIndex { pick < $0 } ?? archetypes.count - 1]
        var p = a.persona
        p.id = "\(a.persona.id)-\(index)"
        p.name = "\(a.persona.name) #\(index)"
        p.weight = 1
        p.expectations = []
        if var ww = p.ww {
            ww.dailyWage = Fixed(cents: Fixed.divide(ww.dailyWage.cents * rng.factor(parameters.wageSpread), Fixed.scale, .halfAwayFromZero))
            p.ww = ww
        }
        let estimateFactor = rng.factor(parameters.incomeSpread)
        p.estimates = p.estimates.map { e in
            var e = e
            e.amount = Fixed(cents: Fixed.divide(e.amount.cents * estimateFactor, Fixed.scale, .halfAwayFromZero))
            return e
        }
        p.incomes = p.incomes.map { i in
            var i = i
            i.amount = Fixed(cents: Fixed.divide(i.amount.cents * rng.factor(parameters.incomeSpread), Fixed.scale, .halfAwayFromZero))
            return i
        }
        if rng.chance(parameters.capacityChange) {
            for part in Capacity.allCases {
                let level = (p.capacity[part] ?? 3) + Int(rng.below(3)) - 1
                p.capacity[part] = min(5, max(1, level))
            }
        }
        if parameters.stayShiftDays > 0 {
            p.stays = p.stays.map { s in
                let shift = Int(rng.below(UInt64(2 * parameters.stayShiftDays + 1))) - parameters.stayShiftDays
                var s = s
                s.from = s.from.adding(days: shift)
                s.through = s.through.adding(days: shift)
                s.knowledge.reported = s.knowledge.reported?.adding(days: shift)
                s.knowledge.discovered = s.knowledge.discovered?.adding(days: shift)
                return s
            }
        }
        if rng.chance(parameters.stressEvent) {
            let span = max(1, a.months.to.index - a.months.from.index + 1)
            let month = a.months.from.adding(months: Int(rng.below(UInt64(span))))
            let kind = LifeEvent.Kind.allCases[Int(rng.below(UInt64(LifeEvent.Kind.allCases.count)))]
            p.events.append(LifeEvent(date: month.first.adding(days: Int(rng.below(28))), kind: kind))
        }
        return (p, a)
    }
}
