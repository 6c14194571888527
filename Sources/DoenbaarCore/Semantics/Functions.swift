/// Functions of the rule language.
public enum Function: String, Sendable, Hashable, CaseIterable {
    case min, max
    case round = "afronden"
    case roundDown = "afronden_naar_beneden"
    case roundUp = "afronden_naar_boven"
    case sumInMonth = "som_in_maand"
    case daysInMonth = "aantal_dagen"
    case yearToDate = "totaal_dit_jaar"
    case totalSince = "totaal_sinds"
    case year = "jaar"
    case monthOf = "maand"
    case daysBetween = "dagen_tussen"
    case yearStart = "begin_jaar"
    case monthsBetween = "maanden_tussen"
    case plusMonths = "plus_maanden"
    case blockEnd = "einde_tijdvak"
    case ever = "ooit"
    case valueOn = "waarde_op"

    public var signature: String {
        switch self {
        case .min, .max: return "\(rawValue)(a, b, ...)"
        case .round, .roundDown, .roundUp: return "\(rawValue)(bedrag|getal|dagen)"
        case .sumInMonth: return "som_in_maand(waarde per dag)"
        case .daysInMonth: return "aantal_dagen(ja/nee per dag)"
        case .yearToDate: return "totaal_dit_jaar(waarde per dag of per maand)"
        case .totalSince: return "totaal_sinds(waarde per maand, datum)"
        case .year, .monthOf: return "\(rawValue)(datum)"
        case .daysBetween: return "dagen_tussen(van, tot)"
        case .yearStart: return "begin_jaar(datum)"
        case .monthsBetween: return "maanden_tussen(van, tot)"
        case .plusMonths: return "plus_maanden(datum, aantal)"
        case .blockEnd: return "einde_tijdvak(datum, maanden)"
        case .ever: return "ooit(ja/nee per maand)"
        case .valueOn: return "waarde_op(parameter, datum)"
        }
    }
}
