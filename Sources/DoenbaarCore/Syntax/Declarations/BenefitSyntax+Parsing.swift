extension Parser {
    /// uitkering WW "WW-uitkering"
    ///   bron "Werkloosheidswet art. 15"
    mutating func parseBenefit(_ keyword: SourceRange) -> BenefitSyntax? {
        guard let name = parseDeclarationName("de uitkering") else { return nil }
        var title: Located<String>?
        if case .string = current.kind { title = parseString("de omschrijving") }
        endLine()
        var source: Located<String>?
        var seen = SeenClauses()
        while let clause = nextClause() {
            switch clause.word {
            case "bron" where firstTime(&seen, clause): source = parseSourceClause()
            case "bron": break
            default: unknownClause(in: "uitkering '\(name.text)'", allowed: ["bron"])
            }
        }
        requireSource(source, keyword: name.range, "uitkering '\(name.text)'")
        return BenefitSyntax(name: name, title: title, source: source)
    }
}
