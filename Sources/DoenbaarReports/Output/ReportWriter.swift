import Foundation

/// Writes a report's files as one set: all old or all new, also when the
/// process fails or is killed halfway.
///
/// 1. Every file is written to a hidden temporary file beside its target and
///    flushed to disk.
/// 2. A journal listing the switches is written (atomically, by rename).
/// 3. Each old file is kept under a hidden backup name (a hard link), then
///    each temporary file is renamed over its target.
/// 4. The backups and the journal are removed.
///
/// A failure in step 3 puts the backups back (all old). A kill after step 2
/// leaves the journal: the next write into the folder finishes the switch
/// (all new) before it starts. A kill before step 2 leaves only temporary
/// files, which the next write removes (all old).
public enum ReportWriter {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// The journal of a switch in progress.
    static let journalName = ".doenbaar-wissel"
    /// Hidden files this writer makes: `.<name>.doenbaar-nieuw` and `.<name>.doenbaar-oud`.
    static let newSuffix = ".doenbaar-nieuw", oldSuffix = ".doenbaar-oud"

    public static func write(_ files: [(name: String, contents: String)], to folder: String) throws(Failure) {
        let fm = FileManager.default
        do { try fm.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw Failure(description: "map '\(folder)' kan niet worden gemaakt: \(error.localizedDescription)")
        }
        try recover(folder)
        let targets = files.map { (name: $0.name, final: path(folder, $0.name), staged: path(folder, "." + $0.name + newSuffix),
                                   backup: path(folder, "." + $0.name + oldSuffix)) }
        // 1. Stage.
        for (file, t) in zip(files, targets) {
            guard let handle = create(t.staged) else {
                removeAll(targets.map(\.staged))
                throw Failure(description: "'\(t.final)' kan niet worden geschreven: \(String(cString: strerror(errno)))")
            }
            do {
                try handle.write(contentsOf: Data(file.contents.utf8))
                try handle.synchronize()
                try handle.close()
            } catch {
                try? handle.close()
                removeAll(targets.map(\.staged))
                throw Failure(description: "'\(t.final)' kan niet worden geschreven: \(error.localizedDescription)")
            }
        }
        // 2. The journal: from here on the new set wins.
        let journal = path(folder, journalName)
        let listing = targets.map(\.name).joined(separator: "\n") + "\n"
        guard fm.createFile(atPath: journal + newSuffix, contents: Data(listing.utf8)), rename(journal + newSuffix, journal) == 0 else {
            removeAll(targets.map(\.staged) + [journal + newSuffix])
            throw Failure(description: "'\(folder)' is niet beschrijfbaar: \(String(cString: strerror(errno)))")
        }
        // 3. Keep the old files, then switch.
        for t in targets where fm.fileExists(atPath: t.final) {
            unlink(t.backup)
            guard link(t.final, t.backup) == 0 else {
                let why = String(cString: strerror(errno))
                removeAll(targets.map(\.backup) + targets.map(\.staged) + [journal])
                throw Failure(description: "'\(t.final)' kan niet worden vervangen: \(why)")
            }
        }
        for (i, t) in targets.enumerated() where rename(t.staged, t.final) != 0 {
            let why = String(cString: strerror(errno))
            // All old again: the files already switched get their old contents back.
            for done in targets[..<i] {
                if fm.fileExists(atPath: done.backup) { rename(done.backup, done.final) } else { unlink(done.final) }
            }
            removeAll(targets.map(\.backup) + targets.map(\.staged) + [journal])
            throw Failure(description: "'\(t.final)' kan niet worden vervangen: \(why); de vorige versie van het rapport staat er nog")
        }
        // 4. Done.
        removeAll(targets.map(\.backup) + [journal])
    }

    /// Finishes a switch a killed run left (the journal names its files) and
    /// removes what an unfinished write left behind.
    static func recover(_ folder: String) throws(Failure) {
        let fm = FileManager.default
        let journal = path(folder, journalName)
        if let data = fm.contents(atPath: journal), let listing = String(data: data, encoding: .utf8) {
            for name in listing.split(separator: "\n").map(String.init) where !name.isEmpty && !name.contains("/") {
                let staged = path(folder, "." + name + newSuffix)
                if fm.fileExists(atPath: staged), rename(staged, path(folder, name)) != 0 {
                    throw Failure(description: "een onderbroken rapport in '\(folder)' kan niet worden afgemaakt: '\(name)': \(String(cString: strerror(errno)))")
                }
            }
            unlink(journal)
        }
        let entries = (try? fm.contentsOfDirectory(atPath: folder)) ?? []
        for e in entries where e.hasPrefix(".") && (e.hasSuffix(newSuffix) || e.hasSuffix(oldSuffix)) {
            unlink(path(folder, e))
        }
    }

    private static func path(_ folder: String, _ name: String) -> String { (folder as NSString).appendingPathComponent(name) }

    /// A new, empty file for writing, replacing a leftover of the same name.
    private static func create(_ path: String) -> FileHandle? {
        unlink(path)
        guard FileManager.default.createFile(atPath: path, contents: nil) else { return nil }
        return FileHandle(forWritingAtPath: path)
    }

    private static func removeAll(_ paths: [String]) { for p in paths { unlink(p) } }
}
