extension Parser {
    /// gegeven ww_dagloon: bedrag                (one value per person)
    ///   bron "Werkloosheidswet art. 1b lid 1"
    ///   omschrijving "dagloon van de WW"
    ///   bekend via uitvoerder                   (how the agency comes to know it)
    ///   standaard = ja                          (when the persona does not give it)
    ///   beschermd                               (a protected attribute: rules must not read it)
    ///   rol keuze                               (what the analysis may do with it)
    /// gegeven datum_calamiteit: datum per dag
    ///   uit gebeurtenis overlijden_familie, calamiteit   (the latest such life event up to the day)
    /// gegeven werkelijk_inkomen: bedrag per maand
    mutating func parseFact(_ keyword: SourceRange) -> FactSyntax? {
        guard let name = parseDeclarationName("het gegeven") else { return nil }
        var type: TypeSyntax?
        var period: Located<PeriodKind>?
        let before = diagnostics.all.count
        var label = parseLabel(of: "gegeven '\(name.text)'", after: name.range, endsAt: .colon)
        if expectSymbol(.colon) {
            type = parseType()
            if type != nil, let late = labelAfterType(of: "gegeven '\(name.text)'", name: name) { label = label ?? late }
            if type != nil, current.isWord("per") { period = parsePeriod() }
            if period != nil, let late = labelAfterType(of: "gegeven '\(name.text)'", name: name) { label = label ?? late }
        }
        finishLine(since: before)
        var fact = FactSyntax(name: name, type: type, period: period)
        fact.label = label
        var seen = SeenClauses()
        let allowed = ["bron", "omschrijving", "bekend", "standaard", "beschermd", "rol", "uit"]
        while let clause = nextClause() {
            let before = diagnostics.all.count
            switch clause.word {
            case "bron" where firstTime(&seen, clause): fact.source = parseSourceClause()
            case "omschrijving" where firstTime(&seen, clause):
                advance()
                fact.explanation = parseString("de omschrijving tussen aanhalingstekens")
                finishLine(since: before)
            case "bekend" where firstTime(&seen, clause):
                advance()
                if expectWord("via") {
                    while let channel = parseName("hoe de uitvoerder het gegeven kent (\(FactSyntax.channels.joined(separator: ", ")))") {
                        fact.channels.append(channel)
                        guard current.isSymbol(.comma) else { break }
                        advance()
                    }
                }
                finishLine(since: before)
            case "standaard" where firstTime(&seen, clause):
                advance()
                if current.isSymbol(.equals) {
                    fact.defaultValue = parseExpressionClause()
                } else {
                    expected("'=' en de standaardwaarde, bijvoorbeeld 'standaard = ja'")
                    skipLine()
                }
            case "beschermd" where firstTime(&seen, clause):
                fact.protected = advance().range
                endLine()
            case "rol" where firstTime(&seen, clause):
                fact.role = parseNameClause("een rol (\(FactRole.allCases.map(\.rawValue).joined(separator: ", ")))")
            case "uit" where firstTime(&seen, clause):
                advance()
                if expectWord("gebeurtenis") {
                    while let kind = parseName("een soort gebeurtenis") {
                        fact.events.append(kind)
                        guard current.isSymbol(.comma) else { break }
                        advance()
                    }
                }
                finishLine(since: before)
            case "bron", "omschrijving", "bekend", "standaard", "beschermd", "rol", "uit": break
            default: unknownClause(in: "gegeven '\(name.text)'", allowed: allowed)
            }
        }
        requireSource(fact.source, keyword: name.range, "gegeven '\(name.text)'")
        return fact
    }
}
