import DoenbaarCore

/// A name the rule files declare (or the language builds in), with what an
/// editor shows of it.
struct Symbol {
    /// LSP CompletionItemKind values used here.
    enum CompletionKind: Int {
        case function = 3, field = 5, variable = 6, `class` = 7, keyword = 14, reference = 18
        case enumMember = 20, constant = 21, event = 23
    }

    let name: String
    /// The declaration keyword, as a drafter knows it: "definitie", "gegeven", ...
    let kind: String
    /// Type and period, or what the declaration pays or overrides: "bedrag per maand".
    let summary: String
    let source: String?
    /// More lines for a hover: a description, a text, a parameter's values.
    let details: [String]
    /// Where the name is written in its declaration (nil: built in).
    let range: SourceRange?
    /// The declaration's first line, as written.
    let declarationLine: String?
    let completionKind: CompletionKind
    /// A word of a persona file (a field of a block, an attribute of a line), not a name in the rules.
    var personaWord = false
    /// For such a word: the block or line it belongs to (`ww`, `verblijf`).
    var owner: String? = nil
}

/// The names declared in the parsed files of a snapshot, from their syntax:
/// it works while the rules still have errors.
struct SymbolIndex {
    let snapshot: WorkspaceSnapshot
    private var byPath: [String: [Symbol]] = [:]

    init(_ snapshot: WorkspaceSnapshot) {
        self.snapshot = snapshot
        let all = snapshot.baseline + snapshot.reforms.flatMap(\.files) + snapshot.standalone
        for parsed in all { byPath[parsed.path] = SymbolIndex.symbols(in: parsed, snapshot.sources) }
    }

    /// Everything a document can refer to, a reform's own declarations before
    /// the baseline's (so a replaced name shows both versions, the reform's
    /// first); words of persona files only in a persona.
    func visible(from path: String) -> [Symbol] {
        let isPersona = !path.hasSuffix(".regels")
        return snapshot.visibleFiles(from: path).flatMap { file in
            (byPath[file.path] ?? []).filter { isPersona || !$0.personaWord }
        } + SymbolIndex.builtins
    }

    /// The symbols of a name; in a persona, `block` (the block or line the
    /// word stands in) picks among the fields of that name, and a word of
    /// the file goes before a declaration of the same name.
    func lookup(_ name: String, from path: String, block: String? = nil) -> [Symbol] {
        let found = visible(from: path).filter { $0.name == name }
        var words = found.filter(\.personaWord)
        if let block, words.contains(where: { $0.owner == block }) { words = words.filter { $0.owner == block } }
        return words + found.filter { !$0.personaWord }
    }

    // MARK: Reading declarations

    static func symbols(in parsed: WorkspaceSnapshot.Parsed, _ sources: SourceManager) -> [Symbol] {
        guard let file = sources.file(parsed.syntax.fileID) else { return [] }
        var out: [Symbol] = []
        for (declaration, keyword) in parsed.syntax.declarations {
            let line = file.lineText(file.location(of: keyword.start).line)
            out += symbols(of: declaration, line: line, file)
        }
        return out
    }

    private static func typeText(_ type: TypeSyntax?, _ period: Located<PeriodKind>?) -> String {
        [type?.name, period.map { "per \($0.value.rawValue)" }].compactMap { $0 }.joined(separator: " ")
    }

    private static func symbols(of declaration: DeclarationSyntax, line: String, _ file: SourceFile) -> [Symbol] {
        var out = declared(declaration, line: line, file)
        // The label reports use for it, first among the details (a title is the summary already).
        switch declaration {
        case .regulation, .reform, .benefit, .section, .record: break
        default:
            if let label = declaration.label, !out.isEmpty {
                let s = out[0]
                out[0] = Symbol(name: s.name, kind: s.kind, summary: s.summary, source: s.source, details: ["label: \(label.value)"] + s.details,
                                range: s.range, declarationLine: s.declarationLine, completionKind: s.completionKind)
            }
        }
        return out
    }

