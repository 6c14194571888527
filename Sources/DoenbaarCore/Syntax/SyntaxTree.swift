/// The syntax tree of a rule file, exactly as written. Every node carries its
/// source range; nothing here is checked yet (see Semantics/Checker).

public struct Name: Sendable, Hashable {
    public let text: String
    public let range: SourceRange
    public init(_ text: String, _ range: SourceRange) {
        self.text = text
        self.range = range
    }
}

public struct Located<T: Sendable & Hashable>: Sendable, Hashable {
    public let value: T
    public let range: SourceRange
    public init(_ value: T, _ range: SourceRange) {
        self.value = value
        self.range = range
    }
}

public struct Expr: Sendable, Hashable {
    public indirect enum Kind: Sendable, Hashable {
        case literal(Literal)
        case name(String)
        case unary(UnaryOperator, Expr)
        case binary(BinaryOperator, Expr, Expr)
        case call(Name, [Expr])
        case conditional(Expr, Expr, Expr)
        /// Stands in for an expression that failed to parse (already diagnosed).
        case invalid
    }
    public let kind: Kind
    public let range: SourceRange
    /// Levels of nodes from here down to the deepest leaf. Every pass over the
    /// tree (checker, planner, hashing) recurses once per level, so the parser
    /// refuses trees taller than `Parser.maximumHeight`.
    public let height: Int

    public init(_ kind: Kind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
        switch kind {
        case .literal, .name, .invalid: height = 1
        case .unary(_, let operand): height = operand.height + 1
        case .binary(_, let left, let right): height = max(left.height, right.height) + 1
        case .call(_, let arguments): height = (arguments.map(\.height).max() ?? 0) + 1
        case .conditional(let c, let a, let b): height = max(c.height, a.height, b.height) + 1
        }
    }
}

public enum Literal: Sendable, Hashable {
    case number(Fixed)
    case money(Fixed)
    case percentage(Fixed)   // stored as a fraction: 75% is 0,75
    case days(Fixed)
    case months(Int)
    case date(CivilDate)
    case bool(Bool)
    case text(String)        // "TR": only country codes have a meaning in a calculation
}

public enum UnaryOperator: String, Sendable, Hashable {
    case negate = "-"
    case not = "niet"
}

public enum BinaryOperator: String, Sendable, Hashable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"
    case equal = "=", notEqual = "<>", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case and = "en", or = "of"
}

public enum PeriodKind: String, Sendable, Hashable, Codable {
    case day = "dag"
    case month = "maand"
}

/// A validity window: `geldig vanaf 2023-02-14 tot 2023-07-01` (end exclusive),
/// or the same window as `geldig vanaf 2023-02-14 tot en met 2023-06-30`.
public struct ValiditySyntax: Sendable, Hashable {
    public let from: Located<CivilDate>?
    /// The first day it no longer holds.
    public let until: Located<CivilDate>?
    /// The last day it holds, where written `tot en met` (then `until` is the day after).
    public var through: Located<CivilDate>? = nil
    public let range: SourceRange
}

public struct TypeSyntax: Sendable, Hashable {
    public let name: String      // bedrag, getal, percentage, dagen, datum, ja/nee, or an enumeration
    public let range: SourceRange
}

public struct RegulationSyntax: Sendable, Hashable {
    public let abbreviation: Name
    public let title: Located<String>?
    public let source: Located<String>?
    public let range: SourceRange
}

public struct EnumerationSyntax: Sendable, Hashable {
    public let name: Name
    public let cases: [Name]
    public let source: Located<String>?
    /// The plain Dutch label after the name (`"Inkomen doorgeven (WW)"`): what reports call it.
    public var label: Located<String>? = nil
}

public struct BenefitSyntax: Sendable, Hashable {
    public let name: Name
    public let title: Located<String>?
    public let source: Located<String>?
    /// `beslist 10 dagen na de maand`: when the agency decides a month's payment.
    public var decisionLag: Located<Int>? = nil
}

public struct ParameterValueSyntax: Sendable, Hashable {
    public let from: Located<CivilDate>
    public let value: Expr
    public let source: Located<String>?
}

