import DoenbaarCore
import Foundation

/// The inputs and expected outputs that the OpenFisca benchmark writes with
/// `bench.py N --money cents --dump MAP` (shared/bench/openfisca/README.md):
/// raw little-endian files, monthly arrays month-major, and manifest.json.
struct BenchDump {
    struct Manifest: Decodable {
        struct File: Decodable {
            let dtype: String
            let shape: [Int]
        }
        let persons: Int
        let months: [String]
        let money: String?
        let files: [String: File]
        let checksum_cents: Int64?
        let month_sums_cents: [Int64]?
    }

    /// Which dump file feeds which `invoer`, and how its values are stored.
    struct Source {
        let file: String
        let dtype: String
        let element: InputColumn.Element
        let unit: Int64
    }

    /// The benchmark's columns by the input names of Benchmarks/ww_wajong.regels.
    static let sources: [String: Source] = [
        "dagloon_ww": Source(file: "ww_dagloon_cents", dtype: "<i8", element: .int64, unit: 10_000),
        "wajonger": Source(file: "heeft_wajong", dtype: "u1", element: .uint8, unit: 1),
        "ww_maand": Source(file: "ww_maanden_sinds_start", dtype: "<i4", element: .int32, unit: Fixed.scale),
        "dagen_buitenland": Source(file: "days_abroad_non_vacation", dtype: "<i4", element: .int32, unit: Fixed.scale),
        "vakantiedagen": Source(file: "vacation_days_taken", dtype: "<i4", element: .int32, unit: Fixed.scale),
        "inkomen_uit_werk": Source(file: "income_from_work_cents", dtype: "<i8", element: .int64, unit: 10_000),
    ]
    static let expectedOutput = "totaal_inkomen_cents"

    struct Failure: Error {
        let message: String
    }

    let directory: String
    let manifest: Manifest
    let firstMonth: YearMonth

    init(directory: String) throws(Failure) {
        self.directory = directory
        let path = (directory as NSString).appendingPathComponent("manifest.json")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(message: "'\(path)' bestaat niet of is niet te lezen; maak de dump met bench.py N --money cents --dump \(directory)")
        }
        do {
            manifest = try JSONDecoder().decode(Manifest.self, from: data)
        } catch {
            throw Failure(message: "'\(path)' is geen manifest van de benchmark: \(SystemMessage.dutch(error))")
        }
        guard manifest.money == "cents" else {
            throw Failure(message: "de dump in '\(directory)' is niet in centen; maak hem met bench.py N --money cents --dump \(directory)")
        }
        guard let first = manifest.months.first.flatMap(YearMonth.init(iso:)), manifest.persons >= 0,
              manifest.months.enumerated().allSatisfy({ YearMonth(iso: $0.element) == first.adding(months: $0.offset) }) else {
            throw Failure(message: "'\(path)': de maanden moeten opeenvolgend zijn, als JJJJ-MM")
        }
        // A manifest is input like any other: a size it cannot mean is refused before anything is allocated.
        guard manifest.persons <= Self.maximumPersons, manifest.months.count <= Self.maximumMonths else {
            throw Failure(message: "'\(path)': \(manifest.persons) personen en \(manifest.months.count) maanden is meer dan de benchmark aankan (ten hoogste \(Self.maximumPersons) personen en \(Self.maximumMonths) maanden)")
        }
        firstMonth = first
    }

    static let maximumPersons = 100_000_000
    static let maximumMonths = 120

    var persons: Int { manifest.persons }
    var months: Int { manifest.months.count }

    /// The columns for the inputs of a rule set, in its order.
    func columns(for ruleSet: RuleSet) throws(Failure) -> InputColumns {
        var columns: [InputColumn] = []
        for input in ruleSet.inputs {
            guard let source = Self.sources[input.name] else {
                throw Failure(message: "invoer '\(input.name)' heeft geen kolom in de dump; de benchmark levert \(Self.sources.keys.sorted().joined(separator: ", "))")
            }
            let count = input.periodicity == .month ? persons * months : persons
            let storage = try read(source.file, dtype: source.dtype, count: count, monthly: input.periodicity == .month)
            columns.append(InputColumn(storage: storage, element: source.element, unit: source.unit, count: count))
        }
        do {
            return try InputColumns(persons: persons, months: months, columns: columns, names: ruleSet.inputs.map { "invoer '\($0.name)'" })
        } catch {
            throw Failure(message: error.description)
        }
    }

    /// The expected output per person-month (i64 cents, month-major), when the dump has it.
    func expected() throws(Failure) -> ColumnStorage? {
        guard manifest.files[Self.expectedOutput] != nil else { return nil }
        return try read(Self.expectedOutput, dtype: "<i8", count: persons * months, monthly: true)
    }

    /// Reads one file whole into memory, after checking its type and shape in the manifest.
    private func read(_ name: String, dtype: String, count: Int, monthly: Bool) throws(Failure) -> ColumnStorage {
        guard let spec = manifest.files[name] else { throw Failure(message: "de dump mist '\(name).bin' (niet in manifest.json)") }
        let shape = monthly ? [months, persons] : [persons]
        guard spec.dtype == dtype, spec.shape == shape else {
            throw Failure(message: "'\(name).bin' is \(spec.dtype) \(spec.shape), verwacht \(dtype) \(shape)")
        }
        let element = dtype == "<i8" ? 8 : dtype == "<i4" ? 4 : 1
        let path = (directory as NSString).appendingPathComponent(name + ".bin")
        let (byteCount, overflow) = count.multipliedReportingOverflow(by: element)
        // The file must be as large as the manifest says before its size is allocated.
        var info = stat()
        guard !overflow, stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == byteCount else {
            throw Failure(message: "'\(path)' heeft niet de \(overflow ? "\(count) x \(element)" : "\(byteCount)") bytes die het manifest belooft")
        }
        let storage = ColumnStorage(byteCount: byteCount)
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw Failure(message: "'\(path)' is niet te openen") }
        defer { close(fd) }
        var done = 0
        while done < byteCount {
            let n = Foundation.read(fd, storage.bytes.baseAddress! + done, byteCount - done)
            if n <= 0 { break }
            done += n
        }
        var extra: UInt8 = 0
        guard done == byteCount, Foundation.read(fd, &extra, 1) == 0 else {
            throw Failure(message: "'\(path)' heeft niet de \(byteCount) bytes die het manifest belooft")
        }
        return storage
    }
}
