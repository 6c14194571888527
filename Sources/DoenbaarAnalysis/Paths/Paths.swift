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
        for i in ideal.records.indices where ideal.records[i].reportable {
            let r = ideal.records[i]
            switch r.shape {
            case .period: ideal.records[i].knowledge.reported = earliest(r.knowledge.reported, r.from.adding(days: -parameters.idealDaysAhead))
            case .month: ideal.records[i].knowledge.reported = earliest(r.knowledge.reported, r.through.adding(days: parameters.idealDaysAfterMonth))
            case .from: break
            }
        }
        return ideal
    }

    /// One obligation as it played out on the realistic path.
    public struct Decision: Sendable {
        public let obligation: Obligation
        public let from: CivilDate
        public let through: CivilDate
        public let judgement: DoenvermogenModel.Judgement
    }

    /// The ideal persona with every report that the doenvermogen model says
    /// would not happen taken out, and the decisions that led there.
    public static func realistic(ideal: Persona, idealRun: PersonaRun, ruleSet: RuleSet,
                                 model: DoenvermogenModel) -> (persona: Persona, decisions: [Decision]) {
        var decisions: [Decision] = []
        for due in idealRun.months.flatMap(\.obligationsDue) {
            let o = ruleSet.obligations[due.obligationIndex]
            guard o.report != nil else { continue }
            decisions.append(Decision(obligation: o, from: due.from, through: due.through,
                                      judgement: model.judge(o, for: ideal, on: due.from)))
        }
        let missed = decisions.filter { !$0.judgement.met }
        return (apply(missed, to: ideal, ruleSet: ruleSet, discoveredAfterMonths: model.parameters.undisclosedDiscoveredAfterMonths), decisions)
    }

    /// The persona with the reports behind these missed obligations taken out
    /// (the lines of the `opgave` the obligation's `melding` names): the agency
    /// learns of them from a register, or some months later.
    public static func apply(_ missed: [Decision], to persona: Persona, ruleSet: RuleSet, discoveredAfterMonths lag: Int) -> Persona {
        var p = persona
        for d in missed {
            guard let report = d.obligation.report else { continue }
            let kind = ruleSet.records[report].keyword
            for i in p.records.indices where p.records[i].kind == kind {
                let r = p.records[i]
                switch r.shape {
                case .period:
                    guard r.overlaps(d.from, d.through) else { continue }
                    p.records[i].knowledge.reported = nil
                    if r.knowledge.discovered == nil { p.records[i].knowledge.discovered = r.through.adding(months: lag) }
                case .month, .from:
                    guard r.month >= d.from.yearMonth && r.month <= d.through.yearMonth else { continue }
                    p.records[i].knowledge.reported = nil
                    if r.knowledge.register == nil, r.knowledge.discovered == nil {
                        p.records[i].knowledge.discovered = r.month.last.adding(months: lag)
                    }
                }
            }
        }
        return p
    }

    static func earliest(_ a: CivilDate?, _ b: CivilDate) -> CivilDate { a.map { min($0, b) } ?? b }
}
