/// The repeated lines (`opgave`) of a JSON persona: a list under the kind's
/// keyword, each an object with `maand`/`vanaf` or `van`/`tot_en_met`, the value as
/// `waarde`, and the attribute and knowledge words as keys.
extension JSONPersonaReader {
    func keys(of kind: PersonaRecordKind) -> [String] {
        var keys: [String]
        switch kind.shape {
        case .month: keys = ["maand", PersonaJSON.key("waarde", schema.fact(kind.fact).type)]
        case .from: keys = ["vanaf", PersonaJSON.key("waarde", schema.fact(kind.fact).type)]
        case .period: keys = ["van", "tot_en_met"]
        }
        return keys + kind.attributes.map { PersonaJSON.key($0.word, schema.fact($0.fact).type) } + kind.knowledgeWords.map(\.rawValue)
    }

    mutating func record(_ kind: PersonaRecordKind, _ f: Fields) -> PersonaRecord? {
        var record: PersonaRecord
        let valueKey = PersonaJSON.key("waarde", schema.fact(kind.fact).type)
        switch kind.shape {
        case .month, .from:
            let monthKey = kind.shape == .month ? "maand" : "vanaf"
            let month = required(f, monthKey).flatMap { self.month($0, monthKey) }
            let value = required(f, valueKey).flatMap { self.value($0, valueKey, schema.fact(kind.fact).type) }
            guard let month, let value else { return nil }
            record = PersonaRecord(kind: kind.keyword, shape: kind.shape, role: kind.role, reportable: kind.knowledgeWords.contains(.reported), from: month.first, through: kind.shape == .month ? month.last : month.first,
                                   value: value, knowledge: Knowledge())
        case .period:
            let from = required(f, "van").flatMap { date($0, "van") }
            let through = required(f, "tot_en_met").flatMap { date($0, "tot_en_met") }
            guard let from, let through else { return nil }
            record = PersonaRecord(kind: kind.keyword, shape: kind.shape, role: kind.role, reportable: kind.knowledgeWords.contains(.reported), from: from, through: through, knowledge: Knowledge())
        }
        record.range = range(f.object)
        var complete = true
        for a in kind.attributes {
            let fact = schema.fact(a.fact), key = PersonaJSON.key(a.word, fact.type)
            if a.isFlag {
                if let v = f[key].flatMap({ bool($0, key) }), v { record.attributes[fact.name] = 1 }
                continue
            }
            guard let value = required(f, key) else { complete = false; continue }
            if let v = self.value(value, key, fact.type) { record.attributes[fact.name] = v } else { complete = false }
        }
        if kind.shape == .period, let value = f["tot_en_met"],
           report(PersonaRules.periodDates(kind.keyword, from: record.from, through: record.through), at: value) { complete = false }
        for word in kind.knowledgeWords {
            guard let value = f[word.rawValue] else { continue }
            if word == .hidden { record.knowledge.registerHidden = bool(value, word.rawValue) ?? false; continue }
            let d = date(value, word.rawValue)
            switch word {
            case .reported: record.knowledge.reported = d
            case .discovered: record.knowledge.discovered = d
            case .established: record.knowledge.established = d
            default: record.knowledge.register = d
            }
        }
        if kind.shape == .from, record.knowledge.known == nil {
            fail(f.object, "een regel '\(kind.keyword)' zegt wanneer de uitvoerder het wist (\(kind.knowledgeWords.map(\.rawValue).joined(separator: ", ")))", .missingClause)
            return nil
        }
        if kind.shape == .month, let written = f["gemeld"] ?? f["polis"] {
            report(PersonaRules.knownBeforeMonth(kind.keyword, record.month, on: record.knowledge.known), at: written)
        }
        return complete ? record : nil
    }

    /// Month lines once per month, `vanaf` lines rising by month, periods apart: as in a `.persona` file.
    mutating func checkOrder(_ lines: [Read<PersonaRecord>], _ kind: PersonaRecordKind, before: [PersonaRecord]) {
        switch kind.shape {
        case .month:
            var first: [YearMonth: JSONValue] = [:]
            for line in lines {
                let month = line.element.month
                if let earlier = first[month] {
                    report(PersonaRules.duplicateMonth(kind.keyword, month), at: line.value,
                           notes: [.init(range: range(earlier), message: "eerste \(kind.keyword) over \(month)")])
                } else {
                    first[month] = line.value
                }
            }
        case .from:
            for (earlier, later) in zip(lines, lines.dropFirst()) {
                report(PersonaRules.estimatesRise(kind.keyword, later.element.month, after: earlier.element.month), at: later.value)
            }
        case .period:
            for (i, line) in lines.enumerated() {
                if let (other, problem) = PersonaRules.overlap(kind.keyword, from: line.element.from, through: line.element.through,
                                                               with: lines[..<i].map(\.element)) {
                    report(problem, at: line.value, notes: [.init(range: range(lines[other].value), message: "het andere \(kind.keyword)")])
                }
            }
        }
    }
}
