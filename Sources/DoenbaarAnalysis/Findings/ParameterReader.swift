import DoenbaarCore

/// Reads the analysis's numbers from the rule set by name, as in force on a
/// day; a missing one is an error that says where to put it.
struct ParameterReader {
    let ruleSet: RuleSet
    let day: CivilDate

    func value(_ name: String) throws(AnalysisError) -> Fixed {
        let p = try parameter(name)
        guard let v = p.value(on: day) else { throw .noValue(name, day) }
        return Fixed(raw: v.raw)
    }

    func whole(_ name: String) throws(AnalysisError) -> Int { Int(try value(name).raw / Fixed.scale) }

    func parameter(_ name: String) throws(AnalysisError) -> Parameter {
        guard let index = ruleSet.parameter(named: name) else { throw .missingParameter(name) }
        return ruleSet.parameters[index]
    }
}
