import DoenbaarCore
import Foundation

/// `doenbaar check [PAD...]`: reads and checks rule files and personas.
enum CheckCommand: Command {
    static let name = "check"
    static let summary = "controleer regelbestanden en persona's"
    static let help = """
    Gebruik: doenbaar check [PAD...]

    Leest en controleert regelbestanden (*.regels) en persona's (*.persona,
    *.json). Zonder PAD: Rules/ en Personas/. Een map wordt met submappen
    doorzocht. Regelbestanden worden samen als één regelset gecontroleerd.
    Persona's worden gelezen met de onderdelen en opgaven die die regels
    declareren (zonder regelbestanden als PAD: die in Rules/). De uitkomsten
    die een persona verwacht ('verwacht 2025-03 WW € 210,00', eventueel 'met
    hervorming NAAM' voor een map onder hervormingen/) worden uitgerekend; een
    verwachting die niet uitkomt is een fout op haar regel. Elke hervorming in
    een map hervormingen/ naast de regels wordt op die regels toegepast en
    gecontroleerd, met haar fouten en waarschuwingen; een fout die zij in de
    regels zelf veroorzaakt, noemt haar.

    Meldingen gaan naar stderr, als pad:regel:kolom: fout: melding.
    Afsluitcode 0: geen fouten; 1: fouten gevonden; 2: onbruikbare argumenten
    of onleesbare bestanden.
    """

    static func run(_ arguments: [String], _ console: Console) -> ExitCode {
        let args: Arguments
        do { args = try Arguments(arguments, options: []) } catch { return console.fail(error.message) }
        if args.has("help") { console.out(help + "\n"); return .success }
        let paths = args.positional.isEmpty ? ["Rules", "Personas"] : args.positional
        // A file named directly must be something check can read.
        for p in paths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: p, isDirectory: &isDirectory), !isDirectory.boolValue,
               !["regels", "persona", "json"].contains((p as NSString).pathExtension) {
                return console.fail("'\(p)' is geen regelbestand (.regels) of persona (.persona, .json)")
            }
        }
        let sources = SourceManager()
        var diagnostics = DiagnosticBag()
        var ruleFiles = 0, personaCount = 0, reformCount = 0, expectationCount = 0
        do throws(InputFiles.Failure) {
            var rulePaths: [String] = []
            // A path inside a reform folder is checked as that reform, on the baseline around it.
            for p in paths {
                guard let marker = p.range(of: "/" + RuleLoader.reformFolder + "/") ?? (p.hasPrefix(RuleLoader.reformFolder + "/") ? p.range(of: RuleLoader.reformFolder + "/") : nil) else { continue }
                let baseline = String(p[..<marker.lowerBound])
                let r = try ReformLoader.load(reform: p, baseline: [baseline.isEmpty ? "." : baseline], sources: sources)
                diagnostics.add(contentsOf: r.diagnostics)
                diagnostics.add(contentsOf: r.labelWarnings)
                reformCount += 1
            }
            let plain = paths.filter { !$0.contains(RuleLoader.reformFolder + "/") }
            for p in plain where try !RuleLoader.ruleFiles([p]).isEmpty { rulePaths.append(p) }
            var ruleSet: RuleSet?
            if !rulePaths.isEmpty {
                let loaded = try RuleLoader.load(rulePaths, sources: sources)
                diagnostics.add(contentsOf: loaded.diagnostics)
                diagnostics.add(contentsOf: loaded.labelWarnings)
                ruleFiles = loaded.files.count
                ruleSet = loaded.ruleSet
                // Each reform is checked applied to the baseline, like the invoeringstoets applies it.
                if !loaded.diagnostics.hasErrors {
                    for reform in reformFolders(in: rulePaths) {
                        // Errors and warnings: a reform reading a protected attribute is warned about too.
                        let r = try ReformLoader.load(reform: reform, baseline: rulePaths, sources: sources)
                        diagnostics.add(contentsOf: r.diagnostics)
                        diagnostics.add(contentsOf: r.labelWarnings)
                        reformCount += 1
                    }
                }
            }
            var personaFiles: [String] = []
            for p in plain { personaFiles += try InputFiles.find(p, extensions: PersonaLoader.extensions) }
            if !personaFiles.isEmpty, rulePaths.isEmpty {
                // Personas alone are read with the bundled rules, which declare their blocks.
                let loaded = try RuleLoader.load(["Rules"], sources: sources)
                diagnostics.add(contentsOf: DiagnosticBag(errorsOf: loaded.diagnostics))
                ruleSet = loaded.ruleSet
            }
            if let ruleSet, !personaFiles.isEmpty {
                let (personas, d) = try PersonaLoader.loadAll(personaFiles, rules: ruleSet, sources: sources)
                diagnostics.add(contentsOf: d)
                personaCount += personas.count
                // The outcomes the personas state (`verwacht`), computed: only on rules and personas without errors.
                if !diagnostics.hasErrors, ruleSet.inputs.isEmpty {
                    var expectations = ExpectationCheck(baseline: Evaluator(plan: Plan(ruleSet)),
                                                        baselinePaths: rulePaths.isEmpty ? ["Rules"] : rulePaths, sources: sources)
                    for p in personas { diagnostics.add(contentsOf: expectations.check(p)) }
                    expectationCount = personas.reduce(0) { $0 + $1.expectations.count }
                }
                // A persona gives facts, no input columns: a rule that reads `invoer` cannot run for her.
                for input in ruleSet.inputs {
                    diagnostics.error(.unknownName, input.provenance.range,
                                      "invoer '\(input.name)' is er alleen voor een berekening over invoerkolommen (doenbaar bench); een persona kan haar niet geven",
                                      suggestion: "declareer het als 'gegeven \(input.name): \(input.type)\(input.periodicity == .month ? " per maand" : "")' en vul het met een regel van de persona (een veld van een onderdeel, of een opgave)")
                }
            }
        } catch {
            return console.fail(error.description)
        }
        console.diagnostics(diagnostics, sources: sources)
        if diagnostics.hasErrors { return .inputErrors }
        console.err("in orde: \(ruleFiles) regelbestand\(ruleFiles == 1 ? "" : "en"), \(reformCount) hervorming\(reformCount == 1 ? "" : "en"), \(personaCount) persona\(personaCount == 1 ? "" : "'s")\(expectationCount == 0 ? "" : ", \(expectationCount) verwachting\(expectationCount == 1 ? "" : "en") gehaald")\n")
        return .success
    }

    /// The folders under `<rules>/hervormingen/`, one reform each, sorted.
    static func reformFolders(in rulePaths: [String]) -> [String] {
        rulePaths.flatMap { p in
            let folder = p + "/" + RuleLoader.reformFolder
            return InputFiles.subfolders(of: folder).map { folder + "/" + $0 }
        }
    }
}
