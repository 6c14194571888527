@testable import DoenbaarCore
import Testing

/// A shared memo makes a key's value once, and starts over when it holds its limit.
@Suite struct SharedMemoTests {
    @Test func aValueIsMadeOnceUntilTheMemoStartsOver() {
        let memo = SharedMemo<Int, Int>(limit: 3)
        var made: [Int] = []
        func value(_ key: Int) -> Int { memo.value(for: key) { made.append($0); return $0 * 10 } }
        #expect(value(1) == 10 && value(1) == 10 && value(2) == 20)
        #expect(made == [1, 2])
        // A third key fills the memo; a fourth finds it full, so it starts over with the fourth.
        #expect(value(3) == 30 && value(4) == 40)
        #expect(value(4) == 40 && value(1) == 10)
        #expect(made == [1, 2, 3, 4, 1])
    }
}
