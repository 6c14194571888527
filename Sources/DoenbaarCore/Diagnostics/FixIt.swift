/// A suggested change to the source text, as data: what it does (the Dutch
/// message shown on the `hulp:` line) and the edits that do it. A tool (an
/// editor, a language server) can apply the edits; `doenbaar check` prints the
/// message. The edits of one fix-it belong together and never overlap.
public struct FixIt: Sendable, Hashable {
    /// Replace the text in `range` by `replacement`: an insertion when the range
    /// is empty, a deletion when the replacement is.
    public struct Edit: Sendable, Hashable {
        public let range: SourceRange
        public let replacement: String

        public init(range: SourceRange, replacement: String) {
            self.range = range
            self.replacement = replacement
        }
    }

    public let message: String
    public let edits: [Edit]

    public init(_ message: String, edits: [Edit]) {
        self.message = message
        self.edits = edits
    }

    /// One replacement.
    public static func replace(_ range: SourceRange, with text: String, _ message: String) -> FixIt {
        FixIt(message, edits: [Edit(range: range, replacement: text)])
    }

    /// Text inserted at a byte offset of a file.
    public static func insert(_ text: String, at offset: Int, in fileID: Int, _ message: String) -> FixIt {
        FixIt(message, edits: [Edit(range: SourceRange(fileID: fileID, start: offset, end: offset), replacement: text)])
    }

    /// "bedoelde u 'X'?" for a misspelt name, which the edit replaces.
    public static func didYouMean(_ range: SourceRange, _ name: String) -> FixIt {
        replace(range, with: name, "bedoelde u '\(name)'?")
    }

    /// The same for a closest name that may not exist: no fix-it then.
    public static func didYouMean(_ range: SourceRange, _ name: String?) -> [FixIt] {
        name.map { [didYouMean(range, $0)] } ?? []
    }

    /// The text of a file with these edits applied. Edits of other files are
    /// ignored; overlapping edits are refused (nil), since no order makes them right.
    public static func apply(_ edits: [Edit], to file: SourceFile, fileID: Int) -> String? {
        let mine = edits.filter { $0.range.fileID == fileID }.sorted { $0.range.start < $1.range.start }
        var bytes: [UInt8] = []
        var position = 0
        for edit in mine {
            guard edit.range.start >= position, edit.range.end <= file.bytes.count else { return nil }
            bytes += file.bytes[position..<edit.range.start]
            bytes += Array(edit.replacement.utf8)
            position = edit.range.end
        }
        bytes += file.bytes[position...]
        return String(decoding: bytes, as: UTF8.self)
    }
}
