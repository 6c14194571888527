import DoenbaarAnalysis
import DoenbaarCore

/// The knelpuntenrapport as data: everything the Markdown, HTML and JSON
/// renderers show, in one versioned, Codable value. Built once from the
/// analyses; the renderers only lay it out.
public struct KnelpuntenRapport: Codable, Sendable {
    public var versie = 1
    public let titel: String
    public let regelingen: [String]
    public let aantal_personas: Int
    public let totaal_gewicht: Int
    public var knelpunten: [KnelpuntVerslag]
    public let personas: [PersonaPaden]
    public let werkwijze: [String]
    /// All knelpunten together, every euro once: per persona the money of all
    /// its findings, times its weight (probes such as € 100 extra left out).
    public let totaal: Schade
    /// The population run whose estimates the knelpunten carry, if any.
    public var populatie: PopulatieBron? = nil
    /// The same total per calendar year.
    public var totaal_per_jaar: [JaarSchade] = []
    /// The opening for the minister, written from the data (see `MinisterSectie`).
    public var minister: MinisterSectie? = nil
}

/// Which population run a report's estimates come from.
public struct PopulatieBron: Codable, Sendable {
    public let omvang: Int
    public let zaad: UInt64
    public let vingerafdruk: String
    /// The published divisions the population was calibrated on, the assumptions it still rests on, and how.
    public var kalibratie: [Kalibratie]? = nil
    public var aannames: [Aanname]? = nil
    public var gevoeligheid: GevoeligheidOpzet? = nil
    public var werkwijze: [String]? = nil
}

public struct KnelpuntVerslag: Codable, Sendable {
    public let rang: Int
    public let id: String
    /// Written from the data by `FindingProse`, with labels, never names from the rules.
    public let titel: String
    public let soort: String
    public let soort_titel: String
    public let ernst: String
    public let ernst_waarde: Int
    /// People plausibly hit: the weights of the personas summed (an estimate).
    public let personen: Int
    public let personen_toelichting: String
    /// Per person: the loss (lost entitlement and fines) and the repayment, smallest and largest.
    public let verlies_per_persoon_min_cent: Int64
    public let verlies_per_persoon_max_cent: Int64
    public let terugbetaling_per_persoon_min_cent: Int64
    public let terugbetaling_per_persoon_max_cent: Int64
    /// Across everyone the personas stand for, and the same per calendar year.
    public let totaal: Schade
    public let per_jaar: [JaarSchade]
    public let maanden: Int
    public let wat_gebeurt: [Verhaal]
    public let waarom: [Bepaling]
    public let doenvermogen: [String]
    public let andere_handeling: [String]
    public let trede: Int
    public let trede_naam: String
    public let trede_reden: String
    public let richting: String
    public let bewijs: [RenderedTrace]
    /// With a population run: how many people it hits in the whole caseload.
    public var populatie: PopulatieRapport.Schatting? = nil
    /// Rungs 1 and 2: the discretion point that solves it.
    public var beleidsruimte: Bepaling? = nil
    /// Rung 3: the articles a change of the law would amend.
    public var te_wijzigen: [Bepaling] = []

    public struct Verhaal: Codable, Sendable {
        public let persona: String
        public let persona_naam: String
        public let gewicht: Int
        public let van: String
        public let tot_en_met: String
        public let schade: Schade
        public let uitleg: String
        /// The same event as other detectors see it: counted here, once.
        public let ook_gezien_als: [Lens]
    }

    public struct Lens: Codable, Sendable {
        public let soort: String
        public let soort_titel: String
        public let titel: String
        public let uitleg: String
    }
}

extension KnelpuntVerslag.Lens {
    init(_ lens: DoenbaarAnalysis.Lens, persona: String) {
        self.init(soort: lens.kind.rawValue, soort_titel: lens.kind.title, titel: FindingProse.title(lens.topic),
                  uitleg: FindingProse.story(lens.story, persona: persona))
    }
}

/// A provision as the reports show it: its label in the text, its name in the evidence.
public struct Bepaling: Codable, Sendable, Hashable {
    public let naam: String
    public let regeling: String
    public let bron: String
    /// How the reports call it: the label from the rule files, or the name read as words.
    public var label: String = ""

    public init(naam: String, regeling: String, bron: String, label: String = "") {
        self.naam = naam
        self.regeling = regeling
        self.bron = bron
        self.label = label.isEmpty ? naam.replacingOccurrences(of: "_", with: " ") : label
    }

    init(_ p: ProvisionReference) {
        self.init(naam: p.name, regeling: p.regulation, bron: p.source, label: FindingProse.name(p))
    }
}

