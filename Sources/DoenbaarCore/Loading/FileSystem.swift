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

    /// Files with one of the extensions under a path (a file itself, or a
    /// folder searched recursively). Folders reached through a symbolic link
    /// are searched too, each real folder once (a link back up is no loop); a
    /// folder that cannot be read, or a matching name that is no regular file
    /// (a named pipe would block every command), is an error, never skipped.
    public static func find(_ path: String, extensions: Set<String>) throws(Failure) -> [String] {
        guard let what = kind(of: path) else { throw .notFound(path) }
        // A file named directly counts only with a matching extension, so a persona
        // given on the command line is not also read as a rule file.
        guard what == .directory else {
            guard extensions.contains((path as NSString).pathExtension) else { return [] }
            guard what == .regular else { throw .unreadable(path, "geen gewoon bestand") }
            return [path]
        }
        var found: [String] = []
        var visited = Set<String>()
        var pending = [path]
        while let folder = pending.popLast() {
            guard visited.insert(realPath(folder)).inserted else { continue }
            let entries: [String]
            do { entries = try FileManager.default.contentsOfDirectory(atPath: folder) } catch {
                throw .unreadable(folder, "map kan niet worden gelezen")
            }
            for e in entries where !e.hasPrefix(".") {
                let full = (folder as NSString).appendingPathComponent(e)
                switch kind(of: full) {
                case .directory?: pending.append(full)
                case .regular? where extensions.contains((e as NSString).pathExtension): found.append(full)
                case .other? where extensions.contains((e as NSString).pathExtension): throw .unreadable(full, "geen gewoon bestand")
                default: break
                }
            }
        }
        return found.sorted()
    }

    enum Kind { case regular, directory, other }

    /// What a path is, following symbolic links; nil if nothing is there (or a link leads nowhere).
    static func kind(of path: String) -> Kind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    private static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The names of the folders directly inside a folder, sorted; none if it does not exist.
    public static func subfolders(of folder: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return entries.sorted().filter { kind(of: folder + "/" + $0) == .directory }
    }

    public static func read(_ path: String) throws(Failure) -> [UInt8] {
        switch kind(of: path) {
        case nil: throw .notFound(path)
        case .directory?: throw .unreadable(path, "een map, geen bestand")
        case .other?: throw .unreadable(path, "geen gewoon bestand")
        case .regular?: break
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(path, "geen toegang of geen bestand") }
        defer { try? handle.close() }
        // Read at most one byte beyond the limit: the lexer reports the file as too large.
        do {
            let data = try handle.read(upToCount: Lexer.maximumFileSize + 1) ?? Data()
            return [UInt8](data)
        } catch {
            throw .unreadable(path, SystemMessage.dutch(error))
        }
    }
}
