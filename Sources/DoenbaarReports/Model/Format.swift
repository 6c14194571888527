import DoenbaarCore

/// Dutch formatting shared by the reports.
public enum Format {
    public static func euro(_ cents: Int64) -> String { ValueFormatting.cents(cents) }
    /// Whole euros with thousands separators: € 12.345.
    public static func euroRounded(_ cents: Int64) -> String {
        let euros = Fixed.divide(cents, 100, .halfAwayFromZero)
        return "€ " + (euros < 0 ? "-" : "") + count(Int(abs(euros)))
    }
    public static func count(_ n: Int) -> String { ValueFormatting.count(n) }
    public static func list(_ items: [String]) -> String { ValueFormatting.list(items) }
    public static func month(_ iso: String) -> String { YearMonth(iso: iso)?.dutch ?? iso }

    /// A knelpunt key ("intentie:ww+wajong") as an identifier readers can link to.
    public static func id(forKey key: String) -> String {
        key.replacingOccurrences(of: ":", with: "-").replacingOccurrences(of: "+", with: "-")
    }
}
