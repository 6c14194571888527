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

    var tokens: [Token]
    var index = 0
    var depth = 0
    public internal(set) var diagnostics = DiagnosticBag()
    let declarationKeywords: Set<String>

    public init(tokens: [Token], declarationKeywords: Set<String>) {
        self.tokens = tokens.isEmpty ? [Token(kind: .end, range: .synthetic)] : tokens
        self.declarationKeywords = declarationKeywords
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

    mutating func error(_ id: DiagnosticID, _ range: SourceRange, _ message: String, suggestion: String? = nil) {
        diagnostics.error(id, range, message, suggestion: suggestion)
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
        skipNewlines()
        if atEnd || isDeclarationStart(current) { return nil }
        return current
    }

    /// Reports an unknown clause keyword, with a suggestion, and skips its line.
    mutating func unknownClause(in declaration: String, allowed: [String]) {
        let token = current
        let shown = token.word.map { "'\($0)'" } ?? token.display
        let hint = token.word.flatMap { Suggestions.closest(to: $0, in: allowed + Array(declarationKeywords)) }
        error(.unknownClause, token.range, "onbekende regel \(shown) in \(declaration)",
              suggestion: hint.map { "bedoelde u '\($0)'?" } ?? "toegestaan: \(allowed.joined(separator: ", "))")
        skipLine()
    }

    /// Records a clause keyword; a second occurrence is an error.
    mutating func firstTime(_ seen: inout Set<String>, _ keyword: Token) -> Bool {
        var w = keyword.display
        if let word = keyword.word { w = word } else if case .symbol(let s) = keyword.kind { w = s.rawValue }
        if seen.insert(w).inserted { return true }
        error(.duplicateClause, keyword.range, "'\(w)' staat al eerder in deze declaratie")
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
        let s = parseString("de bron als tekst tussen aanhalingstekens, bijvoorbeeld \"WW art. 47 lid 1\"")
        endLine()
        return s
    }

    /// `per dag` or `per maand`.
    mutating func parsePeriod() -> Located<PeriodKind>? {
        let start = current.range
        guard expectWord("per") else { return nil }
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

    /// `geldig vanaf DATE [tot DATE]` or `geldig tot DATE`.
    mutating func parseValidityClause() -> ValiditySyntax? {
        let start = advance().range
        var from: Located<CivilDate>?, until: Located<CivilDate>?
        if current.isWord("vanaf") {
            advance()
            from = parseDate()
        }
        if current.isWord("tot") {
            advance()
            until = parseDate()
        }
        if from == nil && until == nil {
            expected("'vanaf DATUM' en/of 'tot DATUM'")
            skipLine()
            return nil
        }
        let range = start.to(previousEnd)
        endLine()
        return ValiditySyntax(from: from, until: until, range: range)
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
