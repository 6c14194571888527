/// The agency's views computed in earlier runs of a person, kept for the runs that follow.
///
/// An analysis runs one person several times: as recorded, on the ideal and the
/// realistic path, and once per counterfactual. A variant changes some facts
/// from some month on; everything before that month is what an earlier run
/// already computed. A run given a memory leaves those months to the view whose
/// facts agree longest (`FactTable.firstDifferingMonth`), and leaves its own
/// views behind for the next run. Which view serves changes only the speed:
/// the months it serves have the same facts, so the same values.
///
/// A person with a long period and many reports has many large views, so the
/// memory keeps the views of the latest runs up to a budget, not all of them.
public final class RunMemory {
    /// Views by the day their agency looked (`LaneFacts.decisionDay`), of the runs kept, with the lane's facts.
    private var views: [(view: LaneFrame, table: FactTable)] = []
    /// The views of each run kept, oldest run first.
    private var runs: [[(view: LaneFrame, table: FactTable)]] = []
    private var bytes = 0
    private let budget: Int

    /// - Parameter budget: bytes of values to keep at most (beyond the latest run's).
    public init(budget: Int = 64 << 20) { self.budget = budget }

    func keep(_ run: [(view: LaneFrame, table: FactTable)]) {
        runs.append(run)
        bytes += run.reduce(0) { $0 + $1.view.bytes }
        while bytes > budget, runs.count > 1 {
            bytes -= runs.removeFirst().reduce(0) { $0 + $1.view.bytes }
        }
        views = runs.joined().sorted { $0.view.facts.decisionDay < $1.view.facts.decisionDay }
    }

    /// Of the views decided nearest to a day (the last one on or before it and the
    /// first one after it), the one whose facts agree longest with `table`, and for how many months.
    func nearest(to day: CivilDate, agreeingWith table: FactTable) -> (view: LaneFrame, months: Int)? {
        let after = views.firstIndex { $0.view.facts.decisionDay > day.dayNumber } ?? views.endIndex
        return [after - 1, after].filter(views.indices.contains)
            .map { (views[$0].view, table.firstDifferingMonth(from: views[$0].table)) }
            .max { $0.1 < $1.1 }
    }
}
