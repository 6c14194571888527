@testable import DoenbaarCore
import Testing

/// Dates of 1900 to 2099 are looked up in a table (`CivilDate.Table`); every
/// other date is computed. Both must name every day the same way, so the
/// table is checked against the algorithm for each of its days and months,
/// and at its edges.
@Suite struct CivilDateTableTests {
    @Test func everyDayOfTheTableIsTheComputedDate() {
        let first = CivilDate.Table.firstDay, count = CivilDate.Table.dayCount
        // 1900-01-01 up to and including 2099-12-31.
        #expect(CivilDate.civilFromDays(first) == (1900, 1, 1))
        #expect(CivilDate.civilFromDays(first + count - 1) == (2099, 12, 31))
        var differing = 0
        for day in (first - 400)..<(first + count + 400) where CivilDate.Table.components(day) != CivilDate.civilFromDays(day) { differing += 1 }
        #expect(differing == 0)
    }

    @Test func everyMonthStartAndDayOfTheTableIsTheComputedDayNumber() {
        var differing: [String] = []
        for year in 1899...2100 {
            for month in 1...12 {
                // Days past the month's end count on into the next month, as computed.
                for day in [1, 15, 28, 29, 30, 31, 32] where CivilDate.daysFromCivil(year, month, day) != CivilDate.computedDaysFromCivil(year, month, day) {
                    differing.append("\(year)-\(month)-\(day)")
                }
            }
        }
        #expect(differing.isEmpty)
    }

    @Test func datesOutsideTheTableAreComputed() {
        // The calendar's own edges, far outside the table.
        let start = CivilDate(year: 1800, month: 1, day: 1)!, end = CivilDate(year: 2999, month: 12, day: 31)!
        #expect(start.components == (1800, 1, 1))
        #expect(end.components == (2999, 12, 31))
        #expect(start.adding(months: 13).description == "1801-02-01")
        #expect(CivilDate(year: 2024, month: 1, day: 31)!.adding(months: 1).description == "2024-02-29")
        #expect(CivilDate(year: 2100, month: 1, day: 31)!.adding(months: 1).description == "2100-02-28")
    }
}
