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
    /// is lowered to a plan and run for one year, and one with `invoer` over
    /// columns of edge values with and without what `RangeProof` proves.
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
            if let rules = loaded.ruleSet {
                let plan = Plan(rules)
                Self.runOneYear(plan)
                if !rules.inputs.isEmpty { Self.provenAndChecked(plan, seed: bytes) }
            }
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

    /// Runs the rules over columns of edge values (zero, one, signs, the largest
    /// an input may hold), chosen by the input's bytes, with and without the
    /// proof of what cannot fail: every declaration must come out the same in
    /// every person and month, or both runs fail alike. A difference stops the
    /// fuzzer: the proof took a check away that was needed.
    static func provenAndChecked(_ plan: Plan, seed bytes: [UInt8]) {
        var state = bytes.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        func next() -> Int {
            state = state &+ 0x9e37_79b9_7f4a_7c15
            var z = state
            z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
            z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
            return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 1)
        }
        let persons = 9, months = 12
        // Per column a limit, so that columns' ranges (which decide what is proven) vary from
        // input to input; zero and the limit itself often, as edges are where checks matter.
        func values(_ count: Int, limits: [Int64]) -> [Int64] {
            let limit = limits[next() % limits.count]
            return (0..<count).map { _ in
                switch next() % 8 {
                case 0, 1: return 0
                case 2: return next() % 2 == 0 ? limit : -limit
                default: return Int64(next() % Int(2 * limit + 1)) - limit
                }
            }
        }
        let columns = plan.ruleSet.inputs.map { input -> InputColumn in
            let count = input.periodicity == .month ? persons * months : persons
            switch input.type {
            case .bool: return .flags((0..<count).map { _ in next() % 2 == 0 })
            case .money: return .cents(values(count, limits: [1, 100, 10_000, 1_000_000, 100_000_000, 10_000_000_000, 900_000_000_000_000]))
            default: return .whole(values(count, limits: [1, 10, 100, 10_000, 1_000_000, 2_000_000_000]).map { Int32($0) })
            }
        }
        guard let data = try? InputColumns(persons: persons, months: months, columns: columns) else { return }
        // Each declaration on its own: one that fails does not hide the others.
        func run(_ output: String, proving: Bool) -> String {
            guard let engine = try? InputRun(plan: plan, outputs: [output], firstMonth: YearMonth(year: 2024, month: 1), months: months,
                                             blockSize: 4, proving: proving) else { return "geen run" }
            let seen = Seen()
            do {
                let result = try engine.run(data, threads: 1) { o, m, first, values in seen.add("\(o) \(m) \(first) \(Array(values))") }
                return "\(result.monthSums) \(seen.lines)"
            } catch {
                return "\(error)"
            }
        }
        for output in plan.ruleSet.values.map(\.name) {
            let proven = run(output, proving: true), checked = run(output, proving: false)
            guard proven == checked else { fatalError("\(output) met bewijs: \(proven.prefix(300)); met alle controles: \(checked.prefix(300))") }
        }
    }
}

/// What an input run's observer saw, in order (one thread).
private final class Seen: @unchecked Sendable {
    private(set) var lines: [String] = []
    func add(_ line: String) { lines.append(line) }
}
