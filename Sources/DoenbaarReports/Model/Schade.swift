import DoenbaarAnalysis
import DoenbaarCore

/// Harm as a report shows it: the three kinds of money apart, never summed
/// into one figure. A loss is lost entitlement plus fines; a repayment gives
/// back money the person had, so what matters there is how much of it was
/// collected below the beslagvrije voet.
public struct Schade: Codable, Sendable, Equatable {
    public var gemist_recht_cent: Int64 = 0
    public var boetes_cent: Int64 = 0
    public var terugbetaling_cent: Int64 = 0
    public var onder_beslagvrije_voet_cent: Int64 = 0

    public init() {}

    /// One person's harm, or a harm times the people it stands for.
    public init(_ harm: Harm, times weight: Int = 1, year: Int? = nil, outcomesOnly: Bool = false) {
        let w = Int64(weight)
        for l in harm.lines where year.map({ $0 == l.key.month.year }) ?? true {
            if outcomesOnly, l.key.basis == .probe { continue }
            switch l.key.category {
            case .lostEntitlement: gemist_recht_cent += l.cents * w
            case .fine: boetes_cent += l.cents * w
            case .repayment: terugbetaling_cent += l.cents * w
            }
            onder_beslagvrije_voet_cent += l.belowProtectedCents * w
        }
    }

    /// Lost entitlement and fines: what the person ends up without.
    public var verlies_cent: Int64 { gemist_recht_cent + boetes_cent }
    public var isEmpty: Bool { gemist_recht_cent == 0 && boetes_cent == 0 && terugbetaling_cent == 0 }

    public static func + (a: Schade, b: Schade) -> Schade {
        var s = a
        s.gemist_recht_cent += b.gemist_recht_cent
        s.boetes_cent += b.boetes_cent
        s.terugbetaling_cent += b.terugbetaling_cent
        s.onder_beslagvrije_voet_cent += b.onder_beslagvrije_voet_cent
        return s
    }

    /// "€ 1.200,00 gemist recht, € 150,00 aan boetes en € 630,00 terug te
    /// betalen, waarvan € 400,00 onder de beslagvrije voet": only what is there.
    public func sentence(_ money: (Int64) -> String = Format.euro) -> String {
        var parts: [String] = []
        if gemist_recht_cent != 0 { parts.append("\(money(gemist_recht_cent)) gemist recht") }
        if boetes_cent != 0 { parts.append("\(money(boetes_cent)) aan boetes") }
        if terugbetaling_cent != 0 { parts.append("\(money(terugbetaling_cent)) terug te betalen") }
        guard !parts.isEmpty else { return "geen geldbedrag" }
        var text = Format.list(parts)
        if onder_beslagvrije_voet_cent > 0 { text += ", waarvan \(money(onder_beslagvrije_voet_cent)) onder de beslagvrije voet ingehouden" }
        return text
    }
}

/// The harm of a knelpunt in one calendar year, across everyone it hits.
public struct JaarSchade: Codable, Sendable, Equatable {
    public let jaar: Int
    public let schade: Schade
}

extension Knelpunt {
    /// The money across everyone the personas stand for, optionally of one year.
    func schade(year: Int? = nil) -> Schade {
        personaHarms.reduce(Schade()) { $0 + Schade($1.harm, times: $1.weight, year: year) }
    }
    /// Per person, the loss and the repayment: smallest and largest.
    var lossRange: ClosedRange<Int64> { range(\.lossCents) }
    var repaymentRange: ClosedRange<Int64> { range(\.repaymentCents) }
}
