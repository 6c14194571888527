import DoenbaarCore

/// Small helpers for engine tests: rule text in, a checked plan out.
enum Engine {
    /// Checks rule text and fails the test with the rendered diagnostics if it has errors.
    static func ruleSet(_ text: String) throws -> RuleSet {
        let sources = SourceManager()
        let loaded = RuleLoader.load(text: text, path: "test.regels", sources: sources)
        guard let ruleSet = loaded.ruleSet else {
            throw RuleTextError(rendered: DiagnosticRenderer(sources: sources).render(loaded.diagnostics.all))
        }
        return ruleSet
    }

    static func run(_ text: String, _ persona: Persona, from: String, to: String) throws -> PersonaRun {
        let plan = Plan(try ruleSet(text))
        return try Evaluator(plan: plan).run(persona, from: YearMonth(iso: from)!, to: YearMonth(iso: to)!)
    }

    /// Diagnostics of rule text that is expected to be wrong.
    static func diagnostics(_ text: String) -> [Diagnostic] {
        RuleLoader.load(text: text, path: "test.regels").diagnostics.all
    }
}

struct RuleTextError: Error, CustomStringConvertible {
    let rendered: String
    var description: String { rendered }
}

func date(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }
func month(_ iso: String) -> YearMonth { YearMonth(iso: iso)! }
func euro(_ text: String) -> Fixed {
    // "150,00" -> Fixed; test literals only.
    let parts = text.split(separator: ",")
    let whole = Int64(parts[0])!
    let cents = parts.count > 1 ? Int64(parts[1].padding(toLength: 2, withPad: "0", startingAt: 0))! : 0
    return Fixed(cents: whole * 100 + cents)
}

/// An ordinary persona with every capacity at 3.
func persona(_ id: String = "test", born: String = "1980-01-01") -> Persona {
    Persona(id: id, name: id, birthDate: date(born), weight: 1,
            capacity: Dictionary(uniqueKeysWithValues: Capacity.allCases.map { ($0, 3) }))
}

extension PersonaRun {
    /// Paid cents for a benefit in a month (nil when the month is not in the run).
    func paid(_ benefit: String, _ m: String) -> Int64? {
        month(YearMonth(iso: m)!)?.benefit(benefit)?.paidCents
    }
}
