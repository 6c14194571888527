/// The sentences and table cells of the invoeringstoets as plain text, shared
/// by the Markdown and the HTML (which escapes them). Declarations by label.
enum InvoeringstoetsTekst {
    typealias R = InvoeringstoetsRapport

    /// Who changes and what it does to money per year, in one paragraph.
    static func effect(_ v: R.Vergelijking) -> String {
        let e = v.effect
        guard !e.personas.isEmpty else {
            return "Bij geen enkele persona verandert het inkomen of de uitkering, in geen enkele maand. " + changes(v.artikelen)
        }
        var text = "Verandert het inkomen of de uitkering van \(Format.list(e.personas)) (ongeveer \(Format.count(e.personen)) mensen)."
        let years = e.jaren.filter { $0.uitkeringslasten_cent != 0 || $0.netto_inkomen_cent != 0 }
        if years.isEmpty {
            text += " Per kalenderjaar verandert er per saldo niets: het geld komt op een ander moment."
        } else {
            text += " Uitkeringslasten per jaar: " + Format.list(years.map { "\($0.jaar) \(signed($0.uitkeringslasten_cent))" }) + "."
            text += " Netto inkomen van de mensen per jaar: " + Format.list(years.map { "\($0.jaar) \(signed($0.netto_inkomen_cent))" }) + "."
        }
        text += " " + changes(v.artikelen)
        return text
    }

    /// The effect table: one row per measure, one column per reform.
    static func effectRows(_ r: R) -> [[String]] {
        let vs = r.hervormingen
        var rows: [[String]] = [
            ["Wie verandert"] + vs.map { $0.effect.personas.isEmpty ? "niemand" : Format.list($0.effect.personas) },
            ["Mensen (schatting)"] + vs.map { Format.count($0.effect.personen) },
        ]
        let years = Set(vs.flatMap { $0.effect.jaren.filter { $0.uitkeringslasten_cent != 0 || $0.netto_inkomen_cent != 0 }.map(\.jaar) }).sorted()
        for year in years {
            rows.append(["Uitkeringslasten \(year)"] + vs.map { v in signed(v.effect.jaren.first { $0.jaar == year }?.uitkeringslasten_cent ?? 0) })
        }
        for year in years {
            rows.append(["Netto inkomen \(year)"] + vs.map { v in signed(v.effect.jaren.first { $0.jaar == year }?.netto_inkomen_cent ?? 0) })
        }
        if years.isEmpty { rows.append(["Geld per jaar"] + vs.map { _ in "geen verschil" }) }
        for c in R.Categorie.allCases {
            rows.append(["Knelpunten: \(c.rawValue)"] + vs.map { "\($0.knelpunten(c).count)" })
        }
        rows.append(["Gewijzigde bepalingen"] + vs.map { "\($0.artikelen.count)" })
        return rows
    }

    struct Row { let id: String; let titel: String; let voor: String; let per_hervorming: [String] }

    /// Every knelpunt of the baseline or of any reform; per reform its category and the numbers after.
    static func knelpuntRows(_ r: R) -> [Row] {
        var ids: [String] = []
        for v in r.hervormingen { for k in v.knelpunten where k.voor != nil && !ids.contains(k.id) { ids.append(k.id) } }
        for v in r.hervormingen { for k in v.knelpunten where k.voor == nil && !ids.contains(k.id) { ids.append(k.id) } }
        return ids.map { id in
            let all = r.hervormingen.compactMap { v in v.knelpunten.first { $0.id == id } }
            return Row(id: id, titel: all[0].titel, voor: short(all.first { $0.voor != nil }?.voor),
                       per_hervorming: r.hervormingen.map { v in
                           guard let k = v.knelpunten.first(where: { $0.id == id }) else { return "niet, voor noch na" }
                           return "\(k.categorie.rawValue)\(k.verplichting_vervalt == nil ? "" : " (verplichting vervalt)"): \(short(k.na))"
                       })
        }
    }

