import DoenbaarCore
import Foundation

/// `file://` URIs and paths.
public enum FileURI {
    /// The path of a `file:` URI; nil for other schemes (an unsaved buffer).
    public static func path(_ uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        let path = url.path
        guard !path.isEmpty else { return nil }
        return path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    public static func uri(_ path: String) -> String {
        URL(fileURLWithPath: path).absoluteString
    }
}

/// A document the editor has open: its text as the editor holds it, which
/// counts instead of the file on disk.
public struct OpenDocument: Sendable {
    public let uri: String
    /// The file's path, or the URI itself for a buffer that is not a file.
    public let path: String
    public var text: [UInt8]
    public var version: Int?
}

/// The open documents, and every other file read from disk.
public struct DocumentStore {
    public private(set) var open: [String: OpenDocument] = [:]
    private var uriByPath: [String: String] = [:]
    /// Raised on every change, so work derived from the texts knows it is stale.
    public private(set) var generation = 0

    public init() {}

    public mutating func didOpen(uri: String, text: String, version: Int?) {
        let path = FileURI.path(uri) ?? uri
        open[uri] = OpenDocument(uri: uri, path: path, text: Array(text.utf8), version: version)
        uriByPath[path] = uri
        generation += 1
    }

    /// A change: the whole new text, or (when a client sends ranges anyway) an edit of a range.
    public mutating func didChange(uri: String, range: (start: Position, end: Position)?, text: String, version: Int?) -> Bool {
        guard var document = open[uri] else { return false }
        if let range {
            let index = LineIndex(document.text)
            let lower = index.offset(of: range.start), upper = max(lower, index.offset(of: range.end))
            document.text.replaceSubrange(lower..<upper, with: Array(text.utf8))
        } else {
            document.text = Array(text.utf8)
        }
        document.version = version ?? document.version
        open[uri] = document
        generation += 1
        return true
    }

    public mutating func didClose(uri: String) {
        if let document = open.removeValue(forKey: uri) { uriByPath[document.path] = nil }
        generation += 1
    }

    /// Files on disk changed (saved, or changed by another program).
    public mutating func filesChanged() { generation += 1 }

    public func document(atPath path: String) -> OpenDocument? { uriByPath[path].flatMap { open[$0] } }

    /// The text of a file: the editor's if open, else the file on disk (a byte
    /// order mark dropped, as editors do); nil if it cannot be read.
    public func bytes(atPath path: String) -> [UInt8]? {
        if let document = document(atPath: path) { return document.text }
        guard var bytes = try? InputFiles.read(path) else { return nil }
        if bytes.starts(with: Lexer.byteOrderMark) { bytes.removeFirst(Lexer.byteOrderMark.count) }
        return bytes
    }

    /// The URI the editor uses for a path, or a `file:` URI for it.
    public func uri(forPath path: String) -> String { uriByPath[path] ?? FileURI.uri(path) }
}
