/// An obligation's episodes per view: worked out once, and taken over by a later view
/// whose facts agree in the months they read (`LaneBlock.judgeObligations`).
extension LaneFrame {
    /// The episodes of an obligation in month m, lane by lane (a lane in which a rule failed
    /// among the failed ones; `LaneEpisodes.none` where no lane has one and none failed):
    /// worked out here, or taken from an earlier view that worked them out, when
    /// they do not depend on the decision date and read no month in which a
    /// lane's facts differ between that view and this one. `fresh` is false for
    /// episodes that a view of this run judged before: the run booked them then.
    /// `reach` is the last month that working them out read (`LaneBlock.reach`).
    func episodes(of i: Int, month m: Int, _ work: () -> (lanes: Obligations.LaneEpisodes, reach: Int))
        -> (lanes: Obligations.LaneEpisodes, fresh: Bool, reach: Int) {
        let key = i * range.monthCount + m
        if let known = keptEpisodes(key) { return (known.lanes, false, known.reach) }
        if !plan.obligationDecisionDependent[i] {
            let set = plan.obligationFactSet[i]
            var agree = agreeingMonths(set), earlier = previous
            while let view = earlier, m < agree {
                if let theirs = view.keptEpisodes(key), theirs.reach < agree {
                    keep(theirs, key)
                    return (theirs.lanes, view.run !== run, theirs.reach)
                }
                agree = min(agree, view.agreeingMonths(set))
                earlier = view.previous
            }
        }
        let worked = work()
        keep(worked, key)
        return (worked.lanes, true, worked.reach)
    }

    /// The months in which the facts of a set (`Plan.factSets`) agree with the view before.
    func agreeingMonths(_ set: Int) -> Int {
        if let setMonths { return Int(setMonths[set]) }
        return sharedMonths
    }

    private func keptEpisodes(_ key: Int) -> (lanes: Obligations.LaneEpisodes, reach: Int)? {
        key < episodeTable.count ? episodeTable[key] : nil
    }

    private func keep(_ found: (lanes: Obligations.LaneEpisodes, reach: Int), _ key: Int) {
        if episodeTable.isEmpty { episodeTable = Array(repeating: nil, count: plan.obligations.count * range.monthCount) }
        episodeTable[key] = found
    }
}
