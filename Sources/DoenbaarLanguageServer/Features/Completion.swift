/// Completion: the declared names a document can use and the words of the
/// language, those that start with what is typed before the cursor.
enum Completion {
    /// At most this many items; the list is then marked incomplete, so the
    /// editor asks again as the prefix grows.
    static let maximumItems = 300

    /// Declarations a persona file names: its blocks and lines, their words,
    /// enumeration values, benefits (in `verwacht`) and reforms.
    static let personaKinds: Set<String> = ["onderdeel", "opgave", "veld", "kenmerk", "vlag", "waarde", "uitkering", "hervorming"]

    static func list(prefix: String, symbols: [Symbol], isPersona: Bool) -> JSON {
        let wanted = prefix.lowercased()
        var seen = Set<String>()
        var items: [JSON] = []
        let candidates = isPersona ? symbols.filter { personaKinds.contains($0.kind) } : symbols
        for s in candidates where s.name.lowercased().hasPrefix(wanted) && seen.insert(s.name).inserted {
            var item: [String: JSON] = [
                "label": .string(s.name),
                "kind": JSON(s.completionKind.rawValue),
                "detail": .string(s.kind + (s.summary.isEmpty ? "" : ": " + s.summary)),
                "sortText": .string((s.range == nil ? "2" : "1") + s.name),
            ]
            if let source = s.source { item["documentation"] = ["kind": "markdown", "value": .string("bron: " + Hover.escaped(source))] }
            items.append(.object(item))
        }
        for word in isPersona ? Keywords.personaWords : Keywords.ruleWords
        where word.lowercased().hasPrefix(wanted) && seen.insert(word).inserted {
            items.append(["label": .string(word), "kind": JSON(Symbol.CompletionKind.keyword.rawValue),
                          "detail": "woord van de regeltaal", "sortText": .string("3" + word)])
        }
        items.sort { ($0["sortText"]?.string ?? "") < ($1["sortText"]?.string ?? "") }
        let complete = items.count <= maximumItems
        return ["isIncomplete": .bool(!complete), "items": .array(Array(items.prefix(maximumItems)))]
    }
}
