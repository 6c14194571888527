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

    /// This month's payment of a benefit, with its gross amount and deductions (in `bookingBenefits`).
    mutating func book(benefit b: Int, month k: Int, _ v: LaneFrame) {
        var gross = [Int64](repeating: 0, count: lanes)
        for slot in plan.paymentSlots[b] {
            for (lane, x) in v.total(slot, k).enumerated() { gross[lane] = ValueSemantics.add(gross[lane], x) }
        }
        fail(where: gross)
        let deductions = deductionRules[b].map { rule in (rule, v.total(rule.slot, k)) }
        for (_, d) in deductions { fail(where: d) }
        let paid = v.payment(b, k)
        for lane in 0..<lanes where !failed[lane] {
            let declared = deductions.map { rule, totals in
                Deduction(rule: rule.name, slot: rule.slot, source: rule.source, cents: Fixed(raw: totals[lane]).cents)
            }
            bookingBenefits[lane].append(BenefitOutcome(benefit: plan.ruleSet.benefits[b].name, benefitIndex: b, grossCents: Fixed(raw: gross[lane]).cents,
                                                         deductions: declared, paidCents: paid[lane] / 10_000, corrections: [], explanation: explained(b, k, v, lane: lane).map(TraceBox.init)))
            booked[(b * range.monthCount + k) * lanes + lane] = paid[lane] / 10_000
        }
    }

    /// The payments booked this month as each lane's list (`LaneBlock.kept`: the month before's or
    /// the lane before's where it says the same; a correction added later copies it first). Only
    /// without a trace, where a booked payment is its benefit, amounts and deductions.
    mutating func shareBooked(into outcome: inout [MonthOutcome]) {
        for lane in 0..<lanes where !failed[lane] {
            outcome[lane].benefits = tracing ? bookingBenefits[lane]
                : LaneBlock.kept(bookingBenefits[lane], lane: lane, last: &lastBenefits, same: LaneBlock.sameBooked)
        }
    }

    /// Whether two lists of payments as booked (without a trace, before any correction) say the
    /// same, field by field in place: a deduction's rule and source follow from its slot. (Through
    /// a method on the payment, each was copied with its node: 7% more instructions in all.)
    private static func sameBooked(_ a: [BenefitOutcome], _ b: [BenefitOutcome]) -> Bool {
        guard a.count == b.count else { return false }
        for k in a.indices {
            guard a[k].benefitIndex == b[k].benefitIndex, a[k].grossCents == b[k].grossCents, a[k].paidCents == b[k].paidCents,
                  a[k].deductions.count == b[k].deductions.count else { return false }
            for d in a[k].deductions.indices where a[k].deductions[d].slot != b[k].deductions[d].slot
                || a[k].deductions[d].cents != b[k].deductions[d].cents { return false }
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
