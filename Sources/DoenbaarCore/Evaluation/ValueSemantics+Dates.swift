/// The meaning of the date operations on raw values (day numbers, and counts
/// as `Fixed`), in one place for both engines; like the rest of
/// `ValueSemantics`, a failure (a date the calendar cannot name, a period
/// length the law does not know) is the mark `failed`, and a failed operand
/// gives the mark.
extension ValueSemantics {
    /// The days `CivilDate` can name: 1 January 1800 to 31 December 2999.
    public static let supportedDays = Int64(CivilDate(year: 1800, month: 1, day: 1)!.dayNumber)...Int64(CivilDate(year: 2999, month: 12, day: 31)!.dayNumber)

    /// A day the calendar can name, or the mark.
    @inline(__always)
    public static func supportedDay(_ day: Int64) -> Int64 { supportedDays.contains(day) ? day : failed }

    private static func date(_ v: Int64) -> CivilDate { CivilDate(dayNumber: Int32(clamping: v)) }

    /// `datum + n dagen` (sign 1) or `- n dagen` (sign -1): whole days, a fraction dropped toward minus infinity.
    public static func addDays(_ day: Int64, _ days: Int64, sign: Int64) -> Int64 {
        if day == failed || days == failed { return failed }
        return supportedDay(day + sign * Fixed.divide(days, Fixed.scale, .down))
    }

    /// `datum + n maanden` (sign 1) or `- n maanden` (sign -1), n a whole count.
    public static func addMonths(_ day: Int64, _ months: Int64, sign: Int64) -> Int64 {
        if day == failed || months == failed { return failed }
        guard supportedDays.contains(day), abs(months) <= 12 * 1200 else { return failed }
        return supportedDay(Int64(date(day).adding(months: Int(sign) * Int(months)).dayNumber))
    }

    /// `plus_maanden(datum, n)`: whole months, a fraction dropped toward minus infinity.
    public static func plusMonths(_ day: Int64, _ raw: Int64) -> Int64 {
        if day == failed || raw == failed { return failed }
        let months = Fixed.divide(raw, Fixed.scale, .down)
        guard supportedDays.contains(day), abs(months) <= 12 * 1200 else { return failed }
        return supportedDay(Int64(date(day).adding(months: Int(months)).dayNumber))
    }

    /// `a - b` between dates (`dateDifference`), or `dagen_tussen(a, b)` (b - a), in days.
    public static func days(from a: Int64, to b: Int64) -> Int64 {
        if a == failed || b == failed { return failed }
        return (b - a) * Fixed.scale
    }

    /// `maanden_tussen(a, b)`: calendar months from a's month to b's.
    public static func monthsBetween(_ a: Int64, _ b: Int64) -> Int64 {
        if a == failed || b == failed { return failed }
        return Fixed(integer: date(b).yearMonth.index - date(a).yearMonth.index).raw
    }

    /// `jaar(datum)` and `maand(datum)`.
    public static func year(_ day: Int64) -> Int64 { day == failed ? failed : Fixed(integer: date(day).year).raw }
    public static func month(_ day: Int64) -> Int64 { day == failed ? failed : Fixed(integer: date(day).month).raw }

    /// `begin_jaar(datum)`: 1 January of its year.
    public static func yearStart(_ day: Int64) -> Int64 {
        day == failed ? failed : Int64(CivilDate(year: date(day).year, month: 1, day: 1)!.dayNumber)
    }

    /// `einde_tijdvak(datum, n)`: the last day of the period of n months (1, 2,
    /// 3, 4, 6 or 12, counted from January) that holds the date; the mark for
    /// another length.
    public static func blockEnd(_ day: Int64, _ raw: Int64) -> Int64 {
        if day == failed || raw == failed { return failed }
        guard let size = blockSize(raw), supportedDays.contains(day) else { return failed }
        let d = date(day)
        return Int64(YearMonth(year: d.year, month: (d.month - 1) / size * size + size).last.dayNumber)
    }

    /// A period length in months the law knows (a whole divisor of twelve), or nil.
    public static func blockSize(_ raw: Int64) -> Int? {
        let size = Int(clamping: raw / Fixed.scale)
        return raw % Fixed.scale == 0 && (1...12).contains(size) && 12 % size == 0 ? size : nil
    }
}
