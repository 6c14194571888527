extension Parser {
    /// uitzondering aardbeving_2023 "Tijdelijke maatregel aardbeving" op ww_buitenland
    ///   bron "Regeling ... art. 1"
    ///   geldig vanaf 2023-02-14 tot 2023-07-01
    ///   als ...
    ///   = ...
    mutating func parseException(_ keyword: SourceRange) -> ExceptionSyntax? {
        guard let name = parseDeclarationName("de uitzondering") else { return nil }
        var target: Name?
        let before = diagnostics.all.count
        let label = parseLabel(of: "uitzondering '\(name.text)'", after: name.range, endsAt: .word("op"))
        if expectWord("op") { target = parseName("de regel waarop de uitzondering geldt") }
        finishLine(since: before)
        var source: Located<String>?
        var validity: ValiditySyntax?
        var condition: Expr?
        var body: Expr?
        var seen = SeenClauses()
        let allowed = ["bron", "geldig", "als", "="]
        while let clause = nextClause() {
            if clause.isSymbol(.equals) {
                if firstTime(&seen, clause) { body = parseExpressionClause() }
                continue
            }
            switch clause.word {
            case "bron" where firstTime(&seen, clause): source = parseSourceClause()
            case "geldig" where firstTime(&seen, clause): validity = parseValidityClause()
            case "als" where firstTime(&seen, clause): condition = parseExpressionClause()
            case "bron", "geldig", "als": break
            default: unknownClause(in: "uitzondering '\(name.text)'", allowed: allowed)
            }
        }
        requireSource(source, keyword: name.range, "uitzondering '\(name.text)'")
        if !seen.contains("als") {
            missing("een voorwaarde (als ...): een uitzondering geldt alleen waar zij dat zegt",
                    in: name.range, "uitzondering '\(name.text)'")
        }
        if !seen.contains("=") {
            missing("een berekening (= ...)", in: name.range, "uitzondering '\(name.text)'")
        }
        return ExceptionSyntax(name: name, target: target, source: source, validity: validity,
                               condition: condition, body: body, label: label)
    }
}
