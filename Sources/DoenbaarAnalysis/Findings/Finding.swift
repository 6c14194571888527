import DoenbaarCore

/// A harsh effect found for one persona: legally correct, yet
/// disproportionate, self-defeating or unforeseeable. Every finding carries
/// its evidence (trace excerpts) and the rung of the solution ladder that
/// could solve it, so a drafter can see exactly why it was raised.
///
/// A finding is data, never prose: what it is about (`topic`), what happened
/// (`story`), the doenvermogen angle, the action that would have avoided it,
/// the rung and its discretion point or articles, each typed, with the
/// declarations involved as references that carry their labels. The reports
/// write the Dutch sentences, in one place (DoenbaarReports' `FindingProse`),
/// the way diagnostics are data rendered by one renderer.
public struct Finding: Sendable {
    public let kind: FindingKind
    /// Groups findings across personas into one knelpunt: same kind, same cause.
    public let key: String
    /// What the knelpunt is about: its title and direction are written from it.
    public let topic: FindingTopic
    public internal(set) var severity: Severity
    public let personaID: String
    public let personaName: String
    /// How many people the persona stands for.
    public let weight: Int
    public let from: YearMonth
    public let through: YearMonth
    public internal(set) var provisions: [ProvisionReference]
    /// What it costs: lost entitlement, fines and repayments, each by month.
    public internal(set) var harm: Harm
    /// Months in which the person feels the harm.
    public let months: Int
    /// What happened to this person.
    public let story: FindingStory
    /// The doenvermogen angle: what the rule asks of the person, if anything.
    public let capacity: CapacityAngle?
    /// One different action by the person that would have avoided the harm.
    public let avoidance: AvoidingAction?
    /// The rung of the solution ladder, with the discretion point on the path or the articles to change.
    public let solution: RungChoice
    public let evidence: [TraceNode]
    /// Other findings about the same money (the same event seen by another
    /// detector), folded into this one so that it is counted once.
    public internal(set) var lenses: [Lens] = []

    public var rung: SolutionRung { solution.rung }

    public init(kind: FindingKind, key: String, topic: FindingTopic, severity: Severity, persona: Persona,
                from: YearMonth, through: YearMonth, provisions: [ProvisionReference], harm: Harm, months: Int,
                story: FindingStory, capacity: CapacityAngle? = nil, avoidance: AvoidingAction? = nil,
                solution: RungChoice, evidence: [TraceNode]) {
        self.kind = kind
        self.key = "\(kind.rawValue):\(key)"
        self.topic = topic
        self.severity = severity
        personaID = persona.id
        personaName = persona.name
        weight = persona.weight
        self.from = from
        self.through = through
        self.provisions = provisions
        self.harm = harm
        self.months = months
        self.story = story
        self.capacity = capacity
        self.avoidance = avoidance
        self.solution = solution
        self.evidence = evidence
    }
}

/// Another detector's view of the event a finding is about.
public struct Lens: Sendable {
    public let kind: FindingKind
    public let key: String
    public let topic: FindingTopic
    public let story: FindingStory
    public let harm: Harm
}

/// What a knelpunt is about, the same for every persona it groups (its title
/// and direction are written from it). Codable: population runs keep it per
/// knelpunt, and parts of a run are merged from files.
public enum FindingTopic: Sendable, Hashable, Codable {
    /// An intent of the rules fails; `text` is what it says.
    case intent(ProvisionReference, text: String)
    /// Paid work away from home ends the benefit where the income rules would have left part.
    case workAway
    /// A fine for not reporting income the agency held in a register.
    case fineForRegisteredIncome
    /// A fine where nothing was paid too much.
    case fineWithoutDetriment
    /// A recovery in one go, larger than the income or below the beslagvrije voet.
    case recoveryAtOnce
    /// € 100 more earned leaves less than the rules intend.
    case marginalGain
    /// The work as a whole brings next to nothing a month.
    case smallGainFromWork
    /// A choice the law leaves (`rol keuze`) that leaves the person worse off: the answer taken.
    case choice(ChoiceAnswer)
    /// The way the same days were reported (`keuze` in an `opgave`), against the other value.
    case reportedChoice(record: String, attribute: String, taken: [String], instead: String)
    /// An obligation that asks more doenvermogen than people have.
    case capacityGap(ProvisionReference)
    /// A settlement afterwards that takes much of a month's income at once, of a benefit.
    case incomeShock(ProvisionReference?)
    /// Rules that distinguish by a protected attribute.
    case protectedAttribute(fact: ProvisionReference, declarations: [ProvisionReference])
}

