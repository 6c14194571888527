import DoenbaarCLI
import Testing

/// `doenbaar --help` lists every command by its full name.
@Suite struct HelpTextTests {
    @Test func theOverviewNamesEveryCommandInFull() {
        let r = runCLI(["--help"])
        #expect(r.code == .success)
        for name in ["check", "run", "knelpunten", "invoeringstoets", "populatie", "bench"] {
            #expect(r.out.contains("\n  \(name) "), "'\(name)' ontbreekt of is afgekapt:\n\(r.out)")
        }
        #expect(r.out.contains("  invoeringstoets  vergelijk de huidige regels met een hervorming\n"), "\(r.out)")
        #expect(!r.out.contains("invoeringsvergelijk"))
    }

    @Test func everyCommandNamedInTheOverviewHasItsOwnHelp() {
        for name in ["check", "run", "knelpunten", "invoeringstoets", "populatie", "bench"] {
            let r = runCLI([name, "--help"])
            #expect(r.code == .success && r.out.contains("Gebruik: doenbaar \(name)"), "\(name): \(r.out)\(r.err)")
        }
    }
}
