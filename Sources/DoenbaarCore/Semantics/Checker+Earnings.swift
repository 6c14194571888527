/// `verdient OPGAVE` on an `opgave` with a period: which month lines the paid
/// work of such a period earns. Linked once every `opgave` is declared, since the
/// period (a stay, in Rules/ww) and the income it earns (Rules/persoon) may stand
/// in different files.
extension Checker {
    mutating func linkEarnings(_ records: [RecordSyntax]) {
        for s in records {
            guard let target = s.earns,
                  let own = model.records.firstIndex(where: { $0.provenance.range == s.keyword.range }) else { continue }
            let kind = model.records[own]
            guard kind.shape == .period else {
                diagnostics.error(.unknownClause, target.range,
                                  "'verdient' hoort bij een opgave met een periode: werk in een periode levert inkomen op, een \(kind.shape == .month ? "maandregel" : "schatting") niet")
                continue
            }
            guard kind.activity != nil else {
                diagnostics.error(.missingClause, target.range,
                                  "opgave '\(kind.keyword)' zegt niet welke perioden betaald werk zijn, dus ook niet welke '\(target.text)' opleveren",
                                  suggestion: "geef ook 'activiteit WOORD WAARDE', zoals 'activiteit reden werk'")
                continue
            }
            guard let earned = model.record(named: target.text) else {
                let names = model.records.filter { $0.shape == .month }.map(\.keyword)
                let hint = Suggestions.closest(to: target.text, in: names)
                diagnostics.error(.unknownName, target.range, "onbekende opgave '\(target.text)'",
                                  suggestion: hint != nil ? nil : names.isEmpty ? "declareer een opgave met 'maand GEGEVEN'" : "kies uit \(names.joined(separator: ", "))",
                                  fixIts: FixIt.didYouMean(target.range, hint))
                continue
            }
            let line = model.records[earned]
            guard line.shape == .month else {
                diagnostics.error(.typeMismatch, target.range,
                                  "opgave '\(target.text)' geeft een \(line.shape == .from ? "waarde vanaf een maand" : "periode"); alleen een opgave per maand ('maand GEGEVEN') kan bij een periode horen",
                                  suggestion: "laat 'verdient' een opgave noemen met 'maand GEGEVEN', zoals 'verdient inkomen'")
                continue
            }
            guard line.attributes.isEmpty else {
                diagnostics.error(.typeMismatch, target.range,
                                  "opgave '\(target.text)' heeft kenmerken; bij meer regels in één maand is niet te zeggen welk kenmerk geldt",
                                  suggestion: "laat alleen een opgave zonder 'kenmerk' en 'vlag' bij een periode horen")
                continue
            }
            model.records[own].earns = earned
        }
    }
}
