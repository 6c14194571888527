/// The agency's views computed in earlier runs, kept for the runs that follow.
///
/// An analysis runs one person several times: as recorded, on the ideal and the
/// realistic path, and once per counterfactual. A variant changes some facts
/// from some month on; everything before that month is what an earlier run
/// already computed. A run given a memory takes those months over from the
/// view whose facts agree longest (`FactTable.firstDifferingMonth`), and leaves
/// its own views behind for the next run. Which view is taken over changes only
/// the speed: the months taken over have the same facts, so the same values.
public final class RunMemory {
    /// Views by decision date, of every run made with this memory.
    private(set) var frames: [Frame] = []

    public init() {}

    func keep(_ views: some Sequence<Frame>) {
        frames += views
        frames.sort { $0.facts.knownAt < $1.facts.knownAt }
    }

    /// The views decided nearest to a day: the last one on or before it and the first one after it.
    func nearest(to day: CivilDate) -> [Frame] {
        let after = frames.firstIndex { $0.facts.knownAt > day } ?? frames.endIndex
        return [after - 1, after].filter(frames.indices.contains).map { frames[$0] }
    }
}