    /// Every intent of the baseline or of any reform; the baseline's result and each reform's.
    static func intentRows(_ r: R) -> [(tekst: String, voor: String, per_hervorming: [String])] {
        var names: [String] = []
        for v in r.hervormingen { for b in v.bedoelingen where !names.contains(b.naam) { names.append(b.naam) } }
        return names.map { name in
            let all = r.hervormingen.compactMap { v in v.bedoelingen.first { $0.naam == name } }
            let first = all[0]
            var before = toets(first.voor)
            if first.alleen_in_hervorming && first.voor.getoetst { before = "(alleen in de hervorming, hier getoetst tegen de huidige regels) " + before }
            return (first.tekst, before, r.hervormingen.map { v in
                guard let b = v.bedoelingen.first(where: { $0.naam == name }) else { return "niet in deze hervorming" }
                return "\(b.oordeel): \(toets(b.na))"
            })
        }
    }

    static func stand(_ s: R.Stand?) -> String {
        guard let s else { return "niemand" }
        return "ongeveer \(Format.count(s.personen)) mensen (\(Format.list(s.personas))), \(s.totaal.sentence(Format.euroRounded))"
    }

    /// For a table cell: people, loss (lost entitlement and fines) and repayment, without names.
    static func short(_ s: R.Stand?) -> String {
        guard let s else { return "niemand" }
        return "ongeveer \(Format.count(s.personen)) mensen; \(Format.euroRounded(s.totaal.verlies_cent)) verlies; \(Format.euroRounded(s.totaal.terugbetaling_cent)) terug te betalen"
    }

    static func toets(_ t: R.Toets) -> String {
        guard t.getoetst else { return t.reden ?? "niet getoetst" }
        return t.personas.isEmpty ? "geschonden bij niemand" : "geschonden bij \(Format.list(t.personas)) (ongeveer \(Format.count(t.personen)) mensen)"
    }

    static func article(_ a: R.Artikel) -> String {
        let change = a.wijziging.prefix(1).uppercased() + a.wijziging.dropFirst()
        return "\(change): \(a.label.map { "‘\($0)’ (\(a.soort))" } ?? "een \(a.soort)"), \(a.bron)"
    }

    /// "Vervangt ‘a’; voegt ‘b’ en 2 andere bepalingen toe.": the labels, the rest counted.
    static func changes(_ articles: [R.Artikel]) -> String {
        guard !articles.isEmpty else { return "Wijzigt geen bepalingen." }
        var parts: [String] = []
        for (change, verb, tail) in [("vervangen", "vervangt", ""), ("vervallen", "laat", " vervallen"), ("toegevoegd", "voegt", " toe")] {
            let these = articles.filter { $0.wijziging == change }
            guard !these.isEmpty else { continue }
            var names = these.compactMap(\.label).map { "‘\($0)’" }
            let rest = these.count - names.count
            if rest > 0 { names.append("\(rest) \(names.isEmpty ? "" : "andere ")\(rest == 1 ? "bepaling" : "bepalingen") zonder naam") }
            parts.append("\(verb) \(Format.list(names))\(tail)")
        }
        let sentence = parts.joined(separator: "; ")
        return sentence.prefix(1).uppercased() + sentence.dropFirst() + "."
    }

    static func changedMonths(_ p: R.PersonaVergelijking) -> Int { zip(p.voor_cent, p.na_cent).filter { $0 != $1 }.count }

    static func signed(_ cents: Int64) -> String {
        cents > 0 ? "+ " + Format.euroRounded(cents) : cents < 0 ? "− " + Format.euroRounded(-cents) : Format.euroRounded(0)
    }

    /// `2024-01-01` -> `1 januari 2024`; a month or anything else as it comes.
    static func day(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        if parts.count == 3, let d = Int(parts[2]) { return "\(d) \(Format.month(parts[0] + "-" + parts[1]))" }
        return Format.month(iso)
    }

    static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}