/// One answer to a choice the law leaves (a `rol keuze` fact, in a persona block).
public struct ChoiceAnswer: Sendable, Hashable, Codable {
    /// The fact, with its label ("WW aangevraagd").
    public let fact: ProvisionReference
    /// The word of the persona line (`aangevraagd`) and the title of its block ("WW-aanvraag").
    public let word: String
    public let section: String
    public let answer: Bool
    public init(fact: ProvisionReference, word: String, section: String, answer: Bool) {
        self.fact = fact
        self.word = word
        self.section = section
        self.answer = answer
    }
    public var other: ChoiceAnswer { ChoiceAnswer(fact: fact, word: word, section: section, answer: !answer) }
}

/// What happened to one person, as the detector measured it.
public enum FindingStory: Sendable, Hashable {
    /// The intent fails in these months; `differenceCents` is what the person
    /// would have had more without the circumstance (0: not measured).
    case intentFailed(intent: ProvisionReference, text: String, months: [YearMonth], differenceCents: Int64)
    /// Paid work in `periods` periods away from home ends the benefit on those days: it costs
    /// `lossCents` in `months` months against the same work at home. With the work the person
    /// keeps `withWorkCents`, without it `withoutWorkCents`.
    case workAway(periods: Int, lossCents: Int64, months: Int, withWorkCents: Int64, withoutWorkCents: Int64)
    /// A fine or recovery in one month, out of proportion for these reasons.
    case disproportion(month: YearMonth, reasons: [DisproportionReason])
    /// Of `probeCents` more earned, at worst `worstKeptCents` is left, in `months` months.
    case marginalGain(probeCents: Int64, worstKeptCents: Int64, months: Int)
    /// Of `earnedCents` earned the person keeps `keptCents`: `perMonthCents` a month, below `thresholdCents`.
    case smallGainFromWork(earnedCents: Int64, keptCents: Int64, perMonthCents: Int64, thresholdCents: Int64)
    /// With the answer taken the person keeps `lossCents` less, in `months` months; where the runs part ways.
    case choice(taken: ChoiceAnswer, lossCents: Int64, months: Int, differences: [ValueDifference])
    /// A line reported with these values; with `instead` the person would have had `lossCents` more.
    case reportedChoice(record: String, attribute: String, taken: [String], instead: String, lossCents: Int64, months: Int)
    /// An obligation missed `times` times on the realistic path: it asks `requiredLevel` of
    /// these parts of doenvermogen, in a period of these stresses; it costs `gapCents`.
    case missedObligation(obligation: ProvisionReference, times: Int, requiredLevel: Fixed, parts: [Capacity],
                          stress: [String], gapCents: Int64)
    /// `takenCents` settled in one month over the months covered; the month's regular income,
    /// what is left, and what was left the month before.
    case incomeShock(month: YearMonth, takenCents: Int64, coveredMonths: [YearMonth], regularCents: Int64,
                     netCents: Int64, previousNetCents: Int64?)
    /// With the attribute `other` instead of `own`, the person gets `differenceCents` more (negative: less).
    case protectedAttribute(fact: ProvisionReference, declarations: [ProvisionReference], other: String, own: String?,
                            differenceCents: Int64)
}

