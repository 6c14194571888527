/// The persona facts a rule can read, by name. The evaluator fills them from a
/// persona's timeline as the agency knew it on the decision date.
public enum Fact: String, Sendable, Hashable, CaseIterable {
    // Once per persona
    case birthDate = "geboortedatum"
    case hasWW = "heeft_ww"
    case wwClaimed = "ww_aangevraagd"
    case wwStart = "ww_ingangsdatum"
    case wwDailyWage = "ww_dagloon"
    case workHistoryYears = "arbeidsverleden"
    case workHistoryBefore2016 = "arbeidsverleden_voor_2016"
    case wwCulpable = "ww_verwijtbaar"
    case hasWajong = "heeft_wajong"
    case wajongStart = "wajong_ingangsdatum"
    case wajongWorkCapacity = "wajong_arbeidsvermogen"
    case wageDispensation = "loondispensatie"
    case wageValue = "loonwaarde"
    /// Protected: rules should not use it; `doenbaar check` warns where they do.
    case nationality = "nationaliteit"
    case selfEmployed = "zelfstandige"
    case settlementMonths = "verrekentijdvak"
    /// The day the agency decides on (the last day of the month it looks back from).
    case decisionDate = "beslisdatum"
    // Per day
    case referenceDate = "peildatum"
    case weekday = "weekdag"
    case publicHoliday = "feestdag"
    case age = "leeftijd"
    case abroad = "in_buitenland"
    case stayReason = "reden_verblijf"
    case stayInEEA = "verblijf_in_eer"
    case stayReported = "verblijf_gemeld"
    case stayReportedDaysAhead = "verblijf_gemeld_dagen_vooraf"
    case stayStart = "verblijf_begin"
    case stayPDU2 = "verblijf_pd_u2"
    case stayCountry = "verblijf_land"
    // Per month
    case income = "inkomen"
    case incomeEstimate = "inkomen_geschat"
    case incomeKnown = "inkomen_bekend"
    case incomeReported = "inkomen_gemeld"
    case incomeInRegister = "inkomen_in_polis"

    public var type: ValueType {
        switch self {
        case .birthDate, .wwStart, .wajongStart, .referenceDate, .stayStart, .decisionDate: return .date
        case .hasWW, .wwClaimed, .wwCulpable, .hasWajong, .wajongWorkCapacity, .wageDispensation,
             .weekday, .publicHoliday, .abroad, .stayInEEA, .stayReported, .stayPDU2, .incomeKnown,
             .selfEmployed, .incomeReported, .incomeInRegister: return .bool
        case .wwDailyWage, .income, .incomeEstimate: return .money
        case .workHistoryYears, .workHistoryBefore2016, .age, .settlementMonths: return .number
        case .wageValue: return .percentage
        case .nationality: return .country
        case .stayReportedDaysAhead: return .days
        case .stayReason: return .enumeration(Fact.stayReasonEnumeration)
        case .stayCountry: return .country
        }
    }

    public var periodicity: Periodicity {
        switch self {
        case .birthDate, .hasWW, .wwClaimed, .wwStart, .wwDailyWage, .workHistoryYears, .workHistoryBefore2016, .wwCulpable,
             .wageValue, .nationality,
             .hasWajong, .wajongStart, .wajongWorkCapacity, .wageDispensation, .selfEmployed, .settlementMonths,
             .decisionDate: return .constant
        case .income, .incomeEstimate, .incomeKnown, .incomeReported, .incomeInRegister: return .month
        case .referenceDate: return .day   // in a monthly context: the first day of the month
        default: return .day
        }
    }