public struct ParameterSyntax: Sendable, Hashable {
    public let name: Name
    public let type: TypeSyntax?
    public let source: Located<String>?
    public let values: [ParameterValueSyntax]
    /// The plain Dutch label after the name (`"Inkomen doorgeven (WW)"`): what reports call it.
    public var label: Located<String>? = nil
    /// `bereik LAAG tot HOOG`: the plausible values of an assumption, for the sensitivity of estimates.
    public var range: ParameterRangeSyntax? = nil
}

/// `bereik 10% tot 30%  bron "..."`: the lowest and highest plausible value of a parameter.
public struct ParameterRangeSyntax: Sendable, Hashable {
    /// The word `bereik`.
    public let keyword: SourceRange
    public let low: Expr
    public let high: Expr
    public let source: Located<String>?
}

public struct DefinitionSyntax: Sendable, Hashable {
    public let name: Name
    public let type: TypeSyntax?
    public let period: Located<PeriodKind>?
    public let source: Located<String>?
    public let rounding: Located<Rounding>?
    public let body: Expr?
    /// The plain Dutch label after the name (`"Inkomen doorgeven (WW)"`): what reports call it.
    public var label: Located<String>? = nil
}

public struct RuleSyntax: Sendable, Hashable {
    public enum Effect: Sendable, Hashable {
        case payment        // `uitkomst ZW`: the gross amount of a benefit
        case deduction      // `korting op ZW`: subtracted from that benefit
    }
    public let name: Name
    public let effect: Effect?
    public let benefit: Name?
    public let period: Located<PeriodKind>?
    public let source: Located<String>?
    public let validity: ValiditySyntax?
    public let condition: Expr?
    public let rounding: Located<Rounding>?
    public let body: Expr?
    /// The plain Dutch label after the name (`"Inkomen doorgeven (WW)"`): what reports call it.
    public var label: Located<String>? = nil
}

public struct ExceptionSyntax: Sendable, Hashable {
    public let name: Name
    public let target: Name?
    public let source: Located<String>?
    public let validity: ValiditySyntax?
    public let condition: Expr?
    public let body: Expr?
    /// Made by the ReformLoader: a reform's version of a declaration from its
    /// start date. It yields to every exception the drafters wrote.
    public var isReformVersion = false
    /// The plain Dutch label after the name (`"Inkomen doorgeven (WW)"`): what reports call it.
    public var label: Located<String>? = nil
}

public struct DeadlineSyntax: Sendable, Hashable {
    public let amount: Int
    public let unit: PeriodKind
    public let before: Bool          // vooraf (before the event) or achteraf (after)
    public let range: SourceRange
}

public struct ConsequenceSyntax: Sendable, Hashable {
    public let kind: Name            // boete, verlaging, terugvordering, geen_uitkering
    public let amount: Expr?         // the fine, for `boete`; with a share: the fine without detriment
    /// `boete 50% van benadeling, zonder benadeling € 150,00`: the share of the detriment.
    public var detrimentShare: Expr? = nil
    public let range: SourceRange
}

public struct ObligationSyntax: Sendable, Hashable {
    public let name: Name
    public let source: Located<String>?
    public let period: Located<PeriodKind>?
    public let applies: Expr?
    public let fulfilled: Expr?
    public let deadline: DeadlineSyntax?
    public let demands: [Name]
    public let steps: Located<Int>?
    public let channel: Name?
    public let consequences: [ConsequenceSyntax]
    /// `melding verblijf|inkomen`: what the person reports to meet it.
    public var report: Name? = nil
    /// Set by the ReformLoader for a reform with a start date, never written by
    /// a drafter: the dates this version holds (the baseline's before the
    /// start, the reform's from it).
    public var window: ValiditySyntax? = nil
    /// The plain Dutch label after the name (`"Inkomen doorgeven (WW)"`): what reports call it.
    public var label: Located<String>? = nil
}

