/// The facts a rule set declares (`gegeven`) and the persona lines that fill
/// them (`onderdeel`, `opgave`). A fact is filled by one persona line at most.
extension Checker {
    /// Words of a persona file that belong to the framework, not to a regulation.
    static let personaKeywords = ["persona", "gebeurtenis", "verwacht"]
    /// Lines of the persona header that every persona has.
    static let headerClauses = ["geboren", "gewicht", "doenvermogen", "periode"]

    mutating func declareFact(_ s: FactSyntax, _ regulation: String) {
        guard reserveName(s.name, "gegeven"), let type = resolveType(s.type) else { return }
        let periodicity: Periodicity = s.period.map { Periodicity($0.value) } ?? .constant
        var fact = FactDeclaration(name: s.name.text, type: type, periodicity: periodicity,
                                   explanation: s.explanation?.value ?? s.name.text.replacingOccurrences(of: "_", with: " "),
                                   provenance: provenance(s.source, regulation, s.name))
        fact.label = s.label?.value
        for channel in s.channels {
            if FactSyntax.channels.contains(channel.text) { fact.channels.append(channel.text) } else {
                unknownWord(channel, "manier van bekend worden", among: FactSyntax.channels)
            }
        }
        if let role = s.role {
            if let r = FactRole(rawValue: role.text) { fact.role = r } else { unknownWord(role, "rol", among: FactRole.allCases.map(\.rawValue)) }
            if fact.role == .choice, type != .bool || periodicity != .constant {
                diagnostics.error(.typeMismatch, role.range, "een keuze is een vast gegeven van type ja/nee",
                                  suggestion: "declareer het als 'gegeven \(s.name.text): ja/nee' (zonder 'per'), of laat 'rol keuze' weg")
            }
        }
        fact.isProtected = s.protected != nil
        if !s.events.isEmpty {
            if type != .date || periodicity != .day {
                diagnostics.error(.typeMismatch, s.events[0].range, "een gegeven uit gebeurtenissen is een datum per dag: de laatste gebeurtenis tot die dag",
                                  suggestion: "declareer het als 'gegeven \(s.name.text): datum per dag'")
            }
            let kinds = LifeEvent.kinds(in: model)
            for k in s.events {
                if kinds.contains(k.text) { fact.events.append(k.text) } else { unknownWord(k, "gebeurtenis", among: kinds) }
            }
        }
        symbols[s.name.text] = .fact(model.facts.count, type, periodicity)
        model.facts.append(fact)
    }

    /// Defaults read only facts and parameters, so no fact depends on a rule.
    mutating func checkFactDefaults(_ facts: [Tagged<FactSyntax>]) {
        for (s, _) in facts {
            guard let body = s.defaultValue, let index = model.fact(named: s.name.text),
                  model.facts[index].provenance?.range == s.name.range else { continue }
            let fact = model.facts[index]
            let context = ExpressionChecker.Context(periodicity: fact.periodicity == .constant ? .month : fact.periodicity)
            guard let typed = expect(expression(body, context), fact.type, body.range, "de standaardwaarde van '\(fact.name)'") else { continue }
            var readsOnlyFacts = true
            for reference in typed.references {
                switch reference {
                case .fact(let f) where fact.periodicity == .constant && model.facts[f].periodicity != .constant:
                    diagnostics.error(.periodMismatch, body.range,
                                      "de standaardwaarde van vast gegeven '\(fact.name)' leest '\(model.facts[f].name)', dat niet vast is")
                    readsOnlyFacts = false
                case .value, .benefit:
                    diagnostics.error(.typeMismatch, body.range,
                                      "een standaardwaarde kan alleen gegevens, parameters en vaste waarden gebruiken, geen definities of regels",
                                      suggestion: "lees in de standaardwaarde alleen gegevens en parameters; een berekening met definities hoort in de definitie die dit gegeven gebruikt")
                    readsOnlyFacts = false
                default: break
                }
            }
            if readsOnlyFacts { model.facts[index].defaultValue = typed }
        }
        // A default that comes back to its own fact never ends.
        for start in model.facts.indices where model.facts[start].defaultValue != nil {
            var stack = [start], seen = Set<Int>()
            while let f = stack.popLast() {
                for case .fact(let next) in model.facts[f].defaultValue?.references ?? [] {
                    if next == start, let range = model.facts[start].provenance?.range {
                        diagnostics.error(.cycle, range, "de standaardwaarde van '\(model.facts[start].name)' hangt van zichzelf af")
                        model.facts[start].defaultValue = nil
                        stack = []
                        break
                    }
                    if seen.insert(next).inserted { stack.append(next) }
                }
            }
        }
    }

