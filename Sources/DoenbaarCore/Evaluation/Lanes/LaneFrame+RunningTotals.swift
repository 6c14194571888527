/// Running totals of a view: `totaal_dit_jaar` over the days of a year, and running
/// expressions over the months (`ooit`, `totaal_dit_jaar` per maand), each continued from
/// where the view left it instead of looking back over every earlier period.
extension LaneFrame {
    /// A running total over the days of the calendar year up to day `d`, per lane
    /// (`totaal_dit_jaar` in a daily rule), continued from where it was left.
    func runningTotal(site: Int, upTo d: Int, counting: Bool, term: Program.Expression) -> UnsafePointer<Int64> {
        // Kept across evaluations in this view: tied to its day.
        if window != nil && plan.runningTotalDecisionDependent[site] { tieWindowToDay() }
        let shared = sharedMonths > 0 && !plan.runningTotalDecisionDependent[site]
        if shared && monthOfDay[d] < sharedMonths {
            return donors[monthOfDay[d]].runningTotal(site: site, upTo: d, counting: counting, term: term)
        }
        let totals: UnsafeMutablePointer<Int64>
        if let r = running[site] { totals = r } else {
            totals = .allocate(capacity: range.dayCount * lanes)
            running[site] = totals
            if shared {
                // Continue from the donor's total on the last day it holds.
                let last = range.days(ofMonth: sharedMonths - 1).upperBound - 1
                (totals + last * lanes).update(from: donors[sharedMonths - 1].runningTotal(site: site, upTo: last, counting: counting, term: term), count: lanes)
                runningUpTo[site] = last
            }
        }
        let mark = scratch.mark
        defer { scratch.reset(to: mark) }
        let t = scratch.push()
        var i = runningUpTo[site] + 1
        while i <= d {
            evaluate(term, i, into: t)
            let restart = range.startsYear(i)
            let row = totals + i * lanes, previous = totals + (i - 1) * lanes
            for lane in 0..<lanes {
                row[lane] = ValueSemantics.accumulate(previous: restart ? nil : previous[lane], t[lane], counting: counting)
            }
            runningUpTo[site] = i
            i += 1
        }
        return UnsafePointer(totals + d * lanes)
    }

    /// The values of a running expression over the months (`ooit`, `totaal_dit_jaar`
    /// per maand) up to month p, per lane: each month computed once per view from
    /// the month before (`next`: the month, the values of the month before or nil
    /// in the first month, the row to fill), continued from the last month computed,
    /// instead of every month looking back over all earlier ones.
    func monthly(_ e: Program.Expression, upTo p: Int,
                 _ next: (_ month: Int, _ previous: UnsafePointer<Int64>?, _ row: UnsafeMutablePointer<Int64>) -> Void) -> UnsafePointer<Int64> {
        // Kept across evaluations in this view: tied to its day.
        if window != nil && plan.decisionReads.dependent[Int(e)] { tieWindowToDay() }
        let running: RunningMonths
        if let known = runningMonths[e] { running = known } else {
            running = RunningMonths(values: arena.allocate(Int64.self, count: range.monthCount * lanes))
            runningMonths[e] = running
            bytes += range.monthCount * lanes * MemoryLayout<Int64>.size
        }
        let mark = scratch.mark
        defer { scratch.reset(to: mark) }
        while running.upTo < p {
            let k = running.upTo + 1
            next(k, k == 0 ? nil : UnsafePointer(running.values + (k - 1) * lanes), running.values + k * lanes)
            scratch.reset(to: mark)
            running.upTo = k
        }
        return UnsafePointer(running.values + p * lanes)
    }
}

/// A running expression's values per month, lane by lane, up to `upTo` (`LaneFrame.monthly`).
final class RunningMonths {
    let values: UnsafeMutablePointer<Int64>
    var upTo = -1
    init(values: UnsafeMutablePointer<Int64>) { self.values = values }
}
