@testable import DoenbaarReports
import Testing

/// Issue #14: text from input cannot become markup in a Markdown report.
@Suite struct MarkdownEscapeTests {
    @Test(arguments: [
        ("<script>alert(1)</script>", #"\<script\>alert(1)\</script\>"#),
        ("[klik](javascript:alert(1))", #"\[klik\](javascript:alert(1))"#),
        ("<javascript:alert(1)>", #"\<javascript:alert(1)\>"#),
        ("a | b", #"a \| b"#),
        ("*vet* en _schuin_ en `code`", #"\*vet\* en \_schuin\_ en \`code\`"#),
        ("# kop", ##"\# kop"##),
        ("R&D", "R&amp;D"),
        ("twee\nregels", "twee regels"),
        ("Wet art. 19 lid 1 (e)", "Wet art. 19 lid 1 (e)"),
    ])
    func textFromInputStaysText(_ input: String, _ expected: String) {
        #expect(Markdown.escape(input) == expected)
    }
}
