import DoenbaarCLI
import Foundation
import Testing

/// `check` on a rules folder checks every reform under `hervormingen/` applied to
/// it, and reports what each reform brings: its warnings as well as its errors,
/// and errors it causes in the baseline's files with the reform named.
@Suite struct CheckReformDiagnosticsTests {
    static let baseline = """
    regeling T "Testwet"
    uitkering U "Testuitkering"
      bron "Testwet art. 1"
    gegeven nationaliteit "Nationaliteit": land
      bron "Testwet art. 2"
      beschermd
    definitie toeslag "Toeslag": bedrag per maand
      bron "Testwet art. 3"
      = € 10,00
    regel u "Testuitkering per maand"
      bron "Testwet art. 4"
      uitkomst U per maand
      = € 100,00 + toeslag

    """

    /// A temporary rules folder: the baseline and one reform under hervormingen/.
    func rulesFolder(reform name: String, _ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("doenbaar-reform-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: "\(dir)/hervormingen/\(name)", withIntermediateDirectories: true)
        try Self.baseline.write(toFile: "\(dir)/basis.regels", atomically: true, encoding: .utf8)
        try text.write(toFile: "\(dir)/hervormingen/\(name)/\(name).regels", atomically: true, encoding: .utf8)
        return dir
    }

    @Test func aReformReadingNationalityIsWarnedAbout() throws {
        let dir = try rulesFolder(reform: "naar_land", """
        hervorming naar_land "Toeslag naar nationaliteit"
          bron "Voorstel art. 1"
          vervangt toeslag
        regeling T "Testwet"
        definitie toeslag "Toeslag naar nationaliteit": bedrag per maand
          bron "Voorstel art. 2"
          = als nationaliteit = "NL" dan € 20,00 anders € 0
        """)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = runCLI(["check", dir])
        #expect(r.code == .success, "a warning is no error: \(r.err)")
        #expect(r.err.contains("hervormingen/naar_land/naar_land.regels:7:9: waarschuwing: definitie 'toeslag' maakt onderscheid naar 'nationaliteit', een beschermd kenmerk"), "\(r.err)")
        #expect(r.err.contains("1 waarschuwing\n"))
        #expect(r.err.contains("in orde: 1 regelbestand, 1 hervorming"))
    }

    @Test func anErrorTheReformCausesInTheBaselineNamesTheReform() throws {
        let dir = try rulesFolder(reform: "geen_toeslag", """
        hervorming geen_toeslag "Geen toeslag meer"
          bron "Voorstel art. 1"
          vervalt toeslag
        regeling T "Testwet"
        """)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = runCLI(["check", dir])
        #expect(r.code == .inputErrors)
        #expect(r.err.contains("basis.regels:13:16: fout: 'toeslag' vervalt door hervorming 'geen_toeslag', maar regel 'u' verwijst er nog naar"), "\(r.err)")
        #expect(r.err.contains("hervormingen/geen_toeslag/geen_toeslag.regels:3:11: noot: hier laat hervorming 'geen_toeslag' 'toeslag' vervallen"), "\(r.err)")
        #expect(r.err.contains("1 fout\n"), "reported once, not also as an unknown name")
        #expect(!r.err.contains("bedoelde u"), "a guess at a similar name would mislead here")
    }

    @Test func theBaselinesOwnWarningIsReportedOnceNotOncePerReform() {
        // Rules/tijdelijk/aardbeving_2023.regels reads nationality; three reforms apply to that baseline.
        let r = runCLI(["check", "\(packageRoot)/Rules"])
        #expect(r.code == .success, "\(r.err)")
        #expect(r.err.components(separatedBy: "waarschuwing: uitzondering 'aardbeving_turkije_syrie'").count == 2, "\(r.err)")
        #expect(r.err.contains("1 waarschuwing\n"))
    }
}
