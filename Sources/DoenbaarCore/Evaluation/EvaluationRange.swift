/// The days and months one evaluation covers. It starts on 1 January of the
/// first month's year, so running totals within a calendar year are complete.
public struct EvaluationRange: Sendable, Hashable {
    public let firstMonth: YearMonth      // first reported month
    public let lastMonth: YearMonth
    public let firstDay: CivilDate        // 1 January of firstMonth's year
    public let startMonth: YearMonth      // January of firstMonth's year

    public init(from: YearMonth, to: YearMonth) {
        firstMonth = from
        lastMonth = max(from, to)
        startMonth = YearMonth(year: from.year, month: 1)
        firstDay = startMonth.first
    }

    public var dayCount: Int { Int(lastMonth.last.dayNumber - firstDay.dayNumber) + 1 }
    public var monthCount: Int { lastMonth.index - startMonth.index + 1 }
    public func date(ofDay offset: Int) -> CivilDate { firstDay.adding(days: offset) }
    public func offset(of date: CivilDate) -> Int { Int(date.dayNumber - firstDay.dayNumber) }
    public func month(_ offset: Int) -> YearMonth { YearMonth(index: startMonth.index + offset) }
    public func monthOffset(_ month: YearMonth) -> Int { month.index - startMonth.index }
    /// Day offsets of a month, by month offset.
    public func days(ofMonth m: Int) -> Range<Int> {
        let month = self.month(m)
        let first = offset(of: month.first)
        return first..<(first + month.dayCount)
    }
    /// The day a period offset stands for: a month's first day, or the day itself.
    public func firstDay(ofPeriod p: Int, _ periodicity: Periodicity) -> CivilDate {
        periodicity == .month ? month(p).first : date(ofDay: p)
    }
    /// The day number of a day offset, without a calendar conversion.
    @inline(__always) public func dayNumber(ofDay d: Int) -> Int32 { firstDay.dayNumber + Int32(d) }
    /// The day number of the first day of every month offset.
    public var firstDayOfEachMonth: [Int32] { (0..<monthCount).map { month($0).first.dayNumber } }
    /// The month offset of every day offset.
    public var monthOfEachDay: [Int] {
        var months = [Int](repeating: 0, count: dayCount)
        for m in 0..<monthCount { for d in days(ofMonth: m) { months[d] = m } }
        return months
    }
    /// Whether a running total of the calendar year starts on this day offset
    /// (the first day computed, or 1 January).
    public func startsYear(_ d: Int) -> Bool {
        let date = self.date(ofDay: d)
        return d == 0 || (date.month == 1 && date.day == 1)
    }
    /// Months that are reported (from `firstMonth` on), as offsets.
    public var reportedMonths: ClosedRange<Int> { monthOffset(firstMonth)...monthOffset(lastMonth) }
}
