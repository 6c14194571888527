import DoenbaarCore
import DoenbaarTesting
import Testing

/// Uitvoeringstoets of the Wajong since 1 January 2021 (Wet vereenvoudiging
/// Wajong): 70% / 75% of the minimumloon, 70% / 75% of income offset, wage
/// dispensation with its compensation factor. Minimumloon per month:
/// € 2.191,80 from 1 January 2025, € 2.245,80 from 1 July 2025 (WML art. 8
/// lid 1 onderdeel b; Stcrt. 2025, 12264).
@Suite(.tags(.wajong)) struct WajongTests {
    let book: RuleBook
    init() throws { book = try RuleBook.bundled() }

    func wajong(capacity: Bool, wageValue: String? = nil, income: String? = nil) throws -> Persona {
        var text = """
        persona "Test"
          geboren 1998-01-01
          gewicht 1
          doenvermogen plannen 3, in_actie_komen 3, volhouden 3, verleiding_weerstaan 3, tegenslag_verwerken 3
        wajong
          ingang 2016-01-01
          arbeidsvermogen \(capacity ? "ja" : "nee")

        """
        if let wageValue { text = text.replacingOccurrences(of: "arbeidsvermogen ja\n", with: "arbeidsvermogen ja\n  loonwaarde \(wageValue)\n") }
        if let income {
            text += "schatting vanaf 2025-01 € \(income) bekend 2024-12-15\n"
            text += "inkomen 2025-01 € \(income) gemeld 2025-02-03 polis 2025-02-10\n"
        }
        return try book.persona(text: text)
    }

    @Test func withWorkCapacityAndNoIncomeTheWajongIs70PercentOfTheMinimumWage() throws {
        // Art. 2:40 lid 1 onderdeel b: 0,7 x (€ 2.191,80 - 0) = € 1.534,26.
        let run = try book.run(wajong(capacity: true), from: "2025-01", to: "2025-01")
        #expect(run.payment("Wajong", in: "2025-01") == euro("1.534,26"))
    }

    @Test func withoutWorkCapacityTheWajongIs75PercentOfTheMinimumWage() throws {
        // Art. 2:46 lid 1: 0,75 x € 2.191,80 = € 1.643,85; July: 0,75 x € 2.245,80 = € 1.684,35.
        let run = try book.run(wajong(capacity: false), from: "2025-01", to: "2025-07")
        #expect(run.payment("Wajong", in: "2025-01") == euro("1.643,85"))
        #expect(run.payment("Wajong", in: "2025-07") == euro("1.684,35"))
    }

    @Test func ofEveryEuroEarnedThirtyCentsAreKept() throws {
        // Esther: income € 100, 0,7 x (€ 2.191,80 - € 100) = € 1.464,26; without work € 1.534,26,
        // so € 100 of work adds € 30 to her income.
        let run = try book.run(personaNamed: "esther")
        #expect(run.payment("Wajong", in: "2025-01") == euro("1.464,26"))
        #expect(euro("1.534,26") - run.payment("Wajong", in: "2025-01")! == euro("70,00"))
        #expect(run.intent("werken_loont_in_de_wajong", in: "2025-01") == true)
    }

    @Test func withoutWorkCapacity75PercentOfIncomeIsOffset() throws {
        // Art. 2:46 lid 1: 0,75 x (€ 2.191,80 - € 400) = € 1.343,85.
        let run = try book.run(wajong(capacity: false, income: "400,00"), from: "2025-01", to: "2025-02")
        #expect(run.payment("Wajong", in: "2025-01") == euro("1.343,85"))
    }

    @Test func wageDispensationUsesTheCompensationFactor() throws {
        // Loonwaarde 60%: compensatiefactor (0,6 - 0,3) / (0,7 x 0,6) = 5/7 (art. 2:40 lid 2).
        // 0,7 x € 2.191,80 - 0,7 x 5/7 x € 1.200 = € 1.534,26 - € 600 = € 934,26; the alternative
        // € 1.200 / 0,6 - € 1.200 = € 800 is lower (lid 3), so € 934,26.
        let run = try book.run(wajong(capacity: true, wageValue: "60%", income: "1200,00"), from: "2025-01", to: "2025-01")
        #expect(run.payment("Wajong", in: "2025-01") == euro("934,26"))
    }

    @Test func withAHighWageUnderDispensationTheAlternativeFormulaApplies() throws {
        // Loonwaarde 40%: compensatiefactor (0,4 - 0,3) / (0,7 x 0,4) = 5/14; income € 2.000:
        // 0,7 x € 2.191,80 - 0,7 x 5/14 x € 2.000 = € 1.534,26 - € 500 = € 1.034,26;
        // € 2.000 / 0,4 - € 2.000 = € 3.000 is higher and applies (art. 2:40 lid 3).
        let run = try book.run(wajong(capacity: true, wageValue: "40%", income: "2000,00"), from: "2025-01", to: "2025-01")
        #expect(run.payment("Wajong", in: "2025-01") == euro("3.000,00"))
    }

    @Test func incomeAboveTheMinimumWageLeavesNoWajong() throws {
        // 0,7 x (€ 2.191,80 - € 2.500) is negative: nil (art. 2:40 lid 1).
        let run = try book.run(wajong(capacity: true, income: "2500,00"), from: "2025-01", to: "2025-01")
        #expect(run.payment("Wajong", in: "2025-01") == 0)
    }
}
