/// A persona's facts laid out as arrays over an evaluation range, as the
/// agency knew them on one decision date. Rules read these by index; the
/// timeline is not consulted again while evaluating.
public struct FactTable: Sendable {
    /// Marks a fact that has no value on a day (e.g. the report date of a stay
    /// that was never reported); reading it is an evaluation error.
    public static let absent = Int64.min

    public let range: EvaluationRange
    public let knownAt: CivilDate
    var constants: [Int64]               // by Fact index
    var daily: [[Int64]]                 // by Fact index, then day offset (empty when not daily)
    var monthly: [[Int64]]               // by Fact index, then month offset

    static let factIndex: [Fact: Int] = Dictionary(uniqueKeysWithValues: Fact.allCases.enumerated().map { ($1, $0) })

    /// - Parameter calendar: a table of the same persona and range whose
    ///   calendar columns (date, weekday, holiday, age) can be reused as they are.
    public init(persona: Persona, range: EvaluationRange, knownAt: CivilDate, calendar: FactTable? = nil) {
        self.range = range
        self.knownAt = knownAt
        let count = Fact.allCases.count
        constants = Array(repeating: FactTable.absent, count: count)
        daily = Array(repeating: [], count: count)
        monthly = Array(repeating: [], count: count)
        fillConstants(persona)
        fillDays(persona, calendar: calendar)
        fillMonths(persona)
    }

    private mutating func set(_ fact: Fact, _ value: Int64) { constants[FactTable.factIndex[fact]!] = value }
    private static func bool(_ b: Bool) -> Int64 { b ? 1 : 0 }

    private mutating func fillConstants(_ p: Persona) {
        set(.birthDate, Int64(p.birthDate.dayNumber))
        set(.hasWW, FactTable.bool(p.ww != nil))
        set(.wwClaimed, FactTable.bool(p.ww?.claimed ?? false))
        set(.wwCulpable, FactTable.bool(p.ww?.culpable ?? false))
        set(.hasWajong, FactTable.bool(p.wajong != nil))
        set(.selfEmployed, FactTable.bool(p.selfEmployed))
        set(.decisionDate, Int64(knownAt.dayNumber))
        set(.nationality, p.nationality.flatMap(CountryCode.encode) ?? 0)
        if let ww = p.ww {
            set(.wwStart, Int64(ww.start.dayNumber))
            set(.wwDailyWage, ww.dailyWage.raw)
            set(.workHistoryYears, Fixed(integer: ww.workHistoryYears).raw)
            set(.workHistoryBefore2016, Fixed(integer: ww.yearsBefore2016).raw)
        }
        if let wajong = p.wajong {
            set(.wajongStart, Int64(wajong.start.dayNumber))
            set(.wajongWorkCapacity, FactTable.bool(wajong.workCapacity))
            set(.wageDispensation, FactTable.bool(wajong.wageDispensation))
            set(.settlementMonths, Fixed(integer: wajong.settlementMonths).raw)
            if let value = wajong.wageValue { set(.wageValue, value.raw) }
        }
    }

    private mutating func fillDays(_ p: Persona, calendar: FactTable?) {
        let n = range.dayCount
        func column(_ f: Fact, _ initial: Int64) -> Int { let i = FactTable.factIndex[f]!; daily[i] = Array(repeating: initial, count: n); return i }
        let calendarFacts: [Fact] = [.referenceDate, .weekday, .publicHoliday, .age]
        if let calendar, calendar.range == range {
            for f in calendarFacts { let i = FactTable.factIndex[f]!; daily[i] = calendar.daily[i] }
        } else {
            fillCalendar(p)
        }
        let abroad = column(.abroad, 0)
        let reason = column(.stayReason, 0), eea = column(.stayInEEA, 0), reported = column(.stayReported, 0)
        let ahead = column(.stayReportedDaysAhead, FactTable.absent), start = column(.stayStart, FactTable.absent)
        let pdU2 = column(.stayPDU2, 0), country = column(.stayCountry, 0)

        // Only stays the agency knew of on the decision date exist in this view.
        for stay in p.stays where stay.knowledge.isKnown(on: knownAt) {
            let first = max(0, range.offset(of: stay.from)), last = min(n - 1, range.offset(of: stay.through))
            guard first <= last else { continue }
            let reasonIndex = Int64(Fact.stayReasons.firstIndex(of: stay.reason) ?? Fact.stayReasons.count - 1)
            let wasReported = stay.knowledge.reported.map { $0 <= knownAt } ?? false
            for offset in first...last {
                daily[abroad][offset] = 1
                daily[reason][offset] = reasonIndex
                daily[eea][offset] = FactTable.bool(StayAbroad.eeaCountries.contains(stay.country))
                daily[reported][offset] = FactTable.bool(wasReported)
                if wasReported, let r = stay.knowledge.reported {
                    daily[ahead][offset] = Fixed(integer: Int(stay.from.dayNumber - r.dayNumber)).raw
                }
                daily[start][offset] = Int64(stay.from.dayNumber)
                daily[pdU2][offset] = FactTable.bool(stay.pdU2)
                daily[country][offset] = CountryCode.encode(stay.country) ?? 0
            }
        }
    }

