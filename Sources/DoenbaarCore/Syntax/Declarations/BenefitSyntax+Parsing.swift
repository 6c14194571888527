extension Parser {
    /// uitkering WW "WW-uitkering"
    ///   bron "Werkloosheidswet art. 15"
    ///   beslist 10 dagen na de maand       (default: on the last day of the month)
    mutating func parseBenefit(_ keyword: SourceRange) -> BenefitSyntax? {
        guard let name = parseDeclarationName("de uitkering") else { return nil }
        var title: Located<String>?
        title = parseLabel(of: "uitkering '\(name.text)'", after: name.range, endsAt: .lineEnd)
        endLine()
        var source: Located<String>?
        var lag: Located<Int>?
        var seen = SeenClauses()
        while let clause = nextClause() {
            switch clause.word {
            case "bron" where firstTime(&seen, clause): source = parseSourceClause()
            case "beslist" where firstTime(&seen, clause):
                advance()
                let before = diagnostics.all.count
                if let days = parseInteger("een aantal dagen na de maand"),
                   current.isWord("dag") || current.isWord("dagen") {
                    advance()
                    if expectWord("na"), expectWord("de"), expectWord("maand") {
                        if days.value > 62 {
                            error(.invalidNumber, days.range, "een besluit meer dan 62 dagen na de maand is niet te modelleren; kies een kortere termijn")
                        } else {
                            lag = days
                        }
                    }
                } else if diagnostics.all.count == before {
                    expected("'dagen na de maand'")
                }
                finishLine(since: before)
            case "bron", "beslist": break
            default: unknownClause(in: "uitkering '\(name.text)'", allowed: ["bron", "beslist"])
            }
        }
        requireSource(source, keyword: name.range, "uitkering '\(name.text)'")
        return BenefitSyntax(name: name, title: title, source: source, decisionLag: lag)
    }
}
