import DoenbaarCore

/// The weights of the personas within each group of the population, fitted to
/// published shares of the real caseload (Rules/analyse/kalibratie.regels) by
/// iterative proportional fitting ("raking"): the weights of the personas in
/// one class of a published division are scaled until every class has its
/// published share, division after division, until all agree. The group's
/// total weight stays what the personas' `gewicht` adds up to (it only decides
/// how many synthetic people the group gets; the caseload scales it).
///
/// A division whose classes the personas cannot all fill (no persona in a
/// class with a published share) is not fitted: the report shows the
/// published share beside the share reached. Where a persona's weight is set
/// by the divisions alone (it is the only persona in its cell), the weight is
/// derived; where it still depends on its `gewicht`, it stays an assumption.
///
/// Deterministic: the fitting runs in floating point in a fixed order and the
/// weights are rounded to whole thousandths of a `gewicht` unit.
public struct PopulationCalibration: Sendable {
    /// One published division of a group's caseload, as fitted.
    public struct Marginal: Sendable {
        /// What is divided, in plain Dutch (`Wajongers naar arbeidsvermogen`).
        public let title: String
        /// The group (block keyword) it belongs to.
        public let section: String
        public let classes: [Class]
        /// False when a class with a published share has no persona: the division is then not fitted.
        public let fitted: Bool
    }

    public struct Class: Sendable {
        public let label: String
        /// The parameter that gives the share; nil for the rest class (100% minus the others).
        public let parameter: String?
        /// The parameter's `bron` (for the rest class, those of the others).
        public let source: String
        public let published: Fixed
        /// The share in the calibrated synthetic population.
        public let reached: Fixed
        /// Personas in this class.
        public let personas: [String]
    }

    /// What the personas can be classified on, and the parameters that give the shares.
    struct Specification: Sendable {
        let section: String
        let title: String
        /// Only these personas of the group are divided (nil: all).
        let within: (@Sendable (Profile) -> Bool)?
        let classes: [(parameter: String, label: String, member: @Sendable (Profile) -> Bool)]
        let rest: String
    }

    /// A persona as the calibration sees it.
    public struct Profile: Sendable {
        public let persona: Persona
        public let months: (from: YearMonth, to: YearMonth)
        public let section: String
        public init(persona: Persona, months: (from: YearMonth, to: YearMonth), section: String) {
            self.persona = persona
            self.months = months
            self.section = section
        }

