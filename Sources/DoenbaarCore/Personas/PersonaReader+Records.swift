/// The repeated lines of a persona file that a regulation declares (`opgave`):
///
///     inkomen 2023-03 € 1200,00 gemeld 2023-04-05            (maand)
///     schatting vanaf 2023-01 € 800,00 bekend 2023-01-02     (vanaf)
///     verblijf 2023-05-02 tot en met 2023-07-15 reden familie land SD gemeld 2023-05-01   (periode)
///     inkomen 2025-03 € 800,00 bij verblijf 2025-03-03 gemeld 2025-04-02   (earned by that period)
///
/// After the value or the period come the attributes, the period that earned
/// the line, and what the agency knew when, in any order.
extension PersonaReader {
    mutating func readRecord(_ kind: PersonaRecordKind, _ keyword: SourceRange) {
        let before = parser.diagnostics.all.count
        defer { finish(before) }
        var record: PersonaRecord
        var anchor: SourceRange
        switch kind.shape {
        case .month:
            guard let month = parser.parseMonth(), let value = value(of: schema.fact(kind.fact).type, kind.title) else { return }
            record = PersonaRecord(kind: kind.keyword, shape: kind.shape, role: kind.role, reportable: kind.knowledgeWords.contains(.reported), from: month.value.first, through: month.value.last, value: value, knowledge: Knowledge())
            anchor = month.range
        case .from:
            guard parser.expectWord("vanaf"), let month = parser.parseMonth(),
                  let value = value(of: schema.fact(kind.fact).type, kind.title) else { return }
            record = PersonaRecord(kind: kind.keyword, shape: kind.shape, role: kind.role, reportable: kind.knowledgeWords.contains(.reported), from: month.value.first, through: month.value.first, value: value, knowledge: Knowledge())
            anchor = month.range
        case .period:
            guard let from = parser.parseDate(), parser.expectWord("tot"), parser.expectWord("en"), parser.expectWord("met"),
                  let through = parser.parseDate() else { return }
            guard !report(PersonaRules.periodDates(kind.keyword, from: from.value, through: through.value), at: through.range) else { return }
            record = PersonaRecord(kind: kind.keyword, shape: kind.shape, role: kind.role, reportable: kind.knowledgeWords.contains(.reported), from: from.value, through: through.value, knowledge: Knowledge())
            anchor = from.range
        }
        record.range = keyword.to(anchor)
        var tie: SourceRange?
        guard readDetails(kind, into: &record, tie: &tie) else { return }
        guard validate(record, of: kind, at: anchor) else { return }
        // The period it names may stand further down: checked once the file is read.
        if let tie, let count = persona?.records.count { ties.append((count, tie)) }
        persona?.records.append(record)
    }

