import DoenbaarCore

/// The knelpuntenrapport in Markdown: the section for the minister first,
/// then a summary table, then per knelpunt what happens, why, how harsh, how
/// many people, the doenvermogen angle and the rung of the solution ladder
/// with a direction.
///
/// Declarations are named by their labels; their names from the rules appear
/// only as evidence, in code spans and in the folded trace.
public enum KnelpuntenMarkdown {
    public static func render(_ r: KnelpuntenRapport) -> String {
        var out = "# \(Markdown.escape(r.titel))\n\n"
        out += "Regelingen: \(Format.list(r.regelingen.map(Markdown.escape))). Doorgerekend: \(r.aantal_personas) persona's, samen ongeveer \(Format.count(r.totaal_gewicht)) mensen.\n\n"
        if let m = r.minister { out += minister(m) }
        out += "## Samenvatting\n\n"
        let population = r.populatie != nil
        if population {
            out += "| # | Knelpunt | Soort | Ernst | Mensen in de populatie (breedste bereik) | Mensen volgens de persona's | Per persoon | Oplossing |\n"
            out += "|---|---|---|---|---:|---:|---|---|\n"
        } else {
            out += "| # | Knelpunt | Soort | Ernst | Mensen (schatting uit de gewichten van de persona's) | Per persoon | Oplossing |\n"
            out += "|---|---|---|---|---:|---|---|\n"
        }
        for k in r.knelpunten {
            let people = population ? "\(populationCell(k)) | \(Format.count(k.personen))" : Format.count(k.personen)
            out += "| \(k.rang) | [\(Markdown.escape(k.titel))](#\(k.id)) | \(Markdown.escape(k.soort_titel)) | \(Markdown.escape(k.ernst)) | \(people) | \(k.harmPerPerson()) | trede \(k.trede): \(Markdown.escape(k.trede_naam)) |\n"
        }
        if r.knelpunten.isEmpty { out += "| | Geen knelpunten gevonden | | | | | |\(population ? " |" : "")\n" }
        if population, let source = r.populatie {
            out += "\nMensen in de populatie: geschat uit een synthetische populatie van \(Format.count(source.omvang)) personen, opgeschaald naar het aantal uitkeringen, met het bredere van het 95%-steekproefinterval en het bereik over de aannames; mensen volgens de persona's: de som van hun gewichten (een schatting, geen telling).\n"
        }
        out += "\nAlle knelpunten samen, elke euro één keer geteld: \(r.totaal.sentence(Format.euroRounded)) (voor alle getroffenen samen; een gebeurtenis die meer knelpunten raakt, telt één keer).\n"
        for k in r.knelpunten {
            out += "\n<a id=\"\(k.id)\"></a>\n\n## \(k.rang). \(Markdown.escape(k.titel))\n\n"
            out += "*\(Markdown.escape(k.soort_titel)), ernst \(Markdown.escape(k.ernst)).*\n\n"
            out += "**Wat er gebeurt.**\n\n"
            for v in k.wat_gebeurt {
                out += "- \(Markdown.escape(v.uitleg))\n"
                for lens in v.ook_gezien_als { out += "  - Dezelfde gebeurtenis, ook gezien als \(Markdown.escape(lens.soort_titel.lowercased())): \(Markdown.escape(lens.uitleg))\n" }
            }
            out += "\n**Waarom.** Dit volgt uit:\n\n"
            for b in k.waarom { out += "- \(Markdown.escape(b.label)): \(Markdown.escape(b.bron)) (in de regels: `\(b.naam)`, \(Markdown.escape(b.regeling)))\n" }
            out += "\n**Hoe hard.** Per persoon \(k.harmPerPerson()), over \(k.maanden) maand\(k.maanden == 1 ? "" : "en"). Voor alle getroffenen samen ongeveer \(k.totaal.sentence(Format.euroRounded)).\n\n"
            out += yearTable(k.per_jaar)
            out += "**Hoeveel mensen.** \(Markdown.escape(capitalized(k.personen_toelichting))).\n\n"
            if let p = k.populatie, let source = r.populatie { out += populationParagraph(p, source) }
            if !k.doenvermogen.isEmpty {
                out += "**Doenvermogen.** " + Markdown.escape(k.doenvermogen.joined(separator: " ")) + "\n\n"
            }
            if !k.andere_handeling.isEmpty {
                out += "**Wat de persoon anders had kunnen doen.** " + Markdown.escape(k.andere_handeling.joined(separator: " ")) + "\n\n"
            }
            if k.te_wijzigen.isEmpty {
                out += "**Oplossing.** Trede \(k.trede) van de oplossingsladder: \(Markdown.escape(k.trede_naam)). \(Markdown.escape(k.trede_reden))\n\n"
            } else {
                // Rung 3: the articles to change as a list.
                out += "**Oplossing.** Trede \(k.trede) van de oplossingsladder: \(Markdown.escape(k.trede_naam)). \(Markdown.escape(FindingProse.noDiscretion)) Te wijzigen:\n\n"
                out += k.te_wijzigen.map { "- \(Markdown.escape($0.bron)), de bepaling achter '\(Markdown.escape($0.label))' (in de regels: `\($0.naam)`)\n" }.joined() + "\n"
            }
            out += "**Richting.** \(Markdown.escape(k.richting))\n"
            if let e = k.bewijs.first {
                out += "\n<details><summary>Bewijs: de berekening</summary>\n\n```\n" + RunTextRenderer.tree(e, indent: "") + "```\n\n</details>\n"
            }
        }
        out += "\n## Werkwijze\n\n" + r.werkwijze.map { "- \(Markdown.escape($0))\n" }.joined()
        if let source = r.populatie { out += populationMethod(source) }
        return out
    }

    /// The opening for the minister: a few paragraphs and points, written from the data.
    static func minister(_ m: MinisterSectie) -> String {
        var out = "## \(Markdown.escape(m.titel))\n\n"
        out += Markdown.escape(m.inleiding.joined(separator: " ")) + "\n\n"
        if !m.punten.isEmpty { out += m.punten.map { "- **[\(Markdown.escape($0.titel))](#\($0.id))**: \(Markdown.escape($0.tekst))\n" }.joined() + "\n" }
        if !m.per_jaar.isEmpty {
            out += "\(Markdown.escape(m.per_jaar_toelichting))\n\n" + yearTable(m.per_jaar)
        }
        if !m.oplossingen.isEmpty { out += Markdown.escape(m.oplossingen.joined(separator: " ")) + "\n\n" }
        return out
    }

    /// The population estimate of a knelpunt with its interval, or a dash where the population did not meet it.
    static func populationCell(_ k: KnelpuntVerslag) -> String {
        guard let p = k.populatie else { return "— (niet in de populatie)" }
        // The wider of the sampling interval and the range over the assumptions.
        return p.samenvattingTekst
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
