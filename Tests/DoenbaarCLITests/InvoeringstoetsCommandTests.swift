import DoenbaarCLI
import Foundation
import Testing

/// `doenbaar invoeringstoets` takes `--reform` several times; what it cannot use is one line and exit 2.
@Suite struct InvoeringstoetsCommandTests {
    @Test func theSameReformTwiceIsRefused() {
        let reform = "\(packageRoot)/Rules/hervormingen/calamiteitenverlof"
        let r = runCLI(["invoeringstoets", "--baseline", "\(packageRoot)/Rules", "--personas", "\(packageRoot)/Personas",
                        "--reform", reform, "--reform=\(reform)", "--out", "/nonexistent-doenbaar"])
        #expect(r.code == .usage)
        #expect(r.err == "doenbaar: fout: de hervorming 'calamiteitenverlof' staat er twee keer (\(reform))\n", "\(r.err)")
    }

    @Test func aReformWithoutAFolderIsRefused() {
        for args in [["--reform"], ["--reform", "--out", "x"]] {
            let r = runCLI(["invoeringstoets", "--baseline", "Rules"] + args)
            #expect(r.code == .usage)
            #expect(r.err.contains("optie '--reform' verwacht een waarde"), "\(r.err)")
            #expect(r.err.split(separator: "\n").count == 1)
        }
    }

    @Test func helpSaysSeveralReformsStandSideBySide() {
        let r = runCLI(["invoeringstoets", "--help"])
        #expect(r.code == .success)
        #expect(r.out.contains("--reform MAP [--reform MAP ...]"))
        #expect(r.out.contains("invoeringstoets.md, .html en .json voor meer"))
    }
}