    private static func declared(_ declaration: DeclarationSyntax, line: String, _ file: SourceFile) -> [Symbol] {
        func make(_ name: Name, _ kind: String, _ summary: String, _ source: Located<String>?, _ details: [String] = [],
                  _ completion: Symbol.CompletionKind) -> Symbol {
            Symbol(name: name.text, kind: kind, summary: summary, source: source?.value, details: details,
                   range: name.range, declarationLine: line, completionKind: completion)
        }
        switch declaration {
        case .regulation:
            return []
        case .reform(let r):
            return [make(r.name, "hervorming", r.title?.value ?? "", r.source,
                         ["vervangt: " + r.replaces.map(\.text).joined(separator: ", "), "vervalt: " + r.removes.map(\.text).joined(separator: ", ")]
                            .filter { !$0.hasSuffix(": ") }, .reference)]
        case .enumeration(let e):
            let values = e.cases.map(\.text).joined(separator: ", ")
            return [make(e.name, "opsomming", "waarden: \(values)", e.source, [], .class)]
                + e.cases.map { make($0, "waarde", "van opsomming \(e.name.text)", e.source, [], .enumMember) }
        case .benefit(let b):
            let lag = b.decisionLag.map { ["beslist \($0.value) dagen na de maand"] } ?? []
            return [make(b.name, "uitkering", b.title?.value ?? "", b.source, lag, .class)]
        case .parameter(let p):
            return [make(p.name, "parameter", typeText(p.type, nil), p.source, parameterValues(p, file), .constant)]
        case .definition(let d):
            let rounding = d.rounding.map { ["afronding \($0.value.rawValue)"] } ?? []
            return [make(d.name, "definitie", typeText(d.type, d.period), d.source, rounding, .variable)]
        case .rule(let r):
            var summary = ""
            if let benefit = r.benefit {
                summary = (r.effect == .deduction ? "korting op " : "uitkomst ") + benefit.text
                if let period = r.period { summary += " per \(period.value.rawValue)" }
            }
            return [make(r.name, "regel", summary, r.source, validity(r.validity), .function)]
        case .exception(let x):
            return [make(x.name, "uitzondering", x.target.map { "op \($0.text)" } ?? "", x.source, validity(x.validity), .event)]
        case .obligation(let o):
            var details: [String] = []
            if let d = o.deadline { details.append("termijn \(d.amount) \(d.unit == .day ? (d.amount == 1 ? "dag" : "dagen") : (d.amount == 1 ? "maand" : "maanden")) \(d.before ? "vooraf" : "achteraf")") }
            if !o.consequences.isEmpty { details.append("gevolg: " + o.consequences.map(\.kind.text).joined(separator: ", ")) }
            return [make(o.name, "verplichting", o.period.map { "per \($0.value.rawValue)" } ?? "", o.source, details, .event)]
        case .discretion(let d):
            return [make(d.name, "beleidsruimte", d.rules.isEmpty ? "" : "bij " + d.rules.map(\.text).joined(separator: ", "),
                         d.source, d.text.map { [$0.value] } ?? [], .event)]
        case .intent(let i):
            return [make(i.name, "bedoeling", i.period.map { "per \($0.value.rawValue)" } ?? "", i.source, i.text.map { [$0.value] } ?? [], .event)]
        case .input(let i):
            return [make(i.name, "invoer", typeText(i.type, i.period), i.source, [], .field)]
        case .fact(let f):
            return [make(f.name, "gegeven", typeText(f.type, f.period), f.source, f.explanation.map { [$0.value] } ?? [], .field)]
        case .section(let s):
            var symbols = [make(s.keyword, "onderdeel", s.title?.value ?? "", s.source, [], .class)]
            for field in s.fields {
                var word = make(field.word, "veld", "van onderdeel \(s.keyword.text): gegeven \(field.fact.text)", s.source, [], .field)
                word.personaWord = true
                word.owner = s.keyword.text
                symbols.append(word)
            }
            return symbols
        case .record(let r):
            var symbols = [make(r.keyword, "opgave", r.title?.value ?? "", r.source, [], .class)]
            for attribute in r.attributes {
                var word = make(attribute.word, attribute.isFlag ? "vlag" : "kenmerk", "van opgave \(r.keyword.text): gegeven \(attribute.fact.text)",
                                r.source, [], .field)
                word.personaWord = true
                word.owner = r.keyword.text
                symbols.append(word)
            }
            return symbols
        }
    }

    /// The newest values first; a long history is cut short.
    static let shownValues = 8

    private static func parameterValues(_ p: ParameterSyntax, _ file: SourceFile) -> [String] {
        let lines = p.values.reversed().map { v in
            "vanaf \(v.from.value): \(file.text(v.value.range))" + (v.source.map { " (bron: \($0.value))" } ?? "")
        }
        guard !lines.isEmpty else { return ["nog geen waarde"] }
        let hidden = lines.count - shownValues
        let range = p.range.map { r in
            ["bereik \(file.text(r.low.range)) tot \(file.text(r.high.range))" + (r.source.map { " (bron: \($0.value))" } ?? "")]
        } ?? []
        return Array(lines.prefix(shownValues)) + (hidden > 0 ? ["en \(hidden) eerdere \(hidden == 1 ? "waarde" : "waarden")"] : []) + range
    }

    private static func validity(_ v: ValiditySyntax?) -> [String] {
        guard let v else { return [] }
        switch (v.from?.value, v.until?.value) {
        case let (f?, u?): return ["geldig vanaf \(f) tot \(u)"]
        case let (f?, nil): return ["geldig vanaf \(f)"]
        case let (nil, u?): return ["geldig tot \(u)"]
        default: return []
        }
    }

    // MARK: Built in

    /// The calendar facts and the functions of the language.
    static let builtins: [Symbol] = BuiltinFact.declarations.map { f in
        Symbol(name: f.name, kind: "ingebouwd gegeven", summary: "\(f.type) \(f.periodicity.dutch)", source: nil,
               details: [f.explanation], range: nil, declarationLine: nil, completionKind: .variable)
    } + Function.allCases.map { f in
        Symbol(name: f.rawValue, kind: "functie", summary: f.signature, source: nil, details: [], range: nil,
               declarationLine: nil, completionKind: .function)
    }
}
