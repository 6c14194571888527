import DoenbaarCore

/// The numbers the analysis works with — thresholds of the detectors and the
/// doenvermogen model — read from rule files (Rules/analyse/), each with its
/// source or stated assumption, so a drafter can change them without Swift.
public struct AnalysisParameters: Sendable {
    // Thresholds (Rules/analyse/drempels.regels)
    public let probeIncome: Fixed
    public let minimumKeptShare: Fixed
    public let minimumGainFromWork: Fixed
    public let choiceTrapThreshold: Fixed
    public let capacityGapThreshold: Fixed
    public let shockShare: Fixed
    // Protected minimum (Rules/beslagvrije_voet/)
    let protectedShare: Parameter
    let socialAssistanceNorm: Parameter
    // Doenvermogen model (Rules/analyse/doenvermogen.regels)
    public let requiredLevel: Fixed
    public let extraPerStep: Fixed
    public let extraPaper: Fixed
    public let extraTightDeadline: Fixed
    public let extraRecurring: Fixed
    /// Per kind of life event (each a parameter `stress_<soort>`).
    public let eventKinds: [String]
    public let stressDrop: [String: Fixed]
    public let stressMonths: [String: Int]
    public let idealDaysAhead: Int
    public let idealDaysAfterMonth: Int
    public let undisclosedDiscoveredAfterMonths: Int
    /// Read from the rule set once rather than for every person: the facts
    /// through which income reaches a payment (`RuleSet.incomeFacts`), and
    /// where rules use a protected attribute (`ProtectedAttributeUse.uses`).
    public let incomeFacts: Set<String>
    public let protectedUses: [ProtectedAttributeUse]
    /// What the solution ladder reads of the rule set (`AnalysisContext.rung`).
    public let ladder: SolutionLadder

    /// Thresholds, model numbers and population distributions are read as in
    /// force on this day; they are dated like any parameter.
    public static let referenceDay = CivilDate(year: 2025, month: 1, day: 1)!

    public init(_ ruleSet: RuleSet, on day: CivilDate = referenceDay) throws(AnalysisError) {
        let reader = ParameterReader(ruleSet: ruleSet, day: day)
        incomeFacts = ruleSet.incomeFacts
        protectedUses = ProtectedAttributeUse.uses(in: ruleSet)
        ladder = SolutionLadder(ruleSet)
        let value = reader.value, parameter = reader.parameter
        probeIncome = try value("proefbedrag_extra_inkomen")
        minimumKeptShare = try value("drempel_behouden_deel")
        minimumGainFromWork = try value("drempel_opbrengst_werk")
        choiceTrapThreshold = try value("drempel_keuzeval")
        capacityGapThreshold = try value("drempel_doenvermogenskloof")
        shockShare = try value("drempel_inkomensschok")
        protectedShare = try parameter("aandeel_beslagvrije_voet")
        socialAssistanceNorm = try parameter("bijstandsnorm_alleenstaande")
        requiredLevel = try value("vereist_niveau")
        extraPerStep = try value("extra_per_stap")
        extraPaper = try value("extra_papier")
        extraTightDeadline = try value("extra_krappe_termijn")
        extraRecurring = try value("extra_elke_maand")
        // Each declared kind of life event has its stress and duration as parameters.
        eventKinds = LifeEvent.kinds(in: ruleSet)
        var drop: [String: Fixed] = [:], months: [String: Int] = [:]
        for kind in eventKinds {
            drop[kind] = try value("stress_\(kind)")
            months[kind] = try reader.whole("duur_\(kind)")
        }
        stressDrop = drop
        stressMonths = months
        idealDaysAhead = try reader.whole("ideaal_melden_dagen_vooraf")
        idealDaysAfterMonth = try reader.whole("ideaal_melden_dagen_na_maand")
        undisclosedDiscoveredAfterMonths = try reader.whole("ontdekking_maanden")
    }

    /// The beslagvrije voet in a month: 95% of the social-assistance norm for
    /// a single person (Rv art. 475da); nil before the first known norm.
    public func protectedMinimum(in month: YearMonth) -> Int64? {
        guard let share = protectedShare.value(on: month.first), let norm = socialAssistanceNorm.value(on: month.first),
              let product = FixedMath.multiply(share.raw, norm.raw) else { return nil }
        return Fixed(raw: product).cents
    }
}

public enum AnalysisError: Error, Sendable, CustomStringConvertible {
    case missingParameter(String)
    case noValue(String, CivilDate)
    case evaluation(Evaluator.RunError)

    public var description: String {
        switch self {
        case .missingParameter(let name):
            return "de analyse mist parameter '\(name)'; zet die met bron in Rules/analyse/ (zie de README)"
        case .noValue(let name, let day):
            return "parameter '\(name)' heeft geen waarde op \(day)"
        case .evaluation(let e):
            return "persona '\(e.personaID)', beslisdatum \(e.decisionDate): \(e.failure.message)"
        }
    }
}
