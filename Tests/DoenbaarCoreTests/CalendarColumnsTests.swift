@testable import DoenbaarCore
import Testing

/// The calendar columns are made once per range and shared by every table
/// over it (`CalendarColumns`); each day must hold what the calendar says of it.
@Suite struct CalendarColumnsTests {
    @Test func everyDayHoldsItsDateWeekdayAndHoliday() throws {
        let range = EvaluationRange(from: YearMonth(year: 2024, month: 3), to: YearMonth(year: 2025, month: 6))
        let columns = CalendarColumns().columns(for: range)
        #expect(columns.date.count == range.dayCount)
        var differing: [String] = []
        for offset in 0..<range.dayCount {
            let day = range.date(ofDay: offset)
            if columns.date[offset] != FactTable.calendar(.referenceDate, on: day)
                || columns.weekday[offset] != FactTable.calendar(.weekday, on: day)
                || columns.holiday[offset] != FactTable.calendar(.publicHoliday, on: day) {
                differing.append(day.description)
            }
        }
        #expect(differing.isEmpty)
        // The range starts on 1 January of its first month's year (`EvaluationRange`).
        func column(_ c: [Int64], _ y: Int, _ m: Int, _ d: Int) throws -> Int64 {
            c[range.offset(of: try #require(CivilDate(year: y, month: m, day: d)))]
        }
        // Algemene termijnenwet art. 3 lid 1: tweede Paasdag 2024 was 1 April (Easter Sunday 31 March);
        // Koningsdag 2025 was Saturday 26 April, as 27 April was a Sunday.
        #expect(try column(columns.holiday, 2024, 4, 1) == 1)
        #expect(try column(columns.holiday, 2025, 4, 26) == 1)
        #expect(try column(columns.holiday, 2025, 4, 27) == 0)
        #expect(try column(columns.weekday, 2024, 1, 6) == 0)   // a Saturday
        #expect(try column(columns.weekday, 2024, 1, 8) == 1)   // a Monday
    }

    @Test func aRangeIsWorkedOutOnceAndItsColumnsShared() {
        let range = EvaluationRange(from: YearMonth(year: 2023, month: 5), to: YearMonth(year: 2024, month: 2))
        let calendar = CalendarColumns()
        let first = calendar.columns(for: range), second = calendar.columns(for: range)
        let a = first.holiday.withUnsafeBufferPointer { $0.baseAddress }, b = second.holiday.withUnsafeBufferPointer { $0.baseAddress }
        #expect(a == b)
        // Another plan's calendar (one per plan, so one per core) makes its own.
        let other = CalendarColumns().columns(for: range)
        #expect(other.holiday.withUnsafeBufferPointer { $0.baseAddress } != a && other.holiday == first.holiday)
        // Another range of the same first year has columns of its own length.
        let longer = calendar.columns(for: EvaluationRange(from: YearMonth(year: 2023, month: 5), to: YearMonth(year: 2024, month: 8)))
        #expect(longer.date.count > first.date.count)
        #expect(Array(longer.date.prefix(first.date.count)) == first.date)
    }
}
