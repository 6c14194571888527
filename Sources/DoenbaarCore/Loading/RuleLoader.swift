/// Reads, parses and checks all rule files under a path into one rule set.
public struct LoadedRules: Sendable {
    public let ruleSet: RuleSet?
    public let diagnostics: DiagnosticBag
    public let files: [String]
    /// Declarations the reports name that have no label (see `LabelCheck`):
    /// warnings `doenbaar check` shows, apart so the other commands stay quiet.
    public var labelWarnings = DiagnosticBag()
    /// The rule files as read, in the order read: checked again (`RuleLoader.check`), they give
    /// the same rule set anew, without reading a file again.
    public var read: [SourceFile] = []
}

public enum RuleLoader {
    /// Reforms live in folders of this name; the baseline leaves them out.
    public static let reformFolder = "hervormingen"

    /// The rule files under the paths, without the reform folders inside them.
    public static func ruleFiles(_ paths: [String]) throws(InputFiles.Failure) -> [String] {
        var files: [String] = []
        for p in paths {
            let inside = p.split(separator: "/").contains { $0 == reformFolder }
            files += try InputFiles.find(p, extensions: ["regels"]).filter { f in
                inside || !f.dropFirst(p.count).split(separator: "/").contains { $0 == reformFolder }
            }
        }
        return files
    }

    /// Parses the files; each file's diagnostics go into the bag.
    static func parse(_ files: [String], sources: SourceManager, into diagnostics: inout DiagnosticBag) throws(InputFiles.Failure) -> [SyntaxFile] {
        parse(try read(files), sources: sources, into: &diagnostics)
    }

    /// The files read, in the order given.
    static func read(_ files: [String]) throws(InputFiles.Failure) -> [SourceFile] {
        var read: [SourceFile] = []
        for path in files { read.append(SourceFile(path: path, bytes: try InputFiles.read(path))) }
        return read
    }

    /// Parses files already read; each file's diagnostics go into the bag.
    static func parse(_ read: [SourceFile], sources: SourceManager, into diagnostics: inout DiagnosticBag) -> [SyntaxFile] {
        var syntax: [SyntaxFile] = []
        for source in read {
            let (file, d) = RuleFileParser.parse(source, fileID: sources.add(source))
            syntax.append(file)
            diagnostics.add(contentsOf: d)
        }
        return syntax
    }

    public static func load(_ paths: [String], sources: SourceManager) throws(InputFiles.Failure) -> LoadedRules {
        check(try read(ruleFiles(paths)), sources: sources)
    }

    /// Parses and checks rule files already read, in the order given. The same files give the
    /// same rule set, made anew: its own lists and names, shared with no rule set made before.
    public static func check(_ read: [SourceFile], sources: SourceManager) -> LoadedRules {
        var diagnostics = DiagnosticBag()
        let syntax = parse(read, sources: sources, into: &diagnostics)
        // Check even when some files had syntax errors: the checker reports what it can.
        let checked = Checker.check(syntax)
        diagnostics.add(contentsOf: checked.diagnostics)
        return LoadedRules(ruleSet: diagnostics.hasErrors ? nil : checked.ruleSet, diagnostics: diagnostics, files: read.map(\.path),
                           labelWarnings: LabelCheck.check(syntax), read: read)
    }

    /// Parses and checks rule text held in memory (tests, tools).
    public static func load(text: String, path: String = "<tekst>", sources: SourceManager = SourceManager()) -> LoadedRules {
        check([SourceFile(path: path, text: text)], sources: sources)
    }
}

public enum PersonaLoader {
    public static let extensions: Set<String> = ["persona", "json"]

    /// The persona id is the file name without its extension.
    public static func id(for path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.split(separator: ".").first.map(String.init) ?? name
    }

    /// Reads one persona file with the blocks and lines the rule set declares.
    public static func load(path: String, rules: RuleSet, sources: SourceManager) throws(InputFiles.Failure) -> (Persona?, DiagnosticBag) {
        try load(path: path, schema: PersonaSchema(rules), sources: sources)
    }

    static func load(path: String, schema: PersonaSchema, sources: SourceManager) throws(InputFiles.Failure) -> (Persona?, DiagnosticBag) {
        let bytes = try InputFiles.read(path)
        let source = SourceFile(path: path, bytes: bytes)
        let fileID = sources.add(source)
        var (persona, diagnostics) = path.hasSuffix(".json")
            ? PersonaJSON.decode(source, fileID: fileID, id: id(for: path), schema: schema)
            : PersonaParser.parse(source, fileID: fileID, id: id(for: path), schema: schema)
        // The file name is the persona's id in every report: it may not hide or reorder text either.
        if let bad = id(for: path).unicodeScalars.first(where: { CharacterPolicy.forbidden($0) != nil }) {
            diagnostics.error(.personaInvalid, SourceRange(fileID: fileID, start: 0, end: 0),
                              "de bestandsnaam bevat \(CharacterPolicy.forbidden(bad)!); de naam is de id van de persona in elk rapport",
                              suggestion: "geef het bestand een naam van letters, cijfers, '-' en '_'")
            return (nil, diagnostics)
        }
        if let persona, let cut = persona.timelineBeyondDefaultMonths { diagnostics.add(cut) }
        if let persona { diagnostics.add(contentsOf: persona.datesBeforeBirth) }
        return (persona, diagnostics)
    }

    public static func loadAll(_ paths: [String], rules: RuleSet, sources: SourceManager) throws(InputFiles.Failure) -> ([Persona], DiagnosticBag) {
        var personas: [Persona] = []
        var diagnostics = DiagnosticBag()
        let schema = PersonaSchema(rules)
        for p in paths {
            for file in try InputFiles.find(p, extensions: extensions) {
                let (persona, d) = try load(path: file, schema: schema, sources: sources)
                diagnostics.add(contentsOf: d)
                guard let persona else { continue }
                // The id (the file name) names the persona in reports and tests: one persona per id.
                if let earlier = personas.first(where: { $0.id == persona.id }) {
                    diagnostics.error(.duplicateName, persona.range, "er is al een persona '\(persona.id)'; twee persona's met dezelfde bestandsnaam zijn in rapporten niet uit elkaar te houden",
                                      suggestion: "geef een van beide bestanden een andere naam",
                                      notes: [.init(range: earlier.range, message: "de eerste persona '\(persona.id)'")])
                    continue
                }
                personas.append(persona)
            }
        }
        return (personas, diagnostics)
    }
}
