import DoenbaarAnalysis
import DoenbaarCore

/// The invoeringstoets of one or more reforms against one baseline: the
/// baseline is analysed once and every reform compared with that one run.
public enum Invoeringstoets {
    /// A reform applied to the baseline.
    public struct Hervormd: Sendable {
        public let reform: Reform
        public let ruleSet: RuleSet
        public init(reform: Reform, ruleSet: RuleSet) {
            self.reform = reform
            self.ruleSet = ruleSet
        }
    }

    /// Analyses every persona under the rules of an evaluator (the command
    /// shows progress and errors; tests count the calls).
    public typealias Analyse = (Evaluator) throws -> [Analyzer.PersonaAnalysis]

    /// - Parameters:
    ///   - baselinePaths: the baseline's rule folders, to test the intents only a reform declares against them.
    public static func compare(baselineRules: RuleSet, baselinePaths: [String], personas: [Persona], reforms: [Hervormd],
                               analyse: Analyse) throws -> InvoeringstoetsRapport {
        let before = try analyse(Evaluator(plan: Plan(baselineRules)))
        var comparisons: [InvoeringstoetsRapport.Vergelijking] = []
        for r in reforms {
            let after = try analyse(Evaluator(plan: Plan(r.ruleSet)))
            let newIntents = newIntentsUnderBaseline(r, baselineRules: baselineRules, baselinePaths: baselinePaths, personas: personas)
            comparisons.append(.build(reform: r.reform, baseline: before, reformed: after, baselineRules: baselineRules,
                                      reformRules: r.ruleSet, newIntentsBefore: newIntents))
        }
        let title = reforms.count == 1 ? "Invoeringstoets: \(reforms[0].reform.title)" : "Invoeringstoets: \(reforms.count) hervormingen naast elkaar"
        return InvoeringstoetsRapport(titel: title, hervormingen: comparisons, werkwijze: werkwijze)
    }

    static let werkwijze = [
        "Dezelfde persona's zijn doorgerekend onder de huidige regels (voor) en met elke hervorming (na); de huidige regels één keer, voor alle hervormingen samen. Per persona het netto inkomen per maand zoals het dossier het beschrijft: inkomen uit werk plus uitkeringen, correcties en boetes.",
        "Het effect op de uitkeringslasten is per kalenderjaar de som over de persona's van het gewicht maal het verschil in betaalde uitkering (betalingen, nabetalingen en terugvorderingen in dat jaar); het effect op het netto inkomen op dezelfde manier. Het zijn schattingen uit de gewichten, geen begroting.",
        "Een bedoeling is geschonden voor een persona als zij in ten minste één maand niet wordt gehaald; het aantal mensen is de som van de gewichten. Een bedoeling die alleen de hervorming vastlegt, is ook tegen de huidige regels getoetst, als zij alleen gebruikt wat de huidige regels kennen.",
        "Een knelpunt is opgelost als het na de hervorming bij geen enkele persona meer optreedt; verminderd als het minder mensen of minder geld (verlies en terug te betalen) treft en niets daarvan stijgt; verergerd als een van beide stijgt; het blijft als beide gelijk zijn; nieuw als het pas na de hervorming optreedt.",
        "Een knelpunt dat verdwijnt omdat de verplichting die het mat niet meer geldt, is apart gemarkeerd: dan is het nadeel niet vanzelf weg.",
    ]

    /// Each intent only the reform declares, tested against the baseline: the
    /// baseline's rules with that intent added, run for every persona. An
    /// intent that reads what only the reform declares cannot be tested so.
    static func newIntentsUnderBaseline(_ r: Hervormd, baselineRules: RuleSet, baselinePaths: [String],
                                        personas: [Persona]) -> [String: InvoeringstoetsRapport.Toets] {
        let new = r.ruleSet.intents.filter { i in !baselineRules.intents.contains { $0.name == i.name } }
        guard !new.isEmpty else { return [:] }
        let sources = SourceManager()
        func parse(_ files: [String]) -> [(SourceFile, SyntaxFile)]? {
            var out: [(SourceFile, SyntaxFile)] = []
            for path in files {
                guard let bytes = try? InputFiles.read(path) else { return nil }
                let source = SourceFile(path: path, bytes: bytes)
                out.append((source, RuleFileParser.parse(source, fileID: sources.add(source)).0))
            }
            return out
        }
        guard let files = try? RuleLoader.ruleFiles(baselinePaths), let baseline = parse(files), let reform = parse(r.reform.files) else {
            return Dictionary(uniqueKeysWithValues: new.map { ($0.name, .untested("de huidige regels konden niet opnieuw worden gelezen")) })
        }
        var out: [String: InvoeringstoetsRapport.Toets] = [:]
        for intent in new where out[intent.name] == nil {
            guard let text = intentText(intent.name, in: reform) else { continue }
            let source = SourceFile(path: "<bedoeling \(intent.name) onder de huidige regels>", bytes: text)
            let added = RuleFileParser.parse(source, fileID: sources.add(source)).0
            guard var rules = Checker.check(baseline.map(\.1) + [added]).ruleSet,
                  let index = rules.intents.firstIndex(where: { $0.name == intent.name }) else {
                out[intent.name] = .untested("niet te toetsen onder de huidige regels: de bedoeling gebruikt wat pas met de hervorming bestaat")
                continue
            }
            // Tested on the same days as under the reform.
            rules.intents[index].validity = intent.validity
            let evaluator = Evaluator(plan: Plan(rules))
            var failing: [Persona] = [], broken: [String] = []
            for p in personas {
                guard let months = p.defaultMonths else { continue }
                guard let run = try? evaluator.run(p, from: months.from, to: months.to, trace: false) else { broken.append(p.name); continue }
                if run.months.contains(where: { m in m.intents.contains { $0.intent == intent.name && $0.holds == false } }) { failing.append(p) }
            }
            out[intent.name] = broken.isEmpty ? .tested(failing.map(\.name), failing.reduce(0) { $0 + $1.weight })
                : .untested("niet te toetsen onder de huidige regels: de berekening lukt niet voor \(Format.list(broken))")
        }
        return out
    }

    /// The text of an intent's declaration in the reform's files, after the
    /// regulation header it stands under: a rule file of its own.
    static func intentText(_ name: String, in files: [(SourceFile, SyntaxFile)]) -> [UInt8]? {
        for (source, syntax) in files {
            let ds = syntax.declarations
            guard let i = ds.firstIndex(where: { d in
                if case .intent = d.declaration { return d.declaration.declaredName?.text == name }
                return false
            }) else { continue }
            func slice(_ k: Int) -> [UInt8] {
                let end = k + 1 < ds.count ? ds[k + 1].keyword.start : source.bytes.count
                return Array(source.bytes[ds[k].keyword.start..<end]) + Array("\n".utf8)
            }
            let header = ds[..<i].lastIndex { d in
                if case .regulation = d.declaration { return true }
                return false
            }
            return (header.map(slice) ?? []) + slice(i)
        }
        return nil
    }
}
