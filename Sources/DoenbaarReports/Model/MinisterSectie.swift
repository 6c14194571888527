import DoenbaarAnalysis
import DoenbaarCore
import Foundation

/// The opening of the knelpuntenrapport, for the minister: what goes wrong,
/// for how many people, at what cost per year, and what can be done at which
/// rung of the solution ladder. Written from the report's own data (never by
/// hand), so it changes with the rules and the personas; the population
/// estimate is used where the report has one, the personas' weights otherwise,
/// and the text says which.
public struct MinisterSectie: Codable, Sendable, Equatable {
    public let titel: String
    /// What the report found, in a few sentences.
    public let inleiding: [String]
    /// The most urgent knelpunten, one point each.
    public let punten: [Punt]
    /// All knelpunten together per calendar year, every euro once.
    public let per_jaar: [JaarSchade]
    public let per_jaar_toelichting: String
    /// What can be done: the knelpunten by rung, and the articles a change of the law would amend.
    public let oplossingen: [String]

    /// How many knelpunten get a point of their own.
    public static let points = 5
    public static let title = "Wat de minister moet weten"

    /// One knelpunt in a sentence or two: what goes wrong (its title, linking to it), for how many
    /// people, at what cost per year, and at which rung it can be solved.
    public struct Punt: Codable, Sendable, Equatable {
        public let id: String
        public let titel: String
        public let tekst: String
    }

