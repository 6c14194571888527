import DoenbaarCore
import Testing

/// Trace values are compared as values, not as the text a report makes of them.
@Suite struct TraceValueTests {
    let yesNo = TraceType(.bool)
    let march = month("2025-03")

    func days(_ values: [Int64?]) -> TraceValue { .days(values + Array(repeating: nil, count: 31 - values.count), yesNo, march) }

    @Test func theSameValueOnFewerDaysIsNoDifference() {
        // ja on all 31 days against ja on the first 21: a branch taken less often.
        let whole = TraceValue.days(Array(repeating: 1, count: 31), yesNo, march)
        #expect(!days(Array(repeating: 1, count: 21)).differs(from: whole))
        #expect(whole.single == 1)
    }

    @Test func aDayOnWhichBothDifferIsADifference() {
        // ja until the 10th against ja until the 5th: the value changes on another day.
        let a = days(Array(repeating: 1, count: 10) + Array(repeating: 0, count: 21))
        let b = days(Array(repeating: 1, count: 5) + Array(repeating: 0, count: 26))
        #expect(a.differs(from: b))
        #expect(a.single == nil)
    }

    @Test func valuesWithoutACommonDayCompareByTheValuesTheyTook() {
        let early = days([1, 1, 1]), late = days([nil, nil, nil, nil, 1])
        #expect(!early.differs(from: late))
        #expect(early.differs(from: days([nil, nil, nil, nil, 0])))
        #expect(TraceValue.one(5, TraceType(.money)).differs(from: .one(6, TraceType(.money))))
        #expect(!TraceValue.one(5, TraceType(.money)).differs(from: .one(5, TraceType(.money))))
    }
}
