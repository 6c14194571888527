import DoenbaarCore

/// The two paths of a persona. On the ideal path the person meets every
/// reporting obligation in good time. On the realistic path whether she meets
/// one depends on what it asks against her doenvermogen at that moment; a
/// missed report is learnt by the agency later (from a register, or after
/// some months), and the rules then bring their consequences.
public enum Paths {
    /// Every stay reported a week before it starts, every income shortly
    /// after its month; reports the person made even earlier are kept.
    public static func ideal(_ p: Persona, _ parameters: AnalysisParameters) -> Persona {
        var ideal = p
        ideal.stays = p.stays.map { s in
            var s = s
            s.knowledge.reported = earliest(s.knowledge.reported, s.from.adding(days: -parameters.idealDaysAhead))
            return s
        }
        ideal.incomes = p.incomes.map { i in
            var i = i
            i.knowledge.reported = earliest(i.knowledge.reported, i.month.last.adding(days: parameters.idealDaysAfterMonth))
            return i
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
            guard let o = ruleSet.obligations.first(where: { $0.name == due.obligation }), o.report != nil else { continue }
            decisions.append(Decision(obligation: o, from: due.from, through: due.through,
                                      judgement: model.judge(o, for: ideal, on: due.from)))
        }
        let missed = decisions.filter { !$0.judgement.met }
        return (apply(missed, to: ideal, discoveredAfterMonths: model.parameters.undisclosedDiscoveredAfterMonths), decisions)
    }

    /// The persona with the reports behind these missed obligations taken out:
    /// the agency learns of them from a register, or some months later.
    public static func apply(_ missed: [Decision], to persona: Persona, discoveredAfterMonths lag: Int) -> Persona {
        var p = persona
        for d in missed {
            switch d.obligation.report {
            case .stay?:
                for i in p.stays.indices where p.stays[i].from <= d.through && d.from <= p.stays[i].through {
                    p.stays[i].knowledge.reported = nil
                    if p.stays[i].knowledge.discovered == nil {
                        p.stays[i].knowledge.discovered = p.stays[i].through.adding(months: lag)
                    }
                }
            case .income?:
                for i in p.incomes.indices where p.incomes[i].month >= d.from.yearMonth && p.incomes[i].month <= d.through.yearMonth {
                    p.incomes[i].knowledge.reported = nil
                    if p.incomes[i].knowledge.register == nil, p.incomes[i].knowledge.discovered == nil {
                        p.incomes[i].knowledge.discovered = p.incomes[i].month.last.adding(months: lag)
                    }
                }
            case nil: break
            }
        }
        return p
    }

    static func earliest(_ a: CivilDate?, _ b: CivilDate) -> CivilDate { a.map { min($0, b) } ?? b }
}