public struct DiscretionSyntax: Sendable, Hashable {
    public let name: Name
    public let source: Located<String>?
    public let rules: [Name]
    public let text: Located<String>?
    /// `soort maatwerk|beleidsregel`: the rung of the solution ladder it offers.
    public var kind: Name? = nil
    /// `geldt als EXPR`: the months in which it can be used (a ja/nee per maand).
    public var scope: Expr? = nil
    /// Set by the ReformLoader for a reform with a start date, never written by
    /// a drafter: the dates this version holds (the baseline's before the
    /// start, the reform's from it).
    public var window: ValiditySyntax? = nil
    /// The plain Dutch label after the name (`"Inkomen doorgeven (WW)"`): what reports call it.
    public var label: Located<String>? = nil
}

public struct IntentSyntax: Sendable, Hashable {
    public let name: Name
    public let source: Located<String>?
    public let text: Located<String>?
    public let period: Located<PeriodKind>?
    public let condition: Expr?      // `geldt als`: months in which the intent is tested
    public let requirement: Expr?    // `eis`: what must hold
    /// Set by the ReformLoader for a reform with a start date, never written by
    /// a drafter: the dates this version holds (the baseline's before the
    /// start, the reform's from it).
    public var window: ValiditySyntax? = nil
    /// The plain Dutch label after the name (`"Inkomen doorgeven (WW)"`): what reports call it.
    public var label: Located<String>? = nil
}

/// `invoer dagloon_ww: bedrag [per maand]`: a value a batch of persons supplies
/// directly (one per person, or one per person per month), not a persona fact.
public struct InputSyntax: Sendable, Hashable {
    public let name: Name
    public let type: TypeSyntax?
    /// nil: one value per person; `per maand`: one per person per month.
    public let period: Located<PeriodKind>?
    public let source: Located<String>?
    /// The plain Dutch label after the name (`"Inkomen doorgeven (WW)"`): what reports call it.
    public var label: Located<String>? = nil
}

/// `gegeven NAAM: TYPE [per dag|per maand]`: a fact about a person that rules
/// read and persona files supply.
public struct FactSyntax: Sendable, Hashable {
    public let name: Name
    public let type: TypeSyntax?
    /// nil: one value per person.
    public let period: Located<PeriodKind>?
    public var source: Located<String>? = nil
    public var explanation: Located<String>? = nil
    /// `bekend via melding, register`: how the agency comes to know it.
    public var channels: [Name] = []
    /// `standaard = EXPR`: the value when the persona does not give one.
    public var defaultValue: Expr? = nil
    /// `beschermd`: a protected attribute (nationality and the like).
    public var protected: SourceRange? = nil
    /// `rol ROL`: what the analysis may do with the fact.
    public var role: Name? = nil
    /// `uit gebeurtenis SOORT, ...`: a date per day, the latest life event of
    /// these kinds on or before the day (what happened, not how it was reported).
    public var events: [Name] = []
    /// The plain Dutch label after the name (`"Inkomen doorgeven (WW)"`): what reports call it.
    public var label: Located<String>? = nil

    public static let channels = ["melding", "register", "ontdekking", "uitvoerder"]
}

/// `veld WOORD GEGEVEN ["eenheid"]`: one line of a persona section.
public struct FieldSyntax: Sendable, Hashable {
    public let word: Name
    public let fact: Name
    /// Words written after the value, e.g. "jaar" or "voor 2016".
    public let unit: Located<String>?
    public let range: SourceRange
}

/// `onderdeel WOORD "titel"`: a block of a persona file and the facts it fills.
public struct SectionSyntax: Sendable, Hashable {
    public let keyword: Name
    public var title: Located<String>? = nil
    public var source: Located<String>? = nil
    public var presence: Name? = nil
    public var fields: [FieldSyntax] = []
    /// `bestand PARAMETER`: how many people have this block (a caseload), for population estimates.
    public var caseload: Name? = nil
}

/// `kenmerk WOORD GEGEVEN` or `vlag WOORD GEGEVEN` of a repeated persona line.
public struct AttributeSyntax: Sendable, Hashable {
    public let word: Name
    public let fact: Name
    /// A flag is a word alone (`pd_u2`); its fact is ja when written.
    public let isFlag: Bool
    public let range: SourceRange
}

