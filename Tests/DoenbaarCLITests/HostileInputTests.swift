@testable import DoenbaarCLI
@testable import DoenbaarAnalysis
import DoenbaarReports
import Foundation
import Testing

/// Input at the edges gets a Dutch message and an exit code, never a crash.
@Suite struct HostileInputTests {
    @Test(arguments: ["2999-09", "2999-01"])
    func aPersonaNearTheLastComputableYearIsAMessageNotACrash(_ start: String) throws {
        // The analysis plays months past the persona's period (a missed report is discovered
        // later); past October 2999 the engine's dates end. It used to trap in YearMonth.last.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("doenbaar-laat-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let text = """
        persona "Laat"
          geboren 2960-01-01
          gewicht 1
          periode \(start) tot en met 2999-12
          doenvermogen plannen 3, in_actie_komen 3, volhouden 3, verleiding_weerstaan 3, tegenslag_verwerken 3

        ww
          ingang \(start)-01
          dagloon € 100,00
          arbeidsverleden 10 jaar
        """
        try text.write(toFile: dir + "/laat.persona", atomically: true, encoding: .utf8)
        let r = runCLI(["run", "--persona", dir + "/laat.persona", "--rules", "\(packageRoot)/Rules"])
        #expect(r.code == .inputErrors, "\(r.err)")
        #expect(r.err.contains("valt buiten de maanden die Doenbaar kan doorrekenen (januari 1800 tot en met oktober 2999)"), "\(r.err)")
        #expect(r.err.contains("laat.persona:1:1: fout:"), "positioned at the persona: \(r.err)")
    }

    @Test func aRulesFolderReachedThroughALinkIsReadAndALoopEndsOnce() throws {
        // Rules/ through a symbolic link, with a link inside pointing back up: every file once.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("doenbaar-link-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: "\(packageRoot)/Rules", toPath: dir + "/echt")
        try FileManager.default.createSymbolicLink(atPath: dir + "/regels", withDestinationPath: dir + "/echt")
        try FileManager.default.createSymbolicLink(atPath: dir + "/echt/ww/terug", withDestinationPath: dir + "/echt")
        let direct = runCLI(["check", "\(packageRoot)/Rules"]), linked = runCLI(["check", dir + "/regels"])
        #expect(linked.code == .success, "\(linked.err)")
        let count = { (r: (code: ExitCode, out: String, err: String)) in r.err.split(separator: "\n").last { $0.hasPrefix("in orde") } }
        #expect(count(linked) == count(direct), "\(linked.err)")
    }

    @Test func aNamedPipeCalledRegelsIsRefusedNotWaitedOn() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("doenbaar-pijp-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(mkfifo(dir + "/x.regels", 0o600) == 0)
        let r = runCLI(["check", dir])
        #expect(r.code == .usage)
        #expect(r.err.contains("x.regels' is niet te lezen: geen gewoon bestand"), "\(r.err)")
    }

    @Test func twoPersonasWithOneIdAreAnError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("doenbaar-dubbel-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: "\(packageRoot)/Personas/bas.persona", toPath: dir + "/bas.persona")
        try FileManager.default.copyItem(atPath: "\(packageRoot)/Tests/DoenbaarCoreTests/Fixtures/good/sanne.json", toPath: dir + "/bas.json")
        let r = runCLI(["check", "\(packageRoot)/Rules", dir])
        #expect(r.code == .inputErrors)
        #expect(r.err.contains("bas.persona:11:1: fout: er is al een persona 'bas'"), "\(r.err)")
        #expect(r.err.contains("bas.json:1:1: noot: de eerste persona 'bas'"))
    }

    /// The built executable, its standard output pointed somewhere that fails.
    func runExecutable(_ arguments: [String], stdout: FileHandle) throws -> (status: Int32, reason: Process.TerminationReason, err: String) {
        let executable = try #require(LanguageServerTests.executable(), "no built 'doenbaar'; run 'swift build' first")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = stdout
        let err = Pipe()
        process.standardError = err
        try process.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, process.terminationReason, text)
    }

    @Test func aFullDiskForTheOutputIsAMessageNotATrap() throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let r = try runExecutable(["--help"], stdout: full)
        #expect(r.reason == .exit && r.status == 2, "\(r)")
        #expect(r.err == "doenbaar: fout: de uitvoer kon niet worden geschreven: de schijf is vol\n")
    }

    @Test func aClosedPipeForTheOutputIsAMessageNotASignal() throws {
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let r = try runExecutable(["run", "--persona", "\(packageRoot)/Personas/omer.persona", "--rules", "\(packageRoot)/Rules", "--zonder-analyse"],
                                  stdout: pipe.fileHandleForWriting)
        #expect(r.reason == .exit && r.status == 2, "\(r)")
        #expect(r.err.hasSuffix("doenbaar: fout: de uitvoer kon niet worden geschreven: de ontvanger van de uitvoer is gesloten\n"), "\(r.err)")
    }

    @Test func aPersonaWithoutPeriodWhoseLinesRunPastFourYearsIsWarnedAbout() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("doenbaar-lang-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func persona(_ lastIncome: String, reported: String) -> String {
            """
            persona "Lang"
              geboren 1980-01-01
              gewicht 1
              doenvermogen plannen 3, in_actie_komen 3, volhouden 3, verleiding_weerstaan 3, tegenslag_verwerken 3

            ww
              ingang 2020-01-01
              dagloon € 100,00
              arbeidsverleden 10 jaar

            inkomen 2020-03 € 100,00 gemeld 2020-04-02
            inkomen \(lastIncome) € 100,00 gemeld \(reported)
            """
        }
        // Without a period a run shows at most four years: January 2020 to December 2023. An
        // income line in 2025 would be left out without a word.
        try persona("2025-03", reported: "2025-04-02").write(toFile: dir + "/lang.persona", atomically: true, encoding: .utf8)
        let r = runCLI(["check", "\(packageRoot)/Rules", dir + "/lang.persona"])
        #expect(r.code == .success, "a warning, not an error: \(r.err)")
        #expect(r.err.contains("lang.persona:1:1: waarschuwing: persona 'lang' heeft geen periode en loopt door tot maart 2025; zonder periode rekent Doenbaar ten hoogste vier jaar door (maart 2020 tot en met februari 2024)"), "\(r.err)")
        #expect(r.err.contains("hulp: geef de periode: 'periode 2020-03 tot en met 2025-05'"))
        // Within four years: silent.
        try persona("2021-03", reported: "2021-04-02").write(toFile: dir + "/lang.persona", atomically: true, encoding: .utf8)
        #expect(!runCLI(["check", "\(packageRoot)/Rules", dir + "/lang.persona"]).err.contains("heeft geen periode"))
    }
}

/// Issue #14: a population in which nobody could be run is an error, not an
/// empty report with exit 0; some failures are said, and the rest is reported.
@Suite struct PopulationFailureTests {
    static func result(persons: Int, failures: Int) -> PopulationRun.Result {
        var result = PopulationRun.Result()
        result.persons["ww"] = persons
        result.failures = failures
        result.firstFailure = failures > 0 ? "synth-7: rekenfout" : nil
        return result
    }

    @Test func everyPersonFailedIsAnError() {
        let recorder = RecordingConsole()
        #expect(Population.reportFailures(Self.result(persons: 40, failures: 40), recorder.console) == false)
        #expect(recorder.standardError == "doenbaar: fout: geen van de 40 synthetische personen kon worden doorgerekend; de eerste fout: synth-7: rekenfout\n")
    }

    @Test func someFailedIsSaidAndTheRestReported() {
        let recorder = RecordingConsole()
        #expect(Population.reportFailures(Self.result(persons: 40, failures: 3), recorder.console))
        #expect(recorder.standardError == "doenbaar: 3 synthetische personen niet doorgerekend; de eerste: synth-7: rekenfout\n")
    }

    @Test func noFailureSaysNothing() {
        let recorder = RecordingConsole()
        #expect(Population.reportFailures(Self.result(persons: 40, failures: 0), recorder.console))
        #expect(recorder.standardError.isEmpty)
    }
}

/// Issue #14: a persona file whose name holds a control character would put
/// it in every report (the name is the id); it is refused, and the path is
/// shown with the character made visible, never sent raw to the terminal.
@Suite struct PersonaFileNameTests {
    @Test func aControlCharacterInAPersonaFileName() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("doenbaar-naam-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: "\(packageRoot)/Personas/omer.persona", toPath: dir + "/om\u{1B}[31mer.persona")
        let r = runCLI(["check", "\(packageRoot)/Rules", dir])
        #expect(r.code == .inputErrors)
        #expect(r.err.contains("om\u{241B}[31mer.persona:1:1: fout: de bestandsnaam bevat een stuurteken (U+001B)"), "\(r.err)")
        #expect(!r.err.contains("\u{1B}"))
    }
}

/// Issue #14: an empty reform folder is named in the message, not "<code>".
@Suite struct EmptyReformFolderTests {
    @Test func anEmptyReformFolderIsNamed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("doenbaar-leeg-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = runCLI(["run", "--persona", "\(packageRoot)/Personas/omer.persona", "--rules", "\(packageRoot)/Rules", "--reform", dir])
        #expect(r.code == .inputErrors)
        #expect(r.err.hasPrefix("\(dir):1:1: fout: de map van deze hervorming heeft geen regelbestanden (.regels)\n"), "\(r.err)")
        #expect(!r.err.contains("<code>"))
    }
}

/// Issue #14: a populatie.json with values that cannot be is refused, not
/// printed into the knelpuntenrapport.
@Suite struct PopulationFileTests {
    func run(editing edit: (inout [String: Any]) -> Void) throws -> (code: ExitCode, out: String, err: String) {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(packageRoot)/Reports/populatie.json"))
        var json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        edit(&json)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("doenbaar-pop-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: dir + "/populatie.json"))
        return runCLI(["knelpunten", "--rules", "\(packageRoot)/Rules", "--personas", "\(packageRoot)/Personas",
                       "--populatie", dir + "/populatie.json", "--out", dir + "/uit"])
    }

    func firstEstimate(_ json: inout [String: Any], _ change: (inout [String: Any]) -> Void) {
        var estimates = json["schattingen"] as! [[String: Any]]
        change(&estimates[0])
        json["schattingen"] = estimates
    }

    @Test func anIntervalThatDoesNotHoldItsEstimate() throws {
        let r = try run { json in firstEstimate(&json) { $0["personen_laag"] = 10_000_000 } }
        #expect(r.code == .usage)
        #expect(r.err.contains("kan niet kloppen: schattingen[0]") && r.err.contains("bevat de schatting"), "\(r.err)")
    }

    @Test func aNegativeSize() throws {
        let r = try run { $0["omvang"] = -5 }
        #expect(r.code == .usage)
        #expect(r.err.contains("kan niet kloppen: omvang is -5"), "\(r.err)")
    }

    @Test func aTitleWithADirectionControl() throws {
        let r = try run { json in firstEstimate(&json) { $0["titel"] = "Boete\u{202E} neg" } }
        #expect(r.code == .usage)
        #expect(r.err.contains("titel bevat een onzichtbaar stuurteken voor de tekstrichting (U+202E)"), "\(r.err)")
        #expect(!r.err.contains("\u{202E}"))
    }

    @Test func theCommittedEstimatesHaveNoProblems() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(packageRoot)/Reports/populatie.json"))
        #expect(try JSONDecoder().decode(PopulatieRapport.self, from: data).problems == [])
    }
}
