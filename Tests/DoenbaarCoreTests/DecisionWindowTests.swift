@testable import DoenbaarCore
import Testing

/// A view takes a value that reads the decision date over from an earlier view
/// where every comparison of the decision date it read comes out the same on its
/// own day (`DecisionWindow`, `LaneFrame+DecisionWindows.swift`): the outcome is
/// that of views that each compute such values themselves, and they are computed
/// once per stretch of days instead of once per view.
@Suite struct DecisionWindowTests {
    /// Offsetting as the Wajong settles it (Inkomensbesluit Wajong art. 5 lid 4): an estimate
    /// until the settlement period (here a quarter) has ended, then the income known. Test
    /// law with round amounts; a second benefit, decided ten days after the month, reads the
    /// decision date as it is (days until the quarter ends) and one that reads it per day.
    static let rules = """
    regeling T "Testwet"
    uitkering U "Testuitkering"
      bron "Testwet art. 1"
    uitkering V "Tweede testuitkering"
      bron "Testwet art. 5"
      beslist 10 dagen na de maand
    \(testFacts)
    definitie afgesloten "Tijdvak afgesloten": ja/nee per maand
      bron "Testwet art. 2"
      = beslisdatum >= einde_tijdvak(peildatum, 3)
    definitie verrekend "Verrekend inkomen": bedrag per maand
      bron "Testwet art. 3"
      = als inkomen_bekend en afgesloten dan inkomen anders € 100,00
    regel u
      bron "Testwet art. 4"
      uitkomst U per maand
      = € 1000,00 - verrekend * 50%
    definitie na_beslissing "Dag na de beslisdatum": ja/nee per dag
      bron "Testwet art. 6"
      = peildatum > beslisdatum
    regel v
      bron "Testwet art. 7"
      uitkomst V per maand
      = als afgesloten dan € 1,00 * (aantal_dagen(na_beslissing) / 1 dag)
        anders € 0,01 * (dagen_tussen(beslisdatum, einde_tijdvak(peildatum, 3)) / 1 dag)
    """

    /// Income in every month of the first half of 2024, each reported in the first week of the next.
    static func earner() -> Persona {
        var p = persona("verdiener")
        p.records = (1...6).map { k in
            income("2024-0\(k)", "\(100 * k),00", Knowledge(reported: date("2024-0\(k + 1)-05")))
        }
        return p
    }

    @Test func takingValuesOverChangesNoOutcome() throws {
        let plan = Plan(try Engine.ruleSet(Self.rules))
        var alone = Evaluator(plan: plan)
        alone.sharesUnchangedMonths = false
        let shared = try Evaluator(plan: plan).run(Self.earner(), from: month("2024-01"), to: month("2024-09"), trace: false)
        let apart = try alone.run(Self.earner(), from: month("2024-01"), to: month("2024-09"), trace: false)
        #expect("\(shared.months)" == "\(apart.months)")
        // January, decided on 31 January: the quarter runs to 31 March, so the estimate of € 100,00
        // is offset (€ 1000,00 - € 50,00). On 31 March the quarter has ended and January's € 100,00
        // is known since 5 February: the same amount, no correction. February's € 200,00 is offset
        // from 31 March on: € 900,00 instead of € 950,00, a correction of - € 50,00 in March.
        #expect(shared.paid("U", "2024-01") == 95_000)
        #expect(shared.paid("U", "2024-02") == 95_000)
        // March itself is decided on 31 March, before its income is reported (5 April): the estimate.
        let march = shared.month(month("2024-03"))?.benefit("U")
        #expect(march?.corrections.map(\.cents) == [-5_000])
        #expect(march?.paidCents == 95_000)
    }

    /// Going back from the run's last view (10 September, V's decision on August) as far as views
    /// share January with the view before (the view of 10 February was the first to know January's
    /// income, reported on 5 February, and shares no month), which views computed January's
    /// payment rules themselves. `u` reads the decision date only through `afgesloten`: computed on
    /// 29 February, again on 31 March (the quarter ended that day), and taken over by the five views
    /// of U after it. `v` reads the decision date as it is while the
    /// quarter runs (days until it ends): computed in each view up to 31 March, then taken over by
    /// the eleven views after it.
    @Test func aValueIsComputedOncePerStretchOfDecisionDays() throws {
        let plan = Plan(try Engine.ruleSet(Self.rules))
        var block = LaneBlock(plan: plan, personas: [Self.earner()], range: EvaluationRange(from: month("2024-01"), to: month("2024-08")))
        #expect(block.run().allSatisfy { $0 != nil })
        /// The days of the views that computed a rule's January themselves, and how many took it over.
        func january(_ name: String) throws -> (own: [CivilDate], taken: Int) {
            let slot = try #require(plan.ruleSet.values.firstIndex { $0.name == name })
            var own: [CivilDate] = [], taken = 0
            var view = block.latest?.view
            while let v = view {
                switch v.decisionCells.map({ $0[v.cellIndex(slot, 0)].state }) {
                case .own?: own.append(CivilDate(dayNumber: v.facts.decisionDay))
                case .taken?: taken += 1
                default: break
                }
                view = v.decisionDonor
            }
            return (own.sorted(), taken)
        }
        let u = try january("u"), v = try january("v")
        #expect(u.own == [date("2024-02-29"), date("2024-03-31")])
        #expect(u.taken == 5)
        #expect(v.own == [date("2024-02-10"), date("2024-02-29"), date("2024-03-10"), date("2024-03-31")])
        #expect(v.taken == 11)
    }

    /// A comparison narrows the window to the side of its date the decision day is on, joined
    /// with a neighbouring stretch that comes out the same.
    @Test func aComparisonKeepsTheDaysThatComeOutTheSame() {
        func window(_ day: Int64, _ t: Int64, _ op: BinaryOperator, decisionFirst: Bool = true) -> DecisionWindow {
            var w = DecisionWindow.always
            w.narrow(day: day, comparedWith: t, op, decisionFirst: decisionFirst)
            return w
        }
        #expect(window(5, 10, .greaterEqual) == DecisionWindow(from: .min, until: 10))
        #expect(window(10, 10, .greaterEqual) == DecisionWindow(from: 10, until: .max))
        #expect(window(12, 10, .greater) == DecisionWindow(from: 11, until: .max))
        #expect(window(10, 10, .greater) == DecisionWindow(from: .min, until: 11))
        #expect(window(10, 10, .equal) == DecisionWindow(from: 10, until: 11))
        #expect(window(9, 10, .notEqual) == DecisionWindow(from: .min, until: 10))
        // The date on the left: 10 < day holds from 11 on.
        #expect(window(12, 10, .less, decisionFirst: false) == DecisionWindow(from: 11, until: .max))
        var both = window(5, 10, .greaterEqual)
        both.narrow(day: 5, comparedWith: 3, .greaterEqual, decisionFirst: true)
        #expect(both == DecisionWindow(from: 3, until: 10))
        #expect(both.contains(3) && both.contains(9) && !both.contains(10) && !both.contains(2))
    }
}
