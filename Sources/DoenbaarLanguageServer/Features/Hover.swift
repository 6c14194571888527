import DoenbaarCore

/// The hover text of a name: its kind, type, `bron` and where it is
/// declared, in Dutch Markdown.
enum Hover {
    static func markdown(_ symbols: [Symbol], sources: SourceManager, root: String?) -> String {
        symbols.map { text(of: $0, sources: sources, root: root) }.joined(separator: "\n\n---\n\n")
    }

    private static func text(of s: Symbol, sources: SourceManager, root: String?) -> String {
        var parts = ["**\(s.kind)** `\(s.name)`" + (s.summary.isEmpty ? "" : ": " + escaped(s.summary))]
        if let source = s.source { parts.append("bron: " + escaped(source)) }
        if !s.details.isEmpty { parts.append(s.details.map { "- " + escaped($0) }.joined(separator: "\n")) }
        if let range = s.range, let file = sources.file(range.fileID) {
            var path = file.path
            if let root, path.hasPrefix(root + "/") { path = String(path.dropFirst(root.count + 1)) }
            var place = "gedeclareerd in `\(path)`, regel \(file.location(of: range.start).line)"
            if let line = s.declarationLine {
                let fence = line.contains("```") ? "~~~~" : "```"
                place += ":\n\(fence)doenbaar\n\(line)\n\(fence)"
            }
            parts.append(place)
        }
        return parts.joined(separator: "\n\n")
    }

    /// Text from a rule file shown as Markdown, not read as it.
    static func escaped(_ text: String) -> String {
        var out = ""
        for c in text {
            if "\\`*_[]<>#|~".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
