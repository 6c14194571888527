/// A synthetic person: who they are, their benefits, their timeline of facts,
/// their doenvermogen, and how many real people they stand for. Each fact
/// carries two times: when it happened and when the agency knew it.
public struct Persona: Sendable {
    public var id: String
    public var name: String
    public var birthDate: CivilDate
    /// How many people this persona stands for (an estimate).
    public var weight: Int
    /// Capacity levels from 1 (very low) to 5 (high), per part of doenvermogen.
    public var capacity: [Capacity: Int]
    public var ww: WWClaim?
    public var wajong: WajongClaim?
    /// Works as self-employed: income is known from the tax return, a year later.
    public var selfEmployed = false
    /// Nationality (ISO 3166 alpha-2), only where a rule under test uses it:
    /// Doenbaar flags such rules and tests them by flipping this value.
    public var nationality: String?
    public var incomes: [MonthlyIncome] = []
    public var estimates: [IncomeEstimate] = []
    public var stays: [StayAbroad] = []
    public var events: [LifeEvent] = []
    public var expectations: [Expectation] = []
    /// The months to run when none are asked for (`periode` in the file).
    public var period: (from: YearMonth, to: YearMonth)?
    /// Where each part was written, for diagnostics and test failures.
    public var range: SourceRange = .synthetic

    public init(id: String, name: String, birthDate: CivilDate, weight: Int, capacity: [Capacity: Int]) {
        self.id = id
        self.name = name
        self.birthDate = birthDate
        self.weight = weight
        self.capacity = capacity
    }
}

public struct WWClaim: Sendable {
    public var start: CivilDate
    public var dailyWage: Fixed
    public var workHistoryYears: Int
    /// Of the work history, the years before 2016 (they count a full month
    /// each beyond the first ten; later years half a month, WW art. 42 lid 2).
    public var yearsBefore2016: Int
    /// The claim was refused because the unemployment was the person's own fault.
    public var culpable: Bool = false
    /// Whether the person claims WW at all (a choice the law leaves them).
    public var claimed: Bool = true
    public init(start: CivilDate, dailyWage: Fixed, workHistoryYears: Int, yearsBefore2016: Int? = nil,
                culpable: Bool = false, claimed: Bool = true) {
        self.start = start
        self.dailyWage = dailyWage
        self.workHistoryYears = workHistoryYears
        self.yearsBefore2016 = yearsBefore2016 ?? WWClaim.defaultYearsBefore2016(workHistoryYears, start: start)
        self.culpable = culpable
        self.claimed = claimed
    }

    /// Without a statement: the most recent years were worked right up to the
    /// unemployment, so every year from 2016 to the year before the start is
    /// a year after 2015.
    public static func defaultYearsBefore2016(_ years: Int, start: CivilDate) -> Int {
        max(0, years - max(0, start.year - 2016))
    }
}

public struct WajongClaim: Sendable {
    public var start: CivilDate
    public var workCapacity: Bool
    /// With wage dispensation: the reduced work value (loonwaarde) as a fraction, e.g. 0,5.
    public var wageValue: Fixed?
    public var wageDispensation: Bool { wageValue != nil }
    /// Months over which the agency applies its income estimate before settling.
    public var settlementMonths: Int
    public init(start: CivilDate, workCapacity: Bool, wageValue: Fixed? = nil, settlementMonths: Int = 1) {
        self.start = start
        self.workCapacity = workCapacity
        self.wageValue = wageValue
        self.settlementMonths = settlementMonths
    }

}

/// When the agency came to know a fact, and how.
public struct Knowledge: Sendable, Hashable {
    /// The person reported it.
    public var reported: CivilDate?
    /// A register (the polisadministratie, the tax authority) held it.
    public var register: CivilDate?
    /// The register held it but the benefit officers could not see it (the
    /// 2020-2023 polisadministratie fault): it counts only once discovered.
    public var registerHidden: Bool
    /// The agency found out otherwise (an investigation, a hidden signal surfacing).
    public var discovered: CivilDate?

    public init(reported: CivilDate? = nil, register: CivilDate? = nil, registerHidden: Bool = false, discovered: CivilDate? = nil) {
        self.reported = reported
        self.register = register
        self.registerHidden = registerHidden
        self.discovered = discovered
    }

    /// The first day the agency knew, or nil when it never did.
    public var known: CivilDate? {
        [reported, registerHidden ? nil : register, discovered].compactMap { $0 }.min()
    }
    public func isKnown(on day: CivilDate) -> Bool { known.map { $0 <= day } ?? false }
    /// Every date on which this knowledge changed something for the agency.
    public var dates: [CivilDate] { [reported, register, discovered].compactMap { $0 } }
}

public struct MonthlyIncome: Sendable {
    public var month: YearMonth
    public var amount: Fixed
    public var knowledge: Knowledge
    public init(month: YearMonth, amount: Fixed, knowledge: Knowledge) {
        self.month = month
        self.amount = amount
        self.knowledge = knowledge
    }
}

/// The agency's estimate of monthly income, applied from a month on.
public struct IncomeEstimate: Sendable {
    public var from: YearMonth
    public var amount: Fixed
    public var known: CivilDate
    public init(from: YearMonth, amount: Fixed, known: CivilDate) {
        self.from = from
        self.amount = amount
        self.known = known
    }
}

public struct StayAbroad: Sendable {
    public var from: CivilDate
    public var through: CivilDate         // last day abroad, inclusive
    public var reason: String              // one of Fact.stayReasons
    public var country: String             // ISO 3166 alpha-2
    public var pdU2: Bool = false
    public var knowledge: Knowledge
    public init(from: CivilDate, through: CivilDate, reason: String, country: String, pdU2: Bool = false, knowledge: Knowledge) {
        self.from = from
        self.through = through
        self.reason = reason
        self.country = country
        self.pdU2 = pdU2
        self.knowledge = knowledge
    }

    /// EU and EEA member states and Switzerland (Regulation 883/2004 art. 64; EEA Agreement; EU-CH agreement).
    public static let eeaCountries: Set<String> = [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
        "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "CH",
    ]
}

public struct LifeEvent: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case deathInFamily = "overlijden_familie"
        case jobLoss = "baanverlies"
        case illness = "ziekte"
        case debts = "schulden"
        case divorce = "scheiding"
        case calamity = "calamiteit"
    }
    public var date: CivilDate
    public var kind: Kind
    /// How long the event weighs on the person, in months.
    public var months: Int?
    public init(date: CivilDate, kind: Kind, months: Int? = nil) {
        self.date = date
        self.kind = kind
        self.months = months
    }
}

/// An outcome a persona file states, checked by the persona test suite.
public struct Expectation: Sendable {
    public var month: YearMonth
    public var benefit: String
    /// nil means: no payment at all in that month.
    public var amount: Fixed?
    public var range: SourceRange
    public init(month: YearMonth, benefit: String, amount: Fixed?, range: SourceRange = .synthetic) {
        self.month = month
        self.benefit = benefit
        self.amount = amount
        self.range = range
    }
}
