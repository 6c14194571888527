extension Parser {
    /// bedoeling werken_loont "Werken loont in de Wajong"
    ///   bron "Kamerstukken II 2018/19, 35 213, nr. 3"
    ///   tekst "Van elke extra verdiende euro houdt de Wajonger minstens 30 cent over."
    ///   per maand
    ///   geldt als heeft_wajong en inkomen > € 0
    ///   eis ...
    mutating func parseIntent(_ keyword: SourceRange) -> IntentSyntax? {
        guard let name = parseDeclarationName("de bedoeling") else { return nil }
        let label = parseLabel(of: "bedoeling '\(name.text)'", after: name.range, endsAt: .lineEnd)
        endLine()
        var source: Located<String>?
        var text: Located<String>?
        var period: Located<PeriodKind>?
        var condition: Expr?, requirement: Expr?
        var seen = SeenClauses()
        let allowed = ["bron", "tekst", "per", "geldt", "eis"]
        while let clause = nextClause() {
            switch clause.word {
            case "bron" where firstTime(&seen, clause): source = parseSourceClause()
            case "tekst" where firstTime(&seen, clause):
                advance()
                let before = diagnostics.all.count
                text = parseString("de bedoeling in woorden")
                finishLine(since: before)
            case "per" where firstTime(&seen, clause):
                let before = diagnostics.all.count
                period = parsePeriod()
                finishLine(since: before)
            case "geldt" where firstTime(&seen, clause):
                advance()
                guard current.isWord("als") else { expected("'als'"); skipLine(); continue }
                condition = parseExpressionClause()
            case "eis" where firstTime(&seen, clause): requirement = parseExpressionClause()
            case "bron", "tekst", "per", "geldt", "eis": break
            default: unknownClause(in: "bedoeling '\(name.text)'", allowed: allowed)
            }
        }
        requireSource(source, keyword: name.range, "bedoeling '\(name.text)'")
        if !seen.contains("eis") { missing("een toetsbare eis (eis ...)", in: name.range, "bedoeling '\(name.text)'") }
        if !seen.contains("per") { missing("een periode (per dag of per maand)", in: name.range, "bedoeling '\(name.text)'") }
        return IntentSyntax(name: name, source: source, text: text, period: period, condition: condition, requirement: requirement, label: label)
    }
}
