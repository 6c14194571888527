import DoenbaarAnalysis
import DoenbaarCore

/// The estimates of a population run: per knelpunt how many of the people on
/// a benefit it plausibly hits, with an interval, and the money involved.
public struct PopulatieRapport: Codable, Sendable {
    public var versie = 1
    public let titel: String
    public let omvang: Int
    public let zaad: UInt64
    /// Of the rule and persona files it was computed from: a report that
    /// takes over these estimates checks it was made from the same input.
    public let vingerafdruk: String
    public let groepen: [Groep]
    public let schattingen: [Schatting]
    public let niet_doorgerekend: Int
    public let werkwijze: [String]

    public struct Groep: Codable, Sendable {
        public let groep: String
        public let synthetische_personen: Int
        public let uitkeringen: Int
        public let personen_per_synthetische_persoon: String
    }

    public struct Schatting: Codable, Sendable, Equatable {
        public let id: String
        public let titel: String
        public let soort_titel: String
        public let personen: Int
        public let personen_laag: Int
        public let personen_hoog: Int
        public let bedrag_cent: Int64
        public let bedrag_laag_cent: Int64
        public let bedrag_hoog_cent: Int64
        /// The bedrag (a loss) by kind, and the repayments beside it.
        public let schade: Schade
        public let synthetische_treffers: Int
    }

    public static func build(_ result: PopulationRun.Result, generator: PopulationGenerator, fingerprint: String) -> PopulatieRapport {
        let p = generator.parameters
        return PopulatieRapport(
            titel: "Populatieschatting", omvang: generator.size, zaad: generator.seed, vingerafdruk: fingerprint,
            groepen: p.groups.map { g in
                Groep(groep: g.title, synthetische_personen: result.persons[g] ?? 0,
                      uitkeringen: g.caseload,
                      personen_per_synthetische_persoon: (generator.personWeight[g] ?? .zero).format(decimals: 2))
            },
            schattingen: PopulationEstimate.estimates(result, generator: generator).map(Schatting.init),
            niet_doorgerekend: result.failures,
            werkwijze: [
                "Elke synthetische persoon is een variatie op een persona (gekozen naar de gewichten van de persona's): dagloon, inkomen, de schatting ervan, het doenvermogen, de data van verblijven in het buitenland en soms een extra ingrijpende gebeurtenis variëren volgens Rules/analyse/populatie.regels.",
                "De synthetische personen van een groep (\(ValueFormatting.list(p.groups.map(\.title)))) staan samen voor het aantal uitkeringen van UWV in die groep; wie meer dan één uitkering heeft, telt mee in de grootste groep.",
                "Het aantal getroffen mensen is een schatting met een 95%-interval (Wilson) per groep; het verlies (gemist recht en boetes) met een 95%-interval uit de spreiding tussen de synthetische personen; terug te betalen bedragen staan ernaast en tellen niet mee in het verlies. Beide gaan alleen over de onzekerheid van de steekproef, niet over die van de aannames.",
                "Dezelfde omvang en hetzelfde zaad geven precies dezelfde uitkomst.",
            ])
    }
}

extension PopulatieRapport.Schatting {
    init(_ e: PopulationEstimate) {
        id = Format.id(forKey: e.key)
        titel = e.topic.map(FindingProse.title) ?? e.key
        soort_titel = e.kind.title
        personen = e.people
        personen_laag = e.peopleLow
        personen_hoog = e.peopleHigh
        bedrag_cent = e.moneyCents
        bedrag_laag_cent = e.moneyLowCents
        bedrag_hoog_cent = e.moneyHighCents
        var s = Schade()
        s.gemist_recht_cent = e.lostCents
        s.boetes_cent = e.fineCents
        s.terugbetaling_cent = e.repaymentCents
        s.onder_beslagvrije_voet_cent = e.belowProtectedCents
        schade = s
        synthetische_treffers = e.syntheticHits
    }
}

/// The population estimates in Markdown.
public enum PopulatieMarkdown {
    public static func render(_ r: PopulatieRapport) -> String {
        var out = "# \(r.titel)\n\n"
        out += "\(Format.count(r.omvang)) synthetische personen (zaad \(r.zaad)).\n\n"
        out += "| Groep | Synthetische personen | Uitkeringen | Mensen per synthetische persoon |\n|---|---:|---:|---:|\n"
        for g in r.groepen {
            out += "| \(g.groep) | \(Format.count(g.synthetische_personen)) | \(Format.count(g.uitkeringen)) | \(g.personen_per_synthetische_persoon) |\n"
        }
        out += "\n## Schattingen per knelpunt\n\n"
        out += "| Knelpunt | Soort | Mensen (95%-interval) | Verlies (95%-interval) | Gemist recht | Boetes | Terug te betalen |\n|---|---|---:|---:|---:|---:|---:|\n"
        for s in r.schattingen {
            out += "| \(Format.markdownCell(s.titel)) | \(s.soort_titel) | \(Format.count(s.personen)) (\(Format.count(s.personen_laag))–\(Format.count(s.personen_hoog))) | \(Format.euroRounded(s.bedrag_cent)) (\(Format.euroRounded(s.bedrag_laag_cent))–\(Format.euroRounded(s.bedrag_hoog_cent))) | \(Format.euroRounded(s.schade.gemist_recht_cent)) | \(Format.euroRounded(s.schade.boetes_cent)) | \(Format.euroRounded(s.schade.terugbetaling_cent)) |\n"
        }
        if r.schattingen.isEmpty { out += "| Geen knelpunten in de populatie | | | | | | |\n" }
        if r.niet_doorgerekend > 0 { out += "\n\(r.niet_doorgerekend) synthetische personen konden niet worden doorgerekend.\n" }
        out += "\n## Werkwijze\n\n" + r.werkwijze.map { "- \($0)\n" }.joined()
        return out
    }
}