    public init(_ r: KnelpuntenRapport) {
        titel = Self.title
        let k = r.knelpunten
        let population = r.populatie
        var intro: [String] = []
        let regulations = Format.list(r.regelingen.map { String($0.prefix { $0 != "(" }).trimmingCharacters(in: .whitespaces) })
        intro.append("Doenbaar heeft de regels doorgerekend\(regulations.isEmpty ? "" : " (\(regulations))") voor \(r.aantal_personas) persona\(r.aantal_personas == 1 ? "" : "'s"), die samen staan voor ongeveer \(Format.count(r.totaal_gewicht)) mensen.")
        if k.isEmpty {
            intro.append("Daarbij is geen knelpunt gevonden: voor geen van de persona's pakt een regel onevenredig hard, averechts of onvoorzienbaar uit.")
        } else {
            let high = k.filter { $0.ernst_waarde >= Severity.high.rawValue }.count
            intro.append("Er \(k.count == 1 ? "is 1 knelpunt" : "zijn \(k.count) knelpunten") gevonden: uitkomsten die volgens de regels kloppen, maar voor mensen onevenredig hard, averechts of onvoorzienbaar uitpakken. \(high == 0 ? "Geen ervan heeft" : high == 1 ? "Eén ervan heeft" : "\(high) ervan hebben") ernst hoog.")
            if let population {
                intro.append("Hoeveel mensen een knelpunt treft, komt uit een synthetische populatie van \(Format.count(population.omvang)) personen, opgeschaald naar het aantal uitkeringen; tussen haakjes het bredere van het 95%-steekproefinterval en het bereik over de aannames (de gewichten en spreidingen die geen gepubliceerd cijfer vastlegt). Bedragen per jaar zijn geschat uit de persona's, elk gewogen naar het aantal mensen voor wie zij staat.")
            } else {
                intro.append("Aantallen mensen en bedragen zijn geschat uit de gewichten van de persona's: elke persona staat voor een groep mensen. Dat is een schatting, geen telling; een populatieschatting met interval ontbreekt in dit rapport.")
            }
        }
        inleiding = intro

        punten = k.prefix(Self.points).map { v in
            var point = "ernst \(v.ernst); "
            if let p = v.populatie, population != nil {
                point += "naar schatting \(p.samenvattingTekst) mensen"
            } else if population != nil {
                point += "niet gevonden in de populatie; volgens de persona's ongeveer \(Format.count(v.personen)) mensen"
            } else {
                point += "ongeveer \(Format.count(v.personen)) mensen"
            }
            let years = v.per_jaar.filter { !$0.schade.isEmpty }
            point += years.isEmpty ? "; geen geldbedrag" : "; " + years.map { "in \($0.jaar) \(Self.money($0.schade))" }.joined(separator: ", ")
            point += ". " + Self.capitalized(Self.solution(v)) + "."
            return Punt(id: v.id, titel: v.titel, tekst: point)
        }

        per_jaar = r.totaal_per_jaar
        per_jaar_toelichting = "Alle knelpunten samen, per kalenderjaar, elke euro één keer geteld (een gebeurtenis die meer knelpunten raakt, telt één keer); geschat uit de gewichten van de persona's. Gemist recht en boetes zijn verlies; terug te betalen geld is geen verlies, wel een last, vooral onder de beslagvrije voet."

        var ways: [String] = []
        if !k.isEmpty {
            if k.count > Self.points {
                ways.append("De andere \(k.count - Self.points) knelpunt\(k.count - Self.points == 1 ? "" : "en") staan in de samenvatting hieronder, op volgorde van ernst maal bereik.")
            }
            let byRung = [1, 2, 3].map { rung in k.filter { $0.trede == rung }.count }
            var parts: [String] = []
            if byRung[0] > 0 { parts.append("\(byRung[0]) met maatwerk binnen de wet (trede 1)") }
            if byRung[1] > 0 { parts.append("\(byRung[1]) met een interpretatie of beleidsregel (trede 2)") }
            var sentence = parts.isEmpty ? "Geen knelpunt is op te lossen binnen de huidige wet" : "Op te lossen binnen de huidige wet: " + Format.list(parts)
            if byRung[2] > 0 {
                sentence += "; \(byRung[2]) \(byRung[2] == 1 ? "vraagt" : "vragen") een wetswijziging (trede 3)"
            }
            ways.append(sentence + ".")
            var articles: [Bepaling] = []
            for v in k where v.trede == SolutionRung.lawChange.rawValue {
                for a in v.te_wijzigen where !articles.contains(where: { $0.bron == a.bron }) { articles.append(a) }
            }
            var citations: [String] = []
            for a in articles where !citations.contains(FindingProse.citation(a.bron)) { citations.append(FindingProse.citation(a.bron)) }
            if !citations.isEmpty {
                ways.append("Een wetswijziging begint bij \(citations.count == 1 ? "dit artikel" : "deze artikelen"): " + citations.joined(separator: "; ") + ".")
            }
        }
        oplossingen = ways
    }

    /// The rung of one knelpunt, in a few words.
    static func solution(_ v: KnelpuntVerslag) -> String {
        switch v.trede {
        case SolutionRung.tailoring.rawValue, SolutionRung.policyRule.rawValue:
            let what = v.trede == 1 ? "op te lossen met maatwerk binnen de wet (trede 1)" : "op te lossen met een interpretatie of beleidsregel (trede 2)"
            return what + (v.beleidsruimte.map { ": '\($0.label)'" } ?? "")
        default:
            let citations = v.te_wijzigen.map { FindingProse.citation($0.bron) }
            return "vraagt een wetswijziging (trede 3)" + (citations.isEmpty ? "" : ", van " + citations.joined(separator: " en van "))
        }
    }

    /// Money in a few words, without the part below the beslagvrije voet: "€ 7.500.000 aan boetes".
    static func money(_ s: Schade) -> String {
        var parts: [String] = []
        if s.gemist_recht_cent != 0 { parts.append("\(Format.euroRounded(s.gemist_recht_cent)) gemist recht") }
        if s.boetes_cent != 0 { parts.append("\(Format.euroRounded(s.boetes_cent)) aan boetes") }
        if s.terugbetaling_cent != 0 { parts.append("\(Format.euroRounded(s.terugbetaling_cent)) terug te betalen") }
        return parts.isEmpty ? "geen geldbedrag" : Format.list(parts)
    }

    static func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
}
