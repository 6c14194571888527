extension Parser {
    /// regel ww_dagbedrag "WW per dag"
    ///   bron "WW art. 47 lid 1"
    ///   uitkomst WW per dag            (or: korting op WW per maand)
    ///   geldig vanaf 2006-01-01
    ///   als heeft_ww
    ///   = dagloon * uitkeringspercentage
    mutating func parseRule(_ keyword: SourceRange) -> RuleSyntax? {
        guard let name = parseDeclarationName("de regel") else { return nil }
        let label = parseLabel(of: "regel '\(name.text)'", after: name.range, endsAt: .lineEnd)
        endLine()
        var effect: RuleSyntax.Effect?
        var benefit: Name?
        var period: Located<PeriodKind>?
        var source: Located<String>?
        var validity: ValiditySyntax?
        var condition: Expr?
        var rounding: Located<Rounding>?
        var body: Expr?
        var seen = SeenClauses()
        let allowed = ["bron", "uitkomst", "korting", "geldig", "als", "afronding", "="]
        while let clause = nextClause() {
            if clause.isSymbol(.equals) {
                if firstTime(&seen, clause) { body = parseExpressionClause() }
                continue
            }
            switch clause.word {
            case "bron" where firstTime(&seen, clause): source = parseSourceClause()
            case "uitkomst" where firstTime(&seen, clause), "korting" where firstTime(&seen, clause):
                advance()
                let before = diagnostics.all.count
                effect = clause.isWord("uitkomst") ? .payment : .deduction
                if effect == .deduction, !expectWord("op") { skipLine(); continue }
                benefit = parseName("de naam van een uitkering")
                if benefit != nil { period = parsePeriod() }
                finishLine(since: before)
            case "geldig" where firstTime(&seen, clause): validity = parseValidityClause()
            case "als" where firstTime(&seen, clause): condition = parseExpressionClause()
            case "afronding" where firstTime(&seen, clause): rounding = parseRoundingClause()
            case "bron", "uitkomst", "korting", "geldig", "als", "afronding": break
            default: unknownClause(in: "regel '\(name.text)'", allowed: allowed)
            }
        }
        requireSource(source, keyword: name.range, "regel '\(name.text)'")
        if !seen.contains("uitkomst") && !seen.contains("korting") {
            missing("een uitkomst (uitkomst UITKERING per dag|maand, of korting op UITKERING per dag|maand)",
                    in: name.range, "regel '\(name.text)'")
        }
        if !seen.contains("=") {
            missing("een berekening (= ...)", in: name.range, "regel '\(name.text)'")
        }
        return RuleSyntax(name: name, effect: effect, benefit: benefit, period: period, source: source,
                          validity: validity, condition: condition, rounding: rounding, body: body, label: label)
    }
}
