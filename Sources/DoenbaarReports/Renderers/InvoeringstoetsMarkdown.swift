/// The invoeringstoets in Markdown: first the effect of each reform (who
/// changes, benefit outlay and net income per year, the articles), then the
/// knelpunten by category, the intents and the income per persona, with one
/// column per reform where there are several.
public enum InvoeringstoetsMarkdown {
    typealias R = InvoeringstoetsRapport

    public static func render(_ r: InvoeringstoetsRapport) -> String {
        let several = r.hervormingen.count > 1
        var out = "# \(Markdown.escape(r.titel))\n\n"
        for v in r.hervormingen {
            let h = v.hervorming
            out += several ? "- **\(Markdown.escape(h.titel))**. Bron: \(Markdown.escape(h.bron)).\(from(h))\n" : "Hervorming: \(Markdown.escape(h.titel)). Bron: \(Markdown.escape(h.bron)).\(from(h))\n"
        }
        out += "\n## Effect van de hervorming\(several ? "en" : "")\n\n"
        for v in r.hervormingen { out += (several ? "- **\(Markdown.escape(v.hervorming.titel))**: " : "") + Markdown.escape(InvoeringstoetsTekst.effect(v)) + "\n" }
        out += "\n" + table(["Maat"] + r.hervormingen.map(\.hervorming.titel), InvoeringstoetsTekst.effectRows(r))
        out += "\n### Gewijzigde bepalingen\n\n"
        for v in r.hervormingen {
            if several { out += "#### \(Markdown.escape(v.hervorming.titel))\n\n" }
            if v.artikelen.isEmpty { out += "Geen.\n\n"; continue }
            for a in v.artikelen { out += "- \(Markdown.escape(InvoeringstoetsTekst.article(a))) (`\(a.naam)`)\n" }
            out += "\n"
        }

        out += "## Knelpunten voor en na\n\n"
        out += table(["Knelpunt", "Huidige regels"] + r.hervormingen.map(\.hervorming.titel),
                     InvoeringstoetsTekst.knelpuntRows(r).map { row in [row.titel, row.voor] + row.per_hervorming })
        for v in r.hervormingen {
            out += "\n" + (several ? "### Knelpunten: \(Markdown.escape(v.hervorming.titel))\n\n" : "")
            for c in R.Categorie.allCases {
                let list = v.knelpunten(c)
                out += "\(several ? "####" : "###") \(Markdown.escape(c.kop)) (\(list.count))\n\n\(Markdown.escape(c.uitleg))\n\n"
                if list.isEmpty { out += "Geen.\n\n"; continue }
                for k in list { out += "- " + knelpunt(k, population: r.populatie != nil) + "\n" }
                out += "\n"
            }
        }

        out += "## Werkt de regeling zoals bedoeld?\n\n"
        out += table(["Bedoeling", "Huidige regels"] + r.hervormingen.map(\.hervorming.titel),
                     InvoeringstoetsTekst.intentRows(r).map { row in [row.tekst, row.voor] + row.per_hervorming })

        out += "\n## Inkomen per persona, voor en na\n\n"
        out += table(["Persona", "Gewicht"] + r.hervormingen.map { "\($0.hervorming.titel): verschil over de periode" },
                     (r.hervormingen.first?.personas ?? []).indices.map { i in
                         let p = r.hervormingen[0].personas[i]
                         return [p.naam, Format.count(p.gewicht)] + r.hervormingen.map { v in
                             let q = v.personas[i]
                             return q.veranderd ? "\(Format.euro(q.verschil_cent)) (\(InvoeringstoetsTekst.changedMonths(q)) mnd anders)" : "ongewijzigd"
                         }
                     }, numericFrom: 1)
        for v in r.hervormingen {
            for p in v.personas where p.veranderd {
                out += "\n### \(Markdown.escape(p.naam))\(several ? " met \(Markdown.escape(v.hervorming.titel))" : "")\n\n| Maand | Voor | Na | Verschil |\n|---|---:|---:|---:|\n"
                for (i, m) in p.maanden.enumerated() where p.voor_cent[i] != p.na_cent[i] {
                    out += "| \(Format.month(m)) | \(Format.euro(p.voor_cent[i])) | \(Format.euro(p.na_cent[i])) | \(Format.euro(p.na_cent[i] - p.voor_cent[i])) |\n"
                }
            }
        }
        out += "\n## Werkwijze\n\n" + r.werkwijze.map { "- \(Markdown.escape($0))\n" }.joined()
        return out
    }

    static func from(_ h: R.Hervorming) -> String {
        h.geldig_vanaf.map { " Geldig vanaf \(InvoeringstoetsTekst.day($0))." } ?? ""
    }

    static func knelpunt(_ k: R.KnelpuntVergelijking, population: Bool) -> String {
        var out = "**\(Markdown.escape(k.titel))** (\(Markdown.escape(k.soort_titel)), ernst \(Markdown.escape(k.ernst))): voor \(Markdown.escape(InvoeringstoetsTekst.stand(k.voor))); na \(Markdown.escape(InvoeringstoetsTekst.stand(k.na)))"
        if population {
            out += "; in de hele populatie naar schatting \(Format.count(k.populatie_voor?.personen ?? 0)) mensen voor en \(Format.count(k.na == nil ? 0 : k.populatie_na?.personen ?? 0)) na"
        }
        out += "."
        if let v = k.verplichting_vervalt { out += "\n  - **Let op: verdwenen doordat een verplichting vervalt.** \(Markdown.escape(v.uitleg))" }
        return out
    }

    static func table(_ header: [String], _ rows: [[String]], numericFrom: Int? = nil) -> String {
        var out = "| " + header.map(Markdown.escape).joined(separator: " | ") + " |\n|"
        for i in header.indices { out += numericFrom.map { i >= $0 } == true ? "---:|" : "---|" }
        out += "\n"
        for row in rows { out += "| " + row.map(Markdown.escape).joined(separator: " | ") + " |\n" }
        return out
    }
}