/// A persona's net income per month on the three paths, for the charts.
public struct PersonaPaden: Codable, Sendable {
    public let id: String
    public let naam: String
    public let gewicht: Int
    public let maanden: [String]
    public let zoals_beschreven_cent: [Int64?]
    public let ideaal_cent: [Int64]
    public let realistisch_cent: [Int64]
    public let aantal_bevindingen: Int
}

extension KnelpuntenRapport {
    /// The same report with the estimates of a population run on each knelpunt.
    public func with(population: PopulatieRapport) -> KnelpuntenRapport {
        var r = self
        r.populatie = PopulatieBron(omvang: population.omvang, zaad: population.zaad, vingerafdruk: population.vingerafdruk,
                                    kalibratie: population.kalibratie, aannames: population.aannames,
                                    gevoeligheid: population.gevoeligheid, werkwijze: population.werkwijze)
        r.knelpunten = knelpunten.map { k in
            var k = k
            k.populatie = population.schattingen.first { $0.id == k.id }
            return k
        }
        r.minister = MinisterSectie(r)
        return r
    }

    public static func build(analyses: [Analyzer.PersonaAnalysis], ruleSet: RuleSet) -> KnelpuntenRapport {
        let knelpunten = Knelpunt.gather(analyses.flatMap(\.findings))
        let weight = analyses.reduce(0) { $0 + $1.persona.weight }
        // Every euro once: per persona the money of all its findings together.
        let harms = analyses.map { a in (a.findings.reduce(Harm.none) { $0.union($1.harm) }, a.persona.weight) }
        var report = KnelpuntenRapport(
            titel: "Knelpuntenrapport",
            regelingen: ruleSet.regulations.filter { !analysisRegulations.contains($0.abbreviation) }
                .map { "\($0.title) (\($0.abbreviation))" },
            aantal_personas: analyses.count, totaal_gewicht: weight,
            knelpunten: knelpunten.enumerated().map { KnelpuntVerslag($1, rank: $0 + 1) },
            personas: analyses.map(PersonaPaden.init),
            werkwijze: werkwijze,
            totaal: harms.reduce(Schade()) { $0 + Schade($1.0, times: $1.1, outcomesOnly: true) })
        report.totaal_per_jaar = Array(Set(harms.flatMap { $0.0.years })).sorted().compactMap { year in
            let money = harms.reduce(Schade()) { $0 + Schade($1.0, times: $1.1, year: year, outcomesOnly: true) }
            return money.isEmpty ? nil : JaarSchade(jaar: year, schade: money)
        }
        report.minister = MinisterSectie(report)
        return report
    }

    /// Parameter files of the analysis itself (Rules/analyse/), not law.
    static let analysisRegulations: Set<String> = ["ANALYSE", "DOENVERMOGEN", "POPULATIE", "KALIBRATIE"]
    /// Analysis files whose parameters may be assumptions (the calibration file holds published figures).
    static let assumptionRegulations: Set<String> = ["ANALYSE", "DOENVERMOGEN", "POPULATIE"]

    static let werkwijze = [
        "Elke persona staat voor een groep mensen; het gewicht zegt voor hoeveel. Het aantal getroffen mensen per knelpunt is de som van de gewichten van de persona's bij wie het optreedt: een schatting, geen telling.",
        "Per persona rekent Doenbaar drie paden door: zoals het dossier het beschrijft, het ideale pad (alles op tijd gemeld) en het realistische pad (een verplichting wordt alleen nagekomen als het doenvermogen op dat moment, verlaagd door stress, volstaat). De getallen van het doenvermogenmodel en de drempels staan met hun onderbouwing in Rules/analyse/.",
        "Een knelpunt is een uitkomst die juridisch klopt maar onevenredig, averechts of onvoorzienbaar is. De volgorde is ernst maal bereik.",
        "Schade is drie soorten geld die niet bij elkaar worden opgeteld: gemist recht (uitkering die iemand niet krijgt), boetes, en terugbetalen (te veel ontvangen geld dat terug moet; dat is geen verlies, wel een last, vooral als er minder dan de beslagvrije voet overblijft). Elk bedrag hoort bij een maand en een uitkering of verplichting.",
        "Eén gebeurtenis is één knelpunt: als twee detectoren hetzelfde geld vinden (een terugvordering die zowel onevenredig is als een inkomensschok), staat de gebeurtenis bij één knelpunt en de andere blik erbij als 'ook gezien als'. Zo telt geen totaal dezelfde euro twee keer.",
        "De trede van de oplossingsladder is de laagste die past: eerst maatwerk binnen de wet of een beleidsregel als er beleidsruimte op het pad van de uitkomst ligt, anders een wetswijziging.",
    ]
}

