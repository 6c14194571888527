import DoenbaarCLI
import Foundation
import Testing

/// `doenbaar bench` on a tiny dump in the benchmark's format, written here
/// (the real dumps are hundreds of megabytes and only scripts/bench.sh makes them).
@Suite struct BenchCommandTests {
    static let rules = "\(packageRoot)/Benchmarks/ww_wajong.regels"

    /// Two persons, twelve months. Person 0: WW from January at € 100,00 a day
    /// (100,00 x 75% x 21,75 = € 1631,25 in January, nothing later).
    /// Person 1: Wajong only, 70% of € 1995,00 = € 1396,50 every month.
    static func writeDump(checksum: Int64 = 163_125 + 12 * 139_650, wrongCell: Bool = false) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("doenbaar-bench-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        func write<T>(_ name: String, _ values: [T]) throws {
            let data = values.withUnsafeBytes { Data($0) }
            try data.write(to: URL(fileURLWithPath: "\(directory)/\(name).bin"))
        }
        let persons = 2
        var wwMonth = [Int32](repeating: 0, count: 12 * persons)
        wwMonth[0] = 1
        var totals = [Int64](repeating: 0, count: 12 * persons)
        for m in 0..<12 { totals[m * persons + 1] = 139_650 }
        totals[0] = wrongCell ? 163_126 : 163_125
        try write("ww_dagloon_cents", [Int64(10_000), 0])
        try write("heeft_wajong", [UInt8(0), 1])
        try write("ww_maanden_sinds_start", wwMonth)
        try write("days_abroad_non_vacation", [Int32](repeating: 0, count: 12 * persons))
        try write("vacation_days_taken", [Int32](repeating: 0, count: 12 * persons))
        try write("income_from_work_cents", [Int64](repeating: 0, count: 12 * persons))
        try write("totaal_inkomen_cents", totals)
        let monthly = "\"shape\": [12, \(persons)]"
        let sums = (0..<12).map { m in String(totals[m * persons] + totals[m * persons + 1]) }.joined(separator: ", ")
        let manifest = """
        {"persons": \(persons), "months": [\((1...12).map { String(format: "\"2024-%02d\"", $0) }.joined(separator: ", "))],
         "money": "cents",
         "files": {
           "ww_dagloon_cents": {"dtype": "<i8", "shape": [\(persons)]},
           "heeft_wajong": {"dtype": "u1", "shape": [\(persons)]},
           "ww_maanden_sinds_start": {"dtype": "<i4", \(monthly)},
           "days_abroad_non_vacation": {"dtype": "<i4", \(monthly)},
           "vacation_days_taken": {"dtype": "<i4", \(monthly)},
           "income_from_work_cents": {"dtype": "<i8", \(monthly)},
           "totaal_inkomen_cents": {"dtype": "<i8", \(monthly), "output": true}
         },
         "month_sums_cents": [\(sums)],
         "checksum_cents": \(checksum)}
        """
        try manifest.write(toFile: "\(directory)/manifest.json", atomically: true, encoding: .utf8)
        return directory
    }

    @Test func aDumpGivesOneLineWithTheChecksum() throws {
        let dump = try Self.writeDump()
        defer { try? FileManager.default.removeItem(atPath: dump) }
        let r = runCLI(["bench", "--dump", dump, "--rules", Self.rules, "--repeat", "2"])
        #expect(r.code == .success, "\(r.err)")
        let lines = r.out.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("doenbaar persons=2 months=12 seconds=") == true)
        #expect(lines.first?.contains(" person_months_per_s=") == true)
        #expect(lines.first?.hasSuffix(" checksum_cents=\(163_125 + 12 * 139_650)") == true)
    }

    @Test func aDifferentChecksumFailsInDutch() throws {
        let dump = try Self.writeDump(checksum: 1)
        defer { try? FileManager.default.removeItem(atPath: dump) }
        let r = runCLI(["bench", "--dump", dump, "--rules", Self.rules])
        #expect(r.code == .inputErrors)
        #expect(r.err.contains("wijkt af van de benchmark"))
        #expect(r.err.contains("controlegetal"))
    }

    @Test func aDifferentPersonMonthFailsWithThePersonAndMonth() throws {
        let dump = try Self.writeDump(wrongCell: true)
        defer { try? FileManager.default.removeItem(atPath: dump) }
        let r = runCLI(["bench", "--dump", dump, "--rules", Self.rules])
        #expect(r.code == .inputErrors)
        #expect(r.err.contains("persoon 0, 2024-01: 163125 cent, de benchmark geeft 163126 cent"), "\(r.err)")
    }

    @Test(arguments: [
        ("\"persons\": 2,", "\"persons\": 9223372036854775807,", "meer dan de benchmark aankan"),
        ("\"persons\": 2,", "\"persons\": 50000000,", "heeft niet de 400000000 bytes die het manifest belooft"),
    ])
    func aManifestPromisingTooMuchIsRefusedBeforeAnythingIsAllocated(_ old: String, _ new: String, _ message: String) throws {
        // A huge persons count used to overflow, or allocate terabytes before reading a byte.
        let dump = try Self.writeDump()
        defer { try? FileManager.default.removeItem(atPath: dump) }
        let manifest = try String(contentsOfFile: dump + "/manifest.json", encoding: .utf8)
        #expect(manifest.contains(old))
        try manifest.replacingOccurrences(of: old, with: new)
            .replacingOccurrences(of: "[12, 2]", with: new.contains("50000000") ? "[12, 50000000]" : "[12, 2]")
            .replacingOccurrences(of: "\"shape\": [2]", with: new.contains("50000000") ? "\"shape\": [50000000]" : "\"shape\": [2]")
            .write(toFile: dump + "/manifest.json", atomically: true, encoding: .utf8)
        let r = runCLI(["bench", "--dump", dump, "--rules", Self.rules])
        #expect(r.code == .usage, "\(r.err)")
        #expect(r.err.contains(message), "\(r.err)")
    }

    @Test func thePopulationBenchPrintsOneLineWithItsFigures() throws {
        let r = runCLI(["bench", "--populatie", "60", "--rules", "\(packageRoot)/Rules", "--personas", "\(packageRoot)/Personas"])
        #expect(r.code == .success, "\(r.err)")
        let line = r.out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(line.split(separator: "\n").count == 1)
        let fields = Dictionary(uniqueKeysWithValues: line.split(separator: " ").dropFirst().compactMap { f -> (String, Double)? in
            let kv = f.split(separator: "=")
            return kv.count == 2 ? (String(kv[0]), Double(kv[1]) ?? -1) : nil
        })
        #expect(line.hasPrefix("doenbaar-populatie persons=60 variants="), "\(line)")
        // Every person is run at least as recorded, on the ideal path and on the realistic path.
        #expect((fields["variants"] ?? 0) >= 3, "\(line)")
        #expect((fields["seconds"] ?? 0) > 0 && (fields["persons_per_s"] ?? 0) > 0, "\(line)")
    }

    @Test func thePopulationBenchPrintsThePhasesAndDetectorsWhenAsked() throws {
        let r = runCLI(["bench", "--populatie", "40", "--fasen", "--rules", "\(packageRoot)/Rules", "--personas", "\(packageRoot)/Personas"])
        #expect(r.code == .success, "\(r.err)")
        let lines = r.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(r.out)")
        guard lines.count == 3 else { return }
        #expect(lines[0].hasPrefix("doenbaar-populatie persons=40 "), "\(lines[0])")
        // Each phase by name, in the order they run, and their sum first.
        let phases = lines[1].split(separator: " ").dropFirst().map { $0.split(separator: "=").map(String.init) }
        #expect(phases.map { $0[0] } == ["cpu_s", "ideaal", "realistisch_pad", "realistisch", "zoals_beschreven", "varianten_plannen",
                                         "varianten", "bevindingen", "samenvoegen", "loslaten"], "\(lines[1])")
        let seconds = phases.map { Double($0[1]) ?? -1 }
        #expect(seconds.allSatisfy { $0 >= 0 } && seconds[0] > 0, "\(lines[1])")
        // Every detector of the analysis by its type (the eight of `Detectors.all`).
        #expect(lines[2].hasPrefix("doenbaar-detectoren IntentDetector="), "\(lines[2])")
        #expect(lines[2].split(separator: " ").count == 1 + 8, "\(lines[2])")
        // Only with --populatie N: the OpenFisca comparison has no phases.
        let stray = runCLI(["bench", "--dump", "x", "--fasen"])
        #expect(stray.code == .usage && stray.err.contains("--fasen hoort niet bij --dump MAP"), "\(stray.err)")
    }

    @Test func thePopulationBenchTimesOnePersonasPeopleWhenAsked() throws {
        let base = ["bench", "--populatie", "12", "--rules", "\(packageRoot)/Rules", "--personas", "\(packageRoot)/Personas"]
        let r = runCLI(base + ["--persona", "bram"])
        #expect(r.code == .success, "\(r.err)")
        #expect(r.out.hasPrefix("doenbaar-populatie persons=12 persona=bram variants="), "\(r.out)")
        // Bram (Personas/bram.persona) is run as recorded and on his paths, which are his own
        // reports: two runs each, where the mixed population averages more than three.
        #expect(r.out.contains(" variants=2.0 "), "\(r.out)")
        let unknown = runCLI(base + ["--persona", "niemand"])
        #expect(unknown.code == .usage)
        #expect(unknown.err.contains("geen persona 'niemand' in de populatie (wel: anna, bas"), "\(unknown.err)")
    }

    @Test(arguments: [
        (["bench"], "--dump MAP ontbreekt"),
        (["bench", "--dump", "/bestaat/niet"], "bestaat niet"),
        (["bench", "--dump", "x", "--repeat", "0"], "--repeat verwacht een positief geheel getal"),
        (["bench", "--dump", "x", "--snel"], "onbekende optie '--snel'"),
        (["bench", "--dump", "x", "--block", "5000"], "--block verwacht ten hoogste 4096 personen per blok"),
        // An option of the other mode is refused, not ignored.
        (["bench", "--dump", "x", "--persona", "bram"], "--persona hoort niet bij --dump MAP"),
        (["bench", "--dump", "x", "--seed", "7"], "--seed hoort niet bij --dump MAP"),
        (["bench", "--populatie", "10", "--dump", "x"], "--dump hoort niet bij --populatie N"),
        (["bench", "--populatie", "10", "--threads", "1"], "--threads hoort niet bij --populatie N"),
    ])
    func unusableArgumentsExitWithUsageAndOneLine(arguments: [String], message: String) {
        let r = runCLI(arguments + ["--rules", Self.rules])
        #expect(r.code == .usage)
        #expect(r.err.split(separator: "\n").count == 1, "\(r.err)")
        #expect(r.err.contains(message), "\(r.err)")
    }
}
