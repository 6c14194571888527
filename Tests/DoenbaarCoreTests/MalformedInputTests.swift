import DoenbaarCore
import Foundation
import Testing

/// The malformed-input corpus: every file in Fixtures/bad targets one mistake and
/// must give exactly the diagnostics in the snapshot beside it (`NAME.expected`).
///
/// Run with `DOENBAAR_UPDATE_SNAPSHOTS=1 swift test` to rewrite the snapshots;
/// the change then shows in the diff for a reviewer to read.
@Suite struct MalformedInputTests {
    static let fixturesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures").path
    static let badDirectory = fixturesDirectory + "/bad"
    static let snapshotExtension = ".expected"
    static var updatingSnapshots: Bool { ProcessInfo.processInfo.environment["DOENBAAR_UPDATE_SNAPSHOTS"] == "1" }

    /// The malformed inputs, by file name (or reform folder name), sorted so the cases run in a stable order.
    static let inputs: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: badDirectory)) ?? []
        return names.filter { !$0.hasSuffix(snapshotExtension) && !$0.hasPrefix(".") }.sorted()
    }()

    @Test func corpusCoversRulesPersonasAndJSON() {
        #expect(Self.inputs.count >= 40)
        #expect(Self.inputs.filter { $0.hasSuffix(".regels") }.count * 2 > Self.inputs.count)
        #expect(Self.inputs.filter { $0.hasSuffix(".persona") }.count >= 8)
        #expect(Self.inputs.filter { $0.hasSuffix(".json") }.count >= 3)
    }

    @Test func everySnapshotBelongsToAnInput() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.badDirectory)
        let orphans = names.filter { $0.hasSuffix(Self.snapshotExtension) }
            .map { String($0.dropLast(Self.snapshotExtension.count)) }
            .filter { !Self.inputs.contains($0) }
        #expect(orphans.isEmpty, "snapshots zonder invoerbestand: \(orphans)")
    }

    @Test(arguments: inputs)
    func malformedInputGivesItsDiagnostic(_ name: String) throws {
        let sources = SourceManager()
        let diagnostics = try Self.load(Self.badDirectory + "/" + name, sources: sources)

        #expect(diagnostics.hasErrors, "\(name) gaf geen enkele fout")
        for diagnostic in diagnostics.all {
            let ranges = [diagnostic.range] + diagnostic.notes.map(\.range)
            for range in ranges {
                #expect(!range.isSynthetic, "\(name): '\(diagnostic.message)' heeft geen plaats in de tekst")
                #expect(sources.location(range) != nil, "\(name): '\(diagnostic.message)' heeft geen regel en kolom")
            }
        }

        // Paths relative to Fixtures/, so the snapshot reads the same on every machine.
        let rendered = DiagnosticRenderer(sources: sources).render(diagnostics.all)
            .replacingOccurrences(of: Self.fixturesDirectory + "/", with: "")
            .replacingOccurrences(of: RobustnessTests.packageRoot.path + "/", with: "")
        let snapshotPath = Self.badDirectory + "/" + name + Self.snapshotExtension
        if Self.updatingSnapshots {
            try rendered.write(toFile: snapshotPath, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOfFile: snapshotPath, encoding: .utf8) else {
            Issue.record("\(name) heeft geen snapshot; maak hem met DOENBAAR_UPDATE_SNAPSHOTS=1 swift test")
            return
        }
        #expect(rendered == expected, "\(name): meldingen wijken af van \(name)\(Self.snapshotExtension)")
    }

    /// The bundled declarations of facts and persona lines, and the kinds of life
    /// events (the doenvermogen model): a drafter's file is checked beside them, as it
    /// would be in Rules/.
    static let factFiles = ["persoon/gegevens", "ww/gegevens", "wajong/gegevens", "analyse/doenvermogen"]
        .map { "\(RobustnessTests.packageRoot.path)/Rules/\($0).regels" }

    /// A folder `NAME.hervorming` holds a baseline (`basis.regels`) and a reform
    /// (`voorstel/`): the reform is applied to the baseline, as `doenbaar check` does.
    static let reformSuffix = ".hervorming"
    /// A rule file named `hervorming-*.regels` is a reform, applied to the bundled Rules/;
    /// like `doenbaar check`, only its errors count (not the baseline's own warnings).
    static let reformPrefix = "hervorming-"

    /// Through the same loaders the command line uses.
    static func load(_ path: String, sources: SourceManager) throws -> DiagnosticBag {
        if path.hasSuffix(reformSuffix) {
            return try ReformLoader.load(reform: path + "/voorstel", baseline: [path + "/basis.regels"], sources: sources).diagnostics
        }
        if path.hasSuffix(".regels"), (path as NSString).lastPathComponent.hasPrefix(reformPrefix) {
            let loaded = try ReformLoader.load(reform: path, baseline: [RobustnessTests.packageRoot.path + "/Rules"], sources: sources)
            return DiagnosticBag(errorsOf: loaded.diagnostics)
        }
        if path.hasSuffix(".regels") {
            return try RuleLoader.load(factFiles + [path], sources: sources).diagnostics
        }
        let ruleSet = try bundledSchema().ruleSet
        let (persona, diagnostics) = try PersonaLoader.load(path: path, rules: ruleSet, sources: sources)
        guard let persona, !diagnostics.hasErrors else { return diagnostics }
        // A persona that reads well is run: its `verwacht` lines must come out, as `doenbaar check` does.
        var check = ExpectationCheck(baseline: Evaluator(plan: Plan(ruleSet)), baselinePaths: [RobustnessTests.packageRoot.path + "/Rules"], sources: sources)
        var all = diagnostics
        all.add(contentsOf: check.check(persona))
        return all
    }
}