        /// Age in whole years on the first day of the period the persona is run over.
        public var age: Int {
            let day = months.from.first, birth = persona.birthDate
            return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day) ? 1 : 0)
        }
        /// Has income from work in some month of the period.
        public var works: Bool {
            persona.records.contains { $0.role == .workIncome && $0.value > 0 && $0.from.yearMonth <= months.to && $0.through.yearMonth >= months.from }
        }
        public func yes(_ fact: String) -> Bool { (persona.values[fact] ?? 0) != 0 }
    }

    /// The divisions Doenbaar knows how to classify personas on. A division is
    /// used when the rules give all its parameters and the group exists.
    static let specifications: [Specification] = [
        Specification(section: "wajong", title: "Wajongers naar arbeidsvermogen", within: nil,
                      classes: [("aandeel_wajong_met_arbeidsvermogen", "met arbeidsvermogen", { $0.yes("wajong_arbeidsvermogen") })],
                      rest: "duurzaam geen arbeidsvermogen"),
        Specification(section: "wajong", title: "Wajongers met arbeidsvermogen naar werk", within: { $0.yes("wajong_arbeidsvermogen") },
                      classes: [("aandeel_werkend_wajong_met_arbeidsvermogen", "werkt", { $0.works })],
                      rest: "werkt niet"),
        Specification(section: "ww", title: "WW-uitkeringen naar leeftijd", within: nil,
                      classes: [("aandeel_ww_55_en_ouder", "55 jaar en ouder", { $0.age >= 55 }),
                                ("aandeel_ww_45_tot_55", "45 tot en met 54 jaar", { (45...54).contains($0.age) })],
                      rest: "jonger dan 45 jaar"),
    ]

    /// The parameters the calibration reads (for the list of what is not an assumption).
    public static var parameterNames: [String] { specifications.flatMap { $0.classes.map(\.parameter) } }

    public let marginals: [Marginal]
    /// The calibrated weight of each profile, in thousandths of a `gewicht` unit.
    public let weights: [Int64]
    /// Per profile: true when its weight follows from the published shares alone.
    public let derived: [Bool]

    /// Fits the weights of `profiles` to the divisions the rule set gives; `prior` overrides the personas' weights.
    public init(profiles: [Profile], ruleSet: RuleSet, day: CivilDate = AnalysisParameters.referenceDay, prior: [Double]? = nil) {
        let divisions = Self.divisions(profiles: profiles, ruleSet: ruleSet, day: day)
        let start = prior ?? profiles.map { Double($0.persona.weight) }
        let fitted = Self.rake(start, divisions.filter(\.fitted).map(\.division))
        let weights = fitted.map { Int64(($0 * 1000).rounded()) }
        self.weights = weights
        marginals = divisions.map { d in
            let total = d.division.subset.indices.filter { d.division.subset[$0] }.reduce(Int64(0)) { $0 + weights[$1] }
            return Marginal(title: d.title, section: d.section, classes: d.division.classes.indices.map { c in
                let members = profiles.indices.filter { d.division.classes[c].member[$0] }
                let reached = members.reduce(Int64(0)) { $0 + weights[$1] }
                return Class(label: d.labels[c], parameter: d.parameters[c], source: d.sources[c],
                             published: Fixed(raw: Int64((d.division.classes[c].share * Double(Fixed.scale)).rounded())),
                             reached: total > 0 ? Fixed(raw: Fixed.divide(reached * Fixed.scale, total, .halfAwayFromZero)) : .zero,
                             personas: members.map { profiles[$0].persona.id })
            }, fitted: d.fitted)
        }
        // A weight is derived when a change in its persona's `gewicht` leaves every share within its group unchanged.
        let usable = divisions.filter(\.fitted).map(\.division)
        let base = Self.withinGroup(fitted, profiles)
        derived = profiles.indices.map { i in
            var moved = start
            moved[i] *= 1.5
            let again = Self.withinGroup(Self.rake(moved, usable), profiles)
            return zip(base, again).allSatisfy { abs($0 - $1) < 1e-9 }
        }
    }

    /// Each weight as a share of its group's total.
    static func withinGroup(_ weights: [Double], _ profiles: [Profile]) -> [Double] {
        var totals: [String: Double] = [:]
        for (w, p) in zip(weights, profiles) { totals[p.section, default: 0] += w }
        return zip(weights, profiles).map { w, p in (totals[p.section] ?? 0) > 0 ? w / totals[p.section]! : 0 }
    }

    /// A division as the fitting sees it: which profiles it divides, and per class its members and share.
    public struct Division: @unchecked Sendable {
        public var subset: [Bool]
        public var classes: [(member: [Bool], share: Double)]
        public init(subset: [Bool], classes: [(member: [Bool], share: Double)]) {
            self.subset = subset
            self.classes = classes
        }
    }

    struct Prepared {
        let title: String
        let section: String
        let division: Division
        let labels: [String]
        let parameters: [String?]
        let sources: [String]
        let fitted: Bool
    }

    static func divisions(profiles: [Profile], ruleSet: RuleSet, day: CivilDate) -> [Prepared] {
        var out: [Prepared] = []
        for spec in specifications {
            guard profiles.contains(where: { $0.section == spec.section }) else { continue }
            var shares: [Double] = [], sources: [String] = []
            for c in spec.classes {
                guard let index = ruleSet.parameter(named: c.parameter), let v = ruleSet.parameters[index].value(on: day) else { break }
                shares.append(Double(v.raw) / Double(Fixed.scale))
                sources.append(ruleSet.parameters[index].provenance.source)
            }
            guard shares.count == spec.classes.count else { continue }
            let subset = profiles.map { $0.section == spec.section && (spec.within?($0) ?? true) }
            var classes: [(member: [Bool], share: Double)] = []
            var taken = Array(repeating: false, count: profiles.count)
            for (c, share) in zip(spec.classes, shares) {
                let member = profiles.indices.map { subset[$0] && !taken[$0] && c.member(profiles[$0]) }
                for i in member.indices where member[i] { taken[i] = true }
                classes.append((member, share))
            }
            let rest = profiles.indices.map { subset[$0] && !taken[$0] }
            classes.append((rest, max(0, 1 - shares.reduce(0, +))))
            let fitted = subset.contains(true) && classes.allSatisfy { c in c.share <= 0 || c.member.contains(true) }
            out.append(Prepared(title: spec.title, section: spec.section, division: Division(subset: subset, classes: classes),
                                labels: spec.classes.map(\.label) + [spec.rest],
                                parameters: spec.classes.map { Optional($0.parameter) } + [nil],
                                sources: sources + ["100% min de andere klassen"], fitted: fitted))
        }
        return out
    }

    /// Iterative proportional fitting: scales the weights of each class to its share of its division, in turn, until all agree.
    public static func rake(_ prior: [Double], _ divisions: [Division], iterations: Int = 500) -> [Double] {
        var w = prior
        for _ in 0..<iterations {
            var worst = 0.0
            for d in divisions {
                let total = d.subset.indices.reduce(0.0) { d.subset[$1] ? $0 + w[$1] : $0 }
                guard total > 0 else { continue }
                for c in d.classes {
                    let current = c.member.indices.reduce(0.0) { c.member[$1] ? $0 + w[$1] : $0 }
                    guard current > 0 else { continue }
                    let factor = c.share * total / current
                    worst = max(worst, abs(current / total - c.share))
                    for i in c.member.indices where c.member[i] { w[i] *= factor }
                }
            }
            if worst < 1e-12 { break }
        }
        return w
    }
}
