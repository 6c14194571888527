import DoenbaarCore

/// How much the population estimates rest on their assumptions: every
/// assumption with a plausible range (a parameter with `bereik LAAG tot HOOG`,
/// and the weight of every persona that no published share fixes) is set to
/// its low and to its high value, one at a time, the others at their central
/// value, and the estimates are made again.
///
/// A persona's weight only changes how the synthetic people are counted: the
/// estimate is made again from the same synthetic people, weighted anew
/// (exact, for the whole population). A parameter changes the people
/// themselves or the analysis: the first `samplePersons` synthetic people are
/// run again with the parameter at each end, and the change this makes on
/// that sample (the same people, so the same chance draws where the parameter
/// does not touch them) is added to the estimate of the whole population.
/// Deterministic: the same seed gives the same ranges.
public struct PopulationSensitivity: Sendable {
    /// How many synthetic people the runs with a parameter at one end take by default (the first ones of the population).
    public static let defaultSamplePersons = 1024

    public struct Assumption: Sendable {
        /// `spreiding_dagloon`, or `gewicht:anna` for a persona's weight.
        public let key: String
        /// In plain Dutch, for charts and prose.
        public let label: String
        /// The parameter it is (nil for a persona's weight).
        public let parameter: String?
        /// The persona whose weight it is (nil for a parameter).
        public let persona: String?
        /// The central, low and high value as a reader sees them.
        public let central: String
        public let low: String
        public let high: String
        /// Why this range: the bereik's `bron`, or the parameter's.
        public let source: String
        let lowRaw: Int64
        let highRaw: Int64

        public var needsRun: Bool { parameter != nil }
    }

    /// Ends of one assumption.
    public enum End: String, Sendable, CaseIterable { case low = "laag", high = "hoog" }

    public let assumptions: [Assumption]
    /// The chunks the runs with a parameter at one end cover (the first ones).
    public let sampleChunks: Range<Int>
    /// The synthetic people those runs take: the first `samplePersons` of the population.
    public let samplePersons: Int

    /// The variant id of the sample run again with every assumption central (the base the changes are measured from).
    public static let centralVariant = "centraal"

    /// The variant id of an assumption at one end, as part files name it.
    public static func variant(_ a: Assumption, _ end: End) -> String { "\(a.key):\(end.rawValue)" }

    /// - Parameter samplePersons: synthetic people for the runs with a parameter at one end
    ///   (rounded up to whole chunks); 0 varies only the persona weights.
    public init(run: PopulationRun, samplePersons: Int = defaultSamplePersons) {
        let ruleSet = run.generator.parameters.ruleSet
        var list: [Assumption] = []
        for p in ruleSet.parameters where samplePersons > 0 {
            guard let r = p.range, let central = p.value(on: AnalysisParameters.referenceDay) else { continue }
            list.append(Assumption(key: p.name, label: Self.label(p.name, in: ruleSet), parameter: p.name, persona: nil,
                                   central: ValueFormatting.format(central.raw, p.type), low: ValueFormatting.format(r.low, p.type),
                                   high: ValueFormatting.format(r.high, p.type), source: r.source ?? p.provenance.source,
                                   lowRaw: r.low, highRaw: r.high))
        }
        if let index = ruleSet.parameter(named: Self.weightSpreadParameter),
           let spread = ruleSet.parameters[index].value(on: AnalysisParameters.referenceDay)?.raw, spread > 0 {
            let source = ruleSet.parameters[index].provenance.source
            for (i, a) in run.generator.archetypes.enumerated() where !run.generator.calibration.derived[i] {
                let w = Int64(a.persona.weight)
                let low = Fixed.divide(w * (Fixed.scale - spread), Fixed.scale, .halfAwayFromZero)
                let high = Fixed.divide(w * (Fixed.scale + spread), Fixed.scale, .halfAwayFromZero)
                list.append(Assumption(key: "gewicht:\(a.persona.id)", label: "hoeveel mensen op \(a.persona.name) lijken", parameter: nil,
                                       persona: a.persona.id, central: ValueFormatting.count(Int(w)), low: ValueFormatting.count(Int(low)),
                                       high: ValueFormatting.count(Int(high)), source: source, lowRaw: low, highRaw: high))
            }
        }
        assumptions = list
        self.samplePersons = min(run.generator.size, max(0, samplePersons))
        sampleChunks = 0..<min(run.chunkCount, (self.samplePersons + PopulationRun.chunkSize - 1) / PopulationRun.chunkSize)
    }

    /// The parameter that says how far a persona's weight that is an assumption may be off.
    public static let weightSpreadParameter = "spreiding_gewicht_aanname"

    /// A parameter in plain Dutch: its label in the rule files (Rules/analyse/
    /// gives every assumption one); else, for a parameter without, its name in words.
    public static func label(_ parameter: String, in ruleSet: RuleSet) -> String {
        if let label = ruleSet.label(of: parameter), !label.isEmpty { return label }
        func words(_ s: Substring) -> String { s.replacingOccurrences(of: "_", with: " ") }
        if parameter.hasPrefix("stress_") { return "daling van het doenvermogen bij \(words(parameter.dropFirst(7)))" }
        if parameter.hasPrefix("duur_") { return "maanden stress bij \(words(parameter.dropFirst(5)))" }
        return words(parameter[...])
    }

