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
        /// The calibrated weight, in thousandths of a `gewicht` unit: how often this persona is drawn.
        public let weight: Int64
        /// The stratum its synthetic people are counted in (the persona's id).
        public var stratum: String { persona.id }
    }

    public let archetypes: [Archetype]
    public let parameters: PopulationParameters
    public let calibration: PopulationCalibration
    public let size: Int
    public let seed: UInt64
    /// Cumulative weights, for choosing an archetype.
    private var cumulative: [Int64]

    /// - Parameter calibration: the fitted weights; by default fitted to the shares the rule set gives.
    public init(personas: [Persona], parameters: PopulationParameters, size: Int, seed: UInt64,
                ruleSet: RuleSet? = nil, calibration: PopulationCalibration? = nil) {
        // The caseload a persona counts in: of the blocks she has, the one with the
        // largest caseload (a Wajonger who claims WW counts among the Wajongers).
        let placed: [(Persona, (from: YearMonth, to: YearMonth), Group)] = personas.compactMap { p in
            guard let months = p.defaultMonths,
                  let group = parameters.groups.filter({ p.sections[$0.section] != nil }).max(by: { $0.caseload < $1.caseload })
            else { return nil }
            return (p, months, group)
        }
        let profiles = placed.map { PopulationCalibration.Profile(persona: $0.0, months: $0.1, section: $0.2.section) }
        let fitted = calibration ?? PopulationCalibration(profiles: profiles, ruleSet: ruleSet ?? parameters.ruleSet)
        self.calibration = fitted
        archetypes = placed.indices.map { Archetype(persona: placed[$0].0, months: placed[$0].1, group: placed[$0].2, weight: fitted.weights[$0]) }
        self.parameters = parameters
        self.size = size
        self.seed = seed
        var running: Int64 = 0
        cumulative = archetypes.map { running += $0.weight; return running }
    }

    /// The calibration profiles of the archetypes, in order.
    public var profiles: [PopulationCalibration.Profile] {
        archetypes.map { PopulationCalibration.Profile(persona: $0.persona, months: $0.months, section: $0.group.section) }
    }

    /// How many people of the caseload each archetype stands for: its group's caseload
    /// times its share of the group's weight (`weights` in the archetypes' order; by default the calibrated ones).
    public func people(weights: [Int64]? = nil) -> [String: Double] {
        let w = weights ?? archetypes.map(\.weight)
        var totals: [Group: Int64] = [:]
        for (a, weight) in zip(archetypes, w) { totals[a.group, default: 0] += weight }
        var out: [String: Double] = [:]
        for (a, weight) in zip(archetypes, w) {
            let total = totals[a.group] ?? 0
            out[a.stratum] = total > 0 ? Double(a.group.caseload) * Double(weight) / Double(total) : 0
        }
        return out
    }

    /// The same population drawn from one archetype only (a persona's id), or nil for an id
    /// no archetype has: every synthetic person is a variation on that persona. To time one
    /// archetype's people (`bench --populatie N --persona ID`); its estimates stand for nobody.
    public func drawing(only id: String) -> PopulationGenerator? {
        guard let k = archetypes.firstIndex(where: { $0.persona.id == id }) else { return nil }
        var only = self
        only.cumulative = archetypes.indices.map { $0 < k ? 0 : max(1, archetypes[k].weight) }
        return only
    }

    /// Synthetic person `index`: always the same for the same seed.
    public func person(_ index: Int) -> (persona: Persona, archetype: Archetype) {
        var rng = SplitMix64(seed: seed, index: UInt64(index))
        let pick = Int64(rng.below(UInt64(max(1, cumulative.last ?? 1))))
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
