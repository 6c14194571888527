import DoenbaarCore

/// A position as LSP counts it: 0-based line, and the character as UTF-16
/// code units from the start of the line.
public struct Position: Sendable, Hashable {
    public let line: Int
    public let character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    public var json: JSON { ["line": JSON(line), "character": JSON(character)] }

    public init?(_ json: JSON?) {
        guard let line = json?["line"]?.int, let character = json?["character"]?.int, line >= 0, character >= 0 else { return nil }
        self.init(line: line, character: character)
    }
}

/// Converts between the byte offsets of Doenbaar's source ranges and LSP
/// positions, for one text. Lines end at LF (a CR before it belongs to no
/// column an editor shows).
public struct LineIndex: Sendable {
    private let bytes: [UInt8]
    private let lineStarts: [Int]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for i in bytes.indices where bytes[i] == UInt8(ascii: "\n") { starts.append(i + 1) }
        lineStarts = starts
    }

    public var lineCount: Int { lineStarts.count }

    /// The position of a byte offset. An offset inside a multi-byte character
    /// counts as the start of that character.
    public func position(of offset: Int) -> Position {
        let clamped = max(0, min(offset, bytes.count))
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        var character = 0
        var i = lineStarts[low]
        while i < clamped {
            let length = LineIndex.sequenceLength(bytes[i])
            guard i + length <= clamped else { break }
            // Four-byte sequences are outside the BMP: two UTF-16 code units.
            character += length == 4 ? 2 : 1
            i += length
        }
        return Position(line: low, character: character)
    }

    /// The byte offset of a position; past the end of a line is its end, past
    /// the last line is the end of the text.
    public func offset(of position: Position) -> Int {
        guard position.line < lineStarts.count else { return bytes.count }
        let end = lineEnd(position.line)
        var i = lineStarts[position.line], character = 0
        while i < end {
            let length = LineIndex.sequenceLength(bytes[i])
            let units = length == 4 ? 2 : 1
            if character + units > position.character { break }
            character += units
            i = min(end, i + length)
        }
        return i
    }

    public func range(_ range: SourceRange) -> JSON {
        ["start": position(of: range.start).json, "end": position(of: range.end).json]
    }

    /// Where line `line` ends, before its LF (and a CR before that).
    func lineEnd(_ line: Int) -> Int {
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : bytes.count
        if end > lineStarts[line], bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return end
    }

    /// The bytes of a UTF-8 sequence that starts with `lead`; a stray
    /// continuation byte or invalid lead counts as one (shown as one U+FFFD).
    static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...0xF7: return 4
        case 0xE0...0xEF: return 3
        case 0xC0...0xDF: return 2
        default: return 1
        }
    }
}
