import DoenbaarCore
import Foundation
import Testing

/// The JSON form of a persona reads to the same persona as the `.persona` form.
@Suite struct PersonaJSONTests {
    static let goodDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/good").path

    @Test func aWellFormedJSONPersonaReadsWithoutDiagnostics() throws {
        let sources = SourceManager()
        let (persona, diagnostics) = try PersonaLoader.load(path: Self.goodDirectory + "/sanne.json", rules: bundledSchema().ruleSet, sources: sources)
        #expect(diagnostics.all.isEmpty, "\(DiagnosticRenderer(sources: sources).render(diagnostics.all))")
        let p = try #require(persona)
        #expect(p.id == "sanne")
        #expect(p.name == "Sanne")
        #expect(p.birthDate == CivilDate(iso: "1987-03-14"))
        #expect(p.weight == 900)
        let capacity: [Capacity: Int] = [.plan: 4, .act: 4, .persevere: 3, .resistTemptation: 3, .copeWithSetbacks: 3]
        #expect(p.capacity == capacity)
        #expect(p.sections["ww"] != nil)
        #expect(p.values["ww_ingangsdatum"] == Int64(CivilDate(iso: "2025-07-01")!.dayNumber))
        #expect(p.values["ww_dagloon"] == Fixed(cents: 15000).raw)
        #expect(p.values["arbeidsverleden"] == Fixed(integer: 14).raw)
        #expect(p.values["heeft_ww"] == 1)
        let incomes = p.records.filter { $0.kind == "inkomen" }
        #expect(incomes.map(\.month) == [YearMonth(year: 2025, month: 9)])
        #expect(incomes.first?.knowledge.known == CivilDate(iso: "2025-10-03"))
        #expect(p.records.filter { $0.kind == "schatting" }.map(\.value) == [Fixed(cents: 35000).raw])
        let stays = p.records.filter { $0.kind == "verblijf" }
        #expect(stays.map { $0.attributes["reden_verblijf"] } == [1])
        #expect(stays.first?.through == CivilDate(iso: "2025-08-31"))
        #expect(p.events.map(\.kind) == ["baanverlies"])
        #expect(p.expectations.map(\.amount) == [Fixed(cents: 244688), nil])
    }

    @Test func jsonAndPersonaTextGiveTheSamePersonFacts() throws {
        let sources = SourceManager()
        let text = """
        persona "Sanne"
          geboren 1987-03-14
          gewicht 900
          doenvermogen plannen 4, in_actie_komen 4, volhouden 3, verleiding_weerstaan 3, tegenslag_verwerken 3
        ww
          ingang 2025-07-01
          dagloon € 150,00
          arbeidsverleden 14 jaar
        verblijf 2025-08-01 tot en met 2025-08-31 reden vakantie land ES gemeld 2025-07-20
        """
        let file = SourceFile(path: "sanne.persona", text: text)
        let (fromText, textDiagnostics) = PersonaParser.parse(file, fileID: sources.add(file), id: "sanne", schema: try bundledSchema())
        #expect(textDiagnostics.all.isEmpty)
        let (fromJSON, _) = try PersonaLoader.load(path: Self.goodDirectory + "/sanne.json", rules: bundledSchema().ruleSet, sources: sources)
        let a = try #require(fromText), b = try #require(fromJSON)
        #expect(a.birthDate == b.birthDate && a.weight == b.weight)
        #expect(a.capacity == b.capacity)
        #expect(a.values["ww_dagloon"] == b.values["ww_dagloon"] && a.values["ww_ingangsdatum"] == b.values["ww_ingangsdatum"])
        let stayA = a.records.first { $0.kind == "verblijf" }, stayB = b.records.first { $0.kind == "verblijf" }
        #expect(stayA?.from == stayB?.from && stayA?.knowledge == stayB?.knowledge)
    }

    @Test func everyProblemOfAJSONPersonaIsReportedAtOnceWithItsPlace() throws {
        let text = """
        {"naam": "X", "geboren": "1990-01-01", "gewicht": 0,
         "doenvermogen": {"plannen": 3, "in_actie_komen": 3, "volhouden": 3, "verleiding_weerstaan": 3, "tegenslag_verwerken": 9},
         "verblijf": [{"van": "2025-01-10", "tot_en_met": "2025-01-05", "reden": "vakantie", "land": "es"}]}
        """
        let sources = SourceManager()
        let file = SourceFile(path: "x.json", text: text)
        let (persona, diagnostics) = PersonaJSON.decode(file, fileID: sources.add(file), id: "x", schema: try bundledSchema())
        #expect(persona == nil)
        let lines = diagnostics.all.compactMap { sources.location($0.range)?.line }
        #expect(diagnostics.all.map(\.message).contains("gewicht moet minstens 1 zijn"))
        #expect(diagnostics.all.contains { $0.message.contains("niveau 9") })
        #expect(diagnostics.all.contains { $0.message.contains("'es' is geen landcode") })
        #expect(Set(lines) == [1, 2, 3])
    }
}