    // MARK: Runs

    /// The population with one parameter at one end: its own rules, generator and analyzer (same people, same seed).
    public func variantRun(_ a: Assumption, _ end: End, base: PopulationRun) throws(AnalysisError) -> PopulationRun {
        var ruleSet = base.generator.parameters.ruleSet
        if let name = a.parameter, let index = ruleSet.parameter(named: name) {
            ruleSet.parameters[index] = ruleSet.parameters[index].withConstant(end == .low ? a.lowRaw : a.highRaw)
        }
        let parameters = try PopulationParameters(ruleSet)
        let analyzer = try Analyzer(evaluator: Evaluator(plan: Plan(ruleSet)), detectors: base.analyzer.detectors)
        let generator = PopulationGenerator(personas: base.generator.archetypes.map(\.persona), parameters: parameters,
                                            size: base.generator.size, seed: base.generator.seed, calibration: base.generator.calibration)
        return PopulationRun(generator: generator, analyzer: analyzer)
    }

    /// Every parameter at each end over the sample's people among `chunks` (and the sample with every parameter
    /// central): per variant id the chunk results, in order.
    public func run(chunks: Range<Int>, base: PopulationRun) throws(AnalysisError) -> [String: [PopulationRun.Result]] {
        let covered = chunks.clamped(to: sampleChunks)
        var out: [String: [PopulationRun.Result]] = [:]
        guard !covered.isEmpty, assumptions.contains(where: \.needsRun) else { return out }
        out[Self.centralVariant] = base.run(chunks: covered, persons: samplePersons)
        for a in assumptions where a.needsRun {
            for end in End.allCases {
                out[Self.variant(a, end)] = try variantRun(a, end, base: base).run(chunks: covered, persons: samplePersons)
            }
        }
        return out
    }

    // MARK: Outcomes

    /// One knelpunt's estimate at both ends of one assumption.
    public struct Swing: Sendable, Equatable {
        public let assumption: String
        public let low: PopulationEstimate.Point
        public let high: PopulationEstimate.Point
        /// How far apart the two ends are, in people.
        public var peopleWidth: Double { abs(high.people - low.people) }
        public var moneyWidth: Double { abs(high.moneyCents - low.moneyCents) }
    }

    /// Per knelpunt the swing of every assumption, in the order of `assumptions`.
    /// - Parameters:
    ///   - full: the whole population, central;
    ///   - variants: per variant id the sample's chunk results with a parameter at one end, and the central sample.
    public func swings(full: PopulationRun.Result, variants: [String: [PopulationRun.Result]],
                       base: PopulationRun) -> [String: [Swing]] {
        let people = base.generator.people()
        let central = PopulationEstimate.points(full, people: people)
        let sampleCentral = PopulationEstimate.points(PopulationRun.merge(variants[Self.centralVariant] ?? []), people: people)
        var out: [String: [Swing]] = [:]
        for a in assumptions {
            var ends: [End: [String: PopulationEstimate.Point]] = [:]
            for end in End.allCases {
                if a.needsRun {
                    let shifted = PopulationEstimate.points(PopulationRun.merge(variants[Self.variant(a, end)] ?? []), people: people)
                    var points: [String: PopulationEstimate.Point] = [:]
                    for key in Set(central.keys).union(shifted.keys) {
                        let c = central[key] ?? .init(people: 0, moneyCents: 0)
                        let s = shifted[key] ?? .init(people: 0, moneyCents: 0), s0 = sampleCentral[key] ?? .init(people: 0, moneyCents: 0)
                        points[key] = .init(people: max(0, c.people + s.people - s0.people), moneyCents: max(0, c.moneyCents + s.moneyCents - s0.moneyCents))
                    }
                    ends[end] = points
                } else {
                    ends[end] = PopulationEstimate.points(full, people: base.generator.people(weights: weights(for: a, end, base: base)))
                }
            }
            var keys = Set(central.keys)
            for points in ends.values { keys.formUnion(points.keys) }
            for key in keys {
                let zero = PopulationEstimate.Point(people: 0, moneyCents: 0)
                out[key, default: []].append(Swing(assumption: a.key, low: ends[.low]?[key] ?? zero, high: ends[.high]?[key] ?? zero))
            }
        }
        return out
    }

    /// The calibrated weights with one persona's `gewicht` at one end (fitted again).
    func weights(for a: Assumption, _ end: End, base: PopulationRun) -> [Int64] {
        let g = base.generator
        let prior = g.archetypes.map { $0.persona.id == a.persona ? Double(end == .low ? a.lowRaw : a.highRaw) : Double($0.persona.weight) }
        return PopulationCalibration(profiles: g.profiles, ruleSet: g.parameters.ruleSet, prior: prior).weights
    }
}
