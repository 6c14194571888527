import DoenbaarCore

/// The distributions of a synthetic population, from Rules/analyse/populatie.regels.
public struct PopulationParameters: Sendable {
    /// The groups of the population: each block (`onderdeel`) with a caseload
    /// (`bestand`), with its number of people, in declaration order.
    public let groups: [PopulationGroup]
    public let wageSpread: Fixed
    public let incomeSpread: Fixed
    public let capacityChange: Fixed
    public let stressEvent: Fixed
    public let stayShiftDays: Int
    /// Facts the rule files mark as a wage (`rol loon`): varied by `wageSpread`.
    public let wageFacts: [String]
    /// The kinds of life events the rule files declare (`stress_<soort>`).
    public let eventKinds: [String]
    /// The rules they were read from (the calibration reads its shares there too).
    public let ruleSet: RuleSet

    /// Every group's caseload together: one synthetic person per benefit makes a
    /// population the size of the whole caseload.
    public var caseload: Int { groups.reduce(0) { $0 + $1.caseload } }

    public init(_ ruleSet: RuleSet, on day: CivilDate = AnalysisParameters.referenceDay) throws(AnalysisError) {
        let reader = ParameterReader(ruleSet: ruleSet, day: day)
        self.ruleSet = ruleSet
        var groups: [PopulationGroup] = []
        for section in ruleSet.sections {
            guard let c = section.caseload else { continue }
            groups.append(PopulationGroup(section: section.keyword, title: section.title, caseload: try reader.whole(ruleSet.parameters[c].name)))
        }
        self.groups = groups
        wageSpread = try reader.value("spreiding_dagloon")
        incomeSpread = try reader.value("spreiding_inkomen")
        capacityChange = try reader.value("kans_ander_doenvermogen")
        stressEvent = try reader.value("kans_stressgebeurtenis")
        stayShiftDays = try reader.whole("verschuiving_verblijf_dagen")
        wageFacts = ruleSet.facts.filter { $0.role == .wage }.map(\.name)
        eventKinds = LifeEvent.kinds(in: ruleSet)
    }
}

/// The people with one kind of block in their persona file (a WW claim, a
/// Wajong benefit): the synthetic people of a group together stand for its caseload.
public struct PopulationGroup: Sendable, Hashable {
    /// The keyword of the block (`ww`).
    public let section: String
    public let title: String
    public let caseload: Int
}

/// A small seeded generator (SplitMix64): the same seed gives the same
/// population on every machine, whatever the order threads run in, because
/// every person gets a generator of her own from (seed, index).
public struct SplitMix64: Sendable {
    private var state: UInt64
    public init(seed: UInt64, index: UInt64 = 0) {
        state = seed &+ index &* 0x9E37_79B9_7F4A_7C15
        _ = next()
    }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in 0..<n.
    public mutating func below(_ n: UInt64) -> UInt64 { n == 0 ? 0 : next() % n }
    /// A fraction in [0, 1) as millionths (Fixed raw), exact and portable.
    public mutating func unit() -> Int64 { Int64(below(UInt64(Fixed.scale))) }
    /// True with probability p (a Fixed fraction).
    public mutating func chance(_ p: Fixed) -> Bool { unit() < p.raw }
    /// A factor in [1 - spread, 1 + spread], as a Fixed raw value.
    public mutating func factor(_ spread: Fixed) -> Int64 { Fixed.scale - spread.raw + Int64(below(UInt64(2 * spread.raw + 1))) }
}
