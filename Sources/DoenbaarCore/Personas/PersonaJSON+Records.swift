/// The repeated lines (`opgave`) of a JSON persona: a list under the kind's
/// keyword, each an object with `maand`/`vanaf` or `van`/`tot_en_met`, the value as
/// `waarde`, the attribute and knowledge words as keys, and the period that earned
/// the line as `"bij": {"verblijf": "2025-03-03"}`.
extension JSONPersonaReader {
    func keys(of kind: PersonaRecordKind) -> [String] {
        var keys: [String]
        switch kind.shape {
        case .month: keys = ["maand", PersonaJSON.key("waarde", schema.fact(kind.fact).type)]
        case .from: keys = ["vanaf", PersonaJSON.key("waarde", schema.fact(kind.fact).type)]
        case .period: keys = ["van", "tot_en_met"]
        }
        // `bij` is read on every kind, so a kind no period earns gets the same diagnostic as in a .persona file.
        return keys + kind.attributes.map { PersonaJSON.key($0.word, schema.fact($0.fact).type) } + kind.knowledgeWords.map(\.rawValue)
            + [PersonaRecordKind.tieWord]
    }

    /// `"bij": {"verblijf": "2025-03-03"}`: the kind and first day of the period whose work earned the line.
    mutating func tie(_ value: JSONValue, _ kind: PersonaRecordKind) -> PeriodReference? {
        let earners = schema.earners(of: kind).map(\.keyword)
        if report(PersonaRules.untiable(kind.keyword, earners: earners, tieable: schema.tieable), at: value) { return nil }
        guard case .object(let members) = value.kind, members.count == 1, let member = members.first else {
            fail(value, "'\(PersonaRecordKind.tieWord)' moet een object met één veld zijn: de periode en haar eerste dag, zoals {\"\(earners[0])\": \"2025-03-03\"}", .typeMismatch)
            return nil
        }
        if report(PersonaRules.tieKind(member.key, of: kind.keyword, earners: earners), at: keyValue(member)) { return nil }
        return date(member.value, member.key).map { PeriodReference(kind: member.key, from: $0) }
    }

    /// Every line that names the period that earned it names one that is there, as in a `.persona` file.
    mutating func checkTies(_ lines: [Read<PersonaRecord>]) {
        let records = lines.map(\.element)
        for line in lines {
            guard case .object(let members) = line.value.kind, let written = members.first(where: { $0.key == PersonaRecordKind.tieWord }),
                  let (period, problem) = PersonaRules.tie(line.element, among: records, schema: schema) else { continue }
            report(problem, at: written.value, notes: period.map { [.init(range: range(lines[$0].value), message: "het \(records[$0].kind)")] } ?? [])
        }
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
            if let v = self.value(value, key, fact.type), !report(PersonaRules.awayAtHome(kind, fact.type, v), at: value) {
                record.attributes[fact.name] = v
            } else { complete = false }
        }
        if let value = f[PersonaRecordKind.tieWord] {
            if let earnedBy = tie(value, kind) { record.earnedBy = earnedBy } else { complete = false }
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
            var first: [PersonaRules.MonthSlot: JSONValue] = [:]
            for line in lines {
                let slot = PersonaRules.MonthSlot(line.element)
                if let earlier = first[slot] {
                    report(PersonaRules.duplicateMonth(kind.keyword, slot, earners: schema.earners(of: kind).map(\.keyword)), at: line.value,
                           notes: [.init(range: range(earlier), message: "eerste \(slot.text(kind.keyword))")])
                } else {
                    first[slot] = line.value
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
