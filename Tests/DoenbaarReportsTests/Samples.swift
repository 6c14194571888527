import DoenbaarCore
@testable import DoenbaarReports

/// Report values built by hand, with texts that try to break out of the markup.
enum Samples {
    /// A name that would run a script, close an attribute or start an entity if it were not escaped.
    static let hostile = #"<script>alert("x")</script> & 'Jan' "Piet" <b>"#
    static let hostileID = #"an"na'><svg onload=alert(1)>"#

    static func verhaal(_ persona: String, name: String, harm: Int64 = 120_000) -> KnelpuntVerslag.Verhaal {
        .init(persona: persona, persona_naam: name, gewicht: 1_200, van: "2025-01", tot_en_met: "2025-03",
              schade: schade(fines: harm, repayment: harm * 2), uitleg: "\(name) meldt te laat <b>en</b> verliest & betaalt terug.",
              ook_gezien_als: [.init(soort: "inkomensschok", soort_titel: "Inkomensschok <i>", titel: "Verrekening & <x>", uitleg: "Dezelfde \(name) <b>terugvordering</b>.")])
    }

    static func schade(lost: Int64 = 0, fines: Int64 = 0, repayment: Int64 = 0) -> Schade {
        var s = Schade()
        s.gemist_recht_cent = lost
        s.boetes_cent = fines
        s.terugbetaling_cent = repayment
        s.onder_beslagvrije_voet_cent = repayment / 2
        return s
    }

    static func knelpunt(rank: Int, id: String, title: String, severity: Int, people: Int, persona: String = hostileID,
                         name: String = hostile) -> KnelpuntVerslag {
        KnelpuntVerslag(
            rang: rank, id: id, titel: title, soort: "doenvermogenskloof", soort_titel: "Doenvermogenskloof <i>",
            ernst: ["laag", "middel", "hoog"][max(0, min(2, severity - 1))], ernst_waarde: severity,
            personen: people, personen_toelichting: "ongeveer \(people) mensen: \(name) (een schatting)",
            verlies_per_persoon_min_cent: 30_000, verlies_per_persoon_max_cent: 120_000,
            terugbetaling_per_persoon_min_cent: 0, terugbetaling_per_persoon_max_cent: 240_000,
            totaal: schade(lost: 1_000_000_000, fines: 2_000_000_000, repayment: 500_000_000),
            per_jaar: [.init(jaar: 2025, schade: schade(lost: 1_000_000_000, fines: 2_000_000_000, repayment: 500_000_000))],
            maanden: 3, wat_gebeurt: [verhaal(persona, name: name)],
            waarom: [Bepaling(naam: "inkomen_melden<x>", regeling: "WW & co", bron: "Werkloosheidswet art. 25 \"lid 1\" <script>")],
            doenvermogen: ["Vraagt plannen & volhouden van \(name).", "Vraagt plannen & volhouden van \(name)."],
            andere_handeling: ["Op tijd melden <nu>."],
            trede: 1, trede_naam: "maatwerk binnen de wet", trede_reden: "beleidsruimte 'boete_matigen' <script>",
            richting: "Geef een waarschuwing & geen boete <script>.",
            bewijs: [RenderedTrace(soort: "regel", naam: "ww_uitkering<", bron: "WW art. 47 \"a\"", waarde: "€ 1.234,56 & meer",
                                   toelichting: "<noot>", onderdelen: [RenderedTrace(soort: "feit", naam: "inkomen", waarde: "€ 0,00")])])
    }

    static func paden(id: String = hostileID, name: String = hostile, months: [String] = ["2025-01", "2025-02", "2025-03", "2025-04"]) -> PersonaPaden {
        let n = months.count
        return PersonaPaden(id: id, naam: name, gewicht: 1_200, maanden: months,
                            zoals_beschreven_cent: (0..<n).map { $0 < n - 1 ? Int64(150_000 - 10_000 * $0) : nil },
                            ideaal_cent: (0..<n).map { Int64(150_000 - 10_000 * $0) },
                            realistisch_cent: (0..<n).map { $0 == 1 ? -25_000 : Int64(150_000 - 10_000 * $0) },
                            aantal_bevindingen: 1)
    }

    static var knelpuntenRapport: KnelpuntenRapport {
        KnelpuntenRapport(
            titel: "Knelpuntenrapport <test> & zo", regelingen: ["Werkloosheidswet (WW) & <Wajong>"],
            aantal_personas: 2, totaal_gewicht: 2_400,
            knelpunten: [
                knelpunt(rank: 1, id: "doenvermogenskloof-inkomen\"<x>", title: "Meldplicht \(hostile)", severity: 2, people: 33_600),
                knelpunt(rank: 2, id: "disproportioneel-boete", title: "Boete & terugvordering 'in één keer'", severity: 3, people: 450),
                knelpunt(rank: 3, id: "laag-iets", title: "Iets kleins", severity: 1, people: 1, persona: "bram", name: "Bram"),
            ],
            personas: [paden(), paden(id: "bram", name: "Bram", months: ["2024-12"])],
            werkwijze: ["Een schatting & geen telling <script>."], totaal: schade(lost: 1_000_000_000, fines: 2_000_000_000, repayment: 500_000_000))
    }

