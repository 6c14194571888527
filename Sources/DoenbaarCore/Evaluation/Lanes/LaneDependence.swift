/// What in a plan depends on the decision date, beyond the slots the plan
/// already marks (`Plan.decisionDependent`): the running totals, whose
/// terms are expressions of their own. A view shares with an earlier view
/// only what does not.
struct LaneDependence: Sendable {
    /// Per running-total site (`totaal_dit_jaar` in a daily rule).
    let runningTotal: [Bool]

    init(_ plan: Plan) {
        let program = plan.program
        var sites = [Bool](repeating: false, count: plan.runningTotalSites)
        for e in 0..<program.codeCount where program.code[e].op == .yearToDateOfDay {
            let i = program.code[e]
            sites[Int(i.b)] = LaneDependence.readsDecisionDate(i.a, plan)
        }
        runningTotal = sites
    }

    /// Whether an expression reads the decision date, directly or through a slot or a payment.
    static func readsDecisionDate(_ e: Program.Expression, _ plan: Plan) -> Bool {
        guard e >= 0 else { return false }
        let program = plan.program
        let i = program.code[Int(e)]
        switch i.op {
        case .valueOfMonth, .monthValueOfDay, .valueOfDay:
            return plan.decisionDependent[Int(i.a)]
        case .benefitOfMonth, .benefitOfDay:
            return plan.benefitDecisionDependent[Int(i.a)]
        case .constantFact, .monthFactOfMonth, .monthFactOfDay, .dayFact:
            return Int(i.a) == BuiltinFact.decisionDate.index || readsDecisionDate(i.b, plan)
        case .constant, .parameterOfMonth, .parameterOfDay, .referenceDateOfMonth, .input:
            return false
        case .minimum, .maximum:
            return (0..<Int(i.b)).contains { readsDecisionDate(program.lists[Int(i.a) + $0], plan) }
        case .valueOn:
            return readsDecisionDate(i.b, plan)
        case .yearToDateOfDay:
            return readsDecisionDate(i.a, plan)
        case .round:
            return readsDecisionDate(i.a, plan)
        default:
            // Every other operation's operands a, b and c are expressions (or -1).
            return readsDecisionDate(i.a, plan) || readsDecisionDate(i.b, plan) || readsDecisionDate(i.c, plan)
        }
    }
}
