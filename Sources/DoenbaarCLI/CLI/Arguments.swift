/// Hand-written argument handling: `--name value`, `--name=value`, flags and
/// positional arguments. Every problem is a `UsageError` (exit code 2).
struct Arguments {
    private(set) var positional: [String] = []
    private var values: [String: String] = [:]
    private var flags: Set<String> = []

    /// - Parameters:
    ///   - options: names (without `--`) that take a value
    ///   - switches: names that take no value; `help` is always accepted
    init(_ arguments: [String], options: Set<String>, switches: Set<String> = []) throws(UsageError) {
        let allSwitches = switches.union(["help"])
        var i = 0
        while i < arguments.count {
            let arg = arguments[i]
            i += 1
            if arg == "-h" { flags.insert("help"); continue }
            guard arg.hasPrefix("--"), arg.count > 2 else {
                if arg.hasPrefix("-") && arg.count > 1 { throw UsageError("onbekende optie '\(arg)'") }
                positional.append(arg)
                continue
            }
            var name = String(arg.dropFirst(2))
            var inline: String?
            if let eq = name.firstIndex(of: "=") {
                inline = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            if allSwitches.contains(name) {
                if inline != nil { throw UsageError("optie '--\(name)' neemt geen waarde") }
                flags.insert(name)
            } else if options.contains(name) {
                if values[name] != nil { throw UsageError("optie '--\(name)' staat er twee keer") }
                if let inline {
                    values[name] = inline
                } else {
                    guard i < arguments.count, !arguments[i].hasPrefix("--") else { throw UsageError("optie '--\(name)' verwacht een waarde") }
                    values[name] = arguments[i]
                    i += 1
                }
            } else {
                let hint = closest(name, in: options.union(allSwitches))
                throw UsageError("onbekende optie '--\(name)'" + (hint.map { "; bedoelde u '--\($0)'?" } ?? ""))
            }
        }
    }

    func value(_ name: String) -> String? { values[name] }
    func has(_ name: String) -> Bool { flags.contains(name) }

    private func closest(_ name: String, in candidates: Set<String>) -> String? {
        candidates.sorted().first { c in
            c.hasPrefix(name) || name.hasPrefix(c) || zip(c, name).filter { $0 != $1 }.count + abs(c.count - name.count) <= 2
        }
    }
}

/// Unusable arguments: printed as one line, exit code 2.
struct UsageError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