    /// The same report with a population estimate on the first two knelpunten: both ranges, a tornado chart, the method.
    static var knelpuntenRapportMetPopulatie: KnelpuntenRapport {
        var r = knelpuntenRapport
        func uitslag(_ name: String, _ label: String, _ low: Int, _ high: Int) -> Gevoeligheid.Uitslag {
            .init(naam: name, omschrijving: label, laag: "10%", hoog: "30% <b>", personen_bij_laag: low, personen_bij_hoog: high,
                  bedrag_bij_laag_cent: Int64(low) * 10_000, bedrag_bij_hoog_cent: Int64(high) * 10_000, beweegt: low != high)
        }
        let g = Gevoeligheid(personen_laag: 20_000, personen_hoog: 45_000, bedrag_laag_cent: 200_000_000, bedrag_hoog_cent: 450_000_000,
                             grootste_invloed: "spreiding van het dagloon \(hostile)", grootste_invloed_naam: "spreiding_dagloon",
                             aannames: [uitslag("spreiding_dagloon", "spreiding van het dagloon \(hostile)", 20_000, 45_000),
                                        uitslag("gewicht:anna", "hoeveel mensen op Anna lijken", 30_000, 36_000),
                                        uitslag("kans_stressgebeurtenis", "kans op een extra ingrijpende gebeurtenis", 33_600, 33_600)])
        var first = PopulatieRapport.Schatting(id: r.knelpunten[0].id, titel: r.knelpunten[0].titel, soort_titel: "Doenvermogenskloof",
                                               personen: 33_600, personen_laag: 32_000, personen_hoog: 35_000, bedrag_cent: 336_000_000,
                                               bedrag_laag_cent: 300_000_000, bedrag_hoog_cent: 370_000_000, schade: schade(fines: 336_000_000),
                                               synthetische_treffers: 120)
        first.gevoeligheid = g
        var second = PopulatieRapport.Schatting(id: r.knelpunten[1].id, titel: r.knelpunten[1].titel, soort_titel: "Disproportioneel",
                                                personen: 450, personen_laag: 100, personen_hoog: 2_000, bedrag_cent: 4_500_000,
                                                bedrag_laag_cent: 0, bedrag_hoog_cent: 9_000_000, schade: schade(fines: 4_500_000),
                                                synthetische_treffers: 2)
        second.gevoeligheid = Gevoeligheid(personen_laag: 450, personen_hoog: 450, bedrag_laag_cent: 4_500_000, bedrag_hoog_cent: 4_500_000,
                                           grootste_invloed: nil, grootste_invloed_naam: nil, aannames: [])
        r.knelpunten[0].populatie = first
        r.knelpunten[1].populatie = second
        r.populatie = PopulatieBron(omvang: 2_000, zaad: 7, vingerafdruk: "abc",
                                    kalibratie: [Kalibratie(titel: "Wajongers naar arbeidsvermogen <x>", groep: "Wajong", gekalibreerd: true, klassen: [
                                        .init(klasse: "met arbeidsvermogen", parameter: "aandeel_wajong_met_arbeidsvermogen", bron: "UWV \(hostile)",
                                              gepubliceerd: "48,0%", bereikt: "48,0%", personas: ["esther"]),
                                        .init(klasse: "duurzaam geen arbeidsvermogen", parameter: nil, bron: "100% min de andere klassen",
                                              gepubliceerd: "52,0%", bereikt: "52,0%", personas: ["bram"]),
                                    ])],
                                    aannames: [Aanname(naam: "spreiding_dagloon", omschrijving: "spreiding van het dagloon", waarde: "20%", laag: "10%",
                                                       hoog: "30%", bron: "aanname \(hostile)", gevarieerd: true)],
                                    gevoeligheid: GevoeligheidOpzet(steekproef: 1_024, aannames: 3),
                                    werkwijze: ["Bereik over de aannames & steekproef <script>."])
        return r
    }

    static var emptyKnelpuntenRapport: KnelpuntenRapport {
        KnelpuntenRapport(titel: "Knelpuntenrapport", regelingen: [], aantal_personas: 0, totaal_gewicht: 0,
                          knelpunten: [], personas: [], werkwijze: [], totaal: Schade())
    }

    static func stand(_ people: Int, _ personas: [String], repayment: Int64) -> InvoeringstoetsRapport.Stand {
        .init(personen: people, personas: personas, totaal: schade(fines: 2_345_600, repayment: repayment))
    }

    static func vergelijk(_ id: String, _ title: String, _ category: InvoeringstoetsRapport.Categorie,
                          before: InvoeringstoetsRapport.Stand?, after: InvoeringstoetsRapport.Stand?,
                          lapsed: InvoeringstoetsRapport.VervallenVerplichting? = nil) -> InvoeringstoetsRapport.KnelpuntVergelijking {
        .init(id: id, titel: title, soort_titel: "Inkomensschok & <x>", ernst: "hoog", ernst_waarde: 3, trede_naam: "maatwerk binnen de wet",
              categorie: category, voor: before, na: after, verplichting_vervalt: lapsed)
    }

