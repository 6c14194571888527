/// A legal day: year, month, day, with no time or time zone. Stored as a day
/// number (days since 1970-01-01) so comparisons and arithmetic are integer work.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public let dayNumber: Int32

    public init(dayNumber: Int32) { self.dayNumber = dayNumber }

    /// nil when the date does not exist (2025-02-30) or is out of range.
    public init?(year: Int, month: Int, day: Int) {
        guard (1800...2999).contains(year), (1...12).contains(month),
              day >= 1, day <= CivilDate.daysIn(year: year, month: month) else { return nil }
        dayNumber = Int32(CivilDate.daysFromCivil(year, month, day))
    }

    /// Parses `YYYY-MM-DD` strictly.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var components: (year: Int, month: Int, day: Int) {
        CivilDate.Table.components(Int(dayNumber))
    }
    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    /// ISO weekday: 1 = Monday ... 7 = Sunday.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let w = (Int(dayNumber) % 7 + 7 + 3) % 7
        return w + 1
    }
    public var isWeekend: Bool { isoWeekday >= 6 }

    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + Int32(days)) }

    /// Calendar months later; the day is clamped to the end of a shorter month
    /// (31 January + 1 month = 28 or 29 February).
    public func adding(months: Int) -> CivilDate {
        let c = components
        let total = c.year * 12 + (c.month - 1) + months
        // Inside the table, the month's first day and length read from it (`plus_maanden` runs per cell).
        let k = total - Table.firstYear * 12
        if k >= 0 && k + 1 < Table.years * 12 {
            let start = Int(Table.monthStarts[k])
            return CivilDate(dayNumber: Int32(start + min(c.day, Int(Table.monthStarts[k + 1]) - start) - 1))
        }
        return computedAdding(total: total, day: c.day)
    }

    /// `adding(months:)` computed, for the month `total` (year × 12 + month − 1) and the day of the month.
    func computedAdding(total: Int, day: Int) -> CivilDate {
        let y = total / 12, m = total % 12 + 1
        let d = min(day, CivilDate.daysIn(year: y, month: m))
        return CivilDate(dayNumber: Int32(CivilDate.computedDaysFromCivil(y, m, d)))
    }

    // One conversion from the day number for both fields, not one per field.
    public var monthStart: CivilDate { let c = components; return CivilDate(dayNumber: Int32(CivilDate.daysFromCivil(c.year, c.month, 1))) }
    public var yearMonth: YearMonth { let c = components; return YearMonth(year: c.year, month: c.month) }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { a.dayNumber < b.dayNumber }

    public var description: String {
        let c = components
        return "\(CivilDate.pad(c.year, 4))-\(CivilDate.pad(c.month, 2))-\(CivilDate.pad(c.day, 2))"
    }

    /// Dutch reading form: 1 juli 2025.
    public var dutch: String {
        let c = components
        return "\(c.day) \(YearMonth.monthNames[c.month - 1]) \(c.year)"
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CivilDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "ongeldige datum '\(text)'"))
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Dates of 1900 to 2099 looked up instead of computed: the rules convert
    /// day numbers for many cells of every view (a month of a date, `einde_tijdvak`,
    /// `plus_maanden`). Outside those years the algorithms below answer, as they
    /// do for every date inside them (`CivilDateTests`).
    enum Table {
        static let firstYear = 1900, years = 200
        /// 1 January 1900, and the days up to 1 January 2100: written out, because a constant
        /// computed at first use is looked up through a one-time check on every read, and these
        /// are read for every date converted (`CivilDateTableTests` checks both against the algorithm).
        static let firstDay = -25_567
        static let dayCount = 73_049
        /// Per month from January of `firstYear`: the day number of its first day.
        /// Held as plain memory, made once and never freed: a global array would be
        /// retained and released on every read, and these are read per cell.
        nonisolated(unsafe) static let monthStarts: UnsafePointer<Int32> = table(years * 12) { Int32(computedDaysFromCivil(firstYear + $0 / 12, $0 % 12 + 1, 1)) }
        /// Per day from `firstDay`: year, month and day packed (year << 9 | month << 5 | day).
        nonisolated(unsafe) static let days: UnsafePointer<UInt32> = table(dayCount) { offset in
            let c = CivilDate.civilFromDays(firstDay + offset)
            return UInt32(c.year << 9 | c.month << 5 | c.day)
        }

        private static func table<T>(_ count: Int, _ value: (Int) -> T) -> UnsafePointer<T> {
            let memory = UnsafeMutablePointer<T>.allocate(capacity: count)
            for i in 0..<count { (memory + i).initialize(to: value(i)) }
            return UnsafePointer(memory)
        }

        @inline(__always)
        static func components(_ dayNumber: Int) -> (year: Int, month: Int, day: Int) {
            let offset = dayNumber - firstDay
            guard offset >= 0, offset < dayCount else { return CivilDate.civilFromDays(dayNumber) }
            let packed = Int(days[offset])
            return (packed >> 9, (packed >> 5) & 15, packed & 31)
        }
    }

    /// The day number of a year, month and day (a day past the month's end counts on into the next).
    @inline(__always)
    static func daysFromCivil(_ y: Int, _ m: Int, _ d: Int) -> Int {
        let month = (y - Table.firstYear) * 12 + (m - 1)
        guard month >= 0, month < Table.years * 12, (1...12).contains(m) else { return computedDaysFromCivil(y, m, d) }
        return Int(Table.monthStarts[month]) + d - 1
    }

    // Howard Hinnant's days_from_civil / civil_from_days algorithms.
    static func computedDaysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civilFromDays(_ z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }
}

/// A calendar month, the unit of payment.
public struct YearMonth: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public let year: Int
    public let month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]),
              (1800...2999).contains(y), (1...12).contains(m) else { return nil }
        self.init(year: y, month: m)
    }

    // By day number, not by the checked initialiser: a month past the years the
    // engine computes (1800-2999) still has a first and a last day, and the
    // evaluator refuses such months with a message instead of a crash.
    public var first: CivilDate { CivilDate(dayNumber: Int32(CivilDate.daysFromCivil(year, month, 1))) }
    public var last: CivilDate { CivilDate(dayNumber: Int32(CivilDate.daysFromCivil(year, month, dayCount))) }
    public var dayCount: Int { CivilDate.daysIn(year: year, month: month) }
    public var index: Int { year * 12 + month - 1 }

    public init(index: Int) { self.init(year: index / 12, month: index % 12 + 1) }

    public func adding(months: Int) -> YearMonth { YearMonth(index: index + months) }

    public static func < (a: YearMonth, b: YearMonth) -> Bool { a.index < b.index }

    public var description: String { "\(CivilDate.pad(year, 4))-\(CivilDate.pad(month, 2))" }
    public var dutch: String { "\(YearMonth.monthNames[month - 1]) \(year)" }

    public static let monthNames = ["januari", "februari", "maart", "april", "mei", "juni", "juli",
                             "augustus", "september", "oktober", "november", "december"]

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let ym = YearMonth(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "ongeldige maand '\(text)'"))
        }
        self = ym
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
