import DoenbaarCore

/// Werken loont niet (armoedeval): earning € 100 more leaves less than the
/// intended share, or lowers total income (a cliff); or the work as a whole
/// brings less per month than the threshold. Measured on the ideal path, so
/// the rules' design is judged, not a missed report.
public struct WorkPaysDetector: Detector {
    public let kind = FindingKind.workDoesNotPay
    public init() {}

    /// The ideal path over the persona's own months, with € 100 more in the
    /// first month with income (the one an estimate probes), and without the work.
    public func plannedRuns(_ context: AnalysisContext) -> [(persona: Persona, end: YearMonth)] {
        let p = context.idealPersona
        guard let first = incomeMonths(context).first?.month else { return [(p, context.to)] }
        return [(p, context.to), (probed(context, in: first), context.to), (without(context), context.to)]
    }

    /// The ideal persona with € 100 more in month m (made once per month and context).
    private func probed(_ context: AnalysisContext, in m: YearMonth) -> Persona {
        context.variant("meer_inkomen:\(m.index)") { context.idealPersona.withExtraIncome(context.setting.parameters.probeIncome, in: m) }
    }

    /// The reported months in which the ideal persona earns, with what she earns in each.
    private func incomeMonths(_ context: AnalysisContext) -> [(month: YearMonth, cents: Int64)] {
        let income = context.idealPersona.workIncome(from: context.from, count: context.to.index - context.from.index + 1)
        return income.indices.compactMap { k in income[k] > 0 ? (context.from.adding(months: k), income[k]) : nil }
    }

    /// The ideal persona without the work: the periods it took her away, with the income they earned, and all other income.
    private func without(_ context: AnalysisContext) -> Persona {
        context.variant("zonder_werk") { context.idealPersona.withoutActivities(context.setting.activityKinds).withoutWorkIncome() }
    }

    public func findings(_ context: AnalysisContext) throws(AnalysisError) -> [Finding] {
        let p = context.idealPersona
        let base = try context.idealInPeriod()
        let baseTotal = context.totalCents(base, p)
        let incomeMonths = incomeMonths(context)
        guard !incomeMonths.isEmpty else { return [] }
        var out: [Finding] = []
        let probe = context.setting.parameters.probeIncome

        // Marginal: € 100 more in one month, followed through every later settlement.
        var weak: [(month: YearMonth, keptCents: Int64, harm: Harm)] = []
        // Estimating a population: one month stands for the others.
        for (m, _) in context.estimating ? Array(incomeMonths.prefix(1)) : incomeMonths {
            let variant = probed(context, in: m)
            let run = try context.run(variant, trace: false)
            let kept = context.totalCents(run, variant) - baseTotal
            if kept * Fixed.scale < context.setting.parameters.minimumKeptShare.raw * probe.cents {
                // What the extra euros cost in benefit and fines: a probe, not money anyone lost.
                weak.append((m, kept, context.harm(run, variant, against: base, basis: .probe)))
            }
        }
        if let first = weak.first, let last = weak.last {
            let (_, worst, worstHarm) = weak.min { $0.keptCents < $1.keptCents }!
            let cliff = worst < 0
            let names = context.naming ? context.divergence(base, try context.run(probed(context, in: first.month))) : []
            out.append(Finding(kind: kind, key: "marginaal", topic: .marginalGain,
                               severity: cliff ? .high : .medium, persona: p, from: first.month, through: last.month,
                               provisions: context.relevantRules(in: names), harm: worstHarm, months: weak.count,
                               story: .marginalGain(probeCents: probe.cents, worstKeptCents: worst, months: weak.count),
                               solution: try context.rung(for: names, from: first.month), evidence: evidence(base, first.month, names)))
        }

        // Absolute: what the work as a whole adds per month.
        let without = without(context)
        let withoutRun = try context.run(without)
        let gain = baseTotal - context.totalCents(withoutRun, without)
        let earned = incomeMonths.reduce(Int64(0)) { $0 + $1.cents }
        let perMonth = gain / Int64(incomeMonths.count)
        if perMonth < context.setting.parameters.minimumGainFromWork.cents {
            let names = context.divergence(base, withoutRun)
            // The income duty this person had (the one her ideal run judged), not any in the rule set.
            let judged = Set(base.months.flatMap(\.obligationsDue).map(\.obligationIndex))
            let duties = context.setting.ruleSet.obligations.enumerated().filter { i, o in
                judged.contains(i) && context.setting.ruleSet.reportsIncome(o) && o.periodicity == .month
            }.map(\.element)
            let note = duties.first.map { o in CapacityAngle.monthlyReport(obligation: context.setting.ruleSet.provision(o), demands: o.demands, steps: o.steps) }
            out.append(Finding(kind: kind, key: "opbrengst", topic: .smallGainFromWork,
                               severity: .medium, persona: p, from: incomeMonths[0].month, through: incomeMonths[incomeMonths.count - 1].month,
                               provisions: context.relevantRules(in: names), harm: context.harm(base, p, against: withoutRun), months: incomeMonths.count,
                               story: .smallGainFromWork(earnedCents: earned, keptCents: gain, perMonthCents: perMonth,
                                                         thresholdCents: context.setting.parameters.minimumGainFromWork.cents),
                               capacity: note, solution: try context.rung(for: names), evidence: evidence(base, incomeMonths[0].month, names)))
        }
        return out
    }

    private func evidence(_ run: PersonaRun, _ m: YearMonth, _ names: Set<String>) -> [TraceNode] {
        (run.month(m)?.benefits ?? []).filter { $0.paidCents > 0 }.compactMap { Evidence.focused($0.trace, on: names) }
    }
}
