import DoenbaarCore

/// The knelpuntenrapport in Markdown: a summary table first, then per
/// knelpunt what happens, why, how harsh, how many people, the doenvermogen
/// angle and the rung of the solution ladder with a direction.
public enum KnelpuntenMarkdown {
    public static func render(_ r: KnelpuntenRapport) -> String {
        var out = "# \(r.titel)\n\n"
        out += "Regelingen: \(Format.list(r.regelingen)). Doorgerekend: \(r.aantal_personas) persona's, samen ongeveer \(Format.count(r.totaal_gewicht)) mensen.\n\n"
        out += "## Samenvatting\n\n"
        out += "| # | Knelpunt | Soort | Ernst | Mensen (schatting) | Schade per persoon | Oplossing |\n"
        out += "|---|---|---|---|---:|---|---|\n"
        for k in r.knelpunten {
            out += "| \(k.rang) | [\(Format.markdownCell(k.titel))](#\(k.id)) | \(k.soort_titel) | \(k.ernst) | \(Format.count(k.personen)) | \(k.harmPerPerson()) | trede \(k.trede): \(k.trede_naam) |\n"
        }
        if r.knelpunten.isEmpty { out += "| | Geen knelpunten gevonden | | | | | |\n" }
        for k in r.knelpunten {
            out += "\n<a id=\"\(k.id)\"></a>\n\n## \(k.rang). \(k.titel)\n\n"
            out += "*\(k.soort_titel), ernst \(k.ernst).*\n\n"
            out += "**Wat er gebeurt.**\n\n"
            for v in k.wat_gebeurt { out += "- \(v.uitleg)\n" }
            out += "\n**Waarom.** Dit volgt uit:\n\n"
            for b in k.waarom { out += "- `\(b.naam)` (\(b.regeling)): \(b.bron)\n" }
            out += "\n**Hoe hard.** \(k.harmPerPerson()) per persoon, over \(k.maanden) maand\(k.maanden == 1 ? "" : "en"); voor alle getroffenen samen ongeveer \(Format.euroRounded(k.schade_totaal_cent)).\n\n"
            out += "**Hoeveel mensen.** \(capitalized(k.personen_toelichting)).\n\n"
            if let p = k.populatie, let source = r.populatie {
                out += "**In de hele populatie.** Naar schatting \(Format.count(p.personen)) mensen (95%-interval \(Format.count(p.personen_laag)) tot \(Format.count(p.personen_hoog))), samen ongeveer \(Format.euroRounded(p.bedrag_cent)) (\(Format.euroRounded(p.bedrag_laag_cent)) tot \(Format.euroRounded(p.bedrag_hoog_cent))); uit een synthetische populatie van \(Format.count(source.omvang)) personen.\n\n"
            }
            if !k.doenvermogen.isEmpty {
                out += "**Doenvermogen.** " + k.doenvermogen.joined(separator: " ") + "\n\n"
            }
            if !k.andere_handeling.isEmpty {
                out += "**Wat de persoon anders had kunnen doen.** " + k.andere_handeling.joined(separator: " ") + "\n\n"
            }
            out += "**Oplossing.** Trede \(k.trede) van de oplossingsladder: \(k.trede_naam). \(k.trede_reden)\n\n"
            out += "**Richting.** \(k.richting)\n"
            if let e = k.bewijs.first {
                out += "\n<details><summary>Bewijs: de berekening</summary>\n\n```\n" + RunTextRenderer.tree(e, indent: "") + "```\n\n</details>\n"
            }
        }
        out += "\n## Werkwijze\n\n" + r.werkwijze.map { "- \($0)\n" }.joined()
        return out
    }

    static func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}
