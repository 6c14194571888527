/// A source text with its path and precomputed line starts, so a byte offset
/// turns into a line and column without searching the text again.
public struct SourceFile: Sendable {
    public let path: String
    /// The text as UTF-8 bytes; the lexer works on these.
    public let bytes: [UInt8]
    private let lineStarts: [Int]

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        var starts = [0]
        for i in bytes.indices where bytes[i] == UInt8(ascii: "\n") {
            starts.append(i + 1)
        }
        self.lineStarts = starts
    }

    /// 1-based line and column (column counted in characters, not bytes).
    public func location(of offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, bytes.count))
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        let start = lineStarts[low]
        return SourceLocation(path: path, line: low + 1, column: characters(from: start, to: clamped) + 1)
    }

    /// The characters between two offsets; plain ASCII (the usual case, and
    /// what a megabyte-long generated line is) counted without decoding.
    private func characters(from start: Int, to end: Int) -> Int {
        let ascii = bytes.withUnsafeBufferPointer { buffer in
            buffer[start..<end].allSatisfy { $0 < 0x80 }
        }
        return ascii ? end - start : String(decoding: bytes[start..<end], as: UTF8.self).count
    }

    /// At most `width` characters of a line on each side of an offset, so a
    /// caret under a megabyte-long line costs no more than under a short one:
    /// the text shown, the caret's column in it (0-based, in characters), and
    /// whether the line goes on before and after it.
    public func window(around offset: Int, width: Int) -> (text: [Character], column: Int, cutBefore: Bool, cutAfter: Bool) {
        let loc = location(of: offset)
        let lineStart = lineStarts[loc.line - 1]
        var lineEnd = loc.line < lineStarts.count ? lineStarts[loc.line] - 1 : bytes.count
        if lineEnd > lineStart, bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
        let at = max(lineStart, min(offset, lineEnd))
        // A UTF-8 character is at most 4 bytes; cut at a character's first byte.
        var from = max(lineStart, at - 4 * width), to = min(lineEnd, at + 4 * width)
        while from > lineStart, bytes[from] & 0xC0 == 0x80 { from -= 1 }
        while to < lineEnd, bytes[to] & 0xC0 == 0x80 { to += 1 }
        let before = Array(String(decoding: bytes[from..<at], as: UTF8.self))
        let after = Array(String(decoding: bytes[at..<to], as: UTF8.self))
        let head = before.suffix(width), tail = after.prefix(width)
        return (Array(head) + Array(tail), head.count,
                from > lineStart || head.count < before.count, to < lineEnd || tail.count < after.count)
    }

    /// The text of a 1-based line, without its line break.
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    public func text(_ range: SourceRange) -> String {
        let lo = max(0, min(range.start, bytes.count))
        let hi = max(lo, min(range.end, bytes.count))
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }
}

/// A half-open byte range in one source file.
public struct SourceRange: Sendable, Hashable {
    public let fileID: Int
    public let start: Int
    public let end: Int

    public init(fileID: Int, start: Int, end: Int) {
        self.fileID = fileID
        self.start = start
        self.end = max(start, end)
    }

    public func to(_ other: SourceRange) -> SourceRange {
        SourceRange(fileID: fileID, start: min(start, other.start), end: max(end, other.end))
    }

    /// A range for things built in Swift code rather than parsed from text.
    public static let synthetic = SourceRange(fileID: -1, start: 0, end: 0)
    public var isSynthetic: Bool { fileID < 0 }
}

public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let column: Int
    public var description: String { "\(path):\(line):\(column)" }
}

/// All source files of one run, so a range can be resolved to a location.
public final class SourceManager: @unchecked Sendable {
    public private(set) var files: [SourceFile] = []

    public init() {}

    @discardableResult
    public func add(_ file: SourceFile) -> Int {
        files.append(file)
        return files.count - 1
    }

    public func file(_ id: Int) -> SourceFile? {
        id >= 0 && id < files.count ? files[id] : nil
    }

    public func location(_ range: SourceRange) -> SourceLocation? {
        file(range.fileID)?.location(of: range.start)
    }
}