    static func hervorming(_ name: String, _ title: String, knelpunten: [InvoeringstoetsRapport.KnelpuntVergelijking],
                           after kees: Int64) -> InvoeringstoetsRapport.Vergelijking {
        .init(hervorming: .init(naam: name, titel: title, bron: "Inkomensbesluit art. 5 <lid 4>",
                                geldig_vanaf: "2024-01-01", vervangt: ["Wajong<x>"], vervalt: [], voegt_toe: ["nieuw & regel"]),
              effect: .init(personas: [hostile, "Kees"], personen: 11_000,
                            jaren: [.init(jaar: 2024, uitkeringslasten_cent: -12_000_00, netto_inkomen_cent: 4_000_00),
                                    .init(jaar: 2025, uitkeringslasten_cent: 0, netto_inkomen_cent: 0)]),
              artikelen: [.init(wijziging: "vervangen", naam: "Wajong<x>", soort: "uitkering", label: "Wajong <uitkering>", bron: "Wajong art. 2:39 & 2:45"),
                          .init(wijziging: "toegevoegd", naam: "nieuw & regel", soort: "parameter", label: nil, bron: "Voorstel <b>")],
              bedoelingen: [
                  .init(naam: "samenloop<x>", tekst: "Niemand houdt minder over \(hostile)", bron: "Wajong art. 2 & 3", alleen_in_hervorming: false,
                        voor: .tested([hostile], 600), na: .tested([], 0), oordeel: "hersteld"),
                  .init(naam: "nieuw<x>", tekst: "Een nieuwe bedoeling & meer", bron: "Voorstel", alleen_in_hervorming: true,
                        voor: .tested(["Omer"], 150), na: .tested([], 0), oordeel: "hersteld"),
              ],
              knelpunten: knelpunten,
              personas: [
                  .init(id: hostileID, naam: hostile, gewicht: 8_000, maanden: ["2024-01", "2024-02", "2024-03"],
                        voor_cent: [122_858, 12_852, 107_352], na_cent: [122_858, 60_000, 60_204], verschil_cent: 0),
                  .init(id: "bram", naam: "Bram", gewicht: 90_000, maanden: ["2025-01"], voor_cent: [164_385], na_cent: [164_385], verschil_cent: 0),
                  .init(id: "kees", naam: "Kees", gewicht: 3_000, maanden: ["2025-05"], voor_cent: [-301_574], na_cent: [-301_574 + kees], verschil_cent: kees),
              ])
    }

    /// One reform, with a knelpunt in each of the five categories; one is gone because an obligation lapsed.
    static var invoeringstoetsRapport: InvoeringstoetsRapport {
        let lapsed = InvoeringstoetsRapport.VervallenVerplichting(naam: "melden<x>", label: "‘Inkomen <doorgeven>’", personas: [hostile],
                                                                   netto_verschil_cent: 0, uitleg: "Verdwenen bij \(hostile) omdat de verplichting <b>")
        return InvoeringstoetsRapport(
            titel: "Invoeringstoets: <Maandelijkse> verrekening & meer",
            hervormingen: [hervorming("maandelijkse_verrekening<x>", "Maandelijkse \"verrekening\"", knelpunten: [
                vergelijk("bedoeling-samenloop", "Bedoeling niet gehaald: \(hostile)", .opgelost, before: stand(600, [hostile], repayment: 0), after: nil),
                vergelijk("doenvermogen-melden", "Meldplicht <melden>", .opgelost, before: stand(1_200, [hostile], repayment: 100), after: nil, lapsed: lapsed),
                vergelijk("inkomensschok-wajong", "Verrekening achteraf \(hostile)", .verminderd,
                          before: stand(11_000, ["Fatima", hostile], repayment: 17_640_000_00), after: stand(3_000, ["Kees"], repayment: 10_000_000)),
                vergelijk("blijft-iets", "Iets dat blijft", .blijft, before: stand(5, ["Bram"], repayment: 1), after: stand(5, ["Bram"], repayment: 1)),
                vergelijk("erger-iets", "Iets dat erger wordt", .verergerd, before: stand(5, ["Bram"], repayment: 1), after: stand(7, ["Bram", "Kees"], repayment: 1)),
            ], after: 420_000)],
            werkwijze: ["Dezelfde persona's & dezelfde <maanden>."])
    }

    /// Two reforms side by side, the second with a new knelpunt.
    static var invoeringstoetsTwee: InvoeringstoetsRapport {
        var r = invoeringstoetsRapport
        r.hervormingen.append(hervorming("tweede<x>", "Tweede <hervorming>", knelpunten: [
            vergelijk("nieuw-iets", "Iets nieuws & <raars>", .nieuw, before: nil, after: stand(9, ["Kees"], repayment: 5)),
        ], after: -100_000))
        return InvoeringstoetsRapport(titel: "Invoeringstoets: 2 hervormingen naast elkaar", hervormingen: r.hervormingen, werkwijze: r.werkwijze)
    }
}