extension KnelpuntVerslag {
    init(_ k: Knelpunt, rank: Int) {
        rang = rank
        id = Format.id(forKey: k.key)
        titel = FindingProse.title(k.topic)
        soort = k.kind.rawValue
        soort_titel = k.kind.title
        ernst = k.severity.dutch
        ernst_waarde = k.severity.rawValue
        personen = k.reach
        personen_toelichting = "ongeveer \(Format.count(k.reach)) mensen: de som van de gewichten van \(k.personas.count == 1 ? "de persona" : "\(k.personas.count) persona's") \(Format.list(k.personas)) (een schatting)"
        verlies_per_persoon_min_cent = k.lossRange.lowerBound
        verlies_per_persoon_max_cent = k.lossRange.upperBound
        terugbetaling_per_persoon_min_cent = k.repaymentRange.lowerBound
        terugbetaling_per_persoon_max_cent = k.repaymentRange.upperBound
        totaal = k.schade()
        per_jaar = k.years.map { JaarSchade(jaar: $0, schade: k.schade(year: $0)) }
        maanden = k.months
        wat_gebeurt = k.findings.map {
            Verhaal(persona: $0.personaID, persona_naam: $0.personaName, gewicht: $0.weight, van: $0.from.description,
                    tot_en_met: $0.through.description, schade: Schade($0.harm), uitleg: FindingProse.story($0),
                    ook_gezien_als: $0.lenses.map { [name = $0.personaName] lens in Lens(lens, persona: name) })
        }
        waarom = k.provisions.map(Bepaling.init)
        doenvermogen = Array(Set(k.findings.compactMap(FindingProse.capacity))).sorted()
        andere_handeling = k.findings.compactMap(FindingProse.avoidance)
        trede = k.rung.rawValue
        trede_naam = k.rung.dutch
        trede_reden = FindingProse.reason(k.solution, provisions: k.provisions)
        richting = FindingProse.direction(k.lead)
        bewijs = k.findings[0].evidence.prefix(2).map(RenderedTrace.init)
        beleidsruimte = k.rung == .lawChange ? nil : k.solution.discretion.map { Bepaling($0.provision) }
        te_wijzigen = FindingProse.articles(k.solution, provisions: k.provisions).map(Bepaling.init)
    }
}

extension PersonaPaden {
    init(_ a: Analyzer.PersonaAnalysis) {
        let ideal = IncomeSeries(run: a.ideal, persona: a.persona)
        let realistic = IncomeSeries(run: a.realistic, persona: a.persona)
        let recorded = IncomeSeries(run: a.recorded, persona: a.persona)
        id = a.persona.id
        naam = a.persona.name
        gewicht = a.persona.weight
        maanden = ideal.months.map(\.month.description)
        zoals_beschreven_cent = ideal.months.map { recorded.month($0.month)?.netCents }
        ideaal_cent = ideal.months.map(\.netCents)
        realistisch_cent = ideal.months.map { realistic.month($0.month)?.netCents ?? 0 }
        aantal_bevindingen = a.findings.count
    }
}

extension KnelpuntVerslag {
    /// The harm one person suffers: the loss and the repayment, each one
    /// amount or the range over the personas.
    func harmPerPerson(_ money: (Int64) -> String = Format.euro) -> String {
        Self.perPerson(loss: verlies_per_persoon_min_cent...verlies_per_persoon_max_cent,
                       repayment: terugbetaling_per_persoon_min_cent...terugbetaling_per_persoon_max_cent, money)
    }

    static func perPerson(loss: ClosedRange<Int64>, repayment: ClosedRange<Int64>, _ money: (Int64) -> String) -> String {
        // Zero for some personas: "tot" the largest, not "€ 0,00 tot".
        func range(_ r: ClosedRange<Int64>) -> String {
            r.lowerBound == r.upperBound ? money(r.upperBound) : r.lowerBound == 0 ? "tot \(money(r.upperBound))" : "\(money(r.lowerBound)) tot \(money(r.upperBound))"
        }
        var parts: [String] = []
        if loss.upperBound != 0 { parts.append("verlies \(range(loss))") }
        if repayment.upperBound != 0 { parts.append("terugbetalen \(range(repayment))") }
        return parts.isEmpty ? "geen geldbedrag" : parts.joined(separator: "; ")
    }
}