/// Why a fine or recovery is out of proportion.
public enum DisproportionReason: Sendable, Hashable {
    /// Fines for not reporting income the agency held in the polisadministratie.
    case finesForRegisteredIncome(FineGroup)
    /// Fines where nothing was paid too much.
    case finesWithoutDetriment(FineGroup)
    /// Recovery and fines together more than the month's regular income.
    case moreThanIncome(recoveredCents: Int64, finedCents: Int64, fines: Int, incomeCents: Int64)
    /// Collected in one go, less than the beslagvrije voet is left.
    case belowProtectedMinimum(netCents: Int64, minimumCents: Int64)

    public var severity: Severity {
        switch self {
        case .finesForRegisteredIncome, .moreThanIncome: return .high
        case .finesWithoutDetriment, .belowProtectedMinimum: return .medium
        }
    }
}

/// Fines of one month, over the periods they were imposed for.
public struct FineGroup: Sendable, Hashable {
    public let count: Int
    public let totalCents: Int64
    public let from: YearMonth
    public let through: YearMonth
}

/// A rule or definition whose value differs between two runs: where they part ways.
public struct ValueDifference: Sendable, Hashable {
    public let provision: ProvisionReference
    /// The values in the two runs' traces.
    public let value: TraceValue
    public let otherValue: TraceValue
}

/// What the rule asks of the person's doenvermogen.
public enum CapacityAngle: Sendable, Hashable {
    /// The obligation falls in a period of stress.
    case obligationUnderStress
    /// What the obligation asks is above the doenvermogen of those who must meet it.
    case obligationAboveCapacity
    /// The harm falls in a period of stress by these life events.
    case stress([String])
    /// The work only pays with a report every month of this obligation.
    case monthlyReport(obligation: ProvisionReference, demands: [Capacity], steps: Int)
    /// Making the choice the ordinary way; its harm cannot be foreseen without the rules.
    case choiceUnforeseeable
    /// Reporting honestly what happened; that another reason would have kept the benefit cannot be foreseen.
    case honestReport
    /// Working across the border, the person does not see that the benefit ends on those days.
    case workAwayUnseen
    /// A large recovery asks to cope with a setback and arrange payments, when income is low.
    case largeRecovery
}

/// One different action by the person that would have avoided the harm.
public enum AvoidingAction: Sendable, Hashable {
    /// Reporting the days away in advance with the value the rules offer as a choice.
    case reportAsAlternative(value: String, gainCents: Int64)
    /// The same work done at home.
    case workAtHome(gainCents: Int64)
    /// Reporting the income oneself, although a register held it.
    case reportDespiteRegister
    /// The other answer to the choice.
    case otherChoice(ChoiceAnswer, gainCents: Int64)
    /// Reporting the same days with another value.
    case reportWithOtherValue(attribute: String, value: String, gainCents: Int64)
    /// Reporting on time (the ideal path).
    case reportOnTime(gainCents: Int64)
    /// An estimate that follows the real income.
    case estimateFollowsIncome
}

public enum FindingKind: String, Sendable, Hashable, CaseIterable, Codable {
    case intentViolated = "bedoeling_geschonden"
    case disproportionate = "disproportioneel"
    case workDoesNotPay = "werken_loont_niet"
    case choiceTrap = "keuzeval"
    case incomeShock = "inkomensschok"
    case capacityGap = "doenvermogenskloof"
    case protectedAttribute = "beschermde_kenmerken"

    /// The heading a reader sees.
    public var title: String {
        switch self {
        case .intentViolated: return "Bedoeling geschonden"
        case .disproportionate: return "Disproportioneel"
        case .workDoesNotPay: return "Werken loont niet"
        case .choiceTrap: return "Keuzeval"
        case .incomeShock: return "Inkomensschok"
        case .capacityGap: return "Doenvermogenskloof"
        case .protectedAttribute: return "Beschermde kenmerken"
        }
    }
}

public enum Severity: Int, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case low = 1, medium = 2, high = 3
    public static func < (a: Severity, b: Severity) -> Bool { a.rawValue < b.rawValue }
    public var dutch: String {
        switch self {
        case .low: return "laag"
        case .medium: return "middel"
        case .high: return "hoog"
        }
    }
}

