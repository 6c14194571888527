/// What a persona file may contain under a rule set: the framework's own
/// lines (header, `gebeurtenis`, `verwacht`) and the blocks and repeated
/// lines the rule files declare. Both persona readers read through it.
public struct PersonaSchema: Sendable {
    public let ruleSet: RuleSet
    /// The words that start a line of a persona file, in the order a diagnostic lists them.
    public let keywords: [String]
    /// The blocks other than the header.
    public let sections: [PersonaSection]
    /// The lines regulations add to the persona header, from every `onderdeel persona`.
    public let header: PersonaSection?
    /// The kinds of life events the rules declare (see `LifeEvent.kinds`).
    public let eventKinds: [String]

    /// Worked out once per rule set, not per line read.
    public init(_ ruleSet: RuleSet) {
        self.ruleSet = ruleSet
        sections = ruleSet.sections.filter { $0.keyword != PersonaSection.header }
        keywords = ["persona"] + sections.map(\.keyword) + ruleSet.records.map(\.keyword) + ["gebeurtenis", "verwacht"]
        let parts = ruleSet.sections.filter { $0.keyword == PersonaSection.header }
        header = parts.first.map { first in
            PersonaSection(keyword: first.keyword, title: first.title, provenance: first.provenance, presence: nil, fields: parts.flatMap(\.fields))
        }
        eventKinds = LifeEvent.kinds(in: ruleSet)
    }

    public func section(_ keyword: String) -> PersonaSection? { sections.first { $0.keyword == keyword } }
    public func record(_ keyword: String) -> PersonaRecordKind? { ruleSet.records.first { $0.keyword == keyword } }
    public func fact(_ index: Int) -> FactDeclaration { ruleSet.facts[index] }
    public func enumeration(_ name: String) -> Enumeration? { ruleSet.enumerations.first { $0.name == name } }

    /// Fields of a block whose fact has no default: the persona must give them.
    public func requiredFields(of section: PersonaSection) -> [PersonaSection.Field] {
        section.fields.filter { ruleSet.facts[$0.fact].defaultValue == nil }
    }

    /// Attributes a repeated line must give: all but the flags. (A fact's
    /// default is its value on days or months without a line.)
    public func requiredAttributes(of record: PersonaRecordKind) -> [PersonaRecordKind.Attribute] {
        record.attributes.filter { !$0.isFlag }
    }

    /// The kinds of period whose paid work earns lines of this kind (`verdient`):
    /// what a line of this kind may name after `bij`.
    public func earners(of kind: PersonaRecordKind) -> [PersonaRecordKind] {
        guard let index = ruleSet.record(named: kind.keyword) else { return [] }
        return ruleSet.records.filter { $0.earns == index }
    }

    /// The kinds of line that can name the period that earned them, each with the first kind of period that can.
    public var tieable: [(kind: String, earner: String)] {
        ruleSet.records.compactMap { kind in earners(of: kind).first.map { (kind.keyword, $0.keyword) } }
    }

    /// How a persona line marks a period of this kind as paid work: "reden werk".
    public func activityText(of kind: PersonaRecordKind) -> String? {
        guard let (a, value) = kind.activity, case .enumeration(let e) = fact(kind.attributes[a].fact).type,
              let cases = enumeration(e)?.cases, cases.indices.contains(Int(value)) else { return nil }
        return "\(kind.attributes[a].word) \(cases[Int(value)])"
    }

    /// The word a block's field gives a fact by, for diagnostics.
    public func fieldWord(of fact: String) -> String? {
        ruleSet.fact(named: fact).flatMap { ruleSet.field(filling: $0)?.field.word }
    }

    /// How a value of this type is written in a persona file, for diagnostics.
    public func example(_ type: ValueType) -> String {
        switch type {
        case .money: return "een bedrag, bijvoorbeeld € 1200,00"
        case .number: return "een getal"
        case .percentage: return "een percentage, bijvoorbeeld 50%"
        case .days: return "een aantal dagen"
        case .months: return "een aantal maanden"
        case .date: return "een datum (JJJJ-MM-DD)"
        case .bool: return "'ja' of 'nee'"
        case .enumeration(let e): return "een van: \(enumeration(e)?.cases.joined(separator: ", ") ?? e)"
        case .country: return "een landcode (ISO 3166, bijvoorbeeld ES)"
        }
    }
}
