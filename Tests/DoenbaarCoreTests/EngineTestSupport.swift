import DoenbaarCore
import Foundation

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

/// The facts engine tests read, declared the way Rules/persoon and Rules/ww
/// declare them: income per month (known, reported) and stays abroad.
let testFacts = """

gegeven werkelijk_inkomen: bedrag per maand
  bron "Testwet art. 10"
gegeven inkomen_bekend: ja/nee per maand
  bron "Testwet art. 10"
gegeven inkomen_gemeld: ja/nee per maand
  bron "Testwet art. 10"
opgave inkomen
  bron "Testwet art. 10"
  maand werkelijk_inkomen
  bekend inkomen_bekend
  gemeld inkomen_gemeld
  rol inkomen_uit_werk
definitie inkomen: bedrag per maand
  bron "Testwet art. 10"
  = als inkomen_bekend dan werkelijk_inkomen anders € 0
gegeven in_buitenland: ja/nee per dag
  bron "Testwet art. 11"
gegeven verblijf_gemeld: ja/nee per dag
  bron "Testwet art. 11"
opgave verblijf
  bron "Testwet art. 11"
  periode in_buitenland
  kennis gemeld, ontdekt, polis
  gemeld verblijf_gemeld
  rol afwezigheid

"""

/// A month of income from work, as the `inkomen` line of `testFacts` gives it.
func income(_ m: String, _ amount: String, _ knowledge: Knowledge) -> PersonaRecord {
    PersonaRecord(kind: "inkomen", shape: .month, role: .workIncome, from: month(m).first, through: month(m).last,
                  value: euro(amount).raw, knowledge: knowledge)
}

/// A stay abroad, as the `verblijf` line of `testFacts` gives it.
func stay(_ from: String, _ through: String, _ knowledge: Knowledge) -> PersonaRecord {
    PersonaRecord(kind: "verblijf", shape: .period, role: .absence, from: date(from), through: date(through), knowledge: knowledge)
}

/// The bundled Rules/, whose declarations say what a persona file may contain.
func bundledSchema() throws -> PersonaSchema {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    let sources = SourceManager()
    let loaded = try RuleLoader.load([root + "/Rules"], sources: sources)
    guard let ruleSet = loaded.ruleSet else {
        throw RuleTextError(rendered: DiagnosticRenderer(sources: sources).render(loaded.diagnostics.all))
    }
    return PersonaSchema(ruleSet)
}

/// A baseline file and a reform folder written to a temporary place, the reform loaded on the baseline.
func loadReform(baseline: String, reform: String) throws -> (LoadedReform, SourceManager) {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("reform-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root.appendingPathComponent("hervorming"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    try baseline.write(to: root.appendingPathComponent("basis.regels"), atomically: true, encoding: .utf8)
    try reform.write(to: root.appendingPathComponent("hervorming/voorstel.regels"), atomically: true, encoding: .utf8)
    let sources = SourceManager()
    let loaded = try ReformLoader.load(reform: root.appendingPathComponent("hervorming").path,
                                       baseline: [root.appendingPathComponent("basis.regels").path], sources: sources)
    return (loaded, sources)
}
