/// A view's payments: per benefit and month, its payment rules less its deduction rules,
/// kept in the view's arena; a month shared with the donor is read there (unless the
/// benefit depends on the decision date). Totals over a month, for booking and intents.
extension LaneFrame {
    /// The payment of a benefit in a month as this view sees it, per lane in
    /// whole cents (raw): its payment rules less its deduction rules, not below
    /// zero, rounded to the cent; the mark for a lane where a rule failed.
    func payment(_ benefit: Int, _ m: Int) -> UnsafeBufferPointer<Int64> {
        if m < sharedMonths && !plan.benefitDecisionDependent[benefit] { return donors[m].payment(benefit, m) }
        let key = paymentIndex(benefit, m)
        if let done = payments[key] { return UnsafeBufferPointer(start: done, count: lanes) }
        let mark = scratch.mark
        defer { scratch.reset(to: mark) }
        let gross = scratch.push(), deducted = scratch.push()
        gross.update(repeating: 0, count: lanes)
        deducted.update(repeating: 0, count: lanes)
        for slot in plan.paymentSlots[benefit] { add(slot, m, into: gross) }
        for slot in plan.deductionSlots[benefit] { add(slot, m, into: deducted) }
        let paid = arena.allocate(Int64.self, count: lanes)
        for lane in 0..<lanes { paid[lane] = ValueSemantics.payment(gross: gross[lane], deducted: deducted[lane]) }
        payments[key] = paid
        return UnsafeBufferPointer(start: paid, count: lanes)
    }

    /// Whether a benefit's payment in month m is yet to be computed for this run:
    /// one computed by a view of this run was looked at for failures then. (A
    /// view of another run, in a memory, may hold it without this run having looked.)
    func paymentUnchecked(_ benefit: Int, _ m: Int) -> Bool {
        if m < sharedMonths && !plan.benefitDecisionDependent[benefit] {
            let owner = donors[m]
            // The donor's range may end in another month: its own index.
            return owner.run !== run || owner.payments[owner.paymentIndex(benefit, m)] == nil
        }
        return payments[paymentIndex(benefit, m)] == nil
    }

    /// Where a benefit's payment in month m is kept in `payments`.
    private func paymentIndex(_ benefit: Int, _ m: Int) -> Int { benefit * range.monthCount + m }

    /// A slot's total over month m for every lane (raw), as an array of its own (`total(_:_:summingInto:)`).
    func total(_ slot: Int, _ m: Int) -> [Int64] {
        [Int64](unsafeUninitializedCapacity: lanes) { cells, count in
            let sum = cells.baseAddress!, values = total(slot, m, summingInto: sum)
            if values != UnsafePointer(sum) { sum.initialize(from: values, count: lanes) }
            count = lanes
        }
    }

    /// A slot's total over month m for every lane (raw): a monthly slot's own values, read
    /// where they are; a daily one's days summed into `sum` (a column of `lanes` the caller owns).
    func total(_ slot: Int, _ m: Int, summingInto sum: UnsafeMutablePointer<Int64>) -> UnsafePointer<Int64> {
        if plan.slots[slot].periodicity == .month { return self.slot(slot, m) }
        sum.update(repeating: 0, count: lanes)
        add(slot, m, into: sum)
        return UnsafePointer(sum)
    }

    /// Adds a slot's total over month m (its value, or its days summed) to each lane's sum.
    private func add(_ slot: Int, _ m: Int, into sum: UnsafeMutablePointer<Int64>) {
        let periods = plan.slots[slot].periodicity == .month ? m..<(m + 1) : dayRange(ofMonth: m)
        for p in periods {
            let v = self.slot(slot, p)
            for lane in 0..<lanes {
                sum[lane] = ValueSemantics.add(sum[lane], v[lane])
            }
        }
    }

    /// A benefit's payment in a month for every lane, as far as computed (zero before), for intents.
    func benefitPayment(_ benefit: Int, _ m: Int, into out: UnsafeMutablePointer<Int64>) {
        // As far as this view computed it: tied to its day.
        if window != nil && plan.benefitDecisionDependent[benefit] { tieWindowToDay() }
        if m < sharedMonths && !plan.benefitDecisionDependent[benefit] { return donors[m].benefitPayment(benefit, m, into: out) }
        if let paid = payments[paymentIndex(benefit, m)] { out.update(from: paid, count: lanes) } else { out.update(repeating: 0, count: lanes) }
    }

    /// A benefit's payment in a month in one lane, as far as computed (zero before).
    func paid(_ benefit: Int, _ m: Int, lane: Int) -> Int64 {
        if m < sharedMonths && !plan.benefitDecisionDependent[benefit] { return donors[m].paid(benefit, m, lane: lane) }
        return payments[paymentIndex(benefit, m)]?[lane] ?? 0
    }
}
