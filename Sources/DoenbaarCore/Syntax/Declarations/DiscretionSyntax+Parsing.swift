extension Parser {
    /// beleidsruimte hardheidsclausule_buitenland "Hardheidsclausule verblijf in het buitenland"
    ///   bron "WW art. 19 lid 10"
    ///   bij recht_ondanks_buitenland, vakantie_melden    (rules, definitions or obligations)
    ///   soort beleidsregel                                (or: maatwerk)
    ///   tekst "De minister kan bij een ramp ... afwijken."
    ///   geldt als aantal_dagen(aangewezen_ramp) > 0 dagen    (optional: the months it can be used in)
    mutating func parseDiscretion(_ keyword: SourceRange) -> DiscretionSyntax? {
        guard let name = parseDeclarationName("de beleidsruimte") else { return nil }
        let label = parseLabel(of: "beleidsruimte '\(name.text)'", after: name.range, endsAt: .lineEnd)
        endLine()
        var source: Located<String>?
        var rules: [Name] = []
        var text: Located<String>?
        var kind: Name?
        var scope: Expr?
        var seen = SeenClauses()
        while let clause = nextClause() {
            switch clause.word {
            case "bron" where firstTime(&seen, clause): source = parseSourceClause()
            case "bij" where firstTime(&seen, clause):
                advance()
                let before = diagnostics.all.count
                while let r = parseName("de naam van een regel, definitie of verplichting") {
                    rules.append(r)
                    guard current.isSymbol(.comma) else { break }
                    advance()
                }
                finishLine(since: before)
            case "tekst" where firstTime(&seen, clause):
                advance()
                let before = diagnostics.all.count
                text = parseString("een omschrijving tussen aanhalingstekens")
                finishLine(since: before)
            case "soort" where firstTime(&seen, clause):
                advance()
                let before = diagnostics.all.count
                kind = parseName("'maatwerk' of 'beleidsregel'")
                finishLine(since: before)
            case "geldt" where firstTime(&seen, clause):
                advance()
                if current.isWord("als") { scope = parseExpressionClause() } else { expected("'als'"); skipLine() }
            case "bron", "bij", "tekst", "soort", "geldt": break
            default: unknownClause(in: "beleidsruimte '\(name.text)'", allowed: ["bron", "bij", "soort", "tekst", "geldt"])
            }
        }
        requireSource(source, keyword: name.range, "beleidsruimte '\(name.text)'")
        if !seen.contains("bij") { missing("de regel(s) waarbij zij geldt (bij ...)", in: name.range, "beleidsruimte '\(name.text)'") }
        return DiscretionSyntax(name: name, source: source, rules: rules, text: text, kind: kind, scope: scope, label: label)
    }
}
