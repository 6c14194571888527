/// Values that depend on the decision date, taken over from an earlier view
/// where they come out the same on this view's day.
///
/// A view decides each month on its own day, so a value that reads the
/// decision date was computed again in every view, for every month before it:
/// the Wajong's offset income reads whether its settlement period has ended
/// (`beslisdatum >= einde_tijdvak(...)`), and each view looked at every month's
/// payment again. While such a slot is computed, the view narrows its window
/// (`DecisionWindow`) to the days on which every comparison of the decision date
/// it reads comes out the same (`narrow(comparison:)`), and on which every such
/// slot it reads does (`narrowToKept`); a read that uses the date as it is ties
/// the value to its day. A later view whose facts agree in that month (it shares
/// the month with its donor) and whose day lies in the window reads the value
/// where it was computed (`decisionSource`). The values are those of a view that
/// computes every such value itself (`DecisionWindowTests`, the fuzz targets).
extension LaneFrame {
    /// For a slot that depends on the decision date, in a month this view shares with its donor:
    /// the view whose values hold on this view's day, looked up once per slot and month.
    func decisionSource(_ slot: Int, _ m: Int) -> Unmanaged<LaneFrame>? {
        guard !(oneBlock?[slot] ?? false) else { return nil }
        let cell = cells + cellIndex(slot, m)
        switch cell.pointee.state {
        case .taken: return cell.pointee.holder
        case .own, .none: return nil
        case .unknown:
            if let found = decisionDonor?.holding(slot, m, day: Int64(facts.decisionDay)) {
                cell.pointee = DecisionCell(state: .taken, window: found.window, holder: found.view)
                return found.view
            }
            cell.pointee.state = .none
            return nil
        }
    }

    /// The view that computed a slot's values in month m, with their window, where that holds
    /// `day`: this one, the view it took them from, or, where it never looked at them, a view
    /// its donor finds.
    private func holding(_ slot: Int, _ m: Int, day: Int64) -> (view: Unmanaged<LaneFrame>, window: DecisionWindow)? {
        let cell = decisionCells.map { $0[cellIndex(slot, m)] } ?? DecisionCell()
        switch cell.state {
        case .own: return cell.window.contains(day) ? (Unmanaged.passUnretained(self), cell.window) : nil
        case .taken: return cell.window.contains(day) ? (cell.holder!, cell.window) : nil
        case .none: return nil
        case .unknown: return m < sharedMonths ? decisionDonor?.holding(slot, m, day: day) : nil
        }
    }

    /// Before a slot is computed here: where it depends on the decision date (and this view
    /// weighs decisions), a window of every day to narrow while it is computed, and what
    /// `keepWindow` restores afterwards (the window of what reads it, the cycles met so far).
    func openWindow(_ slot: Int) -> (outer: DecisionWindow?, cyclesBefore: Int)? {
        guard weighsDecisions && plan.decisionDependent[slot] else { return nil }
        defer { window = .always }
        return (window, cycles)
    }

    /// After a slot that depends on the decision date was computed here: keeps its window
    /// (its day alone where a cycle was met meanwhile, whose marks depend on the order of
    /// reading) and narrows the window of what reads it (`outer`) to it.
    func keepWindow(_ slot: Int, _ m: Int, _ opened: (outer: DecisionWindow?, cyclesBefore: Int)) {
        let kept = cycles == opened.cyclesBefore ? window! : dayWindow
        cells[cellIndex(slot, m)] = DecisionCell(state: .own, window: kept, holder: nil)
        window = opened.outer
        window?.narrow(to: kept)
    }

    /// Narrows the window being made to that of a slot's values in month m, as the view
    /// that holds them (`view`: this one or a source) kept it.
    func narrowToKept(_ slot: Int, _ m: Int, at view: Unmanaged<LaneFrame>) {
        guard plan.decisionDependent[slot] else { return }
        let cell = view._withUnsafeGuaranteedRef { v in v.decisionCells.map { $0[v.cellIndex(slot, m)] } }
        switch cell?.state {
        case .own?, .taken?: window?.narrow(to: cell!.window)
        // Computed without a window (a view that does not weigh decisions): tied to its day.
        default: tieWindowToDay()
        }
    }

    /// Narrows the window being made to the days on which a comparison of the decision date
    /// (`Program.evaluate`, before anything else) comes out as on this view's day, in every
    /// lane and on each of the `n` days: the other side evaluated here, once more.
    func narrow(comparison i: Program.Instruction, _ e: Program.Expression, _ p: Int, days n: Int) {
        let decisionFirst = plan.decisionReads.comparedSide[Int(e)] == 1
        let op = ProgramBuilder.comparison(i.immediate)
        let mark = scratch.mark
        defer { scratch.reset(to: mark) }
        let values = scratch.push()
        evaluate(decisionFirst ? i.b : i.a, p, days: n, into: values)
        var narrowed = window!
        let day = Int64(facts.decisionDay)
        for c in 0..<(n * lanes) where values[c] != ValueSemantics.failed {
            narrowed.narrow(day: day, comparedWith: values[c], op, decisionFirst: decisionFirst)
        }
        window = narrowed
    }

    /// Ties the window being made to this view's day: the decision date read as it is.
    func tieWindowToDay() { window = dayWindow }

    /// This view's day alone.
    private var dayWindow: DecisionWindow { DecisionWindow(day: Int64(facts.decisionDay)) }

    /// The cells, allocated (all unknown) on first use.
    private var cells: UnsafeMutablePointer<DecisionCell> {
        if let decisionCells { return decisionCells }
        let count = max(1, plan.decisionReads.slotCount * range.monthCount)
        let made = arena.allocate(DecisionCell.self, count: count)
        made.initialize(repeating: DecisionCell(), count: count)
        decisionCells = made
        return made
    }

    /// Where a slot's window in month m is kept: by its block's month (one for a slot the same in every month).
    func cellIndex(_ slot: Int, _ m: Int) -> Int {
        Int(plan.decisionReads.slotIndex[slot]) * range.monthCount + (oneBlock?[slot] ?? false ? 0 : m)
    }
}

/// What a view knows of a slot that depends on the decision date, in a month.
struct DecisionCell {
    enum State: UInt8 {
        /// Not looked at.
        case unknown
        /// Computed here, with `window`.
        case own
        /// Taken from `holder`, which computed it with `window`.
        case taken
        /// Looked for in the donor and not found: computed here when read.
        case none
    }
    var state = State.unknown
    var window = DecisionWindow.always
    /// Unretained: this view holds its donor, which holds the view it found it in.
    var holder: Unmanaged<LaneFrame>? = nil
}
