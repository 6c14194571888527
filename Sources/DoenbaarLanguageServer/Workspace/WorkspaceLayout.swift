import DoenbaarCore
import Foundation

/// Where a project's files are: a folder holding `Rules/` (and usually
/// `Personas/`), the layout `doenbaar check` reads without arguments.
public struct WorkspaceLayout: Sendable, Equatable {
    public let root: String
    public var rules: String { root + "/Rules" }
    public var personas: String { root + "/Personas" }
    public var reforms: String { rules + "/" + RuleLoader.reformFolder }

    public init(root: String) { self.root = root }

    /// What a file is to the check.
    public enum Role: Equatable {
        /// A rule file of the baseline (under Rules/, outside hervormingen/).
        case baseline
        /// A rule file of the reform in this folder (Rules/hervormingen/NAAM/...).
        case reform(String)
        /// A persona, checked against the baseline.
        case persona
        /// A rule file outside the rules: checked on its own.
        case standalone
        case other
    }

    public func role(of path: String) -> Role {
        let ext = (path as NSString).pathExtension
        if ext == "persona" || (ext == "json" && path.hasPrefix(personas + "/")) { return .persona }
        guard ext == "regels" else { return .other }
        guard path.hasPrefix(rules + "/") else { return .standalone }
        let inside = path.dropFirst(rules.count + 1).split(separator: "/")
        guard inside.first.map(String.init) == RuleLoader.reformFolder else { return .baseline }
        // A file directly in hervormingen/ belongs to no reform.
        return inside.count >= 3 ? .reform(reforms + "/" + inside[1]) : .standalone
    }

    /// The folder holding `Rules/`, from a folder the editor names (the
    /// workspace, or `Rules/` itself); nil when it has none.
    public static func at(folder: String) -> WorkspaceLayout? {
        let folder = folder.count > 1 && folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        if isDirectory(folder + "/Rules") { return WorkspaceLayout(root: folder) }
        if (folder as NSString).lastPathComponent == "Rules", isDirectory(folder) {
            return WorkspaceLayout(root: (folder as NSString).deletingLastPathComponent)
        }
        return nil
    }

    /// The nearest folder above a file that holds `Rules/`.
    public static func enclosing(file path: String) -> WorkspaceLayout? {
        var folder = (path as NSString).deletingLastPathComponent
        while !folder.isEmpty {
            if isDirectory(folder + "/Rules") { return WorkspaceLayout(root: folder) }
            let parent = (folder as NSString).deletingLastPathComponent
            if parent == folder { break }
            folder = parent
        }
        return nil
    }

    static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }

    /// The baseline's rule files on disk, sorted (none if the folder cannot be read).
    func baselineFilesOnDisk() -> [String] { (try? RuleLoader.ruleFiles([rules])) ?? [] }

    /// The reform folders, sorted.
    func reformFolders() -> [String] { InputFiles.subfolders(of: reforms).map { reforms + "/" + $0 } }

    func reformFilesOnDisk(_ folder: String) -> [String] { (try? InputFiles.find(folder, extensions: ["regels"])) ?? [] }

    func personaFilesOnDisk() -> [String] {
        guard WorkspaceLayout.isDirectory(personas) else { return [] }
        return (try? InputFiles.find(personas, extensions: PersonaLoader.extensions)) ?? []
    }
}
