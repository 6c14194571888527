import DoenbaarCore

/// What `AnalysisContext.rung` reads of the rule set, worked out once per rule set
/// rather than for every finding: a population's findings asked this of every
/// declaration and discretion point each time, and spelt out the names each
/// discretion point covers anew.
public final class SolutionLadder: Sendable {
    /// The declarations with exceptions, in rule-set order: each with the names of its exceptions.
    let overridden: [(name: String, exceptions: [String])]
    /// Per discretion point (in rule-set order): the names it covers (its rules, its
    /// obligations, the recoveries of its benefits), and whether only some months offer it
    /// (a scope, or a window of validity).
    let covered: [Set<String>]
    let inSomeMonths: [Bool]
    /// The declarations a law change names, in rule-set order: rules, and definitions that
    /// are more than facts restated (`inkomen`), with whether each is a rule.
    let changeable: [(index: Int, name: String, isRule: Bool)]

    public init(_ ruleSet: RuleSet) {
        let values = ruleSet.values
        overridden = values.indices.filter { !values[$0].exceptions.isEmpty }.map { (values[$0].name, values[$0].exceptions.map(\.name)) }
        covered = ruleSet.discretions.map { d in
            Set(d.slots.map { values[$0].name } + d.obligations.map { ruleSet.obligations[$0].name }
                + d.recoveries.map { AnalysisContext.recoveryName(ruleSet.benefits[$0].name) })
        }
        inSomeMonths = ruleSet.discretions.map { $0.scope != nil || $0.validity.isBounded }
        changeable = values.indices.filter { i in
            values[i].isRule || values[i].body.references.contains { if case .fact = $0 { return false } else { return true } }
        }.map { ($0, values[$0].name, values[$0].isRule) }
    }
}
