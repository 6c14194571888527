/// Text from a rule or persona file, made inert in Markdown: a `bron` with
/// `<script>`, a label with `[klik](javascript:…)` or a name with `|` stays
/// text, and a table row stays one row. The reports' own markup is written
/// around it, never through it.
enum Markdown {
    /// Escapes every character CommonMark (and GitHub's tables) give a meaning.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "!", "~", "{", "}":
                out.append("\\")
                out.append(c)
            case "&":
                out += "&amp;"
            case "\n", "\r", "\r\n":
                out.append(" ")
            default:
                out.append(c)
            }
        }
        return out
    }
}