    public var explanation: String {
        switch self {
        case .birthDate: return "geboortedatum van de persoon"
        case .hasWW: return "de persoon heeft een WW-aanvraag met ingangsdatum"
        case .wwClaimed: return "de persoon heeft WW aangevraagd (ook als die is geweigerd)"
        case .wwStart: return "eerste werkloosheidsdag (ingangsdatum WW)"
        case .wwDailyWage: return "dagloon van de WW"
        case .workHistoryYears: return "arbeidsverleden in jaren"
        case .workHistoryBefore2016: return "het deel van het arbeidsverleden vóór 2016, in jaren"
        case .wageValue: return "loonwaarde van de Wajonger met loondispensatie"
        case .nationality: return "nationaliteit (beschermd kenmerk)"
        case .wwCulpable: return "de WW is geweigerd wegens verwijtbare werkloosheid"
        case .hasWajong: return "de persoon heeft een Wajong-uitkering"
        case .wajongStart: return "ingangsdatum van de Wajong"
        case .wajongWorkCapacity: return "de Wajonger heeft arbeidsvermogen"
        case .wageDispensation: return "de Wajonger werkt met loondispensatie"
        case .selfEmployed: return "de persoon werkt als zelfstandige (inkomen bekend uit de aangifte inkomstenbelasting)"
        case .settlementMonths: return "aantal maanden waarover de uitvoerder inkomen eerst schat en daarna verrekent"
        case .decisionDate: return "de dag waarop de uitvoerder beslist, met wat zij dan weet"
        case .referenceDate: return "de dag waarover gerekend wordt (in een maandberekening: de eerste dag)"
        case .weekday: return "maandag tot en met vrijdag"
        case .publicHoliday: return "algemeen erkende feestdag (Algemene termijnenwet art. 3 lid 1)"
        case .age: return "leeftijd in hele jaren"
        case .abroad: return "verblijf buiten Nederland"
        case .stayReason: return "reden van het verblijf in het buitenland"
        case .stayInEEA: return "verblijf in een EU/EER-land of Zwitserland"
        case .stayReported: return "het verblijf is gemeld"
        case .stayReportedDaysAhead: return "aantal dagen tussen melding en vertrek"
        case .stayStart: return "eerste dag van het verblijf"
        case .stayPDU2: return "PD U2 aangevraagd voor dit verblijf"
        case .stayCountry: return "land van het verblijf (ISO 3166)"
        case .income: return "inkomen uit werk in de maand, zoals bekend bij de uitvoerder"
        case .incomeEstimate: return "geschat inkomen in de maand"
        case .incomeKnown: return "het werkelijke inkomen van de maand is bekend bij de uitvoerder"
        case .incomeReported: return "de persoon heeft het inkomen van de maand zelf gemeld"
        case .incomeInRegister: return "het inkomen van de maand staat in de polisadministratie"
        }
    }

    /// Facts a rule must not use: nationality, directly or as a proxy.
    public var isProtected: Bool { self == .nationality }

    public static let stayReasonEnumeration = "verblijfsreden"
    /// Reasons for a stay abroad, as a persona records them; `geen` when at home.
    public static let stayReasons = ["geen", "vakantie", "familie", "werk_zoeken", "calamiteit", "zorg", "overig"]
}

/// Functions of the rule language.
public enum Function: String, Sendable, Hashable, CaseIterable {
    case min, max
    case round = "afronden"
    case roundDown = "afronden_naar_beneden"
    case roundUp = "afronden_naar_boven"
    case sumInMonth = "som_in_maand"
    case daysInMonth = "aantal_dagen"
    case yearToDate = "totaal_dit_jaar"
    case year = "jaar"
    case monthOf = "maand"
    case daysBetween = "dagen_tussen"
    case yearStart = "begin_jaar"
    case monthsBetween = "maanden_tussen"
    case plusMonths = "plus_maanden"
    case blockEnd = "einde_tijdvak"
    case ever = "ooit"

    public var signature: String {
        switch self {
        case .min, .max: return "\(rawValue)(a, b, ...)"
        case .round, .roundDown, .roundUp: return "\(rawValue)(bedrag|getal|dagen)"
        case .sumInMonth: return "som_in_maand(waarde per dag)"
        case .daysInMonth: return "aantal_dagen(ja/nee per dag)"
        case .yearToDate: return "totaal_dit_jaar(waarde per dag of per maand)"
        case .year, .monthOf: return "\(rawValue)(datum)"
        case .daysBetween: return "dagen_tussen(van, tot)"
        case .yearStart: return "begin_jaar(datum)"
        case .monthsBetween: return "maanden_tussen(van, tot)"
        case .plusMonths: return "plus_maanden(datum, aantal)"
        case .blockEnd: return "einde_tijdvak(datum, maanden)"
        case .ever: return "ooit(ja/nee per maand)"
        }
    }
}
