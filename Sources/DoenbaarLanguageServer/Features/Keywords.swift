import DoenbaarCore

/// The words of the language, for completion. Declaration keywords, types,
/// functions and fixed values come from the core; the clause keywords are
/// those the parsers in Syntax/Declarations/ accept (each parser keeps its
/// list beside its switch).
enum Keywords {
    static let clauses = [
        "bron", "vanaf", "bereik", "afronding", "uitkomst", "korting", "geldig", "als", "omschrijving", "bekend",
        "standaard", "beschermd", "rol", "uit", "per", "geldt", "nagekomen", "termijn", "vraagt", "stappen",
        "kanaal", "melding", "gevolg", "tekst", "eis", "bij", "soort", "aanwezig", "veld", "bestand", "beslist",
        "begin", "kenmerk", "vlag", "kennis", "keuze", "activiteit", "verdient", "vervangt", "vervalt",
        "maand", "periode",
    ] + RecordSyntax.knowledgeFacts

    static let expressions = [
        "als", "dan", "anders", "en", "of", "niet", "ja", "nee", "per", "dag", "maand", "dagen", "maanden",
        "euro", "tot", "op", "via", "vooraf", "achteraf", "van", "benadeling", "zonder", "gebeurtenis",
    ]

    /// Values a clause takes from a fixed list.
    static let values: [String] =
        Capacity.allCases.map(\.rawValue) + Obligation.ConsequenceKind.allCases.map(\.rawValue)
        + Discretion.Kind.allCases.map(\.rawValue) + FactSyntax.channels + FactRole.allCases.map(\.rawValue)
        + ["digitaal", "papier", "rekenkundig", "verblijf", "inkomen"]

    /// Every word of a rule file, once each, sorted.
    static let ruleWords: [String] = Array(Set(RuleFileParser.keywords + clauses + expressions + ValueType.writtenNames + values)).sorted()

    /// The framework's words of a persona file (the rest are declared by the rules).
    static let personaWords: [String] = Array(Set([
        "persona", "gebeurtenis", "verwacht", "geboren", "gewicht", "doenvermogen", "periode", "tot", "en", "met",
        "hervorming", "duur", "maanden", "geen_betaling", "ja", "nee", "euro",
    ] + Capacity.allCases.map(\.rawValue))).sorted()
}
