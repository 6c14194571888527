/// One problem found in a rule or persona file. The id is stable so tests and
/// tools can match on it; the message is Dutch because drafters read it.
public struct Diagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable {
        case error = "fout"
        case warning = "waarschuwing"
        case note = "noot"
    }

    public struct Note: Sendable, Hashable {
        public let range: SourceRange
        public let message: String
        public init(range: SourceRange, message: String) {
            self.range = range
            self.message = message
        }
    }

    public let id: DiagnosticID
    public let severity: Severity
    public let range: SourceRange
    public let message: String
    /// The advice on the `hulp:` line. Where a fix-it says it all, this is the
    /// first fix-it's message.
    public var suggestion: String?
    public var notes: [Note]
    /// Edits that would fix the problem, for tools; each is also shown as a `hulp:` line.
    public var fixIts: [FixIt]

    public init(_ id: DiagnosticID, _ severity: Severity = .error, at range: SourceRange,
                _ message: String, suggestion: String? = nil, notes: [Note] = [], fixIts: [FixIt] = []) {
        self.id = id
        self.severity = severity
        self.range = range
        self.message = message
        self.suggestion = suggestion ?? fixIts.first?.message
        self.notes = notes
        self.fixIts = fixIts
    }

    /// The same diagnostic with another message and notes added (to say where it comes from).
    public func with(message: String, addingNotes extra: [Note]) -> Diagnostic {
        Diagnostic(id, severity, at: range, message, suggestion: suggestion, notes: notes + extra, fixIts: fixIts)
    }
}

/// Stable identifiers for every kind of diagnostic.
public enum DiagnosticID: String, Sendable, Hashable, CaseIterable {
    // Reading the file
    case unreadableText = "onleesbare-tekst"
    case fileTooLarge = "bestand-te-groot"
    case emptyFile = "leeg-bestand"
    // Lexing
    case unexpectedCharacter = "onverwacht-teken"
    case unterminatedString = "onafgesloten-tekst"
    case unquotedText = "tekst-zonder-aanhalingstekens"
    case invalidNumber = "ongeldig-getal"
    case invalidDate = "ongeldige-datum"
    case tooDeep = "te-diep-genest"
    case tooManyErrors = "te-veel-fouten"
    // Parsing
    case expected = "verwacht"
    case indentation = "inspringing"
    case unknownDeclaration = "onbekende-declaratie"
    case unknownClause = "onbekende-clausule"
    case duplicateClause = "dubbele-clausule"
    case missingClause = "ontbrekende-clausule"
    case missingSource = "ontbrekende-bron"
    case missingRegulation = "ontbrekende-regeling"
    case malformedLabel = "ongeldig-label"
    // Checking
    case unknownName = "onbekende-naam"
    case duplicateName = "dubbele-naam"
    case reservedName = "gereserveerde-naam"
    case typeMismatch = "typefout"
    case periodMismatch = "periodefout"
    case cycle = "kringverwijzing"
    case conflictingRules = "conflicterende-regels"
    case parameterGap = "parameter-zonder-waarde"
    case parameterOrder = "parameter-volgorde"
    case parameterRange = "parameter-bereik"
    case invalidValidity = "ongeldige-geldigheid"
    case conflictingRegulation = "conflicterende-regeling"
    case protectedAttribute = "beschermd-kenmerk"
    case yearTotal = "jaartotaal-over-de-jaarwisseling"
    case missingLabel = "ontbrekend-label"
    case duplicateLabel = "dubbel-label"
    // Reforms
    case misplacedReform = "hervorming-op-verkeerde-plek"
    case reformConflict = "hervorming-conflict"
    case removedByReform = "vervallen-door-hervorming"
    // Personas
    case personaInvalid = "ongeldige-persona"
    case personaOverlap = "overlappende-feiten"
    // Evaluation
    case evaluation = "rekenfout"
    case expectationFailed = "verwachting-niet-gehaald"
}

/// Collects diagnostics; passed explicitly through every stage, never global.
public struct DiagnosticBag: Sendable {
    /// At most this many errors (and as many warnings) are kept per file:
    /// past that point they are mostly the echo of one mistake, or garbage
    /// input. The lexer also stops reading there.
    public static let maximumPerFile = 100

    public private(set) var all: [Diagnostic] = []
    /// Errors and warnings kept so far, per file: every stage stops at the
    /// maximum, so hostile input cannot make the report (or the time to write
    /// it) grow without bound. Errors and warnings are counted apart, so an
    /// error is never hidden behind warnings.
    private var kept: [Key: Int] = [:]
    private struct Key: Hashable, Sendable { let fileID: Int; let isError: Bool }

    public init() {}

    /// Only the errors of another bag (warnings belong to `doenbaar check`).
    public init(errorsOf other: DiagnosticBag) { add(contentsOf: other.errors) }

    public mutating func add(_ diagnostic: Diagnostic) {
        let key = Key(fileID: diagnostic.range.fileID, isError: diagnostic.severity == .error)
        let count = kept[key, default: 0]
        kept[key] = count + 1
        if count < Self.maximumPerFile {
            all.append(diagnostic)
        } else if count == Self.maximumPerFile {
            // One line says the rest is left out; a stage that stopped says so in its own words.
            all.append(diagnostic.id == .tooManyErrors ? diagnostic : Diagnostic(
                .tooManyErrors, diagnostic.severity, at: diagnostic.range,
                "meer dan \(Self.maximumPerFile) \(diagnostic.severity == .error ? "fouten" : "waarschuwingen") in dit bestand; de rest wordt niet gemeld"))
        }
    }
    public mutating func add(contentsOf other: DiagnosticBag) { add(contentsOf: other.all) }
    public mutating func add(contentsOf diagnostics: [Diagnostic]) { for d in diagnostics { add(d) } }
    public mutating func error(_ id: DiagnosticID, _ range: SourceRange, _ message: String,
                               suggestion: String? = nil, notes: [Diagnostic.Note] = [], fixIts: [FixIt] = []) {
        add(Diagnostic(id, .error, at: range, message, suggestion: suggestion, notes: notes, fixIts: fixIts))
    }
    public mutating func warning(_ id: DiagnosticID, _ range: SourceRange, _ message: String,
                                 suggestion: String? = nil, fixIts: [FixIt] = []) {
        add(Diagnostic(id, .warning, at: range, message, suggestion: suggestion, fixIts: fixIts))
    }

    /// Adds a note to a diagnostic already collected (by its index in `all`).
    public mutating func addNote(to index: Int, _ note: Diagnostic.Note) {
        guard all.indices.contains(index) else { return }
        all[index].notes.append(note)
    }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }
    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
}
