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

    @Test func addingMonthsInsideTheTableIsTheComputedDate() {
        // Every day from December 1899 to January 2101, months added across both edges of the
        // table (1900 to 2099): the table's answer against the algorithm's, day clamped alike.
        var differing: [String] = []
        let first = CivilDate.Table.firstDay - 31, last = CivilDate.Table.firstDay + CivilDate.Table.dayCount + 31
        for day in first..<last {
            let date = CivilDate(dayNumber: Int32(day)), c = date.components
            for months in [-25, -13, -1, 0, 1, 2, 11, 12, 13, 24] {
                let computed = date.computedAdding(total: c.year * 12 + c.month - 1 + months, day: c.day)
                if date.adding(months: months) != computed { differing.append("\(date) + \(months)") }
            }
        }
        #expect(differing.isEmpty, "\(differing.prefix(5))")
        // 31 January plus a month is the last of February, in a leap year and out of one.
        #expect(CivilDate(year: 2024, month: 1, day: 31)!.adding(months: 1) == CivilDate(year: 2024, month: 2, day: 29)!)
        #expect(CivilDate(year: 2023, month: 1, day: 31)!.adding(months: 1) == CivilDate(year: 2023, month: 2, day: 28)!)
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