    /// Attributes, the period that earned the line and knowledge words, in any order, each at most once.
    private mutating func readDetails(_ kind: PersonaRecordKind, into record: inout PersonaRecord, tie: inout SourceRange?) -> Bool {
        var seen = Set<String>()
        while let word = parser.current.word {
            if word == PersonaRecordKind.tieWord {
                guard seen.insert(word).inserted else {
                    parser.error(.duplicateClause, parser.current.range, "'\(word)' staat twee keer op deze regel")
                    return false
                }
                guard let (earnedBy, range) = readTie(kind) else { return false }
                record.earnedBy = earnedBy
                tie = range
                continue
            }
            let attribute = kind.attributes.first { $0.word == word }
            let knowledge = KnowledgeWord(rawValue: word).flatMap { kind.knowledgeWords.contains($0) ? $0 : nil }
            if attribute == nil, knowledge == nil, KnowledgeWord(rawValue: word) != nil {
                parser.error(.unknownClause, parser.current.range, "'\(word)' kan niet bij een regel '\(kind.keyword)'",
                             suggestion: "de uitvoerder kent een \(kind.keyword) via \(ValueFormatting.list(kind.knowledgeWords.map(\.rawValue)))")
                return false
            }
            guard attribute != nil || knowledge != nil else { break }
            let t = parser.advance()
            if !seen.insert(word).inserted {
                parser.error(.duplicateClause, t.range, "'\(word)' staat twee keer op deze regel")
                return false
            }
            if let attribute {
                let fact = schema.fact(attribute.fact)
                if attribute.isFlag { record.attributes[fact.name] = 1; continue }
                let at = parser.current.range
                guard let value = value(of: fact.type, attribute.word) else { return false }
                if report(PersonaRules.awayAtHome(kind, fact.type, value), at: at) { return false }
                record.attributes[fact.name] = value
                continue
            }
            if knowledge == .hidden { record.knowledge.registerHidden = true; continue }
            guard let d = parser.parseDate() else { return false }
            switch knowledge {
            case .reported?: record.knowledge.reported = d.value
            case .discovered?: record.knowledge.discovered = d.value
            case .established?: record.knowledge.established = d.value
            default: record.knowledge.register = d.value
            }
        }
        if record.knowledge.registerHidden, record.knowledge.register == nil {
            parser.error(.personaInvalid, parser.previousEnd, "'verborgen' zegt dat een register het gegeven had; geef ook 'polis DATUM'")
            return false
        }
        let missing = schema.requiredAttributes(of: kind).filter { record.attributes[schema.fact($0.fact).name] == nil }
        if let first = missing.first {
            parser.expected("'\(first.word)' (\(schema.fact(first.fact).explanation))")
            return false
        }
        if kind.shape == .from, record.knowledge.known == nil {
            parser.expected("wanneer de uitvoerder het wist (\(kind.knowledgeWords.map(\.rawValue).joined(separator: ", ")) DATUM)")
            return false
        }
        return true
    }

    /// `bij verblijf 2025-03-03`: the kind and first day of the period whose work
    /// earned the line, with where it was written.
    private mutating func readTie(_ kind: PersonaRecordKind) -> (PeriodReference, SourceRange)? {
        let word = parser.advance()
        let earners = schema.earners(of: kind).map(\.keyword)
        if report(PersonaRules.untiable(kind.keyword, earners: earners, tieable: schema.tieable), at: word.range) { return nil }
        guard let name = parser.parseName("de soort periode die het \(kind.keyword) opleverde, zoals \(earners[0])") else { return nil }
        if report(PersonaRules.tieKind(name.text, of: kind.keyword, earners: earners), at: name.range) { return nil }
        guard let start = parser.parseDate("de eerste dag van het \(name.text) (JJJJ-MM-DD)") else { return nil }
        return (PeriodReference(kind: name.text, from: start.value), word.range.to(start.range))
    }

    /// Every line that names the period that earned it names one that is there (checked after the whole file).
    mutating func validateTies() {
        guard let lines = persona?.records else { return }
        for (index, range) in ties {
            guard let (period, problem) = PersonaRules.tie(lines[index], among: lines, schema: schema) else { continue }
            let notes = period.map { [Diagnostic.Note(range: lines[$0].range, message: "het \(lines[$0].kind)")] } ?? []
            report(problem, at: range, notes: notes)
        }
    }

    /// What a line must satisfy among the lines before it.
    private mutating func validate(_ record: PersonaRecord, of kind: PersonaRecordKind, at anchor: SourceRange) -> Bool {
        let earlier = persona?.records ?? []
        switch kind.shape {
        case .month:
            if report(PersonaRules.knownBeforeMonth(kind.keyword, record.month, on: record.knowledge.known), at: anchor) { return false }
            let slot = PersonaRules.MonthSlot(record)
            if let first = monthLines[kind.keyword]?[slot] {
                report(PersonaRules.duplicateMonth(kind.keyword, slot, earners: schema.earners(of: kind).map(\.keyword)), at: anchor,
                       notes: [.init(range: first, message: "eerste \(slot.text(kind.keyword))")])
                return false
            }
            monthLines[kind.keyword, default: [:]][slot] = anchor
        case .from:
            if let last = earlier.last(where: { $0.kind == kind.keyword }),
               report(PersonaRules.estimatesRise(kind.keyword, record.month, after: last.month), at: anchor) { return false }
        case .period:
            if let (_, problem) = PersonaRules.overlap(kind.keyword, from: record.from, through: record.through, with: earlier) {
                report(problem, at: anchor)
                return false
            }
        }
        return true
    }
}