/// The solution ladder: first what the law already allows, then
/// interpretation, only then a change of the law.
public enum SolutionRung: Int, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case tailoring = 1
    case policyRule = 2
    case lawChange = 3
    public static func < (a: SolutionRung, b: SolutionRung) -> Bool { a.rawValue < b.rawValue }
    public var dutch: String {
        switch self {
        case .tailoring: return "maatwerk binnen de wet"
        case .policyRule: return "interpretatie of beleidsregel"
        case .lawChange: return "wetswijziging"
        }
    }
}

/// A rung with what it rests on: the discretion point on the path of the
/// outcome (rungs 1 and 2), or the rules and definitions on the path whose
/// articles a change of the law would amend (rung 3).
public struct RungChoice: Sendable, Hashable {
    public let rung: SolutionRung
    public let discretion: DiscretionReference?
    /// For rung 3: the declarations to change, the definitions the outcome turns on first.
    public let articles: [ProvisionReference]
    public init(_ rung: SolutionRung, discretion: DiscretionReference? = nil, articles: [ProvisionReference] = []) {
        self.rung = rung
        self.discretion = discretion
        self.articles = articles
    }
}

/// A discretion point as a solution: the declaration and what it allows.
public struct DiscretionReference: Sendable, Hashable {
    public let provision: ProvisionReference
    /// Its `tekst`: what the executor or the minister may do.
    public let text: String
    public init(provision: ProvisionReference, text: String) {
        self.provision = provision
        self.text = text
    }
}

/// What kind of declaration a provision is.
public enum DeclarationKind: String, Sendable, Hashable, Codable {
    case benefit = "uitkering"
    case rule = "regel"
    case definition = "definitie"
    case exception = "uitzondering"
    case obligation = "verplichting"
    case discretion = "beleidsruimte"
    case intent = "bedoeling"
    case fact = "gegeven"
}

/// A provision a finding rests on: the declaration, its label and its article.
public struct ProvisionReference: Sendable, Hashable, Comparable, Codable {
    public let name: String
    public let kind: DeclarationKind
    /// The plain Dutch label from the rule files, if it has one.
    public let label: String?
    public let regulation: String
    public let source: String
    public init(name: String, kind: DeclarationKind, label: String?, regulation: String, source: String) {
        self.name = name
        self.kind = kind
        self.label = label
        self.regulation = regulation
        self.source = source
    }
    /// A declaration by name, with its label and the regulation and article it comes from.
    public init(name: String, kind: DeclarationKind, label: String?, _ provenance: Provenance) {
        self.init(name: name, kind: kind, label: label, regulation: provenance.regulation, source: provenance.source)
    }
    public static func < (a: ProvisionReference, b: ProvisionReference) -> Bool {
        (a.regulation, a.name) < (b.regulation, b.name)
    }
}

extension RuleSet {
    public func provision(_ v: ValueDeclaration) -> ProvisionReference {
        ProvisionReference(name: v.name, kind: v.isRule ? .rule : .definition, label: v.label, v.provenance)
    }

    public func provision(_ o: Obligation) -> ProvisionReference {
        ProvisionReference(name: o.name, kind: .obligation, label: o.label, o.provenance)
    }

    public func provision(_ i: Intent) -> ProvisionReference {
        ProvisionReference(name: i.name, kind: .intent, label: i.label, i.provenance)
    }

    public func provision(_ d: Discretion) -> ProvisionReference {
        ProvisionReference(name: d.name, kind: .discretion, label: d.label, d.provenance)
    }

    public func provision(_ b: Benefit) -> ProvisionReference {
        ProvisionReference(name: b.name, kind: .benefit, label: b.label, b.provenance)
    }

    /// A fact as a provision (a built-in calendar fact has no article).
    public func provision(_ f: FactDeclaration) -> ProvisionReference {
        ProvisionReference(name: f.name, kind: .fact, label: f.label ?? f.explanation,
                           regulation: f.provenance?.regulation ?? "", source: f.provenance?.source ?? "")
    }
}
