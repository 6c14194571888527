extension Parser {
    /// onderdeel ww "WW-aanvraag"
    ///   bron "Werkloosheidswet art. 15"
    ///   aanwezig heeft_ww                              (ja when the persona has the section)
    ///   veld ingang ww_ingangsdatum
    ///   veld arbeidsverleden arbeidsverleden "jaar"   (words that follow the value)
    ///   bestand aantal_ww_uitkeringen                 (a parameter: how many people have the block)
    ///
    /// A block of a persona file, with the facts its lines fill. `onderdeel
    /// persona` adds lines to the persona's own header.
    mutating func parseSection(_ keyword: SourceRange) -> SectionSyntax? {
        guard let name = parseDeclarationName("het onderdeel (het woord in het persona-bestand)") else { return nil }
        var section = SectionSyntax(keyword: name)
        section.title = parseLabel(of: "onderdeel '\(name.text)'", after: name.range, endsAt: .lineEnd)
        endLine()
        var seen = SeenClauses()
        while let clause = nextClause() {
            let before = diagnostics.all.count
            switch clause.word {
            case "bron" where firstTime(&seen, clause): section.source = parseSourceClause()
            case "aanwezig" where firstTime(&seen, clause):
                section.presence = parseNameClause("een gegeven van type ja/nee")
            case "bestand" where firstTime(&seen, clause):
                section.caseload = parseNameClause("een parameter: het aantal mensen met dit onderdeel")
            case "veld":
                let start = advance().range
                if let word = parseName("het woord van het veld in het persona-bestand"),
                   let fact = parseName("het gegeven dat het veld vult") {
                    var unit: Located<String>?
                    if case .string = current.kind { unit = parseString("de woorden na de waarde") }
                    section.fields.append(FieldSyntax(word: word, fact: fact, unit: unit, range: start.to(previousEnd)))
                }
                finishLine(since: before)
            case "bron", "aanwezig", "bestand": break
            default: unknownClause(in: "onderdeel '\(name.text)'", allowed: ["bron", "aanwezig", "veld", "bestand"])
            }
        }
        requireSource(section.source, keyword: name.range, "onderdeel '\(name.text)'")
        return section
    }
}
