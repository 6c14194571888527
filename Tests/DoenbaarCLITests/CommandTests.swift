import DoenbaarCLI
import Foundation
import Testing

/// The package root, so commands can be run on the bundled Rules/ and Personas/.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

func runCLI(_ arguments: [String]) -> (code: ExitCode, out: String, err: String) {
    let recorder = RecordingConsole()
    let code = Doenbaar.main(arguments, console: recorder.console)
    return (code, recorder.standardOutput, recorder.standardError)
}

@Suite struct CommandTests {
    @Test func checkIsCleanOnTheBundledRulesAndPersonas() {
        let r = runCLI(["check", "\(packageRoot)/Rules", "\(packageRoot)/Personas"])
        #expect(r.code == .success, "\(r.err)")
        #expect(r.err.contains("in orde"))
    }

    @Test func unknownCommandExitsWithUsageAndOneLine() {
        let r = runCLI(["rekenen"])
        #expect(r.code == .usage)
        #expect(r.err.split(separator: "\n").count == 1)
        #expect(r.err.contains("onbekende opdracht 'rekenen'"))
    }
}
