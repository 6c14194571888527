/// The types of the rule language. At run time every value is an Int64 slot
/// (see `Value`); the type exists only for the checker and for display.
public enum ValueType: Sendable, Hashable, CustomStringConvertible {
    case money          // bedrag: euro, exact, rounded to cents where declared
    case number         // getal
    case percentage     // percentage: a fraction, 75% is 0,75
    case days           // dagen: a count of days
    case months         // maanden: a count of calendar months (only in date arithmetic)
    case date           // datum: a civil date
    case bool           // ja/nee
    case enumeration(String)
    case country        // land: an ISO 3166 alpha-2 code, written "TR"

    public var description: String {
        switch self {
        case .money: return "bedrag"
        case .number: return "getal"
        case .percentage: return "percentage"
        case .days: return "dagen"
        case .months: return "maanden"
        case .date: return "datum"
        case .bool: return "ja/nee"
        case .enumeration(let name): return name
        case .country: return "land"
        }
    }

    /// Types whose values are `Fixed` numbers.
    public var isNumeric: Bool {
        switch self {
        case .money, .number, .percentage, .days: return true
        default: return false
        }
    }

    /// Dimensionless numbers scale a dimensioned one (an amount, a count of days).
    var isScalar: Bool { self == .number || self == .percentage }

    /// Types a drafter can write in a declaration.
    public static func named(_ name: String, enumerations: Set<String>) -> ValueType? {
        switch name {
        case "bedrag": return .money
        case "getal": return .number
        case "percentage": return .percentage
        case "dagen": return .days
        case "datum": return .date
        case "ja/nee": return .bool
        case "land": return .country
        default: return enumerations.contains(name) ? .enumeration(name) : nil
        }
    }

    public static let writtenNames = ["bedrag", "getal", "percentage", "dagen", "datum", "ja/nee", "land"]
}

/// When a value is known: once for the whole persona, per day, or per month.
public enum Periodicity: Sendable, Hashable, Comparable {
    case constant
    case day
    case month

    init(_ kind: PeriodKind) { self = kind == .day ? .day : .month }

    public var dutch: String {
        switch self {
        case .constant: return "vast"
        case .day: return "per dag"
        case .month: return "per maand"
        }
    }
}

/// Country codes as slot values: two ASCII letters packed into one integer,
/// zero when unknown, so comparing countries is integer work.
public enum CountryCode {
    public static func encode(_ code: String) -> Int64? {
        let bytes = Array(code.utf8)
        guard bytes.count == 2, bytes.allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else { return nil }
        return Int64(bytes[0]) << 8 | Int64(bytes[1])
    }

    /// Whether a code is an assigned ISO 3166-1 alpha-2 country (or XK, Kosovo,
    /// which the EU and the Dutch registers use), not just two capitals: a typo
    /// ("TK" for Turkey) or a made-up "XX" must not pass as a country.
    public static func isAssigned(_ code: String) -> Bool { assigned.contains(code) }

    static let assigned: Set<String> = Set([
        "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ",
        "BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ",
        "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ",
        "DE DJ DK DM DO DZ",
        "EC EE EG EH ER ES ET",
        "FI FJ FK FM FO FR",
        "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY",
        "HK HM HN HR HT HU",
        "ID IE IL IM IN IO IQ IR IS IT",
        "JE JM JO JP",
        "KE KG KH KI KM KN KP KR KW KY KZ",
        "LA LB LC LI LK LR LS LT LU LV LY",
        "MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ",
        "NA NC NE NF NG NI NL NO NP NR NU NZ",
        "OM",
        "PA PE PF PG PH PK PL PM PN PR PS PT PW PY",
        "QA",
        "RE RO RS RU RW",
        "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ",
        "TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ",
        "UA UG UM US UY UZ",
        "VA VC VE VG VI VN VU",
        "WF WS",
        "YE YT",
        "ZA ZM ZW",
        "XK",
    ].flatMap { $0.split(separator: " ").map(String.init) })

    public static func decode(_ value: Int64) -> String {
        guard value > 0 else { return "onbekend" }
        return String(decoding: [UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)], as: UTF8.self)
    }
}