    /// The columns that depend only on the calendar and the birth date.
    private mutating func fillCalendar(_ p: Persona) {
        let n = range.dayCount
        func column(_ f: Fact) -> Int { let i = FactTable.factIndex[f]!; daily[i] = Array(repeating: 0, count: n); return i }
        let date = column(.referenceDate), weekday = column(.weekday), holiday = column(.publicHoliday), age = column(.age)
        let birth = p.birthDate.components
        var day = range.date(ofDay: 0)
        var (y, m, dd) = day.components
        for offset in 0..<n {
            daily[date][offset] = Int64(day.dayNumber)
            daily[weekday][offset] = FactTable.bool(!day.isWeekend)
            daily[holiday][offset] = FactTable.bool(Holidays.isPublicHoliday(day))
            var years = y - birth.year
            if (m, dd) < (birth.month, birth.day) { years -= 1 }
            daily[age][offset] = Fixed(integer: max(0, years)).raw
            // Step the civil date along without converting from a day number each time.
            day = day.adding(days: 1)
            dd += 1
            if dd > CivilDate.daysIn(year: y, month: m) { dd = 1; m += 1; if m > 12 { m = 1; y += 1 } }
        }
    }

    private mutating func fillMonths(_ p: Persona) {
        let n = range.monthCount
        let income = FactTable.factIndex[.income]!, estimate = FactTable.factIndex[.incomeEstimate]!, known = FactTable.factIndex[.incomeKnown]!
        let reported = FactTable.factIndex[.incomeReported]!, register = FactTable.factIndex[.incomeInRegister]!
        for column in [income, estimate, known, reported, register] { monthly[column] = Array(repeating: 0, count: n) }
        for m in 0..<n {
            let month = range.month(m)
            // The latest estimate that covers this month and was known by then.
            let est = p.estimates.last { $0.from <= month && $0.known <= knownAt }?.amount.raw ?? 0
            monthly[estimate][m] = est
            if let actual = p.incomes.first(where: { $0.month == month }), actual.knowledge.isKnown(on: knownAt) {
                monthly[income][m] = actual.amount.raw
                monthly[known][m] = 1
                monthly[reported][m] = FactTable.bool(actual.knowledge.reported.map { $0 <= knownAt } ?? false)
                monthly[register][m] = FactTable.bool(actual.knowledge.register.map { $0 <= knownAt } ?? false)
            } else {
                // Without a known actual income the agency applies its estimate (zero when it has none).
                monthly[income][m] = est
            }
        }
    }

    func constant(_ fact: Fact) -> Int64 { constants[FactTable.factIndex[fact]!] }

    /// The same knowledge, looked at on another decision date.
    func deciding(on day: CivilDate) -> FactTable {
        var copy = self
        copy.constants[FactTable.factIndex[.decisionDate]!] = Int64(day.dayNumber)
        return copy
    }
}

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
    /// Months that are reported (from `firstMonth` on), as offsets.
    public var reportedMonths: ClosedRange<Int> { monthOffset(firstMonth)...monthOffset(lastMonth) }
}
