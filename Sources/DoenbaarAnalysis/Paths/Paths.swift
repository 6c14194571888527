import DoenbaarCore

/// The two paths of a persona. On the ideal path the person meets every
/// reporting obligation in good time. On the realistic path whether she meets
/// one depends on what it asks against her doenvermogen at that moment; a
/// missed report is learnt by the agency later (from a register, or after
/// some months), and the rules then bring their consequences.
public enum Paths {
    /// Every period the person reports (a stay abroad) reported a week before
    /// it starts, every month line (an income) shortly after its month;
    /// reports the person made even earlier are kept.
    public static func ideal(_ p: Persona, _ parameters: AnalysisParameters) -> Persona {
        var ideal = p
        // Only lines reported later than that are written: a person who reported everything in time
        // is her own ideal path, the very same persona (found equal to it at once, not line by line).
        for i in p.records.indices where p.records[i].reportable {
            let reported = p.records[i].knowledge.reported
            let due: CivilDate
            switch p.records[i].shape {
            case .period: due = p.records[i].from.adding(days: -parameters.idealDaysAhead)
            case .month: due = p.records[i].through.adding(days: parameters.idealDaysAfterMonth)
            case .from: continue
            }
            let earliest = Self.earliest(reported, due)
            if earliest != reported { ideal.records[i].knowledge.reported = earliest }
        }
        return ideal
    }

    /// One obligation as it played out on the realistic path.
    public struct Decision: Sendable {
        public var obligation: Obligation { kept.obligation }
        /// The obligation's name and report, read without taking the whole obligation (a copy counted its lists).
        public var obligationName: String { kept.name }
        var report: Int? { kept.report }
        public let from: CivilDate
        public let through: CivilDate
        public let judgement: DoenvermogenModel.Judgement
        /// The obligation behind one reference, the same for all its decisions: a person's
        /// decisions are filtered and copied per path and gap, and an obligation is a dozen
        /// names and lists, each counted on every copy.
        private let kept: KeptObligation

        init(_ kept: KeptObligation, from: CivilDate, through: CivilDate, judgement: DoenvermogenModel.Judgement) {
            self.kept = kept
            self.from = from
            self.through = through
            self.judgement = judgement
        }
    }

    final class KeptObligation: Sendable {
        let obligation: Obligation
        /// What every decision reads of it, read out once: taken from the obligation for each
        /// decision, the obligation was copied whole (every name and list in it counted).
        let name: String
        let report: Int?
        let demands: [Capacity]
        /// The level it asks of each part it demands (`DoenvermogenModel.requiredLevel`).
        let required: Fixed

        init(_ obligation: Obligation, model: DoenvermogenModel) {
            self.obligation = obligation
            name = obligation.name
            report = obligation.report
            demands = obligation.demands
            required = model.requiredLevel(obligation)
        }
    }

    /// The ideal persona with every report that the doenvermogen model says
    /// would not happen taken out, and the decisions that led there.
    public static func realistic(ideal: Persona, idealRun: PersonaRun, ruleSet: RuleSet,
                                 model: DoenvermogenModel) -> (persona: Persona, decisions: [Decision]) {
        realistic(ideal: ideal, idealRun: idealRun, ruleSet: ruleSet, model: model,
                  obligations: ruleSet.obligations.map { KeptObligation($0, model: model) })
    }

    /// The same, with the rule set's obligations each behind one reference already (`kept`): made once
    /// per analyzer (`AnalysisContext.Setting`), not an obligation copied per person that met it.
    static func realistic(ideal: Persona, idealRun: PersonaRun, ruleSet: RuleSet, model: DoenvermogenModel,
                          obligations kept: [KeptObligation]) -> (persona: Persona, decisions: [Decision]) {
        var decisions: [Decision] = []
        // The months' lists read where they lie.
        let months = idealRun.months
        for m in months.indices {
            for d in months[m].obligationsDue.indices {
                let (i, from, through) = (months[m].obligationsDue[d].obligationIndex, months[m].obligationsDue[d].from, months[m].obligationsDue[d].through)
                let o = kept[i]
                guard o.report != nil else { continue }
                decisions.append(Decision(o, from: from, through: through, judgement: model.judge(required: o.required, demands: o.demands, for: ideal, on: from)))
            }
        }
        let missed = decisions.filter { !$0.judgement.met }
        return (apply(missed, to: ideal, ruleSet: ruleSet, discoveredAfterMonths: model.parameters.undisclosedDiscoveredAfterMonths), decisions)
    }

    /// The persona with the reports behind these missed obligations taken out
    /// (the lines of the `opgave` the obligation's `melding` names): the agency
    /// learns of them from a register, or some months later.
    public static func apply(_ missed: [Decision], to persona: Persona, ruleSet: RuleSet, discoveredAfterMonths lag: Int) -> Persona {
        // Per report kind, the spans of its missed decisions. A line is changed the same way
        // whichever decision covers it, so each line is looked at once, in place: a person
        // who misses every monthly report would otherwise copy every line once per month.
        var spans: [(kind: String, spans: [(from: CivilDate, through: CivilDate)])] = []
        for d in missed {
            guard let report = d.report else { continue }
            let kind = ruleSet.records[report].keyword
            if let k = spans.firstIndex(where: { $0.kind == kind }) { spans[k].spans.append((d.from, d.through)) }
            else { spans.append((kind, [(d.from, d.through)])) }
        }
        guard !spans.isEmpty else { return persona }
        var p = persona
        for i in p.records.indices {
            guard let covering = spans.first(where: { $0.kind == p.records[i].kind })?.spans else { continue }
            switch p.records[i].shape {
            case .period:
                guard covering.contains(where: { p.records[i].overlaps($0.from, $0.through) }) else { continue }
                p.records[i].knowledge.reported = nil
                if p.records[i].knowledge.discovered == nil { p.records[i].knowledge.discovered = p.records[i].through.adding(months: lag) }
            case .month, .from:
                let month = p.records[i].month
                guard covering.contains(where: { month >= $0.from.yearMonth && month <= $0.through.yearMonth }) else { continue }
                p.records[i].knowledge.reported = nil
                if p.records[i].knowledge.register == nil, p.records[i].knowledge.discovered == nil {
                    p.records[i].knowledge.discovered = month.last.adding(months: lag)
                }
            }
        }
        return p
    }

    static func earliest(_ a: CivilDate?, _ b: CivilDate) -> CivilDate { a.map { min($0, b) } ?? b }
}
