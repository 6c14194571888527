import DoenbaarCore
import Foundation
import Testing
@testable import DoenbaarReports

/// The HTML reports: escaped, well-formed, accessible, byte-stable.
@Suite struct HTMLReportTests {
    static let pages: [(String, String)] = [
        ("knelpunten", KnelpuntenHTML.render(Samples.knelpuntenRapport)),
        ("knelpunten zonder knelpunten", KnelpuntenHTML.render(Samples.emptyKnelpuntenRapport)),
        ("knelpunten met populatie", KnelpuntenHTML.render(Samples.knelpuntenRapportMetPopulatie)),
        ("invoeringstoets", InvoeringstoetsHTML.render(Samples.invoeringstoetsRapport)),
        ("invoeringstoets met twee hervormingen", InvoeringstoetsHTML.render(Samples.invoeringstoetsTwee)),
    ]

    @Test(arguments: pages.map(\.0))
    func pageIsWellFormedXML(_ name: String) throws {
        let page = try #require(Self.pages.first { $0.0 == name }?.1)
        let check = MarkupCheck.parse(page)
        #expect(check.error == nil, "\(name): \(check.error ?? "")")
        #expect(check.all("html").first?.attributes["lang"] == "nl")
    }

    @Test(arguments: pages.map(\.0))
    func textFromFilesIsEscapedEverywhere(_ name: String) throws {
        let page = try #require(Self.pages.first { $0.0 == name }?.1)
        let check = MarkupCheck.parse(page)
        #expect(check.error == nil)
        // No markup from the files survives as markup: no script element, no event attribute,
        // no element that only the hostile texts contain.
        #expect(!page.contains("<script"))
        #expect(!page.contains("<b>"))
        #expect(!page.contains("<svg onload"))
        #expect(check.all("script").isEmpty && check.all("b").isEmpty && check.all("i").isEmpty && check.all("x").isEmpty)
        for element in check.elements {
            for attribute in element.attributes.keys {
                #expect(!attribute.lowercased().hasPrefix("on"), "attribuut \(attribute) op <\(element.name)>")
            }
        }
        // No script, style or network anywhere.
        #expect(check.all("style").count == 1)
        let withoutNamespace = page.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        #expect(!withoutNamespace.contains("http:") && !withoutNamespace.contains("https:") && !withoutNamespace.contains("src="))
        #expect(!page.contains("@import") && !page.contains("url(http") && !page.contains("@font-face"))
    }

    @Test func hostileNamesArriveAsTextInHeadingsChartsAndAttributes() {
        let page = KnelpuntenHTML.render(Samples.knelpuntenRapport)
        let check = MarkupCheck.parse(page)
        #expect(check.error == nil)
        #expect(page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Jan&#39;"))
        // In the headings, read back as text.
        let headings = check.elements.filter { ["h1", "h2", "h3"].contains($0.name) }.map(\.allText)
        #expect(headings.contains { $0.contains("Meldplicht \(Samples.hostile)") })
        #expect(headings.contains { $0.contains(Samples.hostile) })
        // In the SVG <title> and <desc> of the persona chart.
        let svgTexts = check.all("title").filter { $0.ancestors.contains("svg") }.map(\.allText)
            + check.all("desc").map(\.allText)
        #expect(svgTexts.contains { $0.contains(Samples.hostile) })
        // In attributes: the hostile id became a safe slug, the hostile knelpunt id a safe anchor.
        for id in check.ids {
            #expect(id.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }, "id \(id)")
        }
    }

    @Test(arguments: pages.map(\.0))
    func idsAreUniqueAndEveryLinkHasATarget(_ name: String) throws {
        let page = try #require(Self.pages.first { $0.0 == name }?.1)
        let check = MarkupCheck.parse(page)
        let ids = check.ids
        #expect(Set(ids).count == ids.count, "dubbele ids: \(Dictionary(grouping: ids) { $0 }.filter { $1.count > 1 }.keys.sorted())")
        for a in check.all("a") {
            let href = a.attributes["href"] ?? ""
            #expect(href.hasPrefix("#"), "link \(href)")
            #expect(ids.contains(String(href.dropFirst())), "link naar \(href) heeft geen doel")
        }
        for svg in check.all("svg") {
            for reference in (svg.attributes["aria-labelledby"] ?? "").split(separator: " ") + (svg.attributes["aria-describedby"] ?? "").split(separator: " ") {
                #expect(ids.contains(String(reference)))
            }
        }
    }

