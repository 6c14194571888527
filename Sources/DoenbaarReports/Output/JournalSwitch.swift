import DoenbaarCore
import Foundation

/// The switch for a folder that cannot be exchanged whole (see `FolderSwitch`):
/// file by file, with a journal.
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
/// files, which the next write removes (all old). Between the renames of
/// step 3 a reader can see a mixed set; the folder switch has no such moment.
enum JournalSwitch {
    typealias Failure = ReportWriter.Failure

    /// The journal of a switch in progress.
    static let journalName = ".doenbaar-wissel"
    /// Hidden files this switch makes: `.<name>.doenbaar-nieuw` and `.<name>.doenbaar-oud`.
    static let newSuffix = ".doenbaar-nieuw", oldSuffix = ".doenbaar-oud"

    static func write(_ files: [(name: String, contents: String)], to folder: String) throws(Failure) {
        let fm = FileManager.default
        let targets = files.map { (name: $0.name, final: path(folder, $0.name), staged: path(folder, "." + $0.name + newSuffix),
                                   backup: path(folder, "." + $0.name + oldSuffix)) }
        // 1. Stage.
        for (file, t) in zip(files, targets) {
            if let why = ReportWriter.writeDurably(file.contents, to: t.staged) {
                removeAll(targets.map(\.staged))
                throw Failure(description: "'\(t.final)' kan niet worden geschreven: \(why); de vorige versie van het rapport staat er nog")
            }
        }
        // 2. The journal: from here on the new set wins.
        let journal = path(folder, journalName)
        let listing = targets.map(\.name).joined(separator: "\n") + "\n"
        if let why = ReportWriter.writeDurably(listing, to: journal + newSuffix) ?? (rename(journal + newSuffix, journal) == 0 ? nil : SystemMessage.dutch(errno: errno)) {
            removeAll(targets.map(\.staged) + [journal + newSuffix])
            throw Failure(description: "'\(folder)' is niet beschrijfbaar: \(why); de vorige versie van het rapport staat er nog")
        }
        // 3. Keep the old files, then switch.
        for t in targets where fm.fileExists(atPath: t.final) {
            unlink(t.backup)
            guard link(t.final, t.backup) == 0 else {
                let why = SystemMessage.dutch(errno: errno)
                removeAll(targets.map(\.backup) + targets.map(\.staged) + [journal])
                throw Failure(description: "'\(t.final)' kan niet worden vervangen: \(why)")
            }
        }
        for (i, t) in targets.enumerated() where rename(t.staged, t.final) != 0 {
            let why = SystemMessage.dutch(errno: errno)
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
                    throw Failure(description: "een onderbroken rapport in '\(folder)' kan niet worden afgemaakt: '\(name)': \(SystemMessage.dutch(errno: errno))")
                }
            }
            unlink(journal)
        }
        let entries = (try? fm.contentsOfDirectory(atPath: folder)) ?? []
        for e in entries where e.hasPrefix(".") && (e.hasSuffix(newSuffix) || e.hasSuffix(oldSuffix)) {
            unlink(path(folder, e))
        }
    }

    private static func path(_ folder: String, _ name: String) -> String { ReportWriter.path(folder, name) }

    private static func removeAll(_ paths: [String]) { for p in paths { unlink(p) } }
}
