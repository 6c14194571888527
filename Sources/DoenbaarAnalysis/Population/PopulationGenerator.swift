import DoenbaarCore

/// Synthetic people from the personas as archetypes: each is a variation on
/// one persona, chosen in proportion to the personas' weights; the weights of
/// the synthetic people make the totals match the caseloads the rule files
/// give for each block (`onderdeel ... bestand PARAMETER`).
public struct PopulationGenerator: Sendable {
    public typealias Group = PopulationGroup

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
            // The caseload a persona counts in: of the blocks she has, the one with the
            // largest caseload (a Wajonger who claims WW counts among the Wajongers).
            guard let months = p.defaultMonths,
                  let group = parameters.groups.filter({ p.sections[$0.section] != nil }).max(by: { $0.caseload < $1.caseload })
            else { return nil }
            return Archetype(persona: p, months: months, group: group)
        }
        self.parameters = parameters
        self.size = size
        self.seed = seed
        var running = 0
        cumulative = archetypes.map { running += $0.persona.weight; return running }
        let total = max(1, running)
        var weight: [Group: Fixed] = [:], share: [Group: Fixed] = [:]
        for g in parameters.groups {
            let groupWeight = archetypes.filter { $0.group == g }.reduce(0) { $0 + $1.persona.weight }
            let caseload = g.caseload
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
        // Wages (`rol loon`) vary per person, in the order the rule files declare them.
        for name in parameters.wageFacts {
            guard let wage = p.values[name] else { continue }
            p.values[name] = Fixed(cents: Fixed.divide(Fixed(raw: wage).cents * rng.factor(parameters.wageSpread), Fixed.scale, .halfAwayFromZero)).raw
        }
        // Estimates vary once per person, incomes month by month.
        let estimateFactor = rng.factor(parameters.incomeSpread)
        for i in p.records.indices where p.records[i].role == .workIncome && p.records[i].shape == .from {
            p.records[i].value = Fixed(cents: Fixed.divide(Fixed(raw: p.records[i].value).cents * estimateFactor, Fixed.scale, .halfAwayFromZero)).raw
        }
        for i in p.records.indices where p.records[i].role == .workIncome && p.records[i].shape == .month {
            p.records[i].value = Fixed(cents: Fixed.divide(Fixed(raw: p.records[i].value).cents * rng.factor(parameters.incomeSpread),
                                                           Fixed.scale, .halfAwayFromZero)).raw
        }
        if rng.chance(parameters.capacityChange) {
            for part in Capacity.allCases {
                let level = (p.capacity[part] ?? 3) + Int(rng.below(3)) - 1
                p.capacity[part] = min(5, max(1, level))
            }
        }
        if parameters.stayShiftDays > 0 {
            for i in p.records.indices where p.records[i].role == .absence {
                let shift = Int(rng.below(UInt64(2 * parameters.stayShiftDays + 1))) - parameters.stayShiftDays
                // Income the stay earned goes on naming it (it keeps its month).
                let stay = p.records[i]
                for j in p.records.indices where p.records[j].earnedBy?.names(stay) ?? false {
                    p.records[j].earnedBy?.from = stay.from.adding(days: shift)
                }
                p.records[i].from = p.records[i].from.adding(days: shift)
                p.records[i].through = p.records[i].through.adding(days: shift)
                p.records[i].knowledge.reported = p.records[i].knowledge.reported?.adding(days: shift)
                p.records[i].knowledge.discovered = p.records[i].knowledge.discovered?.adding(days: shift)
            }
        }
        if rng.chance(parameters.stressEvent), !parameters.eventKinds.isEmpty {
            let span = max(1, a.months.to.index - a.months.from.index + 1)
            let month = a.months.from.adding(months: Int(rng.below(UInt64(span))))
            let kind = parameters.eventKinds[Int(rng.below(UInt64(parameters.eventKinds.count)))]
            p.events.append(LifeEvent(date: month.first.adding(days: Int(rng.below(28))), kind: kind))
        }
        return (p, a)
    }
}
