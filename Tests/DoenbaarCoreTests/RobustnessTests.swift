import DoenbaarCore
import Foundation
import Testing

/// No input may crash or hang the reading of rules and personas: mutated
/// copies of the real files, and inputs that are huge, deep or long.
@Suite struct RobustnessTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let goodFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/good")

    /// Mutated inputs per seed file; `DOENBAAR_FUZZ_ITERATIONS` raises it for a long run.
    static let iterations = ProcessInfo.processInfo.environment["DOENBAAR_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 600

    static func read(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }

    static var ruleFiles: [URL] {
        let folder = packageRoot.appendingPathComponent("Rules/ww")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".regels") }.sorted().map { folder.appendingPathComponent($0) }
    }

    // MARK: (a) Mutations of the real files

    @Test(.timeLimit(.minutes(10)), arguments: ruleFiles.map(\.lastPathComponent))
    func mutatedRuleFilesGiveDiagnosticsNotCrashes(_ name: String) throws {
        let files = try Self.ruleFiles.map { ($0.lastPathComponent, try Self.read($0)) }
        let original = try #require(files.first { $0.0 == name }?.1)
        // The WW reads the facts every regulation shares, and the Ziektewet (no WW while ziekengeld is received).
        let shared = try ["persoon/gegevens", "zw/ziekengeld", "zw/samenloop_ww", "analyse/doenvermogen"].map { name in
            (name + ".regels", try Self.read(Self.packageRoot.appendingPathComponent("Rules/\(name).regels")))
        }
        var mutator = Mutator(seed: 0x5EED_0000 &+ UInt64(name.utf8.count))
        var clean = 0
        for iteration in 0..<Self.iterations {
            let mutated = mutator.mutate(original)
            // The mutated file is checked together with the others, as the loader would,
            // and with the regulations it reads (Rules/persoon, Rules/zw, the kinds of life event).
            let inputs = files.map { $0.0 == name ? ($0.0, mutated) : $0 } + shared
            let outcome = Self.checkRules(inputs, usePersona: iteration % 10 == 0)
            if let problem = outcome.problem {
                Issue.record("\(name), mutatie \(iteration): \(problem)\n\(Self.excerpt(mutated))")
                return
            }
            if outcome.clean { clean += 1 }
        }
        // Comments and whitespace mutate too, so some inputs stay valid and reach the evaluator.
        #expect(clean > 0)
    }

    @Test(.timeLimit(.minutes(10)))
    func mutatedPersonasGiveDiagnosticsNotCrashes() throws {
        let original = try Self.read(Self.packageRoot.appendingPathComponent("Personas/sanne.persona"))
        var mutator = Mutator(seed: 0x5EED_1111)
        for iteration in 0..<Self.iterations {
            let mutated = mutator.mutate(original)
            if let problem = Self.checkPersona(mutated, json: false) {
                Issue.record("sanne.persona, mutatie \(iteration): \(problem)\n\(Self.excerpt(mutated))")
                return
            }
        }
    }

    @Test(.timeLimit(.minutes(10)))
    func mutatedJSONPersonasGiveDiagnosticsNotCrashes() throws {
        let original = try Self.read(Self.goodFixtures.appendingPathComponent("sanne.json"))
        var mutator = Mutator(seed: 0x5EED_2222)
        for iteration in 0..<Self.iterations {
            let mutated = mutator.mutate(original)
            if let problem = Self.checkPersona(mutated, json: true) {
                Issue.record("sanne.json, mutatie \(iteration): \(problem)\n\(Self.excerpt(mutated))")
                return
            }
        }
    }

    /// Parses, checks and renders; a clean rule set must also plan and run.
    static func checkRules(_ files: [(String, [UInt8])], usePersona: Bool) -> (clean: Bool, problem: String?) {
        let started = ContinuousClock.now
        let sources = SourceManager()
        var diagnostics = DiagnosticBag()
        var syntax: [SyntaxFile] = []
        for (name, bytes) in files {
            let file = SourceFile(path: name, bytes: bytes)
            let (parsed, d) = RuleFileParser.parse(file, fileID: sources.add(file))
            syntax.append(parsed)
            diagnostics.add(contentsOf: d)
        }
        let checked = Checker.check(syntax)
        diagnostics.add(contentsOf: checked.diagnostics)
        if let problem = misplaced(diagnostics, sources) { return (false, problem) }
        if !diagnostics.hasErrors {
            guard let ruleSet = checked.ruleSet else { return (false, "geen fouten, maar ook geen regelset") }
            // Usable: it compiles, and when asked it runs for a persona (an evaluation failure is an answer too).
            let plan = Plan(ruleSet)
            if usePersona, let persona = sannePersona {
                _ = try? Evaluator(plan: plan).run(persona, from: YearMonth(year: 2025, month: 7), to: YearMonth(year: 2025, month: 9))
            }
        }
        if let slow = tooSlow(since: started) { return (false, slow) }
        return (!diagnostics.hasErrors, nil)
    }

    /// The bundled rules' persona declarations, read once.
    static let schema: PersonaSchema = try! bundledSchema()

    static func checkPersona(_ bytes: [UInt8], json: Bool) -> String? {
        let started = ContinuousClock.now
        let sources = SourceManager()
        let file = SourceFile(path: json ? "sanne.json" : "sanne.persona", bytes: bytes)
        let id = sources.add(file)
        let (persona, diagnostics) = json ? PersonaJSON.decode(file, fileID: id, id: "sanne", schema: schema)
                                          : PersonaParser.parse(file, fileID: id, id: "sanne", schema: schema)
        if let problem = misplaced(diagnostics, sources) { return problem }
        if diagnostics.hasErrors != (persona == nil) { return "persona en fouten spreken elkaar tegen" }
        if let persona { _ = persona.defaultMonths }
        return tooSlow(since: started)
    }

    /// Every diagnostic must point at a place in a file, and render.
    static func misplaced(_ diagnostics: DiagnosticBag, _ sources: SourceManager) -> String? {
        for d in diagnostics.all {
            for range in [d.range] + d.notes.map(\.range) where range.isSynthetic || sources.location(range) == nil {
                return "melding zonder plaats: \(d.message)"
            }
        }
        _ = DiagnosticRenderer(sources: sources).render(diagnostics.all)
        return nil
    }

    static func tooSlow(since start: ContinuousClock.Instant) -> String? {
        let elapsed = ContinuousClock.now - start
        return elapsed > .seconds(2) ? "duurde \(elapsed)" : nil
    }

    static let sannePersona: Persona? = {
        guard let bytes = try? read(packageRoot.appendingPathComponent("Personas/sanne.persona")) else { return nil }
        let file = SourceFile(path: "sanne.persona", bytes: bytes)
        return PersonaParser.parse(file, fileID: 0, id: "sanne", schema: schema).0
    }()

    /// The mutated text for a failure message, readable and not too long.
    static func excerpt(_ bytes: [UInt8]) -> String {
        String(String(decoding: bytes.prefix(2000), as: UTF8.self).unicodeScalars.map {
            $0.value < 0x20 && $0 != "\n" ? "\\u{\(String($0.value, radix: 16))}" : String($0)
        }.joined())
    }

    // MARK: (b) Input above the size limit

    @Test func inputAboveTheSizeLimitIsRefusedWithOneDiagnostic() throws {
        let huge = [UInt8](repeating: UInt8(ascii: "#"), count: Lexer.maximumFileSize + 1)
        let file = SourceFile(path: "groot.regels", bytes: huge)
        #expect(RuleFileParser.parse(file, fileID: 0).1.all.map(\.id) == [.fileTooLarge])
        #expect(PersonaParser.parse(file, fileID: 0, id: "groot", schema: Self.schema).1.all.map(\.id) == [.fileTooLarge])
        #expect(PersonaJSON.decode(file, fileID: 0, id: "groot", schema: Self.schema).1.all.map(\.id) == [.fileTooLarge])
    }

    @Test func aHugeFileOnDiskIsReadOnlyUpToTheLimit() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("doenbaar-groot-\(UUID().uuidString).regels")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(repeating: UInt8(ascii: "#"), count: Lexer.maximumFileSize + 4096).write(to: url)
        let loaded = try RuleLoader.load([url.path], sources: SourceManager())
        #expect(loaded.diagnostics.all.map(\.id) == [.fileTooLarge])
        #expect(loaded.ruleSet == nil)
    }

    // MARK: (c) Deep, long and wide input

    static let header = "regeling T \"Testwet\"\n\n"

    static func definition(_ body: String, name: String = "d", type: String = "getal") -> String {
        header + "definitie \(name): \(type) per dag\n  bron \"Testwet art. 1\"\n  = \(body)\n"
    }

    static func ids(_ text: String) -> [DiagnosticID] {
        RuleLoader.load(text: text, path: "diep.regels").diagnostics.all.map(\.id)
    }

    @Test func hundredThousandNestedParenthesesAreTooDeep() {
        let depth = 100_000
        let text = Self.definition(String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth))
        #expect(Self.ids(text) == [.tooDeep])
    }

    @Test func hundredThousandNegationsAreTooDeep() {
        let text = Self.definition(String(repeating: "niet ", count: 100_000) + "ja", type: "ja/nee")
        #expect(Self.ids(text) == [.tooDeep])
    }

    @Test func hundredThousandMinusSignsAreTooDeep() {
        #expect(Self.ids(Self.definition(String(repeating: "- ", count: 100_000) + "1")) == [.tooDeep])
    }

    @Test func aMegabyteSumOnOneLineIsTooLongNotAStackOverflow() {
        let terms = 1_000_000 / 4
        let text = Self.definition("1" + String(repeating: " + 1", count: terms))
        #expect(Self.ids(text) == [.tooDeep])
    }

    @Test func aMegabyteStringOnOneLineIsRead() {
        let text = Self.header + "uitkering U \"\(String(repeating: "x", count: 1_000_000))\"\n  bron \"Testwet art. 1\"\n"
        // Read whole; as the benefit's label it is far too long for a heading: one warning.
        #expect(Self.ids(text) == [.malformedLabel])
    }

    @Test func aMegabyteOfGarbageGivesABoundedNumberOfDiagnostics() {
        let text = Self.header + String(repeating: "@ ~ ", count: 250_000)
        let found = Self.ids(text)
        #expect(found.count <= DiagnosticBag.maximumPerFile + 1)
        #expect(found.last == .tooManyErrors)
    }

    @Test func aCallWithTooManyArgumentsIsRefused() {
        let text = Self.definition("min(" + Array(repeating: "1", count: 10_000).joined(separator: ", ") + ")")
        #expect(Self.ids(text) == [.tooDeep])
    }

    /// A definition takes three lines: 100,000 lines in all.
    static let chainLength = 33_334

    /// The checker's walks over dependencies are iterative, so a long chain cannot overflow
    /// its stack; the evaluator's is not (it computes what a value reads first), so a chain
    /// deeper than it can follow is refused here, once, with where it ends.
    @Test(.timeLimit(.minutes(10)))
    func aHundredThousandLineChainOfDefinitionsIsOneDiagnostic() throws {
        let count = Self.chainLength
        var text = Self.header + "definitie d0: getal per dag\n  bron \"Testwet art. 1\"\n  = 1\n"
        for i in 1..<count { text += "definitie d\(i): getal per dag\n  bron \"Testwet art. 1\"\n  = d\(i - 1) + 1\n" }
        let loaded = RuleLoader.load(text: text, path: "keten.regels")
        #expect(loaded.diagnostics.all.map(\.id) == [.tooDeep])
        #expect(loaded.diagnostics.all.first?.message.contains("hangt af van een keten van \(count) definities (tot 'd0'); Doenbaar rekent ketens tot 250 diep") == true,
                "\(loaded.diagnostics.all.map(\.message))")
    }

    /// A chain as deep as the checker allows runs, also on a thread with a small stack
    /// (Swift Testing's, like a population's workers); one deeper is refused.
    @Test func aChainAsDeepAsAllowedRunsAndOneMoreIsRefused() throws {
        func chain(_ n: Int) -> String {
            var text = Self.header + "uitkering U \"Testuitkering\"\n  bron \"Testwet art. 1\"\ndefinitie d0: bedrag per maand\n  bron \"Testwet art. 1\"\n  = € 0,01\n"
            for i in 1..<n { text += "definitie d\(i): bedrag per maand\n  bron \"Testwet art. 1\"\n  = d\(i - 1) + € 0,01\n" }
            return text
        }
        let deepest = Checker.maximumChainDepth
        // The rule is one more link: d0 ... d(n-2) and the rule make n.
        let allowed = chain(deepest - 1) + "regel r\n  bron \"Testwet art. 2\"\n  uitkomst U per maand\n  = d\(deepest - 2)\n"
        let loaded = RuleLoader.load(text: allowed, path: "keten.regels")
        let rules = try #require(loaded.ruleSet, "\(loaded.diagnostics.all.map(\.message))")
        let run = try Evaluator(plan: Plan(rules)).run(persona(), from: YearMonth(year: 2025, month: 1), to: YearMonth(year: 2025, month: 1))
        // d0 is € 0,01 and every link adds € 0,01: € 0,01 times the number of definitions.
        #expect(run.months[0].benefit("U")?.paidCents == Int64(deepest - 1))
        let tooDeep = chain(deepest) + "regel r\n  bron \"Testwet art. 2\"\n  uitkomst U per maand\n  = d\(deepest - 1)\n"
        #expect(RuleLoader.load(text: tooDeep, path: "keten.regels").diagnostics.all.map(\.id) == [.tooDeep])
    }

    @Test(.timeLimit(.minutes(10)))
    func aCycleThroughTheWholeChainIsOneShortDiagnostic() throws {
        let count = Self.chainLength
        var text = Self.header
        for i in 0..<count { text += "definitie d\(i): getal per dag\n  bron \"Testwet art. 1\"\n  = d\((i + 1) % count) + 1\n" }
        let diagnostics = RuleLoader.load(text: text, path: "kring.regels").diagnostics.all
        #expect(diagnostics.map(\.id) == [.cycle])
        #expect((diagnostics.first?.message.count ?? 0) < 200)
    }

    @Test func deeplyNestedJSONIsRefused() {
        let file = SourceFile(path: "diep.json", text: String(repeating: "[", count: 100_000))
        let (persona, diagnostics) = PersonaJSON.decode(file, fileID: 0, id: "diep", schema: Self.schema)
        #expect(persona == nil)
        #expect(diagnostics.all.count == 1)
        #expect(diagnostics.all.first?.message.contains("dieper genest") == true)
    }

    /// Rules that check can still compute absurd values; the evaluator answers with
    /// a failure at the declaration instead of trapping in date or sum arithmetic.
    @Test(arguments: [
        ("datum", "begin_jaar(peildatum + 1000000000 dagen)"),
        ("datum", "peildatum + 2147483000 dagen + 1200 maanden"),
        ("bedrag", "totaal_dit_jaar(€ 999999999999 * 9)"),
        ("bedrag", "€ 999999999999 * 9"),
    ])
    func absurdValuesFailTheRunInsteadOfTrapping(_ type: String, _ body: String) throws {
        // The evaluator computes only what a rule needs, so a rule reads the value.
        let use = type == "datum" ? "als absurd > peildatum\n  = € 1,00" : "= absurd"
        let text = Self.definition(body, name: "absurd", type: type)
            + "uitkering U \"Testuitkering\"\n  bron \"Testwet art. 2\"\n"
            + "regel u\n  bron \"Testwet art. 3\"\n  uitkomst U per dag\n  \(use)\n"
        let ruleSet = try #require(RuleLoader.load(text: text, path: "absurd.regels").ruleSet)
        let persona = try #require(Self.sannePersona)
        #expect(throws: Evaluator.RunError.self) {
            try Evaluator(plan: Plan(ruleSet)).run(persona, from: YearMonth(year: 2025, month: 7), to: YearMonth(year: 2025, month: 7))
        }
    }

    @Test func aByteOrderMarkAtTheStartIsNotText() {
        let rules = SourceFile(path: "bom.regels", bytes: Lexer.byteOrderMark + Array("regeling T \"Testwet\"\n".utf8))
        #expect(RuleFileParser.parse(rules, fileID: 0).1.all.isEmpty)
        let json = SourceFile(path: "bom.json", bytes: Lexer.byteOrderMark + Array("[]".utf8))
        #expect(PersonaJSON.decode(json, fileID: 0, id: "bom", schema: Self.schema).1.all.map(\.message) == ["de persona moet een object {...} zijn, maar is een lijst"])
    }

    @Test func aMonthCountBeyondAHundredYearsIsRefused() {
        let text = Self.definition("geboortedatum + 99999999999 maanden", type: "datum")
        #expect(Self.ids(text) == [.invalidNumber])
    }
}

