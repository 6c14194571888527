import DoenbaarCore

/// The knelpuntenrapport in Markdown: a summary table first, then per
/// knelpunt what happens, why, how harsh, how many people, the doenvermogen
/// angle and the rung of the solution ladder with a direction.
public enum KnelpuntenMarkdown {
    public static func render(_ r: KnelpuntenRapport) -> String {
        var out = "# \(r.titel)\n\n"
        out += "Regelingen: \(Format.list(r.regelingen)). Doorgerekend: \(r.aantal_personas) persona's, samen ongeveer \(Format.count(r.totaal_gewicht)) mensen.\n\n"
        out += "## Samenvatting\n\n"
        out += "| # | Knelpunt | Soort | Ernst | Mensen (schatting) | Per persoon | Oplossing |\n"
        out += "|---|---|---|---|---:|---|---|\n"
        for k in r.knelpunten {
            out += "| \(k.rang) | [\(Format.markdownCell(k.titel))](#\(k.id)) | \(k.soort_titel) | \(k.ernst) | \(k.mensenSamenvatting) | \(k.harmPerPerson()) | trede \(k.trede): \(k.trede_naam) |\n"
        }
        if r.knelpunten.isEmpty { out += "| | Geen knelpunten gevonden | | | | | |\n" }
        out += "\nAlle knelpunten samen, elke euro één keer geteld: \(r.totaal.sentence(Format.euroRounded)) (voor alle getroffenen samen; een gebeurtenis die meer knelpunten raakt, telt één keer).\n"
        for k in r.knelpunten {
            out += "\n<a id=\"\(k.id)\"></a>\n\n## \(k.rang). \(k.titel)\n\n"
            out += "*\(k.soort_titel), ernst \(k.ernst).*\n\n"
            out += "**Wat er gebeurt.**\n\n"
            for v in k.wat_gebeurt {
                out += "- \(v.uitleg)\n"
                for lens in v.ook_gezien_als { out += "  - Dezelfde gebeurtenis, ook gezien als \(lens.soort_titel.lowercased()): \(lens.uitleg)\n" }
            }
            out += "\n**Waarom.** Dit volgt uit:\n\n"
            for b in k.waarom { out += "- `\(b.naam)` (\(b.regeling)): \(b.bron)\n" }
            out += "\n**Hoe hard.** Per persoon \(k.harmPerPerson()), over \(k.maanden) maand\(k.maanden == 1 ? "" : "en"). Voor alle getroffenen samen ongeveer \(k.totaal.sentence(Format.euroRounded)).\n\n"
            out += yearTable(k.per_jaar)
            out += "**Hoeveel mensen.** \(capitalized(k.personen_toelichting)).\n\n"
            if let p = k.populatie, let source = r.populatie { out += populationParagraph(p, source) }
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
        if let source = r.populatie { out += populationMethod(source) }
        return out
    }

    /// The harm per calendar year, the kinds of money in their own columns.
    static func yearTable(_ years: [JaarSchade]) -> String {
        guard !years.isEmpty else { return "" }
        var out = "| Jaar | Gemist recht | Boetes | Terug te betalen | Waarvan onder de beslagvrije voet |\n|---|---:|---:|---:|---:|\n"
        for y in years {
            out += "| \(y.jaar) | \(Format.euroRounded(y.schade.gemist_recht_cent)) | \(Format.euroRounded(y.schade.boetes_cent)) | \(Format.euroRounded(y.schade.terugbetaling_cent)) | \(Format.euroRounded(y.schade.onder_beslagvrije_voet_cent)) |\n"
        }
        return out + "\n"
    }

    static func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}
