/// Which obligations' episodes a block has judged in some view and need not look up again.
///
/// Every month judges the obligations of every earlier month again, in the month's view: an
/// obligation's episodes there are those of an earlier view of the run where the facts they
/// read agree (`LaneFrame.episodes`), and then they were booked already and change nothing.
/// Looking them up walked back through the views for each obligation and month, counting a
/// reference at every step. Here a block notes, per obligation and month, the last month the
/// episodes read and how far the views made since agree with the one that holds them (the
/// least of each view's `agreeingMonths` for the obligation's facts): while the episodes read
/// below that, the lookup would find them unchanged, and is skipped.
///
/// Only for a run whose views each continue from the one made before (`LaneBlock.view` with
/// sharing, no memory of other runs); a view that does not (`previous`) forgets everything.
struct JudgedEpisodes {
    /// Per obligation and month: the last month the episodes read (-1: not judged yet), and
    /// the month below which every view made since agrees in the facts they read.
    private var reach: [Int32]
    private var agree: [Int32]

    init(count: Int) {
        reach = Array(repeating: -1, count: count)
        agree = Array(repeating: 0, count: count)
    }

    /// Whether the episodes at `key` (obligation × months + month) are those a view of this run
    /// judged: not read on the decision date, and read only in months every view since agrees in.
    /// (The episodes of a month read that month at least, so the month itself lies below too.)
    func unchanged(_ key: Int, decisionDependent: Bool) -> Bool {
        !decisionDependent && reach[key] >= 0 && reach[key] < agree[key]
    }

    /// The episodes at `key` are kept in `view` now (worked out or taken over there), reading up to
    /// month `r`; `latest` is the view made last, and those made after `view` lower the agreement
    /// at once (a month's views are all made before its obligations are judged in the first).
    mutating func kept(_ key: Int, reach r: Int, in view: LaneFrame, latest: LaneFrame?, set: Int) {
        var least = Int32.max, step = latest
        while let later = step, later !== view {
            least = min(least, Int32(later.agreeingMonths(set)))
            step = later.previous
        }
        // Where the chain back from the latest view does not reach `view` (here it always does), nothing is noted.
        guard step != nil else { reach[key] = -1; return }
        reach[key] = Int32(r)
        agree[key] = least
    }

    /// A view made after `before` (the view made last, nil for the block's first): each noted
    /// obligation's agreement lowered to what this view agrees in with the one before it.
    mutating func note(_ view: LaneFrame, after before: LaneFrame?, plan: Plan, months: Int) {
        guard let before, view.previous === before else {
            reach.withUnsafeMutableBufferPointer { $0.update(repeating: -1) }
            return
        }
        for i in plan.obligations.indices {
            let set = view.agreeingMonths(plan.obligationFactSet[i])
            for key in (i * months)..<((i + 1) * months) where reach[key] >= 0 { agree[key] = min(agree[key], Int32(set)) }
        }
    }
}
