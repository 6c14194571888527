/// Recursive-descent parser shared by rule and persona files. It never throws:
/// on an error it records a diagnostic, skips to the end of the line and goes
/// on, so one pass reports every problem of a file.
///
/// A file is a sequence of declarations. A declaration starts with its keyword
/// at the start of a line; the lines after it are its clauses, each led by a
/// keyword of its own (`bron`, `vanaf`, `=` ...), up to the next declaration.
public struct Parser {
    /// Deeper nesting than this is refused, so no input can exhaust the stack.
    public static let maximumDepth = 64
    /// Taller expression trees are refused, so no later pass over the tree
    /// (each recursive, one call per level) can exhaust the stack either.
    public static let maximumHeight = 128
    /// The largest count in a `N maanden` literal.
    public static let maximumMonths: Int64 = 1200

    var tokens: [Token]
    var index = 0
    var depth = 0
    public internal(set) var diagnostics = DiagnosticBag()
    /// In the order a diagnostic lists them.
    let declarationKeywordList: [String]
    let declarationKeywords: Set<String>
    /// What one declaration of this kind of file is called: "een declaratie".
    let declarationNoun: String
    /// Byte offsets of the line breaks, to tell which line an offset is on.
    private let lineBreaks: [Int]
    /// Lines on which the lexer already reported a bad character or literal.
    /// The parser stays silent there: one mistake gives one diagnostic.
    private let linesWithLexicalErrors: Set<Int>

    /// Where the text of the file starts (after a byte order mark), for the indentation of its first line.
    let textStart: Int
    /// A clause line that does not indent, reported once it is known to be a
    /// clause (an unknown word there is taken for a misspelt declaration instead).
    var unindentedClause: Token?

    public init(tokens: [Token], declarationKeywords: [String], declarationNoun: String = "een declaratie",
                lexicalErrors: [Diagnostic] = [], textStart: Int = 0) {
        self.textStart = textStart
        self.tokens = tokens.isEmpty ? [Token(kind: .end, range: .synthetic)] : tokens
        self.declarationKeywordList = declarationKeywords
        self.declarationKeywords = Set(declarationKeywords)
        self.declarationNoun = declarationNoun
        let lineBreaks = tokens.filter { $0.kind == .newline }.map(\.range.start)
        self.lineBreaks = lineBreaks
        self.linesWithLexicalErrors = Set(lexicalErrors.map { Parser.line(of: $0.range.start, lineBreaks: lineBreaks) })
    }

