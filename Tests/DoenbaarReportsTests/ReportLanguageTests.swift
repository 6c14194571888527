import DoenbaarAnalysis
import DoenbaarCore
import DoenbaarReports
import DoenbaarTesting
import Foundation
import Testing

/// The reports speak to a minister in plain Dutch: a name from the rules
/// (`inkomen_melden_wajong`) never stands in a heading or a sentence, only in
/// the evidence. Rendered for the bundled Rules/ and Personas/: the
/// knelpuntenrapport (with and without population estimates) and the
/// invoeringstoets of every bundled reform, in Markdown and HTML.
///
/// What counts as evidence, where names may stand:
/// - Markdown: code spans (`naam`), fenced code blocks, the folded
///   `<details>` blocks (the calculation), and markup itself (anchors, link targets);
/// - HTML: `<code>` elements, the folded `<details class="bewijs">` (the
///   calculation as a trace), `<style>`, and markup itself (ids, hrefs, attributes).
/// Everything else is text a reader reads: headings, sentences, table cells.
///
/// Which names: every name the rule set declares (declarations of every kind,
/// values of enumerations, words of persona blocks and lines, regulations, the
/// reform's own name) that is no ordinary word: a name with an underscore or a
/// digit (`inkomen_melden_wajong`, `pd_u2`). A name that is a plain word
/// (`maandloon`, `WW`, `inkomen`) may also be the Dutch word in a sentence.
@Suite struct ReportLanguageTests {
    static let root = RuleBook.packageRoot

    /// A name no sentence could use as a word.
    static func isIdentifier(_ name: String) -> Bool {
        name.contains("_") || name.contains { $0.isNumber }
    }

    static func identifiers(_ rules: RuleSet, extra: [String] = []) -> [String] {
        (rules.declaredNames.union(extra)).filter(isIdentifier).sorted { ($0.count, $0) > ($1.count, $1) }
    }

    // MARK: What a reader reads

    static func regex(_ pattern: String) -> NSRegularExpression {
        try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
    }

