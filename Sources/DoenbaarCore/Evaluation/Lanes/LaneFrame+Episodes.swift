/// An obligation's episodes per view: worked out once, and taken over by a later view
/// whose facts agree in the months they read (`LaneBlock.judgeObligations`).
extension LaneFrame {
    /// The episodes of an obligation in month m, lane by lane (a lane in which a rule failed
    /// among the failed ones; `Plan.noEpisodes` where no lane has one and none failed):
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
            var agree = agreeingMonths(set)
            // The views before walked without counting each: this view holds the one before it, and
            // each the one before that (`previous`). Only a list of episodes that serves is taken out.
            var earlier = previous.map { Unmanaged.passUnretained($0) }
            while let view = earlier, m < agree {
                let (serves, agreeing, before) = view._withUnsafeGuaranteedRef { v in
                    (v.keptReach(key).map { $0 < agree } ?? false, v.agreeingMonths(set), v.previous.map { Unmanaged.passUnretained($0) })
                }
                if serves {
                    let (theirs, ownRun) = view._withUnsafeGuaranteedRef { v in (v.keptEpisodes(key)!, v.run === run) }
                    keep(theirs, key)
                    return (theirs.lanes, !ownRun, theirs.reach)
                }
                agree = min(agree, agreeing)
                earlier = before
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

    /// How far the episodes kept for `key` read, where some are kept (read in place, not taken out).
    private func keptReach(_ key: Int) -> Int? {
        key < episodeTable.count ? episodeTable[key]?.reach : nil
    }

    private func keep(_ found: (lanes: Obligations.LaneEpisodes, reach: Int), _ key: Int) {
        if episodeTable.isEmpty { episodeTable = Array(repeating: nil, count: plan.obligations.count * range.monthCount) }
        episodeTable[key] = found
    }
}
