import DoenbaarCLI
import Foundation
import Testing

/// Facts are declared in the rule files: what a persona must give, where,
/// and what `check` and `run` say when it is not there.
@Suite struct DeclaredFactsCommandTests {
    /// A temporary folder with the given files, removed afterwards by the caller.
    func folder(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("doenbaar-feiten-\(UUID().uuidString)").path
        for (name, text) in files {
            let path = dir + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        return dir
    }

    @Test func checkRefusesAnInputWhenPersonasMustRunOnTheRules() {
        // The benchmark's rules read `invoer` columns: fine for `doenbaar bench`, not for a persona.
        let r = runCLI(["check", "\(packageRoot)/Benchmarks/ww_wajong.regels", "\(packageRoot)/Personas/omer.persona"])
        #expect(r.code == .inputErrors)
        #expect(r.err.contains("ww_wajong.regels:31:8: fout: invoer 'dagloon_ww' is er alleen voor een berekening over invoerkolommen"), "\(r.err)")
        #expect(r.err.contains("declareer het als 'gegeven ww_maand: getal per maand'"))
    }

    @Test func aRunThatNeedsAFactThePersonaLeftOutNamesTheRuleAndThePersona() throws {
        // A sick person without an employer, who gives no dagloon: the ZW's default reads the
        // WW dagloon, which she has not got either (Rules/zw/ziekengeld.regels, zw_dagloon).
        let dir = try folder(["vera.persona": """
            persona "Vera"
              geboren 1980-01-01
              gewicht 1
              periode 2025-02 tot en met 2025-03
              doenvermogen plannen 3, in_actie_komen 3, volhouden 3, verleiding_weerstaan 3, tegenslag_verwerken 3
            zw
              eerste_ziektedag 2025-02-03
              laatste_ziektedag 2025-03-31
            """])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = runCLI(["run", "--persona", dir + "/vera.persona", "--rules", "\(packageRoot)/Rules"])
        #expect(r.code == .inputErrors)
        #expect(r.err.contains("Rules/zw/ziekengeld.regels:"), "the rule that needs the value: \(r.err)")
        #expect(r.err.contains("geen waarde voor 'zw_dagloon'"))
        #expect(r.err.contains("geef het in onderdeel 'zw' met 'dagloon'"))
        #expect(r.err.contains("vera.persona:6:1: noot: persona 'vera' geeft 'zw_dagloon' niet"), "a note at her zw block: \(r.err)")
    }

    @Test func aNewRegulationIsRulesAndPersonasOnly() throws {
        // A drafter adds a provision the core has never heard of: a study grant with its own
        // facts, a persona block and a monthly line. No Swift is involved.
        let dir = try folder([
            "regels/studie.regels": """
            regeling STUDIE "Voorbeeldregeling studietoelage"
              bron "Voorbeeld, geen bestaande wet"
            uitkering TOELAGE "Studietoelage"
              bron "Voorbeeld art. 1"
            gegeven heeft_studie: ja/nee
              bron "Voorbeeld art. 1"
            gegeven studie_begin: datum
              bron "Voorbeeld art. 1"
              omschrijving "eerste dag van de studie"
            gegeven bijverdienste: bedrag per maand
              bron "Voorbeeld art. 2"
            onderdeel studie "Studie"
              bron "Voorbeeld art. 1"
              aanwezig heeft_studie
              veld begin studie_begin
            opgave bijverdienste
              bron "Voorbeeld art. 2"
              maand bijverdienste
              kennis gemeld
            regel toelage
              bron "Voorbeeld art. 3: € 300 per maand vanaf de studie, min de helft van de bijverdienste"
              uitkomst TOELAGE per maand
              als heeft_studie en peildatum >= studie_begin
              = max(€ 0, € 300,00 - 50% * (als bijverdienste > € 0 dan bijverdienste anders € 0))
            """,
            "personas/sam.persona": """
            persona "Sam"
              geboren 2005-05-05
              gewicht 1
              periode 2025-08 tot en met 2025-10
              doenvermogen plannen 3, in_actie_komen 3, volhouden 3, verleiding_weerstaan 3, tegenslag_verwerken 3
            studie
              begin 2025-09-01
            bijverdienste 2025-09 € 100,00 gemeld 2025-09-20
            bijverdienste 2025-10 € 0,00 gemeld 2025-10-20
            """,
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let check = runCLI(["check", dir + "/regels", dir + "/personas"])
        #expect(check.code == .success, "\(check.err)")
        let r = runCLI(["run", "--persona", dir + "/personas/sam.persona", "--rules", dir + "/regels", "--format", "json", "--zonder-analyse"])
        #expect(r.code == .success, "\(r.err)")
        // September: € 300 - 50% of € 100 = € 250,00; October: € 300; August: before the study, nothing.
        #expect(r.out.contains("\"betaald_cent\" : 25000"), "\(r.out.prefix(600))")
        #expect(r.out.contains("\"betaald_cent\" : 30000"))
    }
}