    @Test(arguments: pages.map(\.0))
    func everyChartIsAnImageWithTitleDescriptionAndATable(_ name: String) throws {
        let page = try #require(Self.pages.first { $0.0 == name }?.1)
        let check = MarkupCheck.parse(page)
        for svg in check.all("svg") {
            #expect(svg.attributes["role"] == "img")
            #expect(svg.children.first?.name == "title" && svg.children.first?.allText.isEmpty == false)
            #expect(svg.children.dropFirst().first?.name == "desc" && svg.children.dropFirst().first?.allText.isEmpty == false)
            let titleID = svg.children.first?.attributes["id"] ?? "?"
            #expect(svg.attributes["aria-labelledby"] == titleID)
        }
        for figure in check.all("figure") {
            let svgs = check.elements.filter { $0.name == "svg" && $0.ancestors.contains("figure") }
            #expect(!svgs.isEmpty)
            let tables = figure.children.filter { $0.name == "details" }.flatMap(\.children).flatMap(\.children).filter { $0.name == "table" }
            #expect(tables.count == 1, "een grafiek zonder tabel met de cijfers")
        }
        #expect(check.all("figure").count == check.all("svg").count)
    }

    @Test(arguments: pages.map(\.0))
    func headingsAreInOrderAndTablesHaveScopedHeaders(_ name: String) throws {
        let page = try #require(Self.pages.first { $0.0 == name }?.1)
        let check = MarkupCheck.parse(page)
        let levels = check.elements.compactMap { e -> Int? in
            guard e.name.count == 2, e.name.hasPrefix("h"), let n = Int(e.name.dropFirst()) else { return nil }
            return n
        }
        #expect(levels.first == 1)
        #expect(levels.filter { $0 == 1 }.count == 1)
        for (a, b) in zip(levels, levels.dropFirst()) { #expect(b <= a + 1, "kop h\(b) na h\(a)") }
        for th in check.all("th") { #expect(th.attributes["scope"] == "col" || th.attributes["scope"] == "row") }
        for table in check.all("table") { #expect(table.children.first?.name == "caption") }
    }

    @Test func knelpuntenReportKeepsItsStructure() {
        let r = Samples.knelpuntenRapport
        let check = MarkupCheck.parse(KnelpuntenHTML.render(r))
        let summary = check.elements.first { $0.attributes["id"] == "samenvatting-tabel" }
        let rows = summary?.children.first { $0.name == "tbody" }?.children ?? []
        #expect(rows.count == r.knelpunten.count)
        let headers = summary?.children.first { $0.name == "thead" }?.children.first?.children.map(\.allText) ?? []
        // Without a population run, the persona weights, labelled as such.
        #expect(headers == ["Nr.", "Knelpunt", "Soort", "Ernst", "Mensen (schatting uit de gewichten van de persona's)", "Per persoon", "Oplossing"])
        let h2 = check.all("h2").map(\.allText)
        for k in r.knelpunten { #expect(h2.contains { $0.contains(k.titel) }) }
        let h3 = check.all("h3").map(\.allText)
        for section in ["Wat er gebeurt", "Waarom", "Hoe hard", "Hoeveel mensen", "Doenvermogen", "Oplossing"] {
            #expect(h3.filter { $0 == section }.count == r.knelpunten.count, "\(section)")
        }
        // The evidence is folded away, one per knelpunt.
        #expect(check.all("summary").filter { $0.allText.hasPrefix("Bewijs") }.count == r.knelpunten.count)
        // A doubled doenvermogen note is shown once.
        #expect(!KnelpuntenHTML.render(r).contains("<ul>\n<li>Vraagt plannen"))
    }

    @Test func reportWithoutKnelpuntenSaysSo() {
        let page = KnelpuntenHTML.render(Samples.emptyKnelpuntenRapport)
        let check = MarkupCheck.parse(page)
        #expect(check.error == nil)
        #expect(page.contains("Geen knelpunten gevonden."))
        #expect(check.all("svg").isEmpty)
        #expect(check.elements.first { $0.attributes["id"] == "samenvatting-tabel" } != nil)
    }

    @Test func invoeringstoetsLeadsWithTheEffectThenTheCategories() throws {
        let r = Samples.invoeringstoetsRapport
        let page = InvoeringstoetsHTML.render(r)
        let check = MarkupCheck.parse(page)
        let h2 = check.all("h2").map(\.allText)
        #expect(h2 == ["Effect van de hervorming", "Knelpunten voor en na", "Knelpunten per categorie", "Werkt de regeling zoals bedoeld?",
                       "Inkomen per persona, voor en na", "Werkwijze"])
        // The effect first: who, outlay and income per year, the provisions by label.
        let effect = try #require(check.elements.first(where: { $0.attributes["id"] == "effect-tabel" }), "geen tabel met id effect-tabel")
        let rows = effect.children.first { $0.name == "tbody" }?.children.map { $0.children.map(\.allText) } ?? []
        #expect(rows.contains(["Uitkeringslasten 2024", "− € 12.000"]))
        #expect(rows.contains(["Netto inkomen 2024", "+ € 4.000"]))
        #expect(rows.contains(["Wie verandert", "\(Samples.hostile) en Kees"]))
        #expect(page.contains("Vervangt ‘Wajong &lt;uitkering&gt;’; voegt 1 bepaling zonder naam toe."))
        // Five categories, each knelpunt under its own with its numbers before and after.
        let h3 = check.all("h3").map(\.allText)
        #expect(h3.filter { $0.hasSuffix(")") } == ["Opgelost (2)", "Verminderd (1)", "Blijft (1)", "Verergerd (1)", "Nieuw (0)"])
        let h4 = check.all("h4").map(\.allText)
        for k in r.hervormingen[0].knelpunten { #expect(h4.contains(k.titel)) }
        #expect(page.contains("voor 11.000, na 3.000"))
        // The knelpunt gone because its obligation lapsed is marked, the other solved one not.
        #expect(check.all("p").filter { $0.attributes["class"] == "let-op" }.count == 1)
        #expect(page.contains("opgelost (verplichting vervalt)"))
        // One small-multiple chart: the two personas whose income changes, Bram unchanged.
        let svgs = check.all("svg")
        #expect(svgs.count == 1)
        #expect(svgs.first?.attributes["id"] == "grafiek-inkomen-1")
        #expect(check.elements.filter { $0.name == "g" && ($0.attributes["class"] ?? "").hasPrefix("paneel ") }.count == 2)
    }

    @Test func severalReformsStandSideBySide() {
        let r = Samples.invoeringstoetsTwee
        let check = MarkupCheck.parse(InvoeringstoetsHTML.render(r))
        for id in ["effect-tabel", "samenvatting-tabel", "bedoelingen-tabel", "inkomen-tabel"] {
            let table = check.elements.first { $0.attributes["id"] == id }
            let headers = table?.children.first { $0.name == "thead" }?.children.first?.children.map(\.allText) ?? []
            #expect(Array(headers.suffix(2)) == ["Maandelijkse \"verrekening\"", "Tweede <hervorming>"], "\(id): \(headers)")
        }
        // Every knelpunt of either reform is a row; the new one is 'niet' under the first reform.
        let summary = check.elements.first { $0.attributes["id"] == "samenvatting-tabel" }
        let rows = summary?.children.first { $0.name == "tbody" }?.children.map { $0.children.map(\.allText) } ?? []
        #expect(rows.count == 6)
        let last = rows.last ?? []
        #expect(last.count == 4 && last[0] == "Iets nieuws & <raars>" && last[1] == "niemand" && last[2] == "niet, voor noch na")
        #expect(last.last == "nieuw: ongeveer 9 mensen; € 23.456 verlies; € 0 terug te betalen", "\(last)")
        #expect(check.all("h2").map(\.allText).contains("Knelpunten per categorie: Tweede <hervorming>"))
        #expect(check.all("svg").count == 2)
    }

    @Test func sameInputGivesByteIdenticalPages() {
        #expect(KnelpuntenHTML.render(Samples.knelpuntenRapport) == KnelpuntenHTML.render(Samples.knelpuntenRapport))
        #expect(InvoeringstoetsHTML.render(Samples.invoeringstoetsRapport) == InvoeringstoetsHTML.render(Samples.invoeringstoetsRapport))
        // Decoding the JSON of a report and rendering again gives the same page too.
        let data = try? JSONEncoder().encode(Samples.knelpuntenRapport)
        let decoded = data.flatMap { try? JSONDecoder().decode(KnelpuntenRapport.self, from: $0) }
        #expect(decoded.map(KnelpuntenHTML.render) == KnelpuntenHTML.render(Samples.knelpuntenRapport))
    }

    @Test func escapeReplacesControlCharacters() {
        #expect(HTML.escape("a\u{01}b\u{7F}c\td\n") == "a\u{FFFD}b\u{FFFD}c\td\n")
        #expect(HTML.escape(#"<&>"'"#) == "&lt;&amp;&gt;&quot;&#39;")
        #expect(MarkupCheck.parse("<p>\(HTML.escape("x\u{0B}y\u{1B}"))</p>").error == nil)
    }

    @Test func theEstimateShowsBothRangesATornadoChartAndTheMethod() throws {
        let page = KnelpuntenHTML.render(Samples.knelpuntenRapportMetPopulatie)
        let check = MarkupCheck.parse(page)
        #expect(check.error == nil, "\(check.error ?? "")")
        // The summary shows the wider of the two: the range over the assumptions (20.000 to 45.000) for the first,
        // the sampling interval (100 to 2.000) for the second.
        let summary = try #require(check.elements.first { $0.attributes["id"] == "samenvatting-tabel" })
        #expect(summary.allText.contains("33.600 (20.000 tot 45.000)"))
        #expect(summary.allText.contains("450 (100 tot 2.000)"))
        let tornado = check.elements.filter { $0.name == "svg" && ($0.attributes["id"] ?? "").hasPrefix("gevoeligheid-") }
        #expect(tornado.count == 1, "only the first knelpunt has an assumption that moves it")
        let bars = check.elements.filter { $0.attributes["class"] == "staaf" && $0.ancestors.contains("svg") && $0.children.first?.text.contains("Anna") == true }
        #expect(bars.count == 1)
        #expect(page.contains("95%-steekproefinterval 32.000 tot 35.000; bereik over de aannames 20.000 tot 45.000"))
        #expect(page.contains("Geen van de aannames verandert deze schatting."))
        // Plain Dutch in the chart; the identifier only in code.
        #expect(!tornado[0].allText.contains("spreiding_dagloon"))
        #expect(page.contains("<code>spreiding_dagloon</code>"))
        for heading in ["De populatieschatting", "Kalibratie op gepubliceerde cijfers", "Aannames"] {
            #expect(check.elements.contains { $0.name == "h3" && $0.allText == heading }, "\(heading)")
        }
        let markdown = KnelpuntenMarkdown.render(Samples.knelpuntenRapportMetPopulatie)
        #expect(markdown.contains("| 33.600 (20.000 tot 45.000) |"))
        #expect(markdown.contains("bereik over de aannames 20.000 tot 45.000; wat haar het meest beweegt: spreiding van het dagloon"))
        #expect(markdown.contains("### Kalibratie op gepubliceerde cijfers") && markdown.contains("### Aannames"))
    }
}