/// Seeded mutations of a file: bytes and tokens deleted, duplicated, swapped
/// or inserted, random (also multibyte and invalid) UTF-8, truncation.
struct Mutator {
    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    static let snippets: [[UInt8]] = [
        Array("€".utf8), Array("é".utf8), Array("≥".utf8), Array("😀".utf8), Array("\u{301}".utf8),
        [0xFF], [0xC3], [0xE2, 0x82], [0x00], Array("\n".utf8), Array("\"".utf8), Array("(".utf8), Array(")".utf8),
        Array("#".utf8), Array(",".utf8), Array(".".utf8), Array("-".utf8), Array("9".utf8), Array("  ".utf8),
        Array("\t".utf8), Array("\r\n".utf8), Array("99999999999999999999".utf8), Array("2025-02-30".utf8),
        // Valid but extreme values, to reach the limits of the evaluator.
        Array(" * 999999999999".utf8), Array(" + 1200 maanden".utf8), Array(" + 999999999999 dagen".utf8),
    ]

    mutating func mutate(_ original: [UInt8]) -> [UInt8] {
        var bytes = original
        for _ in 0..<(1 + random.below(3)) {
            guard !bytes.isEmpty else { break }
            let tokens = Self.tokenRanges(bytes)
            switch random.below(9) {
            case 0 where !tokens.isEmpty:
                bytes.removeSubrange(tokens[random.below(tokens.count)])
            case 1 where !tokens.isEmpty:
                let t = tokens[random.below(tokens.count)]
                bytes.insert(contentsOf: [UInt8(ascii: " ")] + bytes[t], at: t.upperBound)
            case 2 where tokens.count > 1:
                var (a, b) = (tokens[random.below(tokens.count)], tokens[random.below(tokens.count)])
                if a.lowerBound > b.lowerBound { swap(&a, &b) }
                guard a.upperBound <= b.lowerBound else { continue }
                let (first, second) = (Array(bytes[a]), Array(bytes[b]))
                bytes.replaceSubrange(b, with: first)
                bytes.replaceSubrange(a, with: second)
            case 3 where !tokens.isEmpty:
                let t = tokens[random.below(tokens.count)]
                let at = tokens[random.below(tokens.count)].lowerBound
                bytes.insert(contentsOf: Array(bytes[t]) + [UInt8(ascii: " ")], at: at)
            case 4:
                let start = random.below(bytes.count)
                bytes.removeSubrange(start..<min(bytes.count, start + 1 + random.below(16)))
            case 5:
                let snippet = random.below(4) == 0 ? [UInt8(truncatingIfNeeded: random.next())] : Self.snippets[random.below(Self.snippets.count)]
                bytes.insert(contentsOf: snippet, at: random.below(bytes.count + 1))
            case 6:
                bytes.removeSubrange(random.below(bytes.count)...)
            case 7:
                let start = random.below(bytes.count)
                let piece = bytes[start..<min(bytes.count, start + 1 + random.below(80))]
                bytes.insert(contentsOf: piece, at: random.below(bytes.count + 1))
            default:
                // A digit changed in place: dates, amounts and counts go out of range.
                let digits = bytes.indices.filter { bytes[$0] >= UInt8(ascii: "0") && bytes[$0] <= UInt8(ascii: "9") }
                if let i = digits.isEmpty ? nil : digits[random.below(digits.count)] {
                    bytes[i] = UInt8(ascii: "0") + UInt8(random.below(10))
                }
            }
        }
        return bytes
    }

    /// Byte ranges of the tokens (not line breaks), or none when the text is refused.
    static func tokenRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        Lexer.tokenize(SourceFile(path: "", bytes: bytes), fileID: 0).tokens
            .filter { $0.kind != .newline && $0.kind != .end && $0.range.end > $0.range.start }
            .map { $0.range.start..<$0.range.end }
    }
}

/// SplitMix64: tiny, fast and fully determined by its seed, so a failing
/// mutation can be replayed (the system generator cannot be seeded).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<n (n > 0); the slight modulo bias does not matter here.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
