extension Parser {
    /// regeling WW "Werkloosheidswet"
    ///   bron "https://wetten.overheid.nl/BWBR0004045"
    mutating func parseRegulation(_ keyword: SourceRange) -> RegulationSyntax? {
        guard let abbreviation = parseDeclarationName("de regeling (de afkorting, bijvoorbeeld ZW)") else { return nil }
        var title: Located<String>?
        title = parseLabel(of: "regeling '\(abbreviation.text)'", after: abbreviation.range, endsAt: .lineEnd)
        endLine()
        let source = parseSourceOnlyClauses(in: "regeling")
        return RegulationSyntax(abbreviation: abbreviation, title: title, source: source, range: keyword.to(abbreviation.range))
    }
}
