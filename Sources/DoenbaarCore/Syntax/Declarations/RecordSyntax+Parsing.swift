extension Parser {
    /// opgave verblijf "verblijf buiten Nederland"
    ///   bron "Werkloosheidswet art. 19 lid 1 onderdeel e"
    ///   periode in_buitenland                 (or: maand GEGEVEN, or: vanaf GEGEVEN)
    ///   begin verblijf_begin
    ///   kenmerk reden reden_verblijf
    ///   vlag pd_u2 verblijf_pd_u2
    ///   kennis gemeld, ontdekt
    ///   gemeld verblijf_gemeld                (also: bekend, register, dagen_vooraf)
    ///   keuze reden vakantie
    ///   activiteit reden werk                 (a period with this value is paid work)
    ///   verdient inkomen                      (the month lines that work earns: inkomen ... bij verblijf 2025-03-03)
    ///   rol afwezigheid
    ///
    /// A kind of line a persona file repeats: a value per month, an estimate
    /// that holds from a month on, or a period of days with attributes. Each
    /// line carries when the agency came to know it.
    mutating func parseRecord(_ keyword: SourceRange) -> RecordSyntax? {
        guard let name = parseDeclarationName("de opgave (het woord in het persona-bestand)") else { return nil }
        var record = RecordSyntax(keyword: name)
        record.title = parseLabel(of: "opgave '\(name.text)'", after: name.range, endsAt: .lineEnd)
        endLine()
        var seen = SeenClauses()
        let shapes = ["maand", "vanaf", "periode"], knowledgeFacts = RecordSyntax.knowledgeFacts
        let allowed = ["bron"] + shapes + ["begin", "kenmerk", "vlag", "kennis"] + knowledgeFacts + ["keuze", "activiteit", "verdient", "rol"]
        while let clause = nextClause() {
            let before = diagnostics.all.count
            guard let word = clause.word else { unknownClause(in: "opgave '\(name.text)'", allowed: allowed); continue }
            switch word {
            case "bron" where firstTime(&seen, clause): record.source = parseSourceClause()
            case _ where shapes.contains(word):
                if let earlier = record.shape {
                    error(.duplicateClause, clause.range, "een opgave heeft één vorm; '\(earlier.kind.value)' staat er al",
                          notes: [.init(range: earlier.kind.range, message: "eerste vorm")])
                    skipLine()
                    continue
                }
                let kind = Located(word, advance().range)
                if let fact = parseName("het gegeven dat de opgave vult") { record.shape = (kind, fact) }
                finishLine(since: before)
            case "begin" where firstTime(&seen, clause):
                record.start = parseNameClause("een gegeven van type datum")
            case "kenmerk", "vlag":
                let start = advance().range
                if let w = parseName("het woord van het kenmerk in het persona-bestand"), let fact = parseName("het gegeven dat het kenmerk vult") {
                    record.attributes.append(AttributeSyntax(word: w, fact: fact, isFlag: word == "vlag", range: start.to(previousEnd)))
                }
                finishLine(since: before)
            case "kennis" where firstTime(&seen, clause):
                advance()
                while let w = parseName("een soort kennis (\(KnowledgeWord.allCases.map(\.rawValue).joined(separator: ", ")))") {
                    record.knowledgeWords.append(w)
                    guard current.isSymbol(.comma) else { break }
                    advance()
                }
                finishLine(since: before)
            case _ where knowledgeFacts.contains(word) && firstTime(&seen, clause):
                if let fact = parseNameClause("een gegeven") { record.knowledgeFacts.append((Located(word, clause.range), fact)) }
            case "keuze" where firstTime(&seen, clause), "activiteit" where firstTime(&seen, clause):
                advance()
                if let w = parseName("het woord van een kenmerk"),
                   let value = parseName(word == "keuze" ? "de waarde die de persoon ook had kunnen opgeven" : "de waarde die betaald werk aanduidt") {
                    if word == "keuze" { record.alternative = (w, value) } else { record.activity = (w, value) }
                }
                finishLine(since: before)
            case "verdient" where firstTime(&seen, clause):
                record.earns = parseNameClause("de opgave van het inkomen dat het werk in deze periode oplevert")
            case "rol" where firstTime(&seen, clause):
                record.role = parseNameClause("een rol (\(RecordRole.allCases.map(\.rawValue).joined(separator: ", ")))")
            case _ where seen.contains(word): break
            default: unknownClause(in: "opgave '\(name.text)'", allowed: allowed)
            }
        }
        requireSource(record.source, keyword: name.range, "opgave '\(name.text)'")
        if record.shape == nil {
            missing("een vorm (maand GEGEVEN, vanaf GEGEVEN of periode GEGEVEN)", in: name.range, "opgave '\(name.text)'")
        }
        return record
    }
}
