import Foundation

/// Reading input files: sorted, so every run sees the same order.
public enum InputFiles {
    public enum Failure: Error, Sendable, CustomStringConvertible {
        case notFound(String)
        case unreadable(String, String)
        public var description: String {
            switch self {
            case .notFound(let p): return "'\(p)' bestaat niet"
            case .unreadable(let p, let why): return "'\(p)' is niet te lezen: \(why)"
            }
        }
    }

    /// Files with one of the extensions under a path (a file itself, or a folder searched recursively).
    public static func find(_ path: String, extensions: Set<String>) throws(Failure) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .notFound(path) }
        // A file named directly counts only with a matching extension, so a persona
        // given on the command line is not also read as a rule file.
        guard isDirectory.boolValue else { return extensions.contains((path as NSString).pathExtension) ? [path] : [] }
        guard let enumerator = FileManager.default.enumerator(atPath: path) else { throw .unreadable(path, "map kan niet worden doorlopen") }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let ext = (relative as NSString).pathExtension
            if extensions.contains(ext) { found.append((path as NSString).appendingPathComponent(relative)) }
        }
        return found.sorted()
    }

    /// The names of the folders directly inside a folder, sorted; none if it does not exist.
    public static func subfolders(of folder: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return entries.sorted().filter { e in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder + "/" + e, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }

    public static func read(_ path: String) throws(Failure) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(path, "geen toegang of geen bestand") }
        defer { try? handle.close() }
        // Read at most one byte beyond the limit: the lexer reports the file as too large.
        do {
            let data = try handle.read(upToCount: Lexer.maximumFileSize + 1) ?? Data()
            return [UInt8](data)
        } catch {
            throw .unreadable(path, "\(error.localizedDescription)")
        }
    }
}
