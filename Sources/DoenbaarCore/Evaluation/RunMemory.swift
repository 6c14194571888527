/// The agency's views computed in earlier runs, kept for the runs that follow.
///
/// An analysis runs one person several times: as recorded, on the ideal and the
/// realistic path, and once per counterfactual. A variant changes some facts
/// from some month on; everything before that month is what an earlier run
/// already computed. A run given a memory takes those months over from the
/// view whose facts agree longest (`FactTable.firstDifferingMonth`), and leaves
/// its own views behind for the next run. Which view is taken over changes only
/// the speed: the months taken over have the same facts, so the same values.
///
/// A person with a long period and many reports has many large views, so the
/// memory keeps the views of the latest runs up to a budget, not all of them.
public final class RunMemory {
    /// Views by decision date, of the runs kept.
    private(set) var frames: [Frame] = []
    /// The views of each run kept, oldest run first.
    private var runs: [[Frame]] = []
    private var bytes = 0
    private let budget: Int

    /// - Parameter budget: bytes of value buffers to keep at most (beyond the latest run's).
    public init(budget: Int = 64 << 20) { self.budget = budget }

    func keep(_ views: some Sequence<Frame>) {
        let run = Array(views)
        runs.append(run)
        bytes += run.reduce(0) { $0 + $1.bytes }
        while bytes > budget, runs.count > 1 {
            bytes -= runs.removeFirst().reduce(0) { $0 + $1.bytes }
        }
        frames = runs.joined().sorted { $0.facts.knownAt < $1.facts.knownAt }
    }

    /// The views decided nearest to a day: the last one on or before it and the first one after it.
    func nearest(to day: CivilDate) -> [Frame] {
        let after = frames.firstIndex { $0.facts.knownAt > day } ?? frames.endIndex
        return [after - 1, after].filter(frames.indices.contains).map { frames[$0] }
    }
}
