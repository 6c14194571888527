extension Parser {
    /// hervorming calamiteitenverlof "Calamiteitenverlof in de WW"
    ///   bron "Voorstel naar aanleiding van de UWV-knelpuntenbrief 2023"
    ///   geldig vanaf 2023-01-01
    ///   vervangt recht_ondanks_buitenland
    ///   vervalt oude_regel
    mutating func parseReform(_ keyword: SourceRange) -> ReformSyntax? {
        guard let name = parseDeclarationName("de hervorming") else { return nil }
        var title: Located<String>?
        title = parseLabel(of: "hervorming '\(name.text)'", after: name.range, endsAt: .lineEnd)
        endLine()
        var source: Located<String>?
        var validFrom: Located<CivilDate>?
        var replaces: [Name] = [], removes: [Name] = []
        var seen = SeenClauses()
        let allowed = ["bron", "geldig", "vervangt", "vervalt"]
        while let clause = nextClause() {
            switch clause.word {
            case "bron" where firstTime(&seen, clause): source = parseSourceClause()
            case "geldig" where firstTime(&seen, clause):
                advance()
                let before = diagnostics.all.count
                if expectWord("vanaf") { validFrom = parseDate() }
                finishLine(since: before)
            case "vervangt" where firstTime(&seen, clause), "vervalt" where firstTime(&seen, clause):
                advance()
                let before = diagnostics.all.count
                var names: [Name] = []
                while let n = parseName("de naam van een declaratie uit de basis") {
                    names.append(n)
                    guard current.isSymbol(.comma) else { break }
                    advance()
                }
                finishLine(since: before)
                if clause.isWord("vervangt") { replaces = names } else { removes = names }
            case "bron", "geldig", "vervangt", "vervalt": break
            default: unknownClause(in: "hervorming '\(name.text)'", allowed: allowed)
            }
        }
        requireSource(source, keyword: name.range, "hervorming '\(name.text)'")
        return ReformSyntax(name: name, title: title, source: source, validFrom: validFrom, replaces: replaces, removes: removes)
    }
}
