import DoenbaarAnalysis
import DoenbaarCore

/// The invoeringstoets of a reform as data: per intent, holds or fails before
/// and after; per persona, monthly income before and after; knelpunten
/// solved, remaining and new.
public struct InvoeringstoetsRapport: Codable, Sendable {
    public var versie = 1
    public let titel: String
    public let hervorming: Hervorming
    public let bedoelingen: [BedoelingVergelijking]
    public let personas: [PersonaVergelijking]
    public var opgelost: [KnelpuntKort]
    public var blijvend: [KnelpuntKort]
    public var nieuw: [KnelpuntKort]
    public let werkwijze: [String]
    public var populatie: PopulatieBron? = nil

    /// The same report with population estimates before and after on each knelpunt.
    public func with(before: PopulatieRapport, after: PopulatieRapport) -> InvoeringstoetsRapport {
        var r = self
        r.populatie = PopulatieBron(omvang: before.omvang, zaad: before.zaad, vingerafdruk: before.vingerafdruk)
        func add(_ list: [KnelpuntKort]) -> [KnelpuntKort] {
            list.map { k in
                var k = k
                k.populatie_voor = before.schattingen.first { $0.id == k.id }
                k.populatie_na = after.schattingen.first { $0.id == k.id }
                return k
            }
        }
        r.opgelost = add(opgelost)
        r.blijvend = add(blijvend)
        r.nieuw = add(nieuw)
        return r
    }

    public struct Hervorming: Codable, Sendable {
        public let naam: String
        public let titel: String
        public let bron: String
        public let geldig_vanaf: String?
        public let vervangt: [String]
        public let vervalt: [String]
        public let voegt_toe: [String]
        /// The same declarations as the reports name them: by their labels.
        public var vervangt_labels: [String] = []
        public var vervalt_labels: [String] = []
        public var voegt_toe_labels: [String] = []
    }

    public struct BedoelingVergelijking: Codable, Sendable {
        public let naam: String
        public let tekst: String
        public let bron: String
        /// Personas (and the people they stand for) for whom the intent fails in some month.
        public let voor_personas: [String]
        public let voor_personen: Int
        public let na_personas: [String]
        public let na_personen: Int
        /// gehaald | hersteld | blijft geschonden | nieuw geschonden | deels hersteld | vervallen (the reform drops it)
        public let oordeel: String
    }

    public struct PersonaVergelijking: Codable, Sendable {
        public let id: String
        public let naam: String
        public let gewicht: Int
        public let maanden: [String]
        public let voor_cent: [Int64]
        public let na_cent: [Int64]
        public let verschil_cent: Int64
    }

    public struct KnelpuntKort: Codable, Sendable {
        public let id: String
        public let titel: String
        public let soort_titel: String
        public let ernst: String
        public let personen: Int
        public let personas: [String]
        /// Across everyone hit, by kind of money.
        public let totaal: Schade
        public let ernst_waarde: Int
        public let verlies_per_persoon_min_cent: Int64
        public let verlies_per_persoon_max_cent: Int64
        public let terugbetaling_per_persoon_min_cent: Int64
        public let terugbetaling_per_persoon_max_cent: Int64
        public let trede: Int
        public let trede_naam: String
        /// For a knelpunt that remains: how it stood before the reform.
        public var voor_personen: Int? = nil
        public var voor_personas: [String]? = nil
        public var voor_totaal: Schade? = nil
        /// With population runs before and after: the estimates for the whole caseload.
        public var populatie_voor: PopulatieRapport.Schatting? = nil
        public var populatie_na: PopulatieRapport.Schatting? = nil
    }
}

