import DoenbaarAnalysis
import DoenbaarCore

/// The invoeringstoets as data: the baseline against one or more reforms.
/// Per reform, first its effect (who changes, benefit outlay and net income
/// per year, the articles it changes), then each knelpunt in a category with
/// its numbers before and after, each intent before and after, and per
/// persona the income per month before and after.
public struct InvoeringstoetsRapport: Codable, Sendable {
    public var versie = 2
    public let titel: String
    /// One comparison per reform, in the order given; all against the same baseline run.
    public var hervormingen: [Vergelijking]
    public let werkwijze: [String]
    public var populatie: PopulatieBron? = nil

    public init(titel: String, hervormingen: [Vergelijking], werkwijze: [String]) {
        self.titel = titel
        self.hervormingen = hervormingen
        self.werkwijze = werkwijze
    }

    /// The same report with population estimates: the baseline's once, and one per reform.
    public func with(before: PopulatieRapport, after: [PopulatieRapport]) -> InvoeringstoetsRapport {
        var r = self
        r.populatie = PopulatieBron(omvang: before.omvang, zaad: before.zaad, vingerafdruk: before.vingerafdruk)
        for (i, estimate) in zip(r.hervormingen.indices, after) {
            r.hervormingen[i].knelpunten = r.hervormingen[i].knelpunten.map { k in
                var k = k
                k.populatie_voor = before.schattingen.first { $0.id == k.id }
                k.populatie_na = estimate.schattingen.first { $0.id == k.id }
                return k
            }
        }
        return r
    }

    /// The baseline against one reform.
    public struct Vergelijking: Codable, Sendable {
        public let hervorming: Hervorming
        public let effect: Effect
        /// The articles behind what the reform replaces, lets lapse and adds.
        public let artikelen: [Artikel]
        public let bedoelingen: [BedoelingVergelijking]
        /// In category order (opgelost, verminderd, blijft, verergerd, nieuw), most urgent first within one.
        public var knelpunten: [KnelpuntVergelijking]
        public let personas: [PersonaVergelijking]

        public func knelpunten(_ c: Categorie) -> [KnelpuntVergelijking] { knelpunten.filter { $0.categorie == c } }
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

    /// What the reform does to money, weighted by the people each persona stands for.
    public struct Effect: Codable, Sendable {
        /// Personas whose net income or paid benefit differs in some month.
        public let personas: [String]
        public let personen: Int
        public let jaren: [JaarEffect]
    }

    public struct JaarEffect: Codable, Sendable, Equatable {
        public let jaar: Int
        /// Weighted change in benefit paid (payments, back-payments and recoveries booked in the year).
        public let uitkeringslasten_cent: Int64
        /// Weighted change in net income: work plus benefits, corrections and fines.
        public let netto_inkomen_cent: Int64
    }

    public struct Artikel: Codable, Sendable {
        /// `vervangen`, `vervallen` or `toegevoegd`.
        public let wijziging: String
        /// The identifier, for code spans only.
        public let naam: String
        /// What kind of declaration: `definitie`, `verplichting`, ...
        public let soort: String
        public let label: String?
        public let bron: String
    }

    public struct BedoelingVergelijking: Codable, Sendable {
        public let naam: String
        public let tekst: String
        public let bron: String
        /// Only the reform declares it: the 'voor' column is the baseline run tested against it.
        public let alleen_in_hervorming: Bool
        public let voor: Toets
        public let na: Toets
        /// gehaald | hersteld | deels hersteld | blijft geschonden | nieuw geschonden | vervallen
        public let oordeel: String
    }

    /// An intent tested against one run: for whom it fails in some month.
    public struct Toets: Codable, Sendable {
        public let getoetst: Bool
        public let personas: [String]
        public let personen: Int
        /// Why it could not be tested, in plain Dutch.
        public let reden: String?

        public static func tested(_ personas: [String], _ people: Int) -> Toets { Toets(getoetst: true, personas: personas, personen: people, reden: nil) }
        public static func untested(_ reason: String) -> Toets { Toets(getoetst: false, personas: [], personen: 0, reden: reason) }
    }

    public enum Categorie: String, Codable, Sendable, CaseIterable {
        case opgelost, verminderd, blijft, verergerd, nieuw

        /// Gone; fewer people or less money (loss and repayment) with nothing rising;
        /// more of either; the same; or only after the reform.
        public static func of(before: Stand?, after: Stand?) -> Categorie {
            guard let before else { return .nieuw }
            guard let after else { return .opgelost }
            func money(_ s: Stand) -> Int64 { s.totaal.verlies_cent + s.totaal.terugbetaling_cent }
            if after.personen > before.personen || money(after) > money(before) { return .verergerd }
            if after.personen < before.personen || money(after) < money(before) { return .verminderd }
            return .blijft
        }

        public var kop: String {
            switch self {
            case .opgelost: return "Opgelost"
            case .verminderd: return "Verminderd"
            case .blijft: return "Blijft"
            case .verergerd: return "Verergerd"
            case .nieuw: return "Nieuw"
            }
        }
        public var uitleg: String {
            switch self {
            case .opgelost: return "Na de hervorming bij geen enkele persona meer."
            case .verminderd: return "Minder mensen of minder geld, maar niet weg; niets ervan stijgt."
            case .blijft: return "Evenveel mensen en evenveel geld als voor de hervorming."
            case .verergerd: return "Meer mensen of meer geld dan voor de hervorming."
            case .nieuw: return "Pas na de hervorming."
            }
        }
    }

    /// People hit and their harm, under one set of rules.
    public struct Stand: Codable, Sendable, Equatable {
        public let personen: Int
        public let personas: [String]
        public let totaal: Schade
    }

    public struct KnelpuntVergelijking: Codable, Sendable {
        public let id: String
        /// The knelpunt's title with the labels of the declarations it names.
        public let titel: String
        public let soort_titel: String
        public let ernst: String
        public let ernst_waarde: Int
        public let trede_naam: String
        public let categorie: Categorie
        /// Nil: not there under these rules.
        public let voor: Stand?
        public let na: Stand?
        /// Set when it is gone for some people because an obligation no longer applies to them.
        public let verplichting_vervalt: VervallenVerplichting?
        public var populatie_voor: PopulatieRapport.Schatting? = nil
        public var populatie_na: PopulatieRapport.Schatting? = nil
    }

    /// A knelpunt that is gone (for some) because the obligation it measured stopped applying.
    public struct VervallenVerplichting: Codable, Sendable {
        public let naam: String
        public let label: String
        /// The personas it no longer reaches because of that.
        public let personas: [String]
        /// Their net income over the whole period, after minus before, weighted.
        public let netto_verschil_cent: Int64
        public let uitleg: String
    }

    public struct PersonaVergelijking: Codable, Sendable {
        public let id: String
        public let naam: String
        public let gewicht: Int
        public let maanden: [String]
        public let voor_cent: [Int64]
        public let na_cent: [Int64]
        public let verschil_cent: Int64
        public var veranderd: Bool { voor_cent != na_cent }
    }
}
