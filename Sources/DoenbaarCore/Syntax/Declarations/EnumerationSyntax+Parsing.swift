extension Parser {
    /// opsomming soort_werk: loondienst, zelfstandige
    mutating func parseEnumeration(_ keyword: SourceRange) -> EnumerationSyntax? {
        guard let name = parseDeclarationName("de opsomming") else { return nil }
        var cases: [Name] = []
        if expectSymbol(.colon) {
            while let c = parseName("een waarde van de opsomming") {
                cases.append(c)
                guard current.isSymbol(.comma) else { break }
                advance()
            }
        }
        finishLine(since: cases.isEmpty ? -1 : diagnostics.all.count)
        var source: Located<String>?
        var seen = SeenClauses()
        while let clause = nextClause() {
            switch clause.word {
            case "bron" where firstTime(&seen, clause): source = parseSourceClause()
            case "bron": break
            default: unknownClause(in: "opsomming", allowed: ["bron"])
            }
        }
        return EnumerationSyntax(name: name, cases: cases, source: source)
    }
}