    static func removing(_ pattern: String, from text: String, with replacement: String = " ") -> String {
        let r = regex(pattern)
        return r.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: replacement)
    }

    /// The Markdown without its evidence and markup.
    static func readableMarkdown(_ md: String) -> String {
        // Escaped characters are text: kept out of the code-span and markup patterns, then shown as they read.
        let escaped: [(String, String)] = [("\\`", "\u{1}"), ("\\<", "\u{2}"), ("\\>", "\u{3}")]
        var t = md
        for (e, placeholder) in escaped { t = t.replacingOccurrences(of: e, with: placeholder) }
        t = removing("<details>.*?</details>", from: t)          // the calculation, folded away
        t = removing("```.*?```", from: t)                     // code blocks
        t = removing("`[^`\n]*`", from: t)                     // code spans
        t = removing("\\]\\(#[^)]*\\)", from: t, with: "]")     // link targets
        t = removing("<[^>]*>", from: t)                       // anchors and other markup
        t = removing("\\\\([\\\\*_\\[\\]|#!~{}])", from: t, with: "$1") // Markdown.escape, undone
        for (character, placeholder) in [("`", "\u{1}"), ("<", "\u{2}"), (">", "\u{3}")] { t = t.replacingOccurrences(of: placeholder, with: character) }
        return t.replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The text of the HTML page a reader sees, without the evidence.
    static func readableHTML(_ html: String) -> String {
        var t = html
        t = removing("<style>.*?</style>", from: t)
        t = removing("<details class=\"bewijs\">.*?</details>", from: t)   // the calculation as a trace
        t = removing("<code>.*?</code>", from: t)
        t = removing("<[^>]*>", from: t)                                    // tags with their ids, hrefs, attributes
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            t = t.replacingOccurrences(of: entity, with: character)
        }
        return t
    }

    /// Each name found in the text, with a little of the text around it.
    static func leaks(of names: [String], in text: String) -> [String] {
        var found: [String] = []
        for name in names {
            let pattern = "(?<![\\p{L}\\p{N}_])" + NSRegularExpression.escapedPattern(for: name) + "(?![\\p{L}\\p{N}_])"
            let r = regex(pattern)
            guard let match = r.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                  let range = Range(match.range, in: text) else { continue }
            let before = text[..<range.lowerBound].suffix(60), after = text[range.upperBound...].prefix(60)
            found.append("'\(name)' in: …\(before)[\(name)]\(after)…".replacingOccurrences(of: "\n", with: " "))
        }
        return found
    }

    static func expectNoLeaks(_ names: [String], markdown: String, html: String, _ report: String,
                              sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let md = leaks(of: names, in: readableMarkdown(markdown))
        #expect(md.isEmpty, "\(report).md noemt namen uit de regels buiten het bewijs:\n\(md.joined(separator: "\n"))", sourceLocation: sourceLocation)
        let h = leaks(of: names, in: readableHTML(html))
        #expect(h.isEmpty, "\(report).html noemt namen uit de regels buiten het bewijs:\n\(h.joined(separator: "\n"))", sourceLocation: sourceLocation)
    }

    // MARK: The reports

    static func knelpuntenrapport() throws -> (KnelpuntenRapport, RuleSet) {
        let book = try RuleBook.bundled()
        let analyzer = try Analyzer(evaluator: book.evaluator)
        let analyses = try book.allPersonas().compactMap { try analyzer.analyze($0) }
        return (KnelpuntenRapport.build(analyses: analyses, ruleSet: book.ruleSet), book.ruleSet)
    }

    @Test func theKnelpuntenrapportNamesNoDeclarationOutsideItsEvidence() throws {
        let (report, rules) = try Self.knelpuntenrapport()
        let names = Self.identifiers(rules)
        #expect(names.contains("inkomen_melden_wajong") && names.contains("aardbeving_turkije_syrie"), "the test sees the rule set's names")
        #expect(!names.contains("maandloon") && !names.contains("WW"), "plain words are words")
        #expect(!report.knelpunten.isEmpty)
        Self.expectNoLeaks(names, markdown: KnelpuntenMarkdown.render(report), html: KnelpuntenHTML.render(report), "knelpunten")
        // The evidence keeps the names: a drafter can still find the declaration.
        #expect(KnelpuntenMarkdown.render(report).contains("`inkomen_melden_wajong`"))
        #expect(KnelpuntenHTML.render(report).contains("<code>inkomen_melden_wajong</code>"))
    }

    @Test func withPopulationEstimatesTooTheKnelpuntenrapportNamesNoDeclaration() throws {
        let (report, rules) = try Self.knelpuntenrapport()
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(Self.root)/Reports/populatie.json"))
        let population = try JSONDecoder().decode(PopulatieRapport.self, from: data)
        let withPopulation = report.with(population: population)
        #expect(withPopulation.knelpunten.contains { $0.populatie != nil })
        Self.expectNoLeaks(Self.identifiers(rules), markdown: KnelpuntenMarkdown.render(withPopulation),
                           html: KnelpuntenHTML.render(withPopulation), "knelpunten met populatie")
    }

    static let reforms: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: "\(root)/Rules/hervormingen")) ?? []).sorted()

    @Test(arguments: reforms)
    func everyInvoeringstoetsNamesNoDeclarationOutsideItsEvidence(_ reform: String) throws {
        let book = try RuleBook.bundled()
        let loaded = try ReformLoader.load(reform: "\(Self.root)/Rules/hervormingen/\(reform)", baseline: ["\(Self.root)/Rules"], sources: SourceManager())
        let rules = try #require(loaded.ruleSet, "\(loaded.diagnostics.errors.map(\.message))")
        let personas = try book.allPersonas()
        let report = try Invoeringstoets.compare(baselineRules: book.ruleSet, baselinePaths: ["\(Self.root)/Rules"], personas: personas,
                                                 reforms: [.init(reform: try #require(loaded.reform), ruleSet: rules)]) { evaluator in
            let analyzer = try Analyzer(evaluator: evaluator)
            return try personas.compactMap { try analyzer.analyze($0) }
        }
        let names = Self.identifiers(book.ruleSet, extra: Array(rules.declaredNames) + [reform])
        Self.expectNoLeaks(names, markdown: InvoeringstoetsMarkdown.render(report), html: InvoeringstoetsHTML.render(report),
                           "invoeringstoets-\(reform)")
    }

    // MARK: The test itself

    @Test func aNameInASentenceIsFoundAndANameInTheEvidenceIsNot() {
        let names = ["inkomen_melden_ww"]
        #expect(!Self.leaks(of: names, in: Self.readableMarkdown("Esther komt inkomen_melden_ww niet na.")).isEmpty)
        #expect(!Self.leaks(of: names, in: Self.readableMarkdown("## Meldplicht: inkomen_melden_ww")).isEmpty)
        #expect(Self.leaks(of: names, in: Self.readableMarkdown("Zie `inkomen_melden_ww`.\n<details><summary>Bewijs</summary>\n\n```\nboete inkomen_melden_ww\n```\n\n</details>\n[Titel](#doenvermogenskloof-inkomen_melden_ww)")).isEmpty)
        #expect(!Self.leaks(of: names, in: Self.readableHTML("<h2>Meldplicht: inkomen_melden_ww</h2>")).isEmpty)
        #expect(Self.leaks(of: names, in: Self.readableHTML("<p id=\"x-inkomen_melden_ww\">Zie <code>inkomen_melden_ww</code>.</p><details class=\"bewijs\"><li>inkomen_melden_ww</li></details>")).isEmpty)
        // A name inside a longer word is no mention of it.
        #expect(Self.leaks(of: ["melden_ww"], in: "inkomen_melden_ww_extra").isEmpty)
    }
}
