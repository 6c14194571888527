import DoenbaarCore
import Foundation

/// The rules and personas an uitvoeringstoets runs against, checked and
/// compiled once. `RuleBook.bundled()` is the project's own Rules/ and
/// Personas/; a suite can also open any other folders.
public final class RuleBook: Sendable {
    public let rulesDirectory: String
    public let personasDirectory: String
    public let ruleSet: RuleSet
    public let plan: Plan
    public let evaluator: Evaluator

    /// Checks the rule files; throws the rendered Dutch diagnostics when they have errors.
    public init(rulesDirectory: String, personasDirectory: String) throws(RuleBookError) {
        self.rulesDirectory = rulesDirectory
        self.personasDirectory = personasDirectory
        let sources = SourceManager()
        let loaded: LoadedRules
        do { loaded = try RuleLoader.load([rulesDirectory], sources: sources) } catch { throw .unreadable(error.description) }
        guard let ruleSet = loaded.ruleSet else {
            throw .invalidInput(DiagnosticRenderer(sources: sources).render(loaded.diagnostics.all))
        }
        self.ruleSet = ruleSet
        plan = Plan(ruleSet)
        evaluator = Evaluator(plan: plan)
    }

    /// The package this library is built in: Sources/DoenbaarTesting/RuleBook.swift, two folders up.
    public static let packageRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    private static let cache = BundledCache()

    /// The bundled Rules/ and Personas/, loaded once per test process.
    public static func bundled() throws(RuleBookError) -> RuleBook {
        try cache.get { () throws(RuleBookError) -> RuleBook in
            try RuleBook(rulesDirectory: "\(packageRoot)/Rules", personasDirectory: "\(packageRoot)/Personas")
        }
    }

    // MARK: Personas

    /// A persona file of the persona folder by its name (`omer` reads `omer.persona` or `omer.json`).
    public func persona(named name: String) throws(RuleBookError) -> Persona {
        try persona(path: try path(named: name))
    }

    /// The file of a persona of the persona folder by its name.
    private func path(named name: String) throws(RuleBookError) -> String {
        for ext in ["persona", "json"] {
            let path = "\(personasDirectory)/\(name).\(ext)"
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        throw .unreadable("geen persona '\(name)' in \(personasDirectory) (verwacht \(name).persona of \(name).json)")
    }

    /// Every `verwacht` line of a persona file, under the baseline and under
    /// the reforms it names (`met hervorming`), held as `doenbaar check` holds
    /// them: for each that fails, the rendered Dutch diagnostic at its line.
    public func unmetExpectations(named name: String) throws(RuleBookError) -> [String] {
        let path = try path(named: name)
        let sources = SourceManager()
        let result: (Persona?, DiagnosticBag)
        do { result = try PersonaLoader.load(path: path, rules: ruleSet, sources: sources) } catch { throw .unreadable(error.description) }
        guard let persona = result.0, !result.1.hasErrors else {
            throw .invalidInput(DiagnosticRenderer(sources: sources).render(result.1.all))
        }
        var check = ExpectationCheck(baseline: evaluator, baselinePaths: [rulesDirectory], sources: sources)
        return check.check(persona).all.map { DiagnosticRenderer(sources: sources).render($0) }
    }

    public func persona(path: String) throws(RuleBookError) -> Persona {
        let sources = SourceManager()
        let result: (Persona?, DiagnosticBag)
        do { result = try PersonaLoader.load(path: path, rules: ruleSet, sources: sources) } catch { throw .unreadable(error.description) }
        guard let persona = result.0, !result.1.hasErrors else {
            throw .invalidInput(DiagnosticRenderer(sources: sources).render(result.1.all))
        }
        return persona
    }

    /// A persona written in the test itself, in the `.persona` syntax.
    public func persona(text: String, id: String = "inline") throws(RuleBookError) -> Persona {
        let sources = SourceManager()
        let source = SourceFile(path: "<\(id)>", text: text)
        let (persona, diagnostics) = PersonaParser.parse(source, fileID: sources.add(source), id: id, schema: PersonaSchema(ruleSet))
        guard let persona, !diagnostics.hasErrors else {
            throw .invalidInput(DiagnosticRenderer(sources: sources).render(diagnostics.all))
        }
        return persona
    }

    /// Every persona of the persona folder, sorted by file name.
    public func allPersonas() throws(RuleBookError) -> [Persona] {
        let sources = SourceManager()
        let result: ([Persona], DiagnosticBag)
        do { result = try PersonaLoader.loadAll([personasDirectory], rules: ruleSet, sources: sources) } catch { throw .unreadable(error.description) }
        if result.1.hasErrors { throw .invalidInput(DiagnosticRenderer(sources: sources).render(result.1.all)) }
        return result.0
    }

    // MARK: Runs

    /// Runs a persona over the given months, or over its own default months.
    public func run(_ persona: Persona, from: String? = nil, to: String? = nil) throws(RuleBookError) -> PersonaRun {
        let first: YearMonth, last: YearMonth
        if let from, let to {
            guard let f = YearMonth(iso: from), let t = YearMonth(iso: to) else { throw .unreadable("maanden als JJJJ-MM, niet '\(from)'/'\(to)'") }
            (first, last) = (f, t)
        } else if let months = persona.defaultMonths {
            (first, last) = months
        } else {
            throw .unreadable("persona '\(persona.id)' heeft geen feiten met een datum; geef from en to")
        }
        do {
            return try evaluator.run(persona, from: first, to: last)
        } catch {
            throw .evaluation("persona '\(error.personaID)', beslisdatum \(error.decisionDate): \(error.failure.message)")
        }
    }

    public func run(personaNamed name: String, from: String? = nil, to: String? = nil) throws(RuleBookError) -> PersonaRun {
        try run(persona(named: name), from: from, to: to)
    }
}

/// Why a rule book or a run could not be used; the text is what a tester reads.
public enum RuleBookError: Error, CustomStringConvertible, Sendable {
    case unreadable(String)
    case invalidInput(String)
    case evaluation(String)

    public var description: String {
        switch self {
        case .unreadable(let s): return "niet te lezen: \(s)"
        case .invalidInput(let s): return "fouten in de invoer:\n\(s)"
        case .evaluation(let s): return "rekenfout: \(s)"
        }
    }
}

/// Loads the bundled rule book once, even when suites run in parallel.
private final class BundledCache: @unchecked Sendable {
    private let lock = NSLock()
    private var book: RuleBook?

    func get(_ make: () throws(RuleBookError) -> RuleBook) throws(RuleBookError) -> RuleBook {
        lock.lock()
        defer { lock.unlock() }
        if let book { return book }
        let made = try make()
        book = made
        return made
    }
}