    /// 0-based line number: the number of line breaks before the offset.
    private static func line(of offset: Int, lineBreaks: [Int]) -> Int {
        var low = 0, high = lineBreaks.count
        while low < high {
            let mid = (low + high) / 2
            if lineBreaks[mid] < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    // MARK: Token navigation

    var current: Token { tokens[index] }
    func peek(_ offset: Int = 1) -> Token { tokens[min(index + offset, tokens.count - 1)] }
    var atLineEnd: Bool {
        switch current.kind {
        case .newline, .end: return true
        default: return false
        }
    }
    var atEnd: Bool { current.kind == .end }

    @discardableResult
    mutating func advance() -> Token {
        let token = current
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    var previousEnd: SourceRange {
        let t = tokens[max(0, index - 1)]
        return t.range
    }

    mutating func skipNewlines() {
        while current.kind == .newline { advance() }
    }

    /// Skips the rest of the current line after an error.
    mutating func skipLine() {
        while !atLineEnd { advance() }
    }

    mutating func error(_ id: DiagnosticID, _ range: SourceRange, _ message: String, suggestion: String? = nil,
                        notes: [Diagnostic.Note] = [], fixIts: [FixIt] = []) {
        report(Diagnostic(id, .error, at: range, message, suggestion: suggestion, notes: notes, fixIts: fixIts))
    }

    /// Every parser diagnostic passes here, so none follows a lexical error on its line.
    mutating func report(_ diagnostic: Diagnostic) {
        guard !linesWithLexicalErrors.contains(Parser.line(of: diagnostic.range.start, lineBreaks: lineBreaks)) else { return }
        let count = diagnostics.all.count
        if count < DiagnosticBag.maximumPerFile {
            diagnostics.add(diagnostic)
        } else if count == DiagnosticBag.maximumPerFile {
            diagnostics.error(.tooManyErrors, diagnostic.range,
                              "meer dan \(DiagnosticBag.maximumPerFile) fouten; verdere fouten in dit bestand worden niet gemeld")
        }
    }

    /// Whether the lexer reported anything; a file it refused has no tokens to parse.
    var hasLexicalErrors: Bool { !linesWithLexicalErrors.isEmpty }

    /// Whether the current token is the first thing on its line, not indented.
    var atUnindentedLineStart: Bool {
        let start = current.range.start
        if index == 0 { return start == textStart }
        let previous = tokens[index - 1]
        return previous.kind == .newline && previous.range.end == start
    }

    /// Where the line of the current token starts, when the token is the first on its line.
    var currentLineStart: Int? {
        if index == 0 { return textStart }
        let previous = tokens[index - 1]
        return previous.kind == .newline ? previous.range.end : nil
    }

    /// Reports what was expected at the current token; the caller then recovers.
    mutating func expected(_ what: String) {
        error(.expected, current.range, "verwacht \(what), maar vond \(current.display)")
    }

    /// A line must end after a clause; anything left over is reported once.
    mutating func endLine() {
        if !atLineEnd {
            expected("einde van de regel")
            skipLine()
        }
    }

    // MARK: Declarations and clauses

    func isDeclarationStart(_ token: Token) -> Bool {
        guard let w = token.word else { return false }
        return declarationKeywords.contains(w)
    }

    /// Moves to the next clause line of the current declaration. Returns nil
    /// when the next line starts a new declaration or the file ends.
    mutating func nextClause() -> Token? {
        reportUnindentedClause()
        skipNewlines()
        if atEnd || isDeclarationStart(current) { return nil }
        if atUnindentedLineStart { unindentedClause = current }
        return current
    }

    /// A clause written at the start of the line: the README has a declaration's
    /// clauses indented, and a line that is not starts a declaration.
    mutating func reportUnindentedClause() {
        guard let clause = unindentedClause else { return }
        unindentedClause = nil
        let shown = clause.word.map { "'\($0)'" } ?? clause.display
        error(.indentation, clause.range,
              "\(shown) staat vooraan op de regel; wat bij een declaratie hoort springt in, alleen een nieuwe declaratie begint vooraan",
              fixIts: [.insert("  ", at: clause.range.start, in: clause.range.fileID, "spring de regel in met twee spaties")])
    }

    /// A declaration keyword must start its line; an indented one is reported
    /// (and read as the declaration it is).
    mutating func requireUnindentedDeclaration() {
        guard !atUnindentedLineStart, let lineStart = currentLineStart else { return }
        let keyword = current
        let shown = keyword.word.map { "'\($0)'" } ?? keyword.display
        error(.indentation, keyword.range,
              "\(shown) begint een declaratie en staat daarom vooraan op de regel, zonder inspringing",
              fixIts: [.replace(SourceRange(fileID: keyword.range.fileID, start: lineStart, end: keyword.range.start), with: "",
                                "haal de inspringing weg")])
    }

    /// Reports an unknown clause keyword, with a suggestion, and skips its line.
    /// A word at the very start of a line is taken for a misspelt declaration
    /// instead, so its own clauses are not attributed to the declaration above.
    mutating func unknownClause(in declaration: String, allowed: [String]) {
        // One diagnostic for the line: what it is, not also how it is indented.
        if unindentedClause?.range == current.range { unindentedClause = nil }
        if atUnindentedLineStart, current.word != nil {
            unknownDeclaration()
            return
        }
        let token = current
        let shown = token.word.map { "'\($0)'" } ?? token.display
        let hint = token.word.flatMap { Suggestions.closest(to: $0, in: allowed) }
        error(.unknownClause, token.range, "onbekende clausule \(shown) in \(declaration)",
              suggestion: hint == nil ? "toegestaan: \(allowed.joined(separator: ", "))" : nil,
              fixIts: FixIt.didYouMean(token.range, hint))
        skipLine()
    }

    /// Reports a line that should start a declaration but does not, and skips
    /// to the next declaration.
    mutating func unknownDeclaration() {
        let token = current
        let hint = token.word.flatMap { Suggestions.closest(to: $0, in: declarationKeywordList) }
        error(.unknownDeclaration, token.range,
              "verwacht \(declarationNoun) (\(declarationKeywordList.joined(separator: ", "))), maar vond \(token.display)",
              fixIts: FixIt.didYouMean(token.range, hint))
        skipDeclaration()
    }

    /// Skips the current line and every following line up to the next declaration.
    mutating func skipDeclaration() {
        repeat {
            skipLine()
            skipNewlines()
        } while !atEnd && !isDeclarationStart(current)
    }

    /// Records a clause keyword; a second occurrence is an error.
    mutating func firstTime(_ seen: inout SeenClauses, _ keyword: Token) -> Bool {
        var w = keyword.display
        if let word = keyword.word { w = word } else if case .symbol(let s) = keyword.kind { w = s.rawValue }
        guard let earlier = seen.insert(w, at: keyword.range) else { return true }
        error(.duplicateClause, keyword.range, "'\(w)' staat al eerder in deze declaratie",
              notes: [.init(range: earlier, message: "eerste '\(w)'")])
        skipLine()
        return false
    }

    // MARK: Small pieces

    mutating func expectWord(_ word: String) -> Bool {
        if current.isWord(word) { advance(); return true }
        expected("'\(word)'")
        return false
    }

    mutating func expectSymbol(_ symbol: Token.Symbol) -> Bool {
        if current.isSymbol(symbol) { advance(); return true }
        expected("'\(symbol.rawValue)'")
        return false
    }

    mutating func parseName(_ what: String) -> Name? {
        if let w = current.word {
            let t = advance()
            return Name(w, t.range)
        }
        expected(what)
        return nil
    }

    mutating func parseString(_ what: String) -> Located<String>? {
        if case .string(let s) = current.kind {
            let t = advance()
            if s.allSatisfy({ $0 == " " || $0 == "\t" }) {
                error(.expected, t.range, "\(what) mag niet leeg zijn")
            }
            return Located(s, t.range)
        }
        expected(what)
        return nil
    }

    mutating func parseDate(_ what: String = "een datum (JJJJ-MM-DD)") -> Located<CivilDate>? {
        if case .date(let d) = current.kind {
            let t = advance()
            return Located(d, t.range)
        }
        expected(what)
        return nil
    }

    mutating func parseMonth() -> Located<YearMonth>? {
        if case .month(let m) = current.kind {
            let t = advance()
            return Located(m, t.range)
        }
        expected("een maand (JJJJ-MM)")
        return nil
    }

    mutating func parseInteger(_ what: String) -> Located<Int>? {
        if case .number(let n) = current.kind, n.raw % Fixed.scale == 0 {
            let t = advance()
            return Located(Int(n.raw / Fixed.scale), t.range)
        }
        expected(what)
        return nil
    }

    /// `bron "..."` — the caller has seen the keyword.
    mutating func parseSourceClause() -> Located<String>? {
        advance()
        let s = parseString("de bron als tekst tussen aanhalingstekens, bijvoorbeeld \"Ziektewet art. 29 lid 7\"")
        endLine()
        return s
    }

    /// `KEYWORD NAME` on a line of its own (`rol keuze`, `aanwezig heeft_ww`) — the caller has seen the keyword.
    mutating func parseNameClause(_ what: String) -> Name? {
        advance()
        let before = diagnostics.all.count
        let name = parseName(what)
        finishLine(since: before)
        return name
    }

    /// The clauses of a declaration whose only clause is `bron "..."`.
    mutating func parseSourceOnlyClauses(in what: String) -> Located<String>? {
        var source: Located<String>?
        var seen = SeenClauses()
        while let clause = nextClause() {
            switch clause.word {
            case "bron" where firstTime(&seen, clause): source = parseSourceClause()
            case "bron": break
            default: unknownClause(in: what, allowed: ["bron"])
            }
        }
        return source
    }

    /// `per dag` or `per maand`.
    mutating func parsePeriod() -> Located<PeriodKind>? {
        let start = current.range
        guard current.isWord("per") else {
            expected("'per dag' of 'per maand'")
            return nil
        }
        advance()
        guard let w = current.word, let kind = PeriodKind(rawValue: w) else {
            expected("'dag' of 'maand'")
            return nil
        }
        let t = advance()
        return Located(kind, start.to(t.range))
    }

    /// `: TYPE`, where ja/nee is written with a slash.
    mutating func parseType() -> TypeSyntax? {
        guard let name = current.word else {
            expected("een type (bedrag, getal, percentage, dagen, datum, ja/nee of een opsomming)")
            return nil
        }
        let t = advance()
        if name == "ja", current.isSymbol(.slash), peek().isWord("nee") {
            advance()
            let end = advance()
            return TypeSyntax(name: "ja/nee", range: t.range.to(end.range))
        }
        return TypeSyntax(name: name, range: t.range)
    }

    /// `afronding rekenkundig | naar beneden | naar boven`.
    mutating func parseRoundingClause() -> Located<Rounding>? {
        let start = advance().range
        var words: [String] = []
        var end = start
        while let w = current.word { words.append(w); end = advance().range }
        guard let rounding = Rounding(rawValue: words.joined(separator: " ")) else {
            error(.expected, start.to(end), "verwacht 'rekenkundig', 'naar beneden', 'naar boven' of 'naar nul' na 'afronding'")
            skipLine()
            return nil
        }
        endLine()
        return Located(rounding, start.to(end))
    }

    /// `geldig vanaf DATE [tot DATE]` or `geldig tot DATE`; `tot` excludes its
    /// day, `tot en met` includes it (and is kept as the day after).
    mutating func parseValidityClause() -> ValiditySyntax? {
        let start = advance().range
        let before = diagnostics.all.count
        var from: Located<CivilDate>?, until: Located<CivilDate>?, through: Located<CivilDate>?
        if current.isWord("vanaf") {
            advance()
            from = parseDate()
        }
        if diagnostics.all.count == before, current.isWord("tot") {
            advance()
            let inclusive = current.isWord("en") && peek().isWord("met")
            if inclusive { advance(); advance() }
            if let date = parseDate() {
                if inclusive {
                    through = date
                    until = Located(CivilDate(dayNumber: date.value.dayNumber + 1), date.range)
                } else {
                    until = date
                }
            }
        }
        if diagnostics.all.count == before, from == nil && until == nil {
            expected("'vanaf DATUM' en/of 'tot DATUM'")
        }
        let range = start.to(previousEnd)
        finishLine(since: before)
        if from == nil && until == nil { return nil }
        return ValiditySyntax(from: from, until: until, through: through, range: range)
    }

    /// `= EXPR`, `als EXPR`, `eis EXPR` and the like: keyword, expression, end of line.
    mutating func parseExpressionClause() -> Expr? {
        advance()
        let before = diagnostics.all.count
        let e = parseExpression()
        finishLine(since: before)
        return e.kind == .invalid ? nil : e
    }

    /// Ends a clause line; after an error inside it, skips the rest silently so
    /// one mistake gives one diagnostic.
    mutating func finishLine(since diagnosticCount: Int) {
        if diagnostics.all.count > diagnosticCount { skipLine() } else { endLine() }
    }

    mutating func missing(_ clause: String, in keyword: SourceRange, _ declaration: String, id: DiagnosticID = .missingClause) {
        error(id, keyword, "\(declaration) mist \(clause)")
    }
}

/// The clause keywords a declaration has had so far, each with where it first stood.
struct SeenClauses {
    private var first: [String: SourceRange] = [:]

    func contains(_ keyword: String) -> Bool { first[keyword] != nil }

    /// Records the keyword; returns where it stood before if it is a repeat.
    mutating func insert(_ keyword: String, at range: SourceRange) -> SourceRange? {
        if let earlier = first[keyword] { return earlier }
        first[keyword] = range
        return nil
    }
}
