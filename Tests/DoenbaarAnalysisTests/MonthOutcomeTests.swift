import DoenbaarAnalysis
import DoenbaarCore
import DoenbaarTesting
import Testing

/// What a month's outcome tells of itself without being taken apart: a run without a
/// trace keeps no explanation per payment but says, when asked, that it was not traced
/// (`BenefitOutcome.trace`); a run with one keeps it. And the recoveries and fines the
/// detectors read first (`MonthOutcome.recoveredCents`, `finedCents`) are the month's
/// negative corrections and fines added up.
@Suite struct MonthOutcomeTests {
    let book: RuleBook
    init() throws { book = try RuleBook.bundled() }

    @Test func anUntracedPaymentSaysItWasNotTracedAndATracedOneIsExplained() throws {
        var payments = 0, explainedWithRules = 0
        for persona in try book.allPersonas() {
            guard let months = persona.defaultMonths else { continue }
            guard let untraced = try? book.evaluator.run(persona, from: months.from, to: months.to, trace: false),
                  let traced = try? book.evaluator.run(persona, from: months.from, to: months.to, trace: true) else { continue }
            for (u, t) in zip(untraced.months, traced.months) {
                for (x, y) in zip(u.benefits, t.benefits) {
                    payments += 1
                    #expect(x.trace == TraceNode(kind: .benefit, name: x.benefit, value: .notTraced),
                            "\(persona.id), \(u.month.dutch), \(x.benefit): een betaling zonder uitleg zegt niet dat ze niet is uitgelegd")
                    #expect(y.trace.name == y.benefit && y.trace.value != .notTraced,
                            "\(persona.id), \(t.month.dutch), \(y.benefit): de uitgelegde betaling mist haar uitleg")
                    if !y.trace.children.isEmpty { explainedWithRules += 1 }
                }
            }
        }
        #expect(payments > 100 && explainedWithRules > 100, "\(payments) betalingen, \(explainedWithRules) met regels in hun uitleg")
    }

    @Test func recoveriesAndFinesAreTheMonthsNegativeCorrectionsAndFines() throws {
        var recovering = 0, fining = 0
        for persona in try book.allPersonas() {
            guard let months = persona.defaultMonths,
                  let run = try? book.evaluator.run(persona, from: months.from, to: months.to.adding(months: 6), trace: false) else { continue }
            for m in run.months {
                let recovered = -m.benefits.flatMap(\.corrections).filter { $0.cents < 0 }.reduce(Int64(0)) { $0 + $1.cents }
                let fined = m.fines.reduce(Int64(0)) { $0 + $1.cents }
                #expect(m.recoveredCents == recovered, "\(persona.id), \(m.month.dutch): teruggevorderd \(m.recoveredCents) ct, niet \(recovered) ct")
                #expect(m.finedCents == fined, "\(persona.id), \(m.month.dutch): beboet \(m.finedCents) ct, niet \(fined) ct")
                if recovered > 0 { recovering += 1 }
                if fined > 0 { fining += 1 }
            }
        }
        // Shown on months that have them, not only on months of nothing.
        #expect(recovering > 0 && fining > 0, "\(recovering) maanden met terugvordering, \(fining) met een boete")
    }
}