extension InvoeringstoetsRapport {
    /// Compares the same personas under the baseline and under the reform.
    public static func build(reform: Reform, baseline: [Analyzer.PersonaAnalysis], reformed: [Analyzer.PersonaAnalysis],
                             baselineRules: RuleSet, reformRules: RuleSet) -> InvoeringstoetsRapport {
        let before = Knelpunt.gather(baseline.flatMap(\.findings))
        let after = Knelpunt.gather(reformed.flatMap(\.findings))
        let beforeKeys = Set(before.map(\.key)), afterKeys = Set(after.map(\.key))

        var intents: [BedoelingVergelijking] = []
        var names: [String] = baselineRules.intents.map(\.name)
        for i in reformRules.intents where !names.contains(i.name) { names.append(i.name) }
        for name in names {
            // The reform's own version where a start date left two.
            let intent = reformRules.intents.last { $0.name == name } ?? baselineRules.intents.first { $0.name == name }!
            let failedBefore = failing(name, baseline), failedAfter = failing(name, reformed)
            let verdict: String
            switch (failedBefore.isEmpty, failedAfter.isEmpty) {
            // A lapsed intent is not tested after the reform: it is not restored either.
            case _ where !reformRules.intents.contains { $0.name == name }: verdict = "vervallen"
            case (true, true): verdict = "gehaald"
            case (false, true): verdict = "hersteld"
            case (true, false): verdict = "nieuw geschonden"
            case (false, false): verdict = Set(failedAfter.map(\.persona.id)).isSubset(of: Set(failedBefore.map(\.persona.id)))
                && failedAfter.count < failedBefore.count ? "deels hersteld" : "blijft geschonden"
            }
            // An intent without text is told by its label.
            let text = intent.text.isEmpty ? (intent.label ?? name.replacingOccurrences(of: "_", with: " ")) : intent.text
            intents.append(BedoelingVergelijking(naam: name, tekst: text, bron: intent.provenance.source,
                                                 voor_personas: failedBefore.map(\.persona.name), voor_personen: failedBefore.reduce(0) { $0 + $1.persona.weight },
                                                 na_personas: failedAfter.map(\.persona.name), na_personen: failedAfter.reduce(0) { $0 + $1.persona.weight },
                                                 oordeel: verdict))
        }
        let personas = zip(baseline, reformed).map { b, r -> PersonaVergelijking in
            let x = IncomeSeries(run: b.recorded, persona: b.persona), y = IncomeSeries(run: r.recorded, persona: r.persona)
            return PersonaVergelijking(id: b.persona.id, naam: b.persona.name, gewicht: b.persona.weight,
                                       maanden: x.months.map(\.month.description), voor_cent: x.months.map(\.netCents),
                                       na_cent: x.months.map { y.month($0.month)?.netCents ?? 0 },
                                       verschil_cent: y.totalCents - x.totalCents)
        }
        // A declaration by its label: the reform's version where it has one, else the baseline's.
        func label(_ name: String) -> String { reformRules.label(of: name) ?? baselineRules.label(of: name) ?? name.replacingOccurrences(of: "_", with: " ") }
        return InvoeringstoetsRapport(
            titel: "Invoeringstoets: \(reform.title)",
            hervorming: Hervorming(naam: reform.name, titel: reform.title, bron: reform.source, geldig_vanaf: reform.validFrom?.description,
                                   vervangt: reform.replaces, vervalt: reform.removes, voegt_toe: reform.adds,
                                   vervangt_labels: reform.replaces.map(label), vervalt_labels: reform.removes.map { baselineRules.label(of: $0) ?? label($0) },
                                   voegt_toe_labels: reform.adds.map(label)),
            bedoelingen: intents, personas: personas,
            opgelost: before.filter { !afterKeys.contains($0.key) }.map(KnelpuntKort.init),
            blijvend: after.filter { beforeKeys.contains($0.key) }.map { k in
                var kort = KnelpuntKort(k)
                if let was = before.first(where: { $0.key == k.key }) {
                    kort.voor_personen = was.reach
                    kort.voor_personas = was.personas
                    kort.voor_totaal = was.schade()
                }
                return kort
            },
            nieuw: after.filter { !beforeKeys.contains($0.key) }.map(KnelpuntKort.init),
            werkwijze: [
                "Dezelfde persona's zijn doorgerekend onder de huidige regels (voor) en met de hervorming (na). Per persona het netto inkomen per maand zoals het dossier het beschrijft: inkomen uit werk plus uitkeringen, correcties en boetes.",
                "Een bedoeling is geschonden voor een persona als zij in ten minste één maand niet wordt gehaald; het aantal mensen is de som van de gewichten.",
                "Een knelpunt is opgelost als het na de hervorming bij geen enkele persona meer optreedt; nieuw als het pas na de hervorming optreedt.",
            ])
    }

    static func failing(_ intent: String, _ analyses: [Analyzer.PersonaAnalysis]) -> [Analyzer.PersonaAnalysis] {
        analyses.filter { a in a.recorded.months.contains { m in m.intents.contains { $0.intent == intent && $0.holds == false } } }
    }
}

extension InvoeringstoetsRapport.KnelpuntKort {
    init(_ k: Knelpunt) {
        id = Format.id(forKey: k.key)
        titel = FindingProse.title(k.topic)
        soort_titel = k.kind.title
        ernst = k.severity.dutch
        personen = k.reach
        personas = k.personas
        totaal = k.schade()
        ernst_waarde = k.severity.rawValue
        verlies_per_persoon_min_cent = k.lossRange.lowerBound
        verlies_per_persoon_max_cent = k.lossRange.upperBound
        terugbetaling_per_persoon_min_cent = k.repaymentRange.lowerBound
        terugbetaling_per_persoon_max_cent = k.repaymentRange.upperBound
        trede = k.rung.rawValue
        trede_naam = k.rung.dutch
    }
}
