import DoenbaarCore
import DoenbaarLanguageServer
import Testing

/// LSP counts lines from 0 and characters in UTF-16 code units; the source
/// ranges count bytes.
@Suite struct PositionTests {
    let text = "regel a\n  = min(€ 0, x)\r\n# 😀 b\n"

    @Test func aByteOffsetBecomesAUTF16Character() {
        let index = LineIndex(Array(text.utf8))
        let bytes = Array(text.utf8)
        let x = bytes.firstIndex(of: UInt8(ascii: "x"))!
        // "  = min(€ 0, " is 13 characters; € is three bytes but one UTF-16 unit.
        #expect(index.position(of: x) == Position(line: 1, character: 13))
        #expect(x - 8 == 15, "the byte column differs")
        // 😀 is four bytes and two UTF-16 units.
        let b = bytes.lastIndex(of: UInt8(ascii: "b"))!
        #expect(index.position(of: b) == Position(line: 2, character: 5))
    }

    @Test func aPositionBecomesTheByteOffsetAgain() {
        let index = LineIndex(Array(text.utf8))
        let bytes = Array(text.utf8)
        for offset in [0, 8, bytes.firstIndex(of: UInt8(ascii: "x"))!, bytes.lastIndex(of: UInt8(ascii: "b"))!] {
            #expect(index.offset(of: index.position(of: offset)) == offset)
        }
    }

    @Test func positionsPastALineOrTheTextAreClamped() {
        let index = LineIndex(Array(text.utf8))
        let bytes = Array(text.utf8)
        // Past the end of line 1 is its end, before the CR.
        #expect(index.offset(of: Position(line: 1, character: 500)) == bytes.firstIndex(of: UInt8(ascii: "\r")))
        #expect(index.offset(of: Position(line: 99, character: 0)) == bytes.count)
        // Inside the two units of 😀: the start of the character.
        let smiley = text.utf8.distance(from: text.startIndex, to: text.range(of: "😀")!.lowerBound)
        #expect(index.offset(of: Position(line: 2, character: 3)) == smiley)
        #expect(index.position(of: Int.max) == Position(line: 3, character: 0))
    }

    @Test func aSourceRangeBecomesAnLSPRange() {
        let index = LineIndex(Array(text.utf8))
        let bytes = Array(text.utf8)
        let x = bytes.firstIndex(of: UInt8(ascii: "x"))!
        let range = index.range(SourceRange(fileID: 0, start: x, end: x + 1))
        #expect(range == ["start": ["line": 1, "character": 13], "end": ["line": 1, "character": 14]])
    }
}