/// `opgave WOORD "titel"`: a kind of line a persona file repeats.
public struct RecordSyntax: Sendable, Hashable {
    public let keyword: Name
    public var title: Located<String>? = nil
    public var source: Located<String>? = nil
    /// `maand|vanaf|periode GEGEVEN`.
    public var shape: (kind: Located<String>, fact: Name)? = nil
    public var start: Name? = nil
    public var attributes: [AttributeSyntax] = []
    public var knowledgeWords: [Name] = []
    /// `bekend|gemeld|register|dagen_vooraf GEGEVEN`: facts about what the agency knew.
    public var knowledgeFacts: [(kind: Located<String>, fact: Name)] = []
    /// `keuze WOORD WAARDE`: what the person could have reported instead.
    public var alternative: (word: Name, value: Name)? = nil
    /// `activiteit WOORD WAARDE`: a period with this value is paid work (income comes with it).
    public var activity: (word: Name, value: Name)? = nil
    /// `verdient OPGAVE`: the month lines a period of paid work earns; such a line names its period.
    public var earns: Name? = nil
    public var role: Name? = nil

    public static let knowledgeFacts = ["bekend", "gemeld", "register", "dagen_vooraf"]

    public static func == (a: RecordSyntax, b: RecordSyntax) -> Bool { a.keyword == b.keyword }
    public func hash(into h: inout Hasher) { h.combine(keyword) }
}

/// `hervorming NAAM "titel"`: the header of a reform file. A reform adds
/// declarations to a baseline, replaces the ones it names under `vervangt`
/// and drops the ones under `vervalt` (see Loading/ReformLoader).
public struct ReformSyntax: Sendable, Hashable {
    public let name: Name
    public let title: Located<String>?
    public let source: Located<String>?
    public let validFrom: Located<CivilDate>?
    public let replaces: [Name]
    public let removes: [Name]
}

public enum DeclarationSyntax: Sendable, Hashable {
    case reform(ReformSyntax)
    case regulation(RegulationSyntax)
    case enumeration(EnumerationSyntax)
    case benefit(BenefitSyntax)
    case parameter(ParameterSyntax)
    case definition(DefinitionSyntax)
    case rule(RuleSyntax)
    case exception(ExceptionSyntax)
    case obligation(ObligationSyntax)
    case discretion(DiscretionSyntax)
    case intent(IntentSyntax)
    case input(InputSyntax)
    case fact(FactSyntax)
    case section(SectionSyntax)
    case record(RecordSyntax)
}

extension DeclarationSyntax {
    /// The name a declaration introduces (nil for the regulation and the reform header).
    public var declaredName: Name? {
        switch self {
        case .reform, .regulation: return nil
        case .enumeration(let s): return s.name
        case .benefit(let s): return s.name
        case .parameter(let s): return s.name
        case .definition(let s): return s.name
        case .rule(let s): return s.name
        case .exception(let s): return s.name
        case .obligation(let s): return s.name
        case .discretion(let s): return s.name
        case .intent(let s): return s.name
        case .input(let s): return s.name
        case .fact(let s): return s.name
        case .section(let s): return s.keyword
        case .record(let s): return s.keyword
        }
    }
}

extension DeclarationSyntax {
    /// The plain Dutch label a declaration carries after its name, if written:
    /// for a regulation, benefit, reform, block or kind of line, its title.
    public var label: Located<String>? {
        switch self {
        case .reform(let s): return s.title
        case .regulation(let s): return s.title
        case .enumeration(let s): return s.label
        case .benefit(let s): return s.title
        case .parameter(let s): return s.label
        case .definition(let s): return s.label
        case .rule(let s): return s.label
        case .exception(let s): return s.label
        case .obligation(let s): return s.label
        case .discretion(let s): return s.label
        case .intent(let s): return s.label
        case .input(let s): return s.label
        case .fact(let s): return s.label
        case .section(let s): return s.title
        case .record(let s): return s.title
        }
    }
}

public struct SyntaxFile: Sendable {
    public let fileID: Int
    public let declarations: [(declaration: DeclarationSyntax, keyword: SourceRange)]
}
