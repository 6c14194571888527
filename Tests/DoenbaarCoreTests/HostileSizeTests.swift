import DoenbaarCore
import Foundation
import Testing

/// Issue #14, the hangs: inputs whose size made a step quadratic. Each is
/// checked for what it says and that it stays fast: CPU time under 10 s in a
/// debug build (release is several times faster); the time limits only guard
/// against a hang, generous because a parallel test run on two cores starves tests.
@Suite struct HostileSizeTests {
    /// The CPU time of the calling thread: what the input costs, whatever else runs.
    static func cpuSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    static let schemaRules = RobustnessTests.packageRoot.appendingPathComponent("Rules").path

    @Test(.timeLimit(.minutes(10)))
    func aJSONPersonaWithTensOfThousandsOfErrorsGivesAHundredAndOneLine() throws {
        let sources = SourceManager()
        let rules = try #require(try RuleLoader.load([Self.schemaRules], sources: sources).ruleSet)
        let line = #"{"maand": "2025-01", "waarde_cent": 100, "onbekend": 1}"#
        let text = #"{"naam": "A", "geboren": "1987-03-14", "gewicht": 1, "doenvermogen": {"plannen": 3, "in_actie_komen": 3, "volhouden": 3, "verleiding_weerstaan": 3, "tegenslag_verwerken": 3}, "inkomen": ["#
            + Array(repeating: line, count: 20_000).joined(separator: ", ") + "]}"
        let source = SourceFile(path: "veel.json", text: text)
        let started = Self.cpuSeconds()
        let (_, bag) = PersonaJSON.decode(source, fileID: sources.add(source), id: "veel", schema: PersonaSchema(rules))
        let rendered = DiagnosticRenderer(sources: sources).render(bag.all)
        #expect(bag.errors.count == DiagnosticBag.maximumPerFile + 1)
        #expect(bag.errors.last?.id == .tooManyErrors)
        // The summary closes the list, whatever its position.
        #expect(rendered.components(separatedBy: "\n").filter { $0.contains(": fout: ") }.last?.contains("meer dan 100 fouten") == true)
        #expect(Self.cpuSeconds() - started < 10, "CPU time of this test, not wall time: a parallel run starves tests")
    }

    @Test func errorsAreNeverHiddenBehindWarnings() {
        var bag = DiagnosticBag()
        let here = SourceRange(fileID: 7, start: 0, end: 1)
        for _ in 0..<500 { bag.warning(.evaluation, here, "w") }
        bag.error(.evaluation, here, "de fout")
        #expect(bag.hasErrors && bag.errors.map(\.message) == ["de fout"])
        #expect(bag.all.filter { $0.severity == .warning }.count == DiagnosticBag.maximumPerFile + 1)
    }

    @Test(.timeLimit(.minutes(10)))
    func aChainOfThousandsOfExceptionsChecksAndTheMostSpecificDecides() throws {
        var text = """
        regeling X "Testregeling"

        parameter a: bedrag
          bron "Testwet art. 1"
          vanaf 2020-01-01 = € 1,00

        definitie d: bedrag per maand
          bron "Testwet art. 2"
          = a

        """
        let depth = 3000
        for i in 0..<depth {
            text += "\nuitzondering u\(i) op \(i == 0 ? "d" : "u\(i - 1)")\n  bron \"Testwet art. 3\"\n  als a > € 0,00\n  = € \(i + 1),00\n"
        }
        let started = Self.cpuSeconds()
        let loaded = RuleLoader.load(text: text, path: "keten.regels")
        #expect(Self.cpuSeconds() - started < 10, "CPU time of this test, not wall time: a parallel run starves tests")
        let rules = try #require(loaded.ruleSet, "\(loaded.diagnostics.all.prefix(3).map(\.message))")
        let d = try #require(rules.values.first { $0.name == "d" })
        // Each exception goes before the one it is on: the last of the chain is tried first.
        #expect(d.exceptions.count == depth)
        #expect(d.exceptions.first?.name == "u\(depth - 1)" && d.exceptions.last?.name == "u0")
        #expect(zip(d.exceptions, d.exceptions.dropFirst()).allSatisfy { $0.overrides == $1.name })
    }

    @Test(.timeLimit(.minutes(10)))
    func aCaretUnderAMegabyteLineShowsAWindow() {
        let sources = SourceManager()
        let long = String(repeating: "x", count: 1_000_000)
        let text = "regeling X \"x\"\n\nparameter a: bedrag\n  bron \"\(long)\"\n  vanaf 2020-01-01 = €€ 1\n\(long) é @\n"
        let loaded = RuleLoader.load(text: text, path: "lang.regels", sources: sources)
        let rendered = DiagnosticRenderer(sources: sources).render(loaded.diagnostics.all)
        #expect(loaded.diagnostics.hasErrors)
        let longest = rendered.split(separator: "\n").map(\.count).max() ?? 0
        #expect(longest < 2 * 200 + 10, "a caret line shows a window, not the line (\(longest) characters)")
        // The caret still points at the character: the column counts characters, é as one.
        #expect(rendered.contains("lang.regels:6:1000004: fout: "), "\(rendered.prefix(400))")
    }
}
