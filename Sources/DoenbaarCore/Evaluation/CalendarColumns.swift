/// The calendar columns of an evaluation range (the date, whether it is a
/// weekday, whether it is a public holiday), made once per range and shared
/// by every fact table over it: they are the same for everyone. A block of
/// lanes used to work them out day by day for its first lane, asking the
/// Easter cache under its lock for every day (about 1,4% of a population run).
/// Arrays copy on write, so a table that is handed them holds no copy.
/// One per plan (`FactLayout.calendar`), not one for the process: every table counts
/// its columns, and a plan per core (`PopulationRun.replicas`) keeps those counts apart.
final class CalendarColumns: Sendable {
    struct Columns: Sendable {
        let date: [Int64]
        let weekday: [Int64]
        let holiday: [Int64]
    }

    /// Far more than the ranges of the bundled personas and their variants.
    private let byRange = SharedMemo<EvaluationRange, Columns>(limit: 512)

    func columns(for range: EvaluationRange) -> Columns { byRange.value(for: range, Self.make) }

    private static func make(_ range: EvaluationRange) -> Columns {
        var date: [Int64] = [], weekday: [Int64] = [], holiday: [Int64] = []
        date.reserveCapacity(range.dayCount)
        weekday.reserveCapacity(range.dayCount)
        holiday.reserveCapacity(range.dayCount)
        var day = range.date(ofDay: 0)
        for _ in 0..<range.dayCount {
            date.append(FactTable.calendar(.referenceDate, on: day)!)
            weekday.append(FactTable.calendar(.weekday, on: day)!)
            holiday.append(FactTable.calendar(.publicHoliday, on: day)!)
            day = day.adding(days: 1)
        }
        return Columns(date: date, weekday: weekday, holiday: holiday)
    }
}
