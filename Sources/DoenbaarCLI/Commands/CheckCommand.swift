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
    declareren (zonder regelbestanden als PAD: die in Rules/).

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
        var ruleFiles = 0, personaCount = 0, reformCount = 0
        do throws(InputFiles.Failure) {
            var rulePaths: [String] = []
            // A path inside a reform folder is checked as that reform, on the baseline around it.
            for p in paths {
                guard let marker = p.range(of: "/" + RuleLoader.reformFolder + "/") ?? (p.hasPrefix(RuleLoader.reformFolder + "/") ? p.range(of: RuleLoader.reformFolder + "/") : nil) else { continue }
                let baseline = String(p[..<marker.lowerBound])
                let r = try ReformLoader.load(reform: p, baseline: [baseline.isEmpty ? "." : baseline], sources: sources)
                diagnostics.add(contentsOf: r.diagnostics)
                reformCount += 1
            }
            let plain = paths.filter { !$0.contains(RuleLoader.reformFolder + "/") }
            for p in plain where try !RuleLoader.ruleFiles([p]).isEmpty { rulePaths.append(p) }
            var ruleSet: RuleSet?
            if !rulePaths.isEmpty {
                let loaded = try RuleLoader.load(rulePaths, sources: sources)
                diagnostics.add(contentsOf: loaded.diagnostics)
                ruleFiles = loaded.files.count
                ruleSet = loaded.ruleSet
                // Each reform is checked applied to the baseline, like the invoeringstoets applies it.
                if !loaded.diagnostics.hasErrors {
                    for reform in reformFolders(in: rulePaths) {
                        let r = try ReformLoader.load(reform: reform, baseline: rulePaths, sources: sources)
                        diagnostics.add(contentsOf: DiagnosticBag(errorsOf: r.diagnostics))
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
                // A persona gives facts, no batch input: a rule that reads `invoer` cannot run for her.
                for input in ruleSet.inputs {
                    diagnostics.error(.unknownName, input.provenance.range,
                                      "invoer '\(input.name)' is er alleen voor een batchberekening (doenbaar bench); een persona kan haar niet geven",
                                      suggestion: "declareer het als 'gegeven \(input.name): \(input.type)\(input.periodicity == .month ? " per maand" : "")' en vul het met een regel van de persona (een veld van een onderdeel, of een opgave)")
                }
            }
        } catch {
            return console.fail(error.description)
        }
        console.diagnostics(diagnostics, sources: sources)
        if diagnostics.hasErrors { return .inputErrors }
        console.err("in orde: \(ruleFiles) regelbestand\(ruleFiles == 1 ? "" : "en"), \(reformCount) hervorming\(reformCount == 1 ? "" : "en"), \(personaCount) persona\(personaCount == 1 ? "" : "'s")\n")
        return .success
    }

    /// The folders under `<rules>/hervormingen/`, one reform each, sorted.
    static func reformFolders(in rulePaths: [String]) -> [String] {
        var out: [String] = []
        for p in rulePaths {
            let folder = p + "/" + RuleLoader.reformFolder
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for e in entries.sorted() {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: folder + "/" + e, isDirectory: &isDirectory), isDirectory.boolValue {
                    out.append(folder + "/" + e)
                }
            }
        }
        return out
    }
}
