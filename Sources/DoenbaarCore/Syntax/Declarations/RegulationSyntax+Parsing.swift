extension Parser {
    /// regeling WW "Werkloosheidswet"
    ///   bron "https://wetten.overheid.nl/BWBR0004045"
    mutating func parseRegulation(_ keyword: SourceRange) -> RegulationSyntax? {
        guard let abbreviation = parseDeclarationName("de regeling (de afkorting, bijvoorbeeld ZW)") else { return nil }
        var title: Located<String>?
        if case .string = current.kind { title = parseString("de volledige naam") }
        endLine()
        let source = parseSourceOnlyClauses(in: "regeling")
        return RegulationSyntax(abbreviation: abbreviation, title: title, source: source, range: keyword.to(abbreviation.range))
    }
}
