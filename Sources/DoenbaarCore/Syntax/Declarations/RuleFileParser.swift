/// The top level of a rule file: one declaration after another, each
/// dispatched to the parser of its own syntax element.
public enum RuleFileParser {
    public static let keywords: [String] = [
        "regeling", "opsomming", "uitkering", "parameter", "definitie", "regel",
        "uitzondering", "verplichting", "beleidsruimte", "bedoeling", "invoer", "hervorming",
        "gegeven", "onderdeel", "opgave",
    ]

    public static func parse(_ file: SourceFile, fileID: Int) -> (SyntaxFile, DiagnosticBag) {
        let (tokens, lexDiagnostics) = Lexer.tokenize(file, fileID: fileID)
        var parser = Parser(tokens: tokens, declarationKeywords: keywords, lexicalErrors: lexDiagnostics.all,
                            textStart: file.bytes.starts(with: Lexer.byteOrderMark) ? Lexer.byteOrderMark.count : 0)
        var declarations: [(declaration: DeclarationSyntax, keyword: SourceRange)] = []
        parser.skipNewlines()
        if parser.atEnd, !parser.hasLexicalErrors {
            // At the start of the file: the end may lie after many lines of comments.
            parser.error(.emptyFile, SourceRange(fileID: fileID, start: 0, end: 0),
                         "bestand bevat geen declaraties; begin met 'regeling AFKORTING \"Naam\"'")
        }
        while true {
            parser.skipNewlines()
            if parser.atEnd { break }
            let keyword = parser.current
            guard let word = keyword.word, keywords.contains(word) else {
                parser.unknownDeclaration()
                continue
            }
            parser.requireUnindentedDeclaration()
            parser.advance()
            let declaration: DeclarationSyntax?
            switch word {
            case "regeling": declaration = parser.parseRegulation(keyword.range).map { .regulation($0) }
            case "opsomming": declaration = parser.parseEnumeration(keyword.range).map { .enumeration($0) }
            case "uitkering": declaration = parser.parseBenefit(keyword.range).map { .benefit($0) }
            case "parameter": declaration = parser.parseParameter(keyword.range).map { .parameter($0) }
            case "definitie": declaration = parser.parseDefinition(keyword.range).map { .definition($0) }
            case "regel": declaration = parser.parseRule(keyword.range).map { .rule($0) }
            case "uitzondering": declaration = parser.parseException(keyword.range).map { .exception($0) }
            case "verplichting": declaration = parser.parseObligation(keyword.range).map { .obligation($0) }
            case "beleidsruimte": declaration = parser.parseDiscretion(keyword.range).map { .discretion($0) }
            case "invoer": declaration = parser.parseInput(keyword.range).map { .input($0) }
            case "gegeven": declaration = parser.parseFact(keyword.range).map { .fact($0) }
            case "onderdeel": declaration = parser.parseSection(keyword.range).map { .section($0) }
            case "opgave": declaration = parser.parseRecord(keyword.range).map { .record($0) }
            case "hervorming": declaration = parser.parseReform(keyword.range).map { .reform($0) }
            default: declaration = parser.parseIntent(keyword.range).map { .intent($0) }
            }
            if let declaration { declarations.append((declaration, keyword.range)) }
        }
        parser.reportUnindentedClause()
        var diagnostics = lexDiagnostics
        diagnostics.add(contentsOf: parser.diagnostics)
        return (SyntaxFile(fileID: fileID, declarations: declarations), diagnostics)
    }
}

extension Parser {
    /// The name after a declaration keyword. On failure the whole declaration
    /// is skipped, since its clauses could not be attached to anything.
    mutating func parseDeclarationName(_ what: String) -> Name? {
        if let name = parseName("de naam van \(what)") { return name }
        skipDeclaration()
        return nil
    }

    /// Every declaration except enumerations and the regulation itself must
    /// say where in the law it comes from.
    mutating func requireSource(_ source: Located<String>?, keyword: SourceRange, _ what: String) {
        if source == nil {
            report(Diagnostic(.missingSource, at: keyword,
                                       "\(what) heeft geen bron; elke regel en parameter noemt wet, artikel en lid",
                                       suggestion: "voeg een ingesprongen regel toe zoals: bron \"Werkloosheidswet art. 47 lid 1\""))
        }
    }
}