    mutating func declareSection(_ s: SectionSyntax, _ regulation: String) {
        let isHeader = s.keyword.text == PersonaSection.header
        var presence: Int?
        if let p = s.presence, let f = personaFact(p, filledBy: s.keyword, periodicity: .constant) {
            if model.facts[f].type == .bool { presence = f } else { wrongType(p, "ja/nee") }
        }
        var fields: [PersonaSection.Field] = [], words: [String: SourceRange] = [:]
        for field in s.fields {
            if let earlier = words[field.word.text] {
                diagnostics.add(Diagnostic(.duplicateName, at: field.word.range, "veld '\(field.word.text)' staat twee keer in onderdeel '\(s.keyword.text)'",
                                           notes: [.init(range: earlier, message: "eerste veld '\(field.word.text)'")]))
                continue
            }
            words[field.word.text] = field.word.range
            if isHeader && Checker.headerClauses.contains(field.word.text) {
                diagnostics.error(.reservedName, field.word.range, "'\(field.word.text)' is al een regel van elke persona")
                continue
            }
            guard let f = personaFact(field.fact, filledBy: s.keyword, periodicity: .constant) else { continue }
            var unit: [Token.Kind] = []
            if let text = field.unit {
                let (tokens, lexed) = Lexer.tokenize(SourceFile(path: "", text: text.value), fileID: 0)
                unit = tokens.map(\.kind).filter { $0 != .end && $0 != .newline }
                if lexed.hasErrors || unit.isEmpty || unit.contains(.invalid) {
                    diagnostics.error(.expected, text.range, "de woorden na de waarde zijn geen gewone woorden of getallen")
                    continue
                }
            }
            fields.append(.init(word: field.word.text, fact: f, unit: unit, unitText: field.unit?.value))
        }
        var caseload: Int?
        if let c = s.caseload {
            if let index = model.parameter(named: c.text), model.parameters[index].type == .number {
                caseload = index
            } else {
                let hint = Suggestions.closest(to: c.text, in: model.parameters.filter { $0.type == .number }.map(\.name))
                diagnostics.error(.unknownName, c.range, "'\(c.text)' is geen parameter van type getal",
                                  suggestion: hint == nil ? "declareer het aantal als 'parameter \(c.text): getal'" : nil,
                                  fixIts: FixIt.didYouMean(c.range, hint))
            }
        }
        model.sections.append(PersonaSection(keyword: s.keyword.text, title: s.title?.value ?? s.keyword.text,
                                             provenance: provenance(s.source, regulation, s.keyword), presence: presence, fields: fields,
                                             caseload: caseload))
    }

