@testable import DoenbaarCore
import Testing

/// A view's table of blocks makes its pages when a block on them is first set
/// (`LaneBlockTable`): a block never set reads nil, one set reads what was set,
/// on any page, and setting nil where nothing was set makes no page.
@Suite struct LaneBlockTableTests {
    @Test func blocksReadWhatWasSetOnEveryPage() {
        let arena = LaneArena()
        let table = LaneBlockTable<Int64>(blocks: 1_000, arena: arena)
        let cells = arena.allocate(Int64.self, count: 4)
        // The first and last block of a page, the first of the next, and the table's last.
        let blocks = [0, 63, 64, 999]
        for (i, b) in blocks.enumerated() { table[b] = cells + i }
        for (i, b) in blocks.enumerated() { #expect(table[b] == cells + i) }
        let unset = (0..<1_000).filter { !blocks.contains($0) && table[$0] != nil }
        #expect(unset.isEmpty)
        table[63] = nil
        #expect(table[63] == nil)
        #expect(table[0] == cells)
        table[500] = nil
        #expect(table[500] == nil)
    }
}
