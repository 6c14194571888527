import DoenbaarAnalysis
import DoenbaarCore

/// The estimates of a population run: per knelpunt how many of the people on
/// a benefit it plausibly hits, with an interval, and the money involved.
public struct PopulatieRapport: Codable, Sendable {
    public var versie = 2
    public let titel: String
    public let omvang: Int
    public let zaad: UInt64
    /// Of the rule and persona files it was computed from: a report that
    /// takes over these estimates checks it was made from the same input.
    public let vingerafdruk: String
    public let groepen: [Groep]
    /// Per published division of a caseload: the published shares and those the synthetic population reaches.
    public var kalibratie: [Kalibratie]? = nil
    /// Every assumption the estimates still rest on.
    public var aannames: [Aanname]? = nil
    /// How the sensitivity ranges were made (nil: none were made).
    public var gevoeligheid: GevoeligheidOpzet? = nil
    public let schattingen: [Schatting]
    public let niet_doorgerekend: Int
    public var werkwijze: [String]

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
        /// The estimate with each assumption at its low and high value (nil: not made).
        public var gevoeligheid: Gevoeligheid? = nil
    }

    public static func build(_ result: PopulationRun.Result, generator: PopulationGenerator, fingerprint: String,
                             sensitivity: (PopulationSensitivity, [String: [PopulationSensitivity.Swing]])? = nil) -> PopulatieRapport {
        let p = generator.parameters
        var synthetic: [PopulationGroup: Int] = [:]
        for a in generator.archetypes { synthetic[a.group, default: 0] += result.persons[a.stratum] ?? 0 }
        var estimates = PopulationEstimate.estimates(result, generator: generator).map(Schatting.init)
        if let (s, swings) = sensitivity {
            let byID = Dictionary(swings.map { (Format.id(forKey: $0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
            estimates = estimates.map { e in
                var e = e
                e.gevoeligheid = Gevoeligheid(byID[e.id] ?? [], e, s)
                return e
            }
        }
        var report = PopulatieRapport(
            titel: "Populatieschatting", omvang: generator.size, zaad: generator.seed, vingerafdruk: fingerprint,
            groepen: p.groups.map { g in
                let n = synthetic[g] ?? 0
                return Groep(groep: g.title, synthetische_personen: n, uitkeringen: g.caseload,
                             personen_per_synthetische_persoon: n > 0 ? Fixed(raw: Fixed.divide(Int64(g.caseload) * Fixed.scale, Int64(n), .halfAwayFromZero)).format(decimals: 2) : "0")
            },
            schattingen: estimates,
            niet_doorgerekend: result.failures,
            werkwijze: [])
        report.kalibratie = generator.calibration.marginals.map { m in
            Kalibratie(titel: m.title, groep: p.groups.first { $0.section == m.section }?.title ?? m.section, gekalibreerd: m.fitted,
                       klassen: m.classes.map { c in
                           Kalibratie.Klasse(klasse: c.label, parameter: c.parameter, bron: c.source, gepubliceerd: percent(c.published),
                                             bereikt: percent(c.reached), personas: c.personas)
                       })
        }
        report.aannames = Aanname.all(generator: generator, sensitivity: sensitivity?.0)
        if let (s, _) = sensitivity {
            report.gevoeligheid = GevoeligheidOpzet(steekproef: s.samplePersons,
                                                    aannames: s.assumptions.count)
        }
        report.werkwijze = werkwijze(report, groups: p.groups)
        return report
    }

    /// A share with one decimal: `31,6%`.
    static func percent(_ f: Fixed) -> String {
        Fixed(raw: Fixed.divide(f.raw * 100, 100_000, .halfAwayFromZero) * 100_000).format(decimals: 1) + "%"
    }

    static func werkwijze(_ r: PopulatieRapport, groups: [PopulationGroup]) -> [String] {
        var lines = [
            "Elke synthetische persoon is een variatie op een persona, gekozen naar de gewogen persona's: dagloon, inkomen, de schatting ervan, het doenvermogen, de data van verblijven in het buitenland en soms een extra ingrijpende gebeurtenis variëren volgens Rules/analyse/populatie.regels.",
            "De synthetische personen van een groep (\(ValueFormatting.list(groups.map(\.title)))) staan samen voor het aantal uitkeringen van UWV in die groep; wie meer dan één uitkering heeft, telt mee in de grootste groep. Elke persona staat voor een deel van haar groep: haar gewicht na de kalibratie.",
        ]
        let fitted = (r.kalibratie ?? []).filter(\.gekalibreerd), unfit = (r.kalibratie ?? []).filter { !$0.gekalibreerd }
        var calibration = "Kalibratie: binnen een groep zijn de gewichten van de persona's zo gezet dat de synthetische populatie de gepubliceerde verdelingen van het echte bestand haalt (Rules/analyse/kalibratie.regels, met de bron bij elk cijfer)"
        calibration += fitted.isEmpty ? "; in deze rekening is geen verdeling gehaald." : ": \(ValueFormatting.list(fitted.map { $0.titel.lowercased() }))."
        if !unfit.isEmpty {
            calibration += " Niet te halen met deze persona's, omdat in een klasse geen persona valt: \(ValueFormatting.list(unfit.map { u in "\(u.titel.lowercased()) (\(u.klassen.filter { $0.personas.isEmpty }.map(\.klasse).joined(separator: ", ")))" }))."
        }
        calibration += " Niet gevonden en daarom niet gebruikt: de verdeling van de WW naar duur en naar dagloon, en een verdeling van de Ziektewet; de verdeling van de WW naar leeftijd is die van eind 2015, de nieuwste die is gevonden."
        lines.append(calibration)
        lines.append("Steekproefinterval: het aantal getroffen mensen heeft een 95%-interval (Wilson, per persona); het verlies (gemist recht en boetes) een 95%-interval uit de spreiding tussen de synthetische personen. Dit interval zegt alleen hoeveel de uitkomst zou schommelen bij een andere trekking van dezelfde populatie, niet hoe goed de aannames zijn. Terug te betalen bedragen staan ernaast en tellen niet mee in het verlies.")
        if let g = r.gevoeligheid {
            lines.append("Bereik over de aannames: elke aanname met een bereik (in de regelbestanden: bereik LAAG tot HOOG) en elk gewicht van een persona dat geen gepubliceerd cijfer vastlegt, is één voor één op de laagste en op de hoogste waarde gezet, de andere op hun gewone waarde (\(g.aannames) aannames). Een gewicht verandert alleen hoe de synthetische personen meetellen; daarvoor is de hele populatie opnieuw gewogen. Een parameter verandert de personen of de analyse zelf; daarvoor zijn de eerste \(ValueFormatting.count(g.steekproef)) synthetische personen opnieuw doorgerekend, en het verschil dat dit daar maakt, is bij de schatting voor de hele populatie opgeteld. Het bereik loopt van de laagste tot de hoogste van al die schattingen; de samenvatting toont het bredere van steekproefinterval en bereik.")
        }
        lines.append("Dezelfde omvang en hetzelfde zaad geven precies dezelfde uitkomst.")
        return lines
    }
}

/// One published division of a caseload and how close the synthetic population comes.
public struct Kalibratie: Codable, Sendable, Equatable {
    public let titel: String
    public let groep: String
    /// False: the personas cannot fill every class, so this division was not fitted.
    public let gekalibreerd: Bool
    public let klassen: [Klasse]

    public struct Klasse: Codable, Sendable, Equatable {
        public let klasse: String
        /// The parameter in Rules/analyse/kalibratie.regels (nil for the rest class).
        public let parameter: String?
        public let bron: String
        public let gepubliceerd: String
        public let bereikt: String
        public let personas: [String]
    }
}

/// One assumption the estimates rest on.
public struct Aanname: Codable, Sendable, Equatable {
    /// The parameter's name, or `gewicht` of a persona.
    public let naam: String
    public let omschrijving: String
    public let waarde: String
    /// The plausible range, when declared.
    public let laag: String?
    public let hoog: String?
    public let bron: String
    /// Whether the sensitivity ranges vary it.
    public let gevarieerd: Bool

    /// Every parameter of the analysis files whose `bron` calls it an assumption or that has a range,
    /// and every persona weight that no published share fixes.
    static func all(generator: PopulationGenerator, sensitivity: PopulationSensitivity?) -> [Aanname] {
        let ruleSet = generator.parameters.ruleSet
        let varied = Set(sensitivity?.assumptions.map(\.key) ?? [])
        var out: [Aanname] = []
        for p in ruleSet.parameters where p.range != nil || (KnelpuntenRapport.assumptionRegulations.contains(p.provenance.regulation)
                                                              && p.provenance.source.lowercased().hasPrefix("aanname")) {
            guard let v = p.value(on: AnalysisParameters.referenceDay) else { continue }
            out.append(Aanname(naam: p.name, omschrijving: PopulationSensitivity.label(p.name, in: ruleSet), waarde: ValueFormatting.format(v.raw, p.type),
                               laag: p.range.map { ValueFormatting.format($0.low, p.type) }, hoog: p.range.map { ValueFormatting.format($0.high, p.type) },
                               bron: p.range?.source ?? p.provenance.source, gevarieerd: varied.contains(p.name)))
        }
        let byPersona = Dictionary(uniqueKeysWithValues: (sensitivity?.assumptions ?? []).compactMap { a in a.persona.map { ($0, a) } })
        for (i, a) in generator.archetypes.enumerated() where !generator.calibration.derived[i] {
            let s = byPersona[a.persona.id]
            out.append(Aanname(naam: "gewicht \(a.persona.id)", omschrijving: "hoeveel mensen op \(a.persona.name) lijken (gewicht in \(a.persona.id).persona)",
                               waarde: ValueFormatting.count(a.persona.weight), laag: s?.low, hoog: s?.high,
                               bron: "aanname in de persona; geen gepubliceerde verdeling legt dit gewicht vast", gevarieerd: s != nil))
        }
        return out
    }
}

/// How the sensitivity ranges were made.
public struct GevoeligheidOpzet: Codable, Sendable, Equatable {
    /// Synthetic people run again with a parameter at each end.
    public let steekproef: Int
    /// Assumptions varied.
    public let aannames: Int
}

/// One estimate with each assumption at its ends: the range over all of them and the swings, widest first.
public struct Gevoeligheid: Codable, Sendable, Equatable {
    public let personen_laag: Int
    public let personen_hoog: Int
    public let bedrag_laag_cent: Int64
    public let bedrag_hoog_cent: Int64
    /// The assumption that moves the number of people most (plain Dutch), and its name.
    public let grootste_invloed: String?
    public let grootste_invloed_naam: String?
    /// Per assumption, widest swing in people first.
    public let aannames: [Uitslag]

    public struct Uitslag: Codable, Sendable, Equatable {
        public let naam: String
        public let omschrijving: String
        public let laag: String
        public let hoog: String
        public let personen_bij_laag: Int
        public let personen_bij_hoog: Int
        public let bedrag_bij_laag_cent: Int64
        public let bedrag_bij_hoog_cent: Int64
        /// Whether it moves the estimate at all: a person, or more than a ten-thousandth of the loss
        /// (a weight fitted again moves money by rounding alone).
        public let beweegt: Bool
        public var breedte: Int { abs(personen_bij_hoog - personen_bij_laag) }
    }
}

extension Gevoeligheid {
    init(_ swings: [PopulationSensitivity.Swing], _ e: PopulatieRapport.Schatting, _ s: PopulationSensitivity) {
        let byKey = Dictionary(uniqueKeysWithValues: s.assumptions.map { ($0.key, $0) })
        let results = swings.compactMap { w -> Uitslag? in
            guard let a = byKey[w.assumption] else { return nil }
            let low = Int(w.low.people.rounded()), high = Int(w.high.people.rounded())
            let moneyLow = PopulationEstimate.euros(w.low.moneyCents), moneyHigh = PopulationEstimate.euros(w.high.moneyCents)
            let moves = low != high || low != e.personen || Double(abs(moneyHigh - moneyLow)) > Double(max(e.bedrag_cent, 100)) / 10_000
            return Uitslag(naam: a.key, omschrijving: a.label, laag: a.low, hoog: a.high, personen_bij_laag: low, personen_bij_hoog: high,
                           bedrag_bij_laag_cent: moneyLow, bedrag_bij_hoog_cent: moneyHigh, beweegt: moves)
        }
        let sorted = results.enumerated().sorted { l, r in
            let a = l.element, b = r.element
            return (a.beweegt ? 1 : 0, a.breedte, abs(a.bedrag_bij_hoog_cent - a.bedrag_bij_laag_cent), r.offset)
                > (b.beweegt ? 1 : 0, b.breedte, abs(b.bedrag_bij_hoog_cent - b.bedrag_bij_laag_cent), l.offset)
        }.map(\.element)
        aannames = sorted
        let moving = sorted.filter(\.beweegt)
        let people = moving.flatMap { [$0.personen_bij_laag, $0.personen_bij_hoog] } + [e.personen]
        let money = moving.flatMap { [$0.bedrag_bij_laag_cent, $0.bedrag_bij_hoog_cent] } + [e.bedrag_cent]
        personen_laag = people.min() ?? e.personen
        personen_hoog = people.max() ?? e.personen
        bedrag_laag_cent = money.min() ?? e.bedrag_cent
        bedrag_hoog_cent = money.max() ?? e.bedrag_cent
        let top = moving.first
        grootste_invloed = top?.omschrijving
        grootste_invloed_naam = top?.naam
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

// MARK: The figure for a summary table

extension PopulatieRapport.Schatting {
    /// For a summary table: the estimate with the wider of the 95% sampling
    /// interval and the range over the assumptions (people).
    public var samenvatting: (personen: Int, laag: Int, hoog: Int) {
        guard let g = gevoeligheid, g.personen_hoog - g.personen_laag > personen_hoog - personen_laag else {
            return (personen, personen_laag, personen_hoog)
        }
        return (personen, g.personen_laag, g.personen_hoog)
    }

    /// `60.923 (41.000 tot 80.500)`: the summary figure in words, for a table cell.
    public var samenvattingTekst: String {
        let s = samenvatting
        return "\(Format.count(s.personen)) (\(Format.count(s.laag)) tot \(Format.count(s.hoog)))"
    }
}

/// Sentences about one estimate, shared by the population report and the knelpuntenrapport.
enum SchattingTekst {
    /// `95%-steekproefinterval 58.733 tot 63.857; bereik over de aannames 40.000 tot 80.000, het meest door ...`
    static func people(_ s: PopulatieRapport.Schatting) -> String {
        var out = "95%-steekproefinterval \(Format.count(s.personen_laag)) tot \(Format.count(s.personen_hoog))"
        if let g = s.gevoeligheid {
            out += "; bereik over de aannames \(Format.count(g.personen_laag)) tot \(Format.count(g.personen_hoog))"
            if let top = g.grootste_invloed { out += "; wat haar het meest beweegt: \(top)" }
        }
        return out
    }

    static func money(_ s: PopulatieRapport.Schatting) -> String {
        var out = "steekproefinterval \(Format.euroRounded(s.bedrag_laag_cent)) tot \(Format.euroRounded(s.bedrag_hoog_cent))"
        if let g = s.gevoeligheid {
            out += "; bereik over de aannames \(Format.euroRounded(g.bedrag_laag_cent)) tot \(Format.euroRounded(g.bedrag_hoog_cent))"
        }
        return out
    }
}

/// The population estimates in Markdown.
public enum PopulatieMarkdown {
    public static func render(_ r: PopulatieRapport) -> String {
        var out = "# \(Markdown.escape(r.titel))\n\n"
        out += "\(Format.count(r.omvang)) synthetische personen (zaad \(r.zaad)).\n\n"
        out += "| Groep | Synthetische personen | Uitkeringen | Mensen per synthetische persoon |\n|---|---:|---:|---:|\n"
        for g in r.groepen {
            out += "| \(Markdown.escape(g.groep)) | \(Format.count(g.synthetische_personen)) | \(Format.count(g.uitkeringen)) | \(g.personen_per_synthetische_persoon) |\n"
        }
        out += "\n## Schattingen per knelpunt\n\n"
        out += "De samenvatting toont per knelpunt het bredere van het 95%-steekproefinterval en het bereik over de aannames.\n\n"
        out += "| Knelpunt | Soort | Mensen (samenvatting) | Steekproefinterval | Bereik over de aannames | Meeste invloed | Verlies | Verlies: steekproefinterval | Verlies: bereik over de aannames | Gemist recht | Boetes | Terug te betalen |\n|---|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|\n"
        for s in r.schattingen {
            let g = s.gevoeligheid
            let range = g.map { "\(Format.count($0.personen_laag))–\(Format.count($0.personen_hoog))" } ?? "niet bepaald"
            let moneyRange = g.map { "\(Format.euroRounded($0.bedrag_laag_cent))–\(Format.euroRounded($0.bedrag_hoog_cent))" } ?? "niet bepaald"
            out += "| \(Markdown.escape(s.titel)) | \(Markdown.escape(s.soort_titel)) | \(Format.count(s.personen)) (\(Format.count(s.samenvatting.laag))–\(Format.count(s.samenvatting.hoog))) | \(Format.count(s.personen_laag))–\(Format.count(s.personen_hoog)) | \(range) | \(Markdown.escape(g?.grootste_invloed ?? "")) | \(Format.euroRounded(s.bedrag_cent)) | \(Format.euroRounded(s.bedrag_laag_cent))–\(Format.euroRounded(s.bedrag_hoog_cent)) | \(moneyRange) | \(Format.euroRounded(s.schade.gemist_recht_cent)) | \(Format.euroRounded(s.schade.boetes_cent)) | \(Format.euroRounded(s.schade.terugbetaling_cent)) |\n"
        }
        if r.schattingen.isEmpty { out += "| Geen knelpunten in de populatie | | | | | | | | | | | |\n" }
        if r.niet_doorgerekend > 0 { out += "\n\(r.niet_doorgerekend) synthetische personen konden niet worden doorgerekend.\n" }
        out += sensitivityTables(r)
        if let k = r.kalibratie { out += calibrationSection(k, heading: "##") }
        if let a = r.aannames { out += assumptionsSection(a, heading: "##") }
        out += "\n## Werkwijze\n\n" + r.werkwijze.map { "- \(Markdown.escape($0))\n" }.joined()
        return out
    }

    /// Per knelpunt the estimate with each assumption at its ends, widest first.
    static func sensitivityTables(_ r: PopulatieRapport) -> String {
        guard r.gevoeligheid != nil else { return "" }
        var out = "\n## Gevoeligheid per knelpunt\n\nPer knelpunt het geschatte aantal mensen en het verlies met één aanname op haar laagste en op haar hoogste waarde (de andere gewoon), de aanname met de grootste uitslag eerst.\n"
        for s in r.schattingen {
            guard let g = s.gevoeligheid else { continue }
            out += "\n### \(Markdown.escape(s.titel))\n\nGewone schatting: \(Format.count(s.personen)) mensen, \(Format.euroRounded(s.bedrag_cent)) verlies.\n\n"
            out += "| Aanname | Laag | Hoog | Mensen bij laag | Mensen bij hoog | Verlies bij laag | Verlies bij hoog |\n|---|---:|---:|---:|---:|---:|---:|\n"
            for u in g.aannames where u.beweegt {
                out += "| \(Markdown.escape(u.omschrijving)) | \(u.laag) | \(u.hoog) | \(Format.count(u.personen_bij_laag)) | \(Format.count(u.personen_bij_hoog)) | \(Format.euroRounded(u.bedrag_bij_laag_cent)) | \(Format.euroRounded(u.bedrag_bij_hoog_cent)) |\n"
            }
            let still = g.aannames.filter { !$0.beweegt }.count
            if still > 0 { out += "\n\(still) andere aanname\(still == 1 ? "" : "s") veranderen deze schatting niet.\n" }
        }
        return out
    }

    /// The published divisions with their bron and the share reached.
    static func calibrationSection(_ k: [Kalibratie], heading: String) -> String {
        var out = "\n\(heading) Kalibratie op gepubliceerde cijfers\n\n"
        guard !k.isEmpty else { return out + "Geen gepubliceerde verdelingen gebruikt: de gewichten van de persona's zijn alle aannames.\n" }
        out += "| Verdeling | Klasse | Gepubliceerd | In de synthetische populatie | Persona's | Bron |\n|---|---|---:|---:|---|---|\n"
        for m in k {
            for c in m.klassen {
                let name = "\(m.titel)\(m.gekalibreerd ? "" : " (niet te halen)")"
                out += "| \(Markdown.escape(name)) | \(Markdown.escape(c.klasse)) | \(c.gepubliceerd) | \(c.bereikt) | \(c.personas.isEmpty ? "geen" : Markdown.escape(c.personas.joined(separator: ", "))) | \(c.parameter.map { "`\($0)`: " } ?? "rest: ")\(Markdown.escape(c.bron)) |\n"
            }
        }
        return out
    }

    /// Every assumption the estimates still rest on.
    static func assumptionsSection(_ a: [Aanname], heading: String) -> String {
        var out = "\n\(heading) Aannames\n\nDeze getallen zijn aannames, geen gepubliceerde cijfers. Met een bereik zijn ze in de gevoeligheid gevarieerd.\n\n"
        out += "| Aanname | Naam | Waarde | Bereik | Gevarieerd | Onderbouwing |\n|---|---|---:|---|---|---|\n"
        for x in a {
            let range = x.laag.map { "\($0) tot \(x.hoog ?? "")" } ?? "geen"
            out += "| \(Markdown.escape(x.omschrijving)) | `\(x.naam)` | \(x.waarde) | \(range) | \(x.gevarieerd ? "ja" : "nee") | \(Markdown.escape(x.bron)) |\n"
        }
        return out
    }
}
