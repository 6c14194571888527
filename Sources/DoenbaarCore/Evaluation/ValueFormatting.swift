/// Dutch display of slot values, by type.
public enum ValueFormatting {
    public static func format(_ raw: Int64, _ type: ValueType, enumerations: [Enumeration] = []) -> String {
        switch type {
        case .money: return money(raw)
        case .percentage: return percent(raw)
        case .days: return "\(Fixed(raw: raw).format(decimals: nil)) \(raw == Fixed.scale ? "dag" : "dagen")"
        case .months: return "\(raw) maanden"
        case .number: return Fixed(raw: raw).format(decimals: nil)
        case .date: return CivilDate(dayNumber: Int32(clamping: raw)).dutch
        case .bool: return raw != 0 ? "ja" : "nee"
        case .country: return CountryCode.decode(raw)
        case .enumeration(let name):
            let cases = enumerations.first { $0.name == name }?.cases ?? []
            return raw >= 0 && Int(raw) < cases.count ? cases[Int(raw)] : "#\(raw)"
        }
    }

    /// € 1.234,56 — at least two decimals, more only when the value has them.
    public static func money(_ raw: Int64) -> String {
        let f = Fixed(raw: raw)
        var text = f.format(decimals: nil)
        let negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        var parts = text.split(separator: ",", maxSplits: 1).map(String.init)
        if parts.count == 1 { parts.append("00") } else if parts[1].count == 1 { parts[1] += "0" }
        return "€ \(negative ? "-" : "")\(groupThousands(parts[0])),\(parts[1])"
    }

    public static func cents(_ cents: Int64) -> String { money(cents * 10_000) }

    public static func percent(_ raw: Int64) -> String {
        "\(Fixed(raw: raw * 100).format(decimals: nil))%"
    }

    /// A whole number with thousands separators: 12.345.
    public static func count(_ n: Int) -> String { (n < 0 ? "-" : "") + groupThousands(String(n.magnitude)) }

    /// Items joined the Dutch way: "a, b en c".
    public static func list(_ items: [String]) -> String {
        items.count <= 1 ? (items.first ?? "") : items.dropLast().joined(separator: ", ") + " en " + items[items.count - 1]
    }

    static func groupThousands(_ digits: String) -> String {
        var out = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(".") }
            out.append(c)
        }
        return String(out.reversed())
    }
}
