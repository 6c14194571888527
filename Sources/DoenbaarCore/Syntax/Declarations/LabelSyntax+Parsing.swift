/// The label of a declaration: a plain Dutch name written as a text right
/// after the declaration's name, the way a regulation has its title:
///
///     regeling WW "Werkloosheidswet"
///     verplichting inkomen_melden_wajong "Inkomen doorgeven (Wajong)"
///     definitie maandloon "Maandloon": bedrag per maand
///     uitzondering aardbeving_turkije_syrie "Tijdelijke maatregel aardbeving Turkije en Syrië" op recht_ondanks_buitenland
///
/// Reports show the label wherever they name the declaration; the name stays
/// in the evidence. A label is optional in the language (`doenbaar check`
/// warns where a report would need one, see `LabelCheck`).
extension Parser {
    /// Longer labels do not read as a heading; the explanation belongs in `tekst` or a comment.
    public static let maximumLabelLength = 80

    /// What may follow the label on the declaration's line.
    enum LabelEnd {
        /// Nothing: `verplichting x "Label"`.
        case lineEnd
        /// The type: `definitie x "Label": bedrag`.
        case colon
        /// A word: `uitzondering x "Label" op y`.
        case word(String)
    }

    /// The label after a declaration's name, if there is one. `what` names the
    /// declaration in messages ("verplichting 'x'"); `name` is where its name
    /// stands, so a fix-it can take an empty label away.
    mutating func parseLabel(of what: String, after name: SourceRange, endsAt end: LabelEnd) -> Located<String>? {
        if case .string(let text) = current.kind {
            let token = advance()
            return checkedLabel(text, token.range, of: what, after: name)
        }
        return unquotedLabel(of: what, endsAt: end)
    }

    /// A text written as a label: not empty, without blanks around it, short.
    private mutating func checkedLabel(_ text: String, _ range: SourceRange, of what: String, after name: SourceRange) -> Located<String>? {
        let trimmed = Self.trimmingBlanks(text)
        if trimmed.isEmpty {
            report(Diagnostic(.malformedLabel, .error, at: range, "het label van \(what) is leeg",
                              suggestion: "schrijf tussen de aanhalingstekens in gewone taal wat het is, zoals een kop in een rapport het zou noemen, of laat het label weg",
                              fixIts: [.replace(SourceRange(fileID: range.fileID, start: name.end, end: range.end), with: "", "laat het lege label weg")]))
            return nil
        }
        if trimmed != text {
            report(Diagnostic(.malformedLabel, .warning, at: range, "het label van \(what) begint of eindigt met een spatie",
                              fixIts: [.replace(range, with: Self.quoted(trimmed), "schrijf: \(Self.quoted(trimmed))")]))
        }
        if trimmed.count > Self.maximumLabelLength {
            report(Diagnostic(.malformedLabel, .warning, at: range,
                              "het label van \(what) is \(trimmed.count) tekens lang; een label is een korte naam voor koppen en zinnen in rapporten (hoogstens \(Self.maximumLabelLength) tekens)",
                              suggestion: "houd het label kort en zet de uitleg in een commentaar\(what.hasPrefix("bedoeling") || what.hasPrefix("beleidsruimte") ? " of in 'tekst'" : "")"))
        }
        return Located(trimmed, range)
    }

    /// `verplichting x Inkomen doorgeven`: words where the label belongs, without quotes.
    /// Reported once, with the quoted label as a fix-it, and read as that label.
    private mutating func unquotedLabel(of what: String, endsAt end: LabelEnd) -> Located<String>? {
        guard current.word != nil else { return nil }
        if case .word(let w) = end, current.isWord(w) { return nil }
        // The words up to where the label ends, if that is all the line holds before it.
        var i = index
        var parts: [Token] = []
        scan: while true {
            let t = tokens[i]
            switch (t.kind, end) {
            case (.newline, .lineEnd), (.end, .lineEnd): break scan
            case (.symbol(.colon), .colon): break scan
            case (.word(let w), .word(let stop)) where w == stop: break scan
            case (.word, _), (.symbol(.leftParen), _), (.symbol(.rightParen), _), (.symbol(.comma), _), (.symbol(.minus), _):
                parts.append(t)
                i += 1
            default: return nil
            }
        }
        guard let first = parts.first, let last = parts.last else { return nil }
        var text = ""
        for (n, t) in parts.enumerated() {
            if n > 0, parts[n - 1].range.end < t.range.start { text += " " }
            if case .word(let w) = t.kind { text += w } else if case .symbol(let s) = t.kind { text += s.rawValue }
        }
        let range = first.range.to(last.range)
        report(Diagnostic(.malformedLabel, .error, at: range, "het label van \(what) moet tussen aanhalingstekens staan",
                          fixIts: [.replace(range, with: Self.quoted(text), "schrijf: \(Self.quoted(text))")]))
        index = i
        return Located(text, range)
    }

    /// `definitie x: bedrag "Label"`: a label after the type, where it does not belong.
    /// Reported with a fix-it that moves it behind the name; read as the label.
    mutating func labelAfterType(of what: String, name: Name) -> Located<String>? {
        guard case .string(let text) = current.kind else { return nil }
        let token = advance()
        let trimmed = Self.trimmingBlanks(text)
        let gapStart = previousTokenEnd(before: token)
        report(Diagnostic(.malformedLabel, .error, at: token.range, "het label van \(what) staat na het type; het hoort direct na de naam",
                          fixIts: [FixIt("zet het label direct na de naam: \(name.text) \(Self.quoted(trimmed)):", edits: [
                              .init(range: SourceRange(fileID: name.range.fileID, start: name.range.end, end: name.range.end), replacement: " " + Self.quoted(trimmed)),
                              .init(range: SourceRange(fileID: token.range.fileID, start: gapStart, end: token.range.end), replacement: ""),
                          ])]))
        return trimmed.isEmpty ? nil : Located(trimmed, token.range)
    }

    /// The end of the token before this one (on the same line).
    private func previousTokenEnd(before token: Token) -> Int {
        guard let i = tokens.firstIndex(where: { $0.range == token.range }), i > 0 else { return token.range.start }
        return tokens[i - 1].range.end
    }

    static func trimmingBlanks(_ text: String) -> String {
        var s = Substring(text)
        while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return String(s)
    }

    /// A text as the language writes it: between straight quotes, with `"` and `\` escaped.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
