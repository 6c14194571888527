/// Warns where a declaration that the reports name has no label, so drafters
/// keep the labels up as the rules grow: a report names a declaration in
/// plain Dutch, and without a label it can only show the name from the rules.
///
/// The reports name benefits, rules, definitions and exceptions (on the path
/// of an outcome, and as the articles to change), obligations, discretion
/// points, intents (by their label, or else their text), protected facts and
/// choices (with the blocks and lines that hold them), reforms and
/// regulations. Parameters, inputs and enumerations are not named outside the
/// evidence and need no label, except in a reform: the invoeringstoets names
/// every declaration a reform adds or replaces.
///
/// It also warns where two declarations carry the same label: a report could
/// not tell them apart. `doenbaar check` and the language server run it on the
/// files of a rule set (a reform's own files apart); the other commands do not.
public enum LabelCheck {
    public static func check(_ files: [SyntaxFile]) -> DiagnosticBag {
        check(files, reform: files.contains { $0.declarations.contains { if case .reform = $0.declaration { return true } else { return false } } })
    }

    /// `reform`: the files of a reform, whose every declaration the invoeringstoets
    /// names (what it adds and replaces), parameters and inputs too.
    static func check(_ files: [SyntaxFile], reform: Bool) -> DiagnosticBag {
        var diagnostics = DiagnosticBag()
        let declarations = files.flatMap { $0.declarations.map(\.declaration) }
        // Facts the analysis names: a choice the law leaves, or a protected attribute.
        let choices = Set(declarations.compactMap { d -> String? in
            if case .fact(let f) = d, f.role?.text == FactRole.choice.rawValue { return f.name.text }
            return nil
        })
        // A regulation needs its title once, in any of its files.
        var titled = Set<String>()
        for d in declarations { if case .regulation(let r) = d, r.title != nil { titled.insert(r.abbreviation.text) } }
        var warnedRegulations = Set<String>()

        for d in declarations {
            let needs: (name: Name, why: String)?
            switch d {
            case .regulation(let r):
                needs = titled.contains(r.abbreviation.text) || !warnedRegulations.insert(r.abbreviation.text).inserted
                    ? nil : (r.abbreviation, "rapporten noemen de regeling bij haar volledige naam")
            case .reform(let r): needs = r.title == nil ? (r.name, "de invoeringstoets noemt de hervorming bij haar titel") : nil
            case .benefit(let b): needs = b.title == nil ? (b.name, "rapporten noemen de uitkering bij haar omschrijving") : nil
            case .definition(let s): needs = s.label == nil ? (s.name, "rapporten noemen een definitie op het pad van een uitkomst en als artikel om te wijzigen") : nil
            case .rule(let s): needs = s.label == nil ? (s.name, "rapporten noemen een regel op het pad van een uitkomst en als artikel om te wijzigen") : nil
            case .exception(let s):
                needs = s.label == nil && !s.isReformVersion ? (s.name, "rapporten noemen een uitzondering op het pad van een uitkomst, zoals een tijdelijke maatregel") : nil
            case .obligation(let s): needs = s.label == nil ? (s.name, "rapporten noemen de verplichting die iemand niet nakomt") : nil
            case .discretion(let s): needs = s.label == nil ? (s.name, "rapporten noemen de beleidsruimte als oplossing") : nil
            case .intent(let s): needs = s.label == nil && s.text == nil ? (s.name, "rapporten noemen een bedoeling bij haar label, of anders bij haar tekst") : nil
            case .fact(let s):
                let named = s.protected != nil || s.role?.text == FactRole.choice.rawValue
                needs = named && s.label == nil
                    ? (s.name, s.protected != nil ? "rapporten noemen het beschermde kenmerk waarnaar een regel onderscheid maakt" : "rapporten noemen de keuze die iemand armer maakt")
                    : nil
            case .record(let s): needs = s.title == nil && s.alternative != nil ? (s.keyword, "rapporten noemen de opgave waarin iemand een andere keuze had kunnen melden") : nil
            case .section(let s):
                needs = s.title == nil && s.fields.contains { choices.contains($0.fact.text) } ? (s.keyword, "rapporten noemen het onderdeel waarin de keuze staat") : nil
            case .parameter(let s): needs = reform && s.label == nil ? (s.name, "de invoeringstoets noemt wat de hervorming toevoegt en vervangt") : nil
            case .input(let s): needs = reform && s.label == nil ? (s.name, "de invoeringstoets noemt wat de hervorming toevoegt en vervangt") : nil
            case .enumeration: needs = nil
            }
            guard let (name, why) = needs else { continue }
            let example = Parser.quoted(humanized(name.text))
            diagnostics.warning(.missingLabel, name.range, "\(d.kindNoun) '\(name.text)' heeft geen label; \(why), en zonder label staat daar de naam uit de regels",
                                fixIts: [.insert(" " + example, at: name.range.end, in: name.range.fileID,
                                                 "zet direct na de naam een kort label in gewone taal, zoals een kop in een rapport het zou zeggen; bijvoorbeeld \(example)")])
        }
        checkDuplicates(declarations, into: &diagnostics)
        return diagnostics
    }

    /// Two declarations with one label: a report could not tell them apart.
    /// Regulations (repeated in each file), reforms (a title may well name what
    /// the reform adds), blocks and kinds of line are left out.
    private static func checkDuplicates(_ declarations: [DeclarationSyntax], into diagnostics: inout DiagnosticBag) {
        var first: [String: (name: Name, noun: String)] = [:]
        for d in declarations {
            switch d {
            case .regulation, .reform, .section, .record: continue
            default: break
            }
            guard let label = d.label, let name = d.declaredName else { continue }
            let key = label.value.lowercased()
            guard let earlier = first[key] else {
                first[key] = (name, d.kindNoun)
                continue
            }
            // Versions of one declaration (a reform's, a baseline's) may share a label.
            if earlier.name.text == name.text { continue }
            diagnostics.add(Diagnostic(.duplicateLabel, .warning, at: label.range,
                                       "\(d.kindNoun) '\(name.text)' heeft hetzelfde label als \(earlier.noun) '\(earlier.name.text)': \(Parser.quoted(label.value)); een rapport kan ze dan niet uit elkaar houden",
                                       suggestion: "geef elk een label dat zegt waarin zij verschillen",
                                       notes: [.init(range: earlier.name.range, message: "\(earlier.noun) '\(earlier.name.text)' met hetzelfde label")]))
        }
    }

    /// A name as a first draft of a label: `inkomen_melden_ww` as "Inkomen melden ww".
    static func humanized(_ name: String) -> String {
        let words = name.replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
