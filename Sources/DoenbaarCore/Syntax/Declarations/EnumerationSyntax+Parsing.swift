extension Parser {
    /// opsomming soort_werk "Soort werk": loondienst, zelfstandige
    mutating func parseEnumeration(_ keyword: SourceRange) -> EnumerationSyntax? {
        guard let name = parseDeclarationName("de opsomming") else { return nil }
        let label = parseLabel(of: "opsomming '\(name.text)'", after: name.range, endsAt: .colon)
        var cases: [Name] = []
        if expectSymbol(.colon) {
            while let c = parseName("een waarde van de opsomming") {
                cases.append(c)
                guard current.isSymbol(.comma) else { break }
                advance()
            }
        }
        finishLine(since: cases.isEmpty ? -1 : diagnostics.all.count)
        let source = parseSourceOnlyClauses(in: "opsomming")
        return EnumerationSyntax(name: name, cases: cases, source: source, label: label)
    }
}