    mutating func declareRecord(_ s: RecordSyntax, _ regulation: String) {
        guard let (kindText, factName) = s.shape, let shape = PersonaRecordKind.Shape(rawValue: kindText.value) else { return }
        let dayOrMonth: Periodicity = shape == .period ? .day : .month
        guard let fact = personaFact(factName, filledBy: s.keyword, periodicity: dayOrMonth) else { return }
        if shape == .period, model.facts[fact].type != .bool { wrongType(factName, "ja/nee per dag (ja op de dagen van de periode)") }
        var start: Int?
        if let name = s.start {
            if shape != .period {
                diagnostics.error(.unknownClause, name.range, "'begin' hoort bij een opgave met een periode")
            } else if let f = personaFact(name, filledBy: s.keyword, periodicity: .day) {
                if model.facts[f].type == .date { start = f } else { wrongType(name, "datum per dag") }
            }
        }
        var attributes: [PersonaRecordKind.Attribute] = []
        for a in s.attributes {
            if shape == .from {
                diagnostics.error(.unknownClause, a.range, "een opgave 'vanaf' heeft geen kenmerken")
                continue
            }
            if attributes.contains(where: { $0.word == a.word.text }) || KnowledgeWord(rawValue: a.word.text) != nil
                || a.word.text == PersonaRecordKind.tieWord {
                diagnostics.error(.duplicateName, a.word.range, "'\(a.word.text)' is al een woord van opgave '\(s.keyword.text)'")
                continue
            }
            guard let f = personaFact(a.fact, filledBy: s.keyword, periodicity: dayOrMonth) else { continue }
            if a.isFlag, model.facts[f].type != .bool { wrongType(a.fact, "ja/nee"); continue }
            attributes.append(.init(word: a.word.text, fact: f, isFlag: a.isFlag))
        }
        var words: [KnowledgeWord] = []
        for w in s.knowledgeWords {
            if let k = KnowledgeWord(rawValue: w.text) { words.append(k) } else {
                unknownWord(w, "soort kennis", among: KnowledgeWord.allCases.map(\.rawValue))
            }
        }
        if s.knowledgeWords.isEmpty { words = KnowledgeWord.allCases }
        var knowledge = PersonaRecordKind.KnowledgeFacts()
        for (kind, name) in s.knowledgeFacts {
            let isDays = kind.value == "dagen_vooraf"
            if isDays && shape != .period {
                diagnostics.error(.unknownClause, kind.range, "'dagen_vooraf' hoort bij een opgave met een periode")
                continue
            }
            guard let f = personaFact(name, filledBy: s.keyword, periodicity: dayOrMonth) else { continue }
            guard model.facts[f].type == (isDays ? .days : .bool) else { wrongType(name, isDays ? "dagen" : "ja/nee"); continue }
            switch kind.value {
            case "bekend": knowledge.known = f
            case "gemeld": knowledge.reported = f
            case "register": knowledge.register = f
            default: knowledge.daysAhead = f
            }
        }
        let alternative = s.alternative.flatMap { attributeValue($0.word, $0.value, in: attributes) }
        let activity = s.activity.flatMap { attributeValue($0.word, $0.value, in: attributes) }
        var role: RecordRole?
        if let r = s.role {
            role = RecordRole(rawValue: r.text)
            if role == nil { unknownWord(r, "rol", among: RecordRole.allCases.map(\.rawValue)) }
        }
        model.records.append(PersonaRecordKind(keyword: s.keyword.text, title: s.title?.value ?? s.keyword.text,
                                               provenance: provenance(s.source, regulation, s.keyword), shape: shape, fact: fact,
                                               start: start, attributes: attributes, knowledgeWords: words,
                                               knowledgeFacts: knowledge, alternative: alternative, activity: activity, role: role))
    }

    /// `keuze` or `activiteit`: a value of one of the line's enumeration attributes.
    private mutating func attributeValue(_ word: Name, _ value: Name, in attributes: [PersonaRecordKind.Attribute]) -> (attribute: Int, value: Int64)? {
        guard let a = attributes.firstIndex(where: { $0.word == word.text && !$0.isFlag }) else {
            unknownWord(word, "kenmerk", among: attributes.filter { !$0.isFlag }.map(\.word))
            return nil
        }
        guard case .enumeration(let e) = model.facts[attributes[a].fact].type,
              let ordinal = model.enumerations.first(where: { $0.name == e })?.cases.firstIndex(of: value.text) else {
            diagnostics.error(.unknownName, value.range, "'\(value.text)' is geen waarde van kenmerk '\(word.text)'",
                              suggestion: "dit geldt voor een kenmerk dat een opsomming is")
            return nil
        }
        return (a, Int64(ordinal))
    }

