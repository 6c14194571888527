/// The invoeringstoets in Markdown: intents before and after, income per
/// persona before and after, knelpunten solved, remaining and new.
public enum InvoeringstoetsMarkdown {
    public static func render(_ r: InvoeringstoetsRapport) -> String {
        let h = r.hervorming
        var out = "# \(r.titel)\n\n"
        out += "Hervorming `\(h.naam)`: \(h.titel). Bron: \(h.bron).\(h.geldig_vanaf.map { " Geldig vanaf \(Format.month(String($0.prefix(7)))) (\($0))." } ?? "")\n\n"
        if !h.vervangt.isEmpty { out += "Vervangt: \(declarations(h.vervangt, h.vervangt_labels)). " }
        if !h.vervalt.isEmpty { out += "Laat vervallen: \(declarations(h.vervalt, h.vervalt_labels)). " }
        if !h.voegt_toe.isEmpty { out += "Voegt toe: \(declarations(h.voegt_toe, h.voegt_toe_labels)).\n" }
        out += "\n## Werkt de regeling zoals bedoeld?\n\n"
        out += "| Bedoeling | Voor: geschonden bij | Na: geschonden bij | Oordeel |\n|---|---|---|---|\n"
        for b in r.bedoelingen {
            out += "| \(Format.markdownCell(b.tekst)) | \(who(b.voor_personas, b.voor_personen)) | \(who(b.na_personas, b.na_personen)) | \(b.oordeel) |\n"
        }
        out += "\n## Knelpunten\n\n"
        for (title, list) in [("Opgelost", r.opgelost), ("Blijvend", r.blijvend), ("Nieuw", r.nieuw)] {
            out += "### \(title)\n\n"
            if list.isEmpty { out += "Geen.\n\n"; continue }
            for k in list {
                out += "- **\(k.titel)** (\(k.soort_titel), ernst \(k.ernst)): ongeveer \(Format.count(k.personen)) mensen (\(Format.list(k.personas))), samen ongeveer \(k.totaal.sentence(Format.euroRounded))"
                if let was = k.voor_personen, was != k.personen, let names = k.voor_personas, let harm = k.voor_totaal {
                    out += "; vóór de hervorming \(Format.count(was)) mensen (\(Format.list(names))), \(harm.sentence(Format.euroRounded))"
                }
                if r.populatie != nil {
                    let before = k.populatie_voor.map { Format.count($0.personen) } ?? "0"
                    let after = title == "Opgelost" ? "0" : (k.populatie_na.map { Format.count($0.personen) } ?? "0")
                    out += "; in de hele populatie naar schatting \(before) mensen voor en \(after) na de hervorming"
                }
                out += ".\n"
            }
            out += "\n"
        }
        out += "## Inkomen per persona, voor en na\n\n"
        out += "| Persona | Gewicht | Maanden anders | Verschil over de periode |\n|---|---:|---:|---:|\n"
        for p in r.personas {
            let changed = zip(p.voor_cent, p.na_cent).filter { $0 != $1 }.count
            out += "| \(p.naam) | \(Format.count(p.gewicht)) | \(changed) | \(Format.euro(p.verschil_cent)) |\n"
        }
        for p in r.personas where p.voor_cent != p.na_cent {
            out += "\n### \(p.naam)\n\n| Maand | Voor | Na | Verschil |\n|---|---:|---:|---:|\n"
            for (i, m) in p.maanden.enumerated() where p.voor_cent[i] != p.na_cent[i] {
                out += "| \(Format.month(m)) | \(Format.euro(p.voor_cent[i])) | \(Format.euro(p.na_cent[i])) | \(Format.euro(p.na_cent[i] - p.voor_cent[i])) |\n"
            }
        }
        out += "\n## Werkwijze\n\n" + r.werkwijze.map { "- \($0)\n" }.joined()
        return out
    }

    /// Declarations by their labels, each with its name from the rules as evidence: Label (`naam`).
    static func declarations(_ names: [String], _ labels: [String]) -> String {
        names.enumerated().map { i, n in i < labels.count ? "\(labels[i]) (`\(n)`)" : "`\(n)`" }.joined(separator: ", ")
    }

    static func who(_ personas: [String], _ people: Int) -> String {
        personas.isEmpty ? "niemand" : "\(Format.list(personas)) (ongeveer \(Format.count(people)) mensen)"
    }
}
