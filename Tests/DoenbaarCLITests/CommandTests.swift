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

@Suite struct KnownKnelpuntenTests {
    @Test func checkWarnsAboutTheEarthquakeRulePhrasedByNationalityWithItsLine() {
        let r = runCLI(["check", "\(packageRoot)/Rules"])
        #expect(r.code == .success, "\(r.err)")
        #expect(r.err.contains("Rules/tijdelijk/aardbeving_2023.regels:18:9: waarschuwing: uitzondering 'aardbeving_turkije_syrie' maakt onderscheid naar 'nationaliteit', een beschermd kenmerk"))
        #expect(r.err.contains("^~~~~~~~~~~~~"), "the caret points at the use")
    }

    @Test func theBundledKnelpuntenrapportListsTheBottlenecksUWVNamed() throws {
        let json = try String(contentsOfFile: "\(packageRoot)/Reports/knelpunten.json", encoding: .utf8)
        for id in [
            "bedoeling_geschonden-geen_verlies_bij_overmacht",   // calamity abroad (Omer)
            "bedoeling_geschonden-samenloop_niet_nadelig",      // the Wajong/WW overlap (Daan)
            "disproportioneel-terugvordering",                   // offsetting recoveries (Fatima, Kees)
            "disproportioneel-polisboete",                       // the fine for income UWV already had (Ingrid)
            "werken_loont_niet-opbrengst",                       // Esther's low gain from work
        ] {
            #expect(json.contains("\"id\" : \"\(id)\""), "\(id) ontbreekt in Reports/knelpunten.json")
        }
        // The same events seen by other detectors stay visible as lenses: Daan's choice to claim
        // WW (keuzeval) and the recoveries as income shocks (inkomensschok).
        for lens in ["keuzeval", "inkomensschok"] {
            #expect(json.contains("\"soort\" : \"\(lens)\""), "\(lens) ontbreekt als 'ook gezien als' in Reports/knelpunten.json")
        }
    }

    @Test func runShowsBothPathsAndTheFindings() {
        let r = runCLI(["run", "--persona", "\(packageRoot)/Personas/esther.persona", "--rules", "\(packageRoot)/Rules"])
        #expect(r.code == .success, "\(r.err)")
        #expect(r.out.contains("== Twee paden =="))
        #expect(r.out.contains("Werken levert") || r.out.contains("Werken loont niet"))
        #expect(r.out.contains("Oplossing: trede"))
    }

    @Test func runJSONCarriesPathsAndFindings() {
        let r = runCLI(["run", "--persona", "\(packageRoot)/Personas/omer.persona", "--rules", "\(packageRoot)/Rules", "--format", "json"])
        #expect(r.code == .success, "\(r.err)")
        #expect(r.out.contains("\"paden\""))
        #expect(r.out.contains("\"soort\" : \"bedoeling_geschonden\""))
        #expect(r.out.contains("\"betaald_cent\" : 189000"), "April 2023: € 1.890 (WWAbroadTests)")
    }

    @Test func unusableArgumentsExitTwoWithOneLine() {
        for args in [["run"], ["run", "--persona"], ["knelpunten", "--frobnicate"], ["populatie", "--size", "nul"],
                     ["invoeringstoets", "--baseline", "Rules"], ["run", "--persona", "/nonexistent.persona"]] {
            let r = runCLI(args)
            #expect(r.code == .usage, "\(args): \(r.err)")
            #expect(r.err.split(separator: "\n").count == 1, "\(args): \(r.err)")
        }
    }
}
