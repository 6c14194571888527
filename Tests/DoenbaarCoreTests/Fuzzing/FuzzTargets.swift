#if !FUZZING
import DoenbaarCore
#endif
import Foundation

/// What each fuzz target does with one input. The libFuzzer build
/// (`scripts/fuzz.sh`, compiled with `-D FUZZING` into one module with Core)
/// and `FuzzRegressionTests` run the same functions, so an input that once
/// crashed stays a test. Every target renders its diagnostics too: carets and
/// suggestions are code that hostile input reaches.
enum FuzzTarget: String, CaseIterable, Sendable {
    /// Lexer, parser and checker on a rule file; a rule set that checks clean
    /// is lowered to a plan and run for one year.
    case regels
    /// The `.persona` reader against the bundled rules.
    case persona
    /// The JSON persona reader against the bundled rules.
    case json
    /// The evaluator: a persona (text) that reads clean, run through the
    /// bundled checked rules over its months.
    case rekenen

    /// The bundled rules, checked once (thread-safe: a static let): the
    /// package's Rules/, or the folder DOENBAAR_FUZZ_RULES names.
    static let bundled: (schema: PersonaSchema, plan: Plan) = {
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
        let folder = ProcessInfo.processInfo.environment["DOENBAAR_FUZZ_RULES"] ?? packageRoot + "/Rules"
        guard let loaded = try? RuleLoader.load([folder], sources: SourceManager()), let rules = loaded.ruleSet else {
            fatalError("de regels in '\(folder)' zijn niet te laden")
        }
        return (PersonaSchema(rules), Plan(rules))
    }()

    /// At most this many months are computed per input: enough to cross a
    /// year boundary and a recovery, few enough for thousands of inputs a second.
    static let monthsPerInput = 15

    func run(_ bytes: [UInt8]) {
        let sources = SourceManager()
        switch self {
        case .regels:
            let loaded = RuleLoader.load(text: String(decoding: bytes, as: UTF8.self), path: "fuzz.regels", sources: sources)
            _ = DiagnosticRenderer(sources: sources).render(loaded.diagnostics.all)
            if let rules = loaded.ruleSet { Self.runOneYear(Plan(rules)) }
        case .persona, .json, .rekenen:
            let schema = Self.bundled.schema
            let source = SourceFile(path: self == .json ? "fuzz.json" : "fuzz.persona", bytes: bytes)
            let fileID = sources.add(source)
            let (persona, diagnostics) = self == .json
                ? PersonaJSON.decode(source, fileID: fileID, id: "fuzz", schema: schema)
                : PersonaParser.parse(source, fileID: fileID, id: "fuzz", schema: schema)
            _ = DiagnosticRenderer(sources: sources).render(diagnostics.all)
            guard self == .rekenen, let persona, !diagnostics.hasErrors, let months = persona.defaultMonths else { return }
            let last = min(months.to, months.from.adding(months: Self.monthsPerInput - 1))
            Self.aloneAndInBlock(Self.bundled.plan, persona, from: months.from, to: last)
        }
    }

    /// A persona with nothing but a birth date, through a fuzzed rule set: the
    /// plan's parameters, definitions and benefits all evaluate.
    private static func runOneYear(_ plan: Plan) {
        let persona = Persona(id: "fuzz", name: "fuzz", birthDate: CivilDate(iso: "1980-01-01")!, weight: 1,
                              capacity: Dictionary(uniqueKeysWithValues: Capacity.allCases.map { ($0, 3) }))
        aloneAndInBlock(plan, persona, from: YearMonth(iso: "2024-01")!, to: YearMonth(iso: "2024-12")!)
    }

    /// Runs a persona alone (a block of one lane) and, twice over, as two lanes
    /// of a block, once with whole months of days at once and once day by day:
    /// every lane must decide every month as the persona alone, and have no run
    /// exactly where the persona alone fails. A difference stops the fuzzer with
    /// the input that shows it.
    static func aloneAndInBlock(_ plan: Plan, _ persona: Persona, from: YearMonth, to: YearMonth) {
        let single = try? Evaluator(plan: plan).run(persona, from: from, to: to, trace: false)
        let lanes = LaneEvaluator(plan: plan)
        for lane in lanes.runs([persona, persona], from: from, to: to) + lanes.runs([persona, persona], from: from, to: to, wholeMonths: false) {
            guard (single == nil) == (lane == nil) else {
                fatalError("de baan \(lane == nil ? "faalt" : "slaagt"), de enkele run \(single == nil ? "faalt" : "slaagt")")
            }
            if let single, let lane, "\(single.months)" != "\(lane.months)" {
                fatalError("de baan en de enkele run verschillen")
            }
        }
    }
}