    /// Section and record keywords start lines of a persona file, so they must
    /// differ; only the header (`onderdeel persona`) may be extended by several regulations.
    mutating func checkPersonaKeywords() {
        var seen: [String: SourceRange] = [:]
        let all = model.sections.map { ($0.keyword, $0.provenance.range, true) } + model.records.map { ($0.keyword, $0.provenance.range, false) }
        for (keyword, range, isSection) in all {
            if Checker.personaKeywords.contains(keyword) && !(isSection && keyword == PersonaSection.header) {
                diagnostics.error(.reservedName, range, "'\(keyword)' is al een woord van elk persona-bestand")
            } else if let earlier = seen[keyword], keyword != PersonaSection.header {
                diagnostics.add(Diagnostic(.duplicateName, at: range, "'\(keyword)' begint al een regel van het persona-bestand",
                                           notes: [.init(range: earlier, message: "eerste '\(keyword)'")]))
            } else {
                seen[keyword] = range
            }
        }
    }

    /// A declared fact that one persona line fills, with the periodicity it must have.
    private mutating func personaFact(_ name: Name, filledBy owner: Name, periodicity: Periodicity) -> Int? {
        guard let index = model.fact(named: name.text) else {
            let declared = model.facts.filter { $0.builtin == nil }.map(\.name)
            let hint = Suggestions.closest(to: name.text, in: declared)
            diagnostics.error(.unknownName, name.range, "onbekend gegeven '\(name.text)'",
                              suggestion: hint == nil ? "declareer het met 'gegeven \(name.text): TYPE'" : nil,
                              fixIts: FixIt.didYouMean(name.range, hint))
            return nil
        }
        let fact = model.facts[index]
        if fact.builtin != nil {
            diagnostics.error(.reservedName, name.range, "'\(name.text)' volgt uit de kalender; een persona vult het niet")
            return nil
        }
        if fact.periodicity != periodicity {
            func kind(_ p: Periodicity) -> String { p == .constant ? "een vast gegeven (één waarde per persoon)" : "een gegeven \(p.dutch)" }
            let ownerKind = periodicity == .constant ? "onderdeel" : "opgave"
            diagnostics.error(.periodMismatch, name.range,
                              "'\(name.text)' is \(kind(fact.periodicity)), maar \(ownerKind) '\(owner.text)' vult \(kind(periodicity))",
                              suggestion: periodicity == .constant ? "vul een gegeven per dag of per maand met een opgave (maand, vanaf of periode)"
                                  : "declareer het gegeven \(periodicity.dutch), of vul een vast gegeven met een veld van een onderdeel")
            return nil
        }
        if let earlier = filledAt[index] {
            diagnostics.add(Diagnostic(.duplicateName, at: name.range, "'\(name.text)' wordt al door een andere regel van de persona gevuld",
                                       notes: [.init(range: earlier, message: "hier al gevuld")]))
            return nil
        }
        filledAt[index] = name.range
        return index
    }

    private mutating func wrongType(_ name: Name, _ expected: String) {
        let fact = model.fact(named: name.text).map { model.facts[$0] }
        diagnostics.error(.typeMismatch, name.range, "'\(name.text)' moet \(expected) zijn, maar is \(fact.map { "\($0.type)" } ?? "onbekend")",
                          suggestion: "kies een gegeven van dat type, of verander de declaratie van '\(name.text)'",
                          notes: fact.flatMap { f in f.provenance.map { [.init(range: $0.range, message: "'\(name.text)' is hier gedeclareerd als \(f.type)")] } } ?? [])
    }

    private mutating func unknownWord(_ word: Name, _ what: String, among names: [String]) {
        let hint = Suggestions.closest(to: word.text, in: names)
        diagnostics.error(.unknownName, word.range, "onbekende \(what) '\(word.text)'",
                          suggestion: hint == nil ? "kies uit \(names.joined(separator: ", "))" : nil,
                          fixIts: FixIt.didYouMean(word.range, hint))
    }
}
