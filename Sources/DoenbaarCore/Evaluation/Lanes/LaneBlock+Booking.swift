/// What a block books each month, per lane: each benefit's payment with its gross amount and
/// deductions, the lists of payments shared where they say the same, and corrections of
/// earlier months once the agency knows better (called from `LaneBlock.run`).
extension LaneBlock {
    /// A benefit's payment in month m in a lane, explained by its payment and
    /// deduction rules in the order they were written (when tracing).
    func explained(_ b: Int, _ m: Int, _ v: LaneFrame, lane: Int) -> TraceNode? {
        guard tracing else { return nil }
        let benefit = plan.ruleSet.benefits[b]
        var builder = TraceBuilder(frame: v, lane: lane, month: m)
        let gross = plan.paymentSlots[b].reduce(Int64(0)) { $0 + v.total($1, m)[lane] }
        let deducted = plan.deductionSlots[b].reduce(Int64(0)) { $0 + v.total($1, m)[lane] }
        let children = (plan.paymentSlots[b] + plan.deductionSlots[b]).sorted().map { builder.slot($0) }
        return TraceNode(kind: .benefit, name: benefit.name, reference: .benefit(b), source: benefit.provenance.source,
                         value: .one(v.payment(b, m)[lane], TraceType(.money)),
                         notes: deducted > gross ? [.deductionsExceedGross(deducted: deducted, gross: gross)] : [], children: children)
    }

    /// This month's payment of a benefit, with its gross amount and deductions (`bookedGross`,
    /// `bookedDeductions`, `booked`; in a trace, also as an outcome in `bookingBenefits`).
    mutating func book(benefit b: Int, month k: Int, _ v: LaneFrame) {
        let (gross, lanes, plan) = (b * lanes, lanes, plan)
        // Written in place: through the list, every lane's write checked that the block owned it.
        bookedGross.withUnsafeMutableBufferPointer { booked in
            for lane in 0..<lanes { booked[gross + lane] = 0 }
            for slot in plan.paymentSlots[b] {
                for (lane, x) in v.total(slot, k).enumerated() { booked[gross + lane] = ValueSemantics.add(booked[gross + lane], x) }
            }
        }
        fail(where: bookedGross[gross..<(gross + lanes)])
        for (r, rule) in deductionRules[b].enumerated() {
            let totals = v.total(rule.slot, k), row = (deductionStart[b] + r) * lanes
            fail(where: totals)
            bookedDeductions.withUnsafeMutableBufferPointer { booked in
                for lane in 0..<lanes { booked[row + lane] = totals[lane] }
            }
        }
        let paid = v.payment(b, k), row = (b * range.monthCount + k) * lanes
        guard tracing else {
            let failed = failed
            booked.withUnsafeMutableBufferPointer { booked in
                for lane in 0..<lanes where !failed[lane] { booked[row + lane] = paid[lane] / 10_000 }
            }
            return
        }
        for lane in 0..<lanes where !failed[lane] {
            booked[row + lane] = paid[lane] / 10_000
            bookingBenefits[lane].append(outcome(b, k, lane: lane, explanation: explained(b, k, v, lane: lane).map(TraceBox.init)))
        }
    }

    /// A benefit's payment booked this month in a lane, as an outcome.
    private func outcome(_ b: Int, _ k: Int, lane: Int, explanation: TraceBox?) -> BenefitOutcome {
        let deductions = deductionRules[b].indices.map { r in
            let rule = deductionRules[b][r]
            return Deduction(rule: rule.name, slot: rule.slot, source: rule.source,
                             cents: Fixed(raw: bookedDeductions[(deductionStart[b] + r) * lanes + lane]).cents)
        }
        return BenefitOutcome(benefit: plan.ruleSet.benefits[b].name, benefitIndex: b, grossCents: Fixed(raw: bookedGross[b * lanes + lane]).cents,
                              deductions: deductions, paidCents: booked[(b * range.monthCount + k) * lanes + lane], corrections: [],
                              explanation: explanation)
    }

    /// The payments booked this month as each lane's list. Without a trace, the month before's
    /// or the lane before's where it says the same (a correction added later copies it first),
    /// compared with the amounts as booked: most months of most people are booked as the month
    /// before (and as their neighbour's), and a list, a payment and its deductions were made
    /// for each lane and month only to be let go again.
    mutating func shareBooked(month k: Int, into outcome: inout [MonthOutcome]) {
        for lane in 0..<lanes where !failed[lane] {
            if tracing { outcome[lane].benefits = bookingBenefits[lane]; continue }
            // The lane whose list says it, compared where the lists lie; a lane's own list is kept
            // as it is (taken out to compare and put back, each list was counted four times more).
            let source = lastBenefits.withUnsafeBufferPointer { last in
                says(last[lane], k, lane: lane) ? lane : lane > 0 && says(last[lane - 1], k, lane: lane) ? lane - 1 : -1
            }
            if source < 0 {
                // Every benefit's outcome (`deductionRules` has one entry per benefit; the rule set's own list is not counted).
                lastBenefits[lane] = deductionRules.indices.map { self.outcome($0, k, lane: lane, explanation: nil) }
            } else if source != lane {
                lastBenefits[lane] = lastBenefits[source]
            }
            outcome[lane].benefits = lastBenefits[lane]
        }
    }

    /// Whether a list of payments as booked (without a trace, before any correction) says what
    /// this month booked in a lane, field by field in place: a payment's name and a deduction's
    /// rule and source follow from their indices. (Through a method on the payment, each was
    /// copied with its node: 7% more instructions in all.)
    private func says(_ list: [BenefitOutcome], _ k: Int, lane: Int) -> Bool {
        guard list.count == plan.ruleSet.benefits.count else { return false }
        for b in list.indices {
            guard list[b].benefitIndex == b, list[b].grossCents == Fixed(raw: bookedGross[b * lanes + lane]).cents,
                  list[b].paidCents == booked[(b * range.monthCount + k) * lanes + lane],
                  list[b].deductions.count == deductionRules[b].count else { return false }
            for r in list[b].deductions.indices {
                guard list[b].deductions[r].slot == deductionRules[b][r].slot,
                      list[b].deductions[r].cents == Fixed(raw: bookedDeductions[(deductionStart[b] + r) * lanes + lane]).cents else { return false }
            }
        }
        return true
    }

    /// A correction for an earlier month, where what is known now changes its payment.
    mutating func correct(benefit b: Int, month m: Int, _ v: LaneFrame, into outcome: inout [MonthOutcome]) {
        let now = v.payment(b, m), row = (b * range.monthCount + m) * lanes
        for lane in 0..<lanes where !failed[lane] && now[lane] / 10_000 != booked[row + lane] {
            outcome[lane].benefits[b].corrections.append(Correction(forMonth: range.month(m), cents: now[lane] / 10_000 - booked[row + lane], explained: explained(b, m, v, lane: lane).map(TraceBox.init) ?? untraced[b]))
            booked[row + lane] = now[lane] / 10_000
        }
    }
}
