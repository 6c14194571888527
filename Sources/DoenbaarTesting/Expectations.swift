import DoenbaarCore

/// Checks the outcomes a persona file states (`verwacht 2025-08 WW € 1.125,00`)
/// against a run. Each mismatch names the persona, the month and the benefit,
/// so a failing test says exactly where the law and the expectation part.
public struct ExpectationMismatch: Sendable, CustomStringConvertible {
    public let personaID: String
    public let expectation: Expectation
    public let actualCents: Int64?
    public let benefitExists: Bool

    public var description: String {
        let expected = expectation.amount.map { ValueFormatting.money($0.raw) } ?? "geen betaling"
        let actual: String
        if !benefitExists {
            actual = "de regels kennen geen uitkering '\(expectation.benefit)'"
        } else if let actualCents {
            actual = "berekend: \(ValueFormatting.cents(actualCents))"
        } else {
            actual = "de maand valt buiten de doorrekening"
        }
        return "persona '\(personaID)', \(expectation.month) (\(expectation.month.dutch)), \(expectation.benefit): verwacht \(expected), \(actual)"
    }
}

extension PersonaRun {
    /// The persona's stated expectations under the baseline (not those `met
    /// hervorming`: `RuleBook.unmetExpectations(named:)` holds those too) that
    /// this run does not meet; empty when all hold.
    public func unmetExpectations(of persona: Persona) -> [ExpectationMismatch] {
        persona.expectations.filter { $0.reform == nil }.compactMap { e in
            switch e.result(in: self) {
            case .holds: return nil
            case .outsideRun: return ExpectationMismatch(personaID: persona.id, expectation: e, actualCents: nil, benefitExists: true)
            case .unknownBenefit: return ExpectationMismatch(personaID: persona.id, expectation: e, actualCents: nil, benefitExists: false)
            case .differs(let cents): return ExpectationMismatch(personaID: persona.id, expectation: e, actualCents: cents, benefitExists: true)
            }
        }
    }
}
