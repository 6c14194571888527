import DoenbaarCore
import DoenbaarLanguageServer
import Foundation
import Testing

/// The server in-process on a copy of the bundled rules: diagnostics as the
/// text changes, hover, definition and completion.
@Suite struct LanguageServerFeatureTests {
    static let rule = "Rules/ww/uitkering.regels"
    static let misspelt = "anders max(€ 0, uitkeringspercentagee"

    func misspell(_ text: String) -> String {
        text.replacingOccurrences(of: "anders max(€ 0, uitkeringspercentage", with: LanguageServerFeatureTests.misspelt)
    }

    @Test func anErrorIsPublishedAtItsUTF16PositionAndClearedWhenFixed() throws {
        let ws = try TemporaryWorkspace(), client = TestClient()
        client.initialize(root: ws.root)
        let text = try ws.text(Self.rule), uri = ws.uri(Self.rule)
        let bad = misspell(text)
        #expect(bad != text)
        let found = try #require(diagnostics(for: uri, in: client.open(uri, bad)))
        #expect(found.count == 1, "\(found)")
        let d = try #require(found.first)
        #expect(d["code"] == "onbekende-naam")
        #expect(d["severity"] == 1)
        #expect(d["message"]?.string?.contains("onbekende naam 'uitkeringspercentagee'") == true)
        #expect(d["message"]?.string?.contains("hulp: bedoelde u 'uitkeringspercentage'?") == true)
        // After "    anders max(€ 0, ": 20 UTF-16 units (22 bytes, since € is three).
        let at = try #require(position(of: "uitkeringspercentagee", in: bad))
        #expect(at.character == 20)
        #expect(d["range"] == ["start": ["line": JSON(at.line), "character": 20],
                               "end": ["line": JSON(at.line), "character": JSON(20 + "uitkeringspercentagee".utf16.count)]])
        // Fixed: the file gets an empty list.
        #expect(diagnostics(for: uri, in: client.change(uri, text)) == [])
    }

    @Test func anErrorCausedInOneFileIsShownWhereItIsAndClearedThere() throws {
        let ws = try TemporaryWorkspace(), client = TestClient()
        client.initialize(root: ws.root)
        let facts = ws.uri("Rules/ww/gegevens.regels"), uses = ws.uri(Self.rule)
        let text = try ws.text("Rules/ww/gegevens.regels")
        let renamed = text.replacingOccurrences(of: "gegeven heeft_ww:", with: "gegeven heeft_wv:")
        let published = client.open(facts, renamed)
        // uitkering.regels is not open: its diagnostics come from the file on disk.
        let there = try #require(diagnostics(for: uses, in: published))
        #expect(there.contains { $0["message"]?.string?.hasPrefix("onbekende naam 'heeft_ww'") == true }, "\(there)")
        #expect(diagnostics(for: uses, in: client.change(facts, text)) == [])
    }

    @Test func aPersonaIsCheckedAgainstTheRulesWithItsExpectations() throws {
        let ws = try TemporaryWorkspace(), client = TestClient()
        client.initialize(root: ws.root)
        let uri = ws.uri("Personas/bas.persona")
        let text = try ws.text("Personas/bas.persona")
        let wrong = text.replacingOccurrences(of: "verwacht 2025-03 WW € 210,00", with: "verwacht 2025-03 WW € 200,00")
        let found = try #require(diagnostics(for: uri, in: client.open(uri, wrong)))
        let d = try #require(found.first)
        #expect(d["code"] == "verwachting-niet-gehaald")
        #expect(d["message"]?.string?.contains("verwacht € 200,00 WW, maar de regels geven € 210,00") == true)
        let line = try #require(position(of: "verwacht 2025-03 WW € 200,00", in: wrong)).line
        #expect(d["range", "start", "line"] == JSON(line))
        #expect(diagnostics(for: uri, in: client.change(uri, text)) == [])
    }

    @Test func aRuleFileOutsideTheProjectIsCheckedOnItsOwn() throws {
        let ws = try TemporaryWorkspace(), client = TestClient()
        client.initialize(root: ws.root)
        let loose = ws.path("los.regels")
        let uri = URL(fileURLWithPath: loose).absoluteString
        let found = try #require(diagnostics(for: uri, in: client.open(uri, "regeling X \"X\"\nparameter p: bedrag\n  vanaf 2025-01-01 = € 1,00\n")))
        #expect(found.contains { $0["code"] == "ontbrekende-bron" }, "\(found)")
    }

    @Test func hoverShowsKindTypeBronAndDeclaration() throws {
        let ws = try TemporaryWorkspace(), client = TestClient()
        client.initialize(root: ws.root)
        let uri = ws.uri(Self.rule), text = try ws.text(Self.rule)
        client.open(uri, text)
        let at = try #require(position(of: "heeft_ww", in: text, after: "als heeft_ww en niet ww_verwijtbaar", offset: 3))
        let r = client.request("textDocument/hover", textDocumentPosition(uri, at)).response
        let value = try #require(r["result", "contents", "value"]?.string)
        #expect(value.contains("**gegeven** `heeft_ww`: ja/nee"), "\(value)")
        #expect(value.contains("bron: Werkloosheidswet art. 15 lid 1 (recht op uitkering) en art. 32 (aanvraag)"))
        #expect(value.contains("gedeclareerd in `Rules/ww/gegevens.regels`, regel 6"))
        #expect(value.contains("```doenbaar\ngegeven heeft_ww: ja/nee\n```"))
        #expect(r["result", "range", "start"] == ["line": JSON(at.line), "character": JSON(at.character - 3)])

        // A parameter shows its values by date, the newest first.
        let p = try #require(position(of: "maximumdagloon", in: text, after: "= min(ww_dagloon, maximumdagloon)"))
        let parameter = try #require(client.request("textDocument/hover", textDocumentPosition(uri, p)).response["result", "contents", "value"]?.string)
        #expect(parameter.contains("**parameter** `maximumdagloon`: bedrag"))
        #expect(parameter.contains("- vanaf 2025-01-01: € 290,67 (bron: Regeling SZW rekenregels per 1 januari 2025: € 75.864 / 261)"))

        // A declaration with a label shows it, as the reports name it.
        let labelled = try #require(position(of: "ww_berekend", in: text, after: "  = ww_berekend"))
        let definition = try #require(client.request("textDocument/hover", textDocumentPosition(uri, labelled)).response["result", "contents", "value"]?.string)
        #expect(definition.contains("- label: Berekening van de WW-uitkering"), "\(definition)")

        // A built-in fact, and nothing in a comment.
        let builtin = try #require(position(of: "peildatum", in: text))
        #expect(client.request("textDocument/hover", textDocumentPosition(uri, builtin)).response["result", "contents", "value"]?.string?.contains("**ingebouwd gegeven** `peildatum`") == true)
        let comment = try #require(position(of: "maandloon", in: text, after: "# het maandloon verminderd"))
        #expect(client.request("textDocument/hover", textDocumentPosition(uri, comment)).response["result"] == .null)
    }

    @Test func definitionGoesToTheDeclarationInAnotherFile() throws {
        let ws = try TemporaryWorkspace(), client = TestClient()
        client.initialize(root: ws.root)
        let uri = ws.uri(Self.rule), text = try ws.text(Self.rule)
        let at = try #require(position(of: "heeft_ww", in: text, after: "als heeft_ww en niet ww_verwijtbaar"))
        let r = client.request("textDocument/definition", textDocumentPosition(uri, at)).response
        let target = try #require(position(of: "heeft_ww", in: try ws.text("Rules/ww/gegevens.regels"), after: "gegeven heeft_ww:"))
        #expect(r["result"] == [["uri": .string(ws.uri("Rules/ww/gegevens.regels")),
                                 "range": ["start": ["line": JSON(target.line), "character": 8],
                                           "end": ["line": JSON(target.line), "character": 16]]]])
    }

    @Test func inAReformANameItReplacesLeadsToBothVersionsTheReformsFirst() throws {
        let ws = try TemporaryWorkspace(), client = TestClient()
        client.initialize(root: ws.root)
        let reform = "Rules/hervormingen/calamiteitenverlof/calamiteitenverlof.regels"
        let text = try ws.text(reform)
        let at = try #require(position(of: "recht_ondanks_buitenland", in: text, after: "vervangt"))
        let found = try #require(client.request("textDocument/definition", textDocumentPosition(ws.uri(reform), at)).response["result"]?.array)
        #expect(found.map { $0["uri"] } == [.string(ws.uri(reform)), .string(ws.uri("Rules/ww/buitenland.regels"))])
        // From the baseline only the baseline's.
        let use = try #require(position(of: "recht_ondanks_buitenland", in: try ws.text(Self.rule)))
        let baseline = try #require(client.request("textDocument/definition", textDocumentPosition(ws.uri(Self.rule), use)).response["result"]?.array)
        #expect(baseline.map { $0["uri"] } == [.string(ws.uri("Rules/ww/buitenland.regels"))])
    }

    @Test func completionOffersTheNamesAndWordsThatStartWithThePrefix() throws {
        let ws = try TemporaryWorkspace(), client = TestClient()
        client.initialize(root: ws.root)
        let uri = ws.uri(Self.rule)
        let text = try ws.text(Self.rule) + "\ndefinitie nieuw: bedrag per maand\n  bron \"x\"\n  = ww_dag\nuitz"
        client.open(uri, text)
        let lines = text.components(separatedBy: "\n")
        let typing = (line: lines.count - 2, character: "  = ww_dag".utf16.count)
        let items = try #require(client.request("textDocument/completion", textDocumentPosition(uri, typing)).response["result", "items"]?.array)
        let labels = items.compactMap { $0["label"]?.string }
        #expect(labels.contains("ww_dagloon"), "\(labels)")
        #expect(labels.allSatisfy { $0.hasPrefix("ww_dag") }, "\(labels)")
        #expect(items.first { $0["label"] == "ww_dagloon" }?["detail"] == "gegeven: bedrag")
        let keyword = (line: lines.count - 1, character: 4)
        let words = try #require(client.request("textDocument/completion", textDocumentPosition(uri, keyword)).response["result", "items"]?.array)
        #expect(words.compactMap { $0["label"]?.string } == ["uitzondering"])
        // Nothing inside a comment.
        let comment = try #require(position(of: "maandloon", in: text, after: "# het maandloon verminderd", offset: 4))
        #expect(client.request("textDocument/completion", textDocumentPosition(uri, comment)).response["result", "items"] == [])
    }

    @Test func aPersonaKnowsTheBlocksAndFieldsTheRulesDeclare() throws {
        let ws = try TemporaryWorkspace(), client = TestClient()
        client.initialize(root: ws.root)
        let uri = ws.uri("Personas/bas.persona"), text = try ws.text("Personas/bas.persona")
        client.open(uri, text)
        let field = try #require(position(of: "dagloon", in: text, after: "dagloon € 100,00"))
        let hover = try #require(client.request("textDocument/hover", textDocumentPosition(uri, field)).response["result", "contents", "value"]?.string)
        #expect(hover.contains("**veld** `dagloon`: van onderdeel ww: gegeven ww\\_dagloon"), "\(hover)")
        #expect(!hover.contains("zw\\_dagloon"), "the field of the block it stands in, not the ZW's of the same word")
        let found = try #require(client.request("textDocument/definition", textDocumentPosition(uri, field)).response["result"]?.array?.first)
        let line = try #require(position(of: "veld dagloon ww_dagloon", in: try ws.text("Rules/ww/gegevens.regels"))).line
        #expect(found["uri"] == .string(ws.uri("Rules/ww/gegevens.regels")))
        #expect(found["range", "start", "line"] == JSON(line))
        let start = try #require(position(of: "verblijf", in: text, after: "verblijf 2025-03-03", offset: 3))
        let labels = client.request("textDocument/completion", textDocumentPosition(uri, start)).response["result", "items"]?.array?.compactMap { $0["label"]?.string } ?? []
        #expect(labels.contains("verblijf") && labels.contains("verwacht"), "\(labels)")
    }
}
