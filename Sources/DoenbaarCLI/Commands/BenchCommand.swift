import DoenbaarAnalysis
import DoenbaarCore
import Foundation

/// `doenbaar bench --dump MAP`: the WW/Wajong rules over a population that the
/// OpenFisca benchmark dumped, timed, and checked against its checksum.
enum BenchCommand: Command {
    static let name = "bench"
    static let summary = "reken de OpenFisca-benchmark (WW/Wajong) over een hele populatie"
    static let help = """
    Gebruik: doenbaar bench --dump MAP [--repeat K] [--rules BESTAND] [--output NAAM] [--threads T] [--block B]
             doenbaar bench --populatie N [--seed S] [--persona ID] [--rules MAP] [--personas MAP] [--fasen]

    Leest de invoer die de OpenFisca-benchmark schrijft met
    `bench.py N --money cents --dump MAP`, rekent de regels voor alle
    personen en twaalf maanden met dezelfde rekenmachine als een persona
    (in blokken van personen, zonder uitleg) en drukt één regel af:

      doenbaar persons=N months=12 seconds=X person_months_per_s=Y checksum_cents=Z

    seconds is alleen de rekentijd, de beste van K herhalingen. De uitkomst
    wordt daarna per persoon en maand vergeleken met totaal_inkomen_cents.bin
    en met het controlegetal in manifest.json.

      --dump MAP        map met manifest.json en de *.bin-bestanden
      --repeat K        aantal herhalingen (standaard 1)
      --rules BESTAND   regelbestand (standaard: Benchmarks/ww_wajong.regels)
      --output NAAM     de definitie die wordt opgeteld (standaard: totaal_inkomen);
                        een andere wordt niet met de benchmark vergeleken
      --threads T       aantal rekenkernen (standaard: alle)
      --block B         personen per blok (standaard 1024, ten hoogste 4096)

    Met --populatie N: de hele analyse (alle detectoren) op N synthetische
    personen uit de regels en persona's (standaard Rules en Personas), getimed,
    op één regel:

      doenbaar-populatie persons=N variants=V seconds=X persons_per_s=Y

    variants is het gemiddelde aantal doorrekeningen per persoon (zoals
    beschreven, ideaal, realistisch, tegenfeitelijke varianten).

      --persona ID      alleen synthetische personen die op deze persona lijken
                        (om één soort persoon te meten); de regel noemt hem:
                        doenbaar-populatie persons=N persona=ID variants=V ...
      --fasen           ook de rekentijd (CPU, alle kernen opgeteld) per fase en
                        per detector, op twee regels erna:

      doenbaar-fasen cpu_s=T ideaal=X realistisch_pad=X realistisch=X zoals_beschreven=X
                     varianten_plannen=X varianten=X bevindingen=X samenvoegen=X loslaten=X
      doenbaar-detectoren IntentDetector=X WorkAbroadDetector=X ...

                        (één regel elk; het meten zelf kost enkele procenten)

    Afsluitcode 0: gelukt en gelijk aan de benchmark; 1: fouten in de regels
    of een uitkomst die afwijkt; 2: onbruikbare argumenten of onleesbare dump.
    """

    /// The options only the OpenFisca comparison reads, and those only the population reads (`--rules` both).
    static let dumpOptions = ["dump", "repeat", "output", "threads", "block"]
    static let populationOptions = ["seed", "persona", "personas"]
    /// The switches only the population reads.
    static let populationSwitches = ["fasen"]

    /// The definition whose sum over all persons and months is the checksum.
    static let output = "totaal_inkomen"

    static func run(_ arguments: [String], _ console: Console) -> ExitCode {
        let args: Arguments
        do {
            args = try Arguments(arguments, options: Set(dumpOptions + populationOptions + ["rules", "populatie"]), switches: Set(populationSwitches))
        } catch { return console.fail(error.message) }
        if args.has("help") { console.out(help + "\n"); return .success }
        // An option of the other mode would be ignored without a word: refused instead.
        let timesPopulation = args.value("populatie") != nil
        let (mine, other, otherSwitches) = timesPopulation ? ("--populatie N", dumpOptions, []) : ("--dump MAP", populationOptions, populationSwitches)
        if let stray = other.first(where: { args.value($0) != nil }) ?? otherSwitches.first(where: args.has) {
            return console.fail("--\(stray) hoort niet bij \(mine) (zie doenbaar bench --help)")
        }
        if timesPopulation { return population(args, console) }
        guard args.positional.isEmpty else { return console.fail("onverwacht argument '\(args.positional[0])'; gebruik --dump MAP") }
        guard let directory = args.value("dump") else { return console.fail("--dump MAP ontbreekt (zie doenbaar bench --help)") }
        func positive(_ name: String, default value: Int?) -> Result<Int?, UsageError> {
            guard let text = args.value(name) else { return .success(value) }
            guard let n = Int(text), n >= 1, n <= 1_000_000 else { return .failure(UsageError("--\(name) verwacht een positief geheel getal, niet '\(text)'")) }
            return .success(n)
        }
        let repeats: Int, threads: Int?, block: Int
        switch (positive("repeat", default: 1), positive("threads", default: nil), positive("block", default: 1024)) {
        case (.success(let r?), .success(let t), .success(let b?)): (repeats, threads, block) = (r, t, b)
        case (.failure(let e), _, _), (_, .failure(let e), _), (_, _, .failure(let e)): return console.fail(e.message)
        default: return console.fail("onbruikbare argumenten")
        }
        guard block <= InputRun.largestBlock else { return console.fail("--block verwacht ten hoogste \(InputRun.largestBlock) personen per blok, niet \(block)") }
        let rulesPath = args.value("rules") ?? "Benchmarks/ww_wajong.regels"
        let output = args.value("output") ?? Self.output

        // The rules.
        let sources = SourceManager()
        let loaded: LoadedRules
        do throws(InputFiles.Failure) {
            loaded = try RuleLoader.load([rulesPath], sources: sources)
        } catch {
            return console.fail(error.description)
        }
        if loaded.files.isEmpty { return console.fail("'\(rulesPath)' is geen regelbestand (*.regels)") }
        console.diagnostics(loaded.diagnostics, sources: sources)
        guard let ruleSet = loaded.ruleSet else { return .inputErrors }

        // The population.
        let dump: BenchDump, columns: InputColumns
        do throws(BenchDump.Failure) {
            dump = try BenchDump(directory: directory)
            columns = try dump.columns(for: ruleSet)
        } catch {
            return console.fail(error.message)
        }

        // Compile once.
        let engine: InputRun
        do throws(EvaluationFailure) {
            engine = try InputRun(plan: Plan(ruleSet), outputs: [output], firstMonth: dump.firstMonth, months: dump.months, blockSize: block)
        } catch {
            return report(error.message, error.range, sources, console)
        }
        let declaration = ruleSet.values[engine.outputs[0]]
        guard declaration.type == .money else {
            return report("'\(output)' moet een bedrag zijn: het controlegetal telt centen op", declaration.provenance.range, sources, console)
        }
        if output != Self.output { console.err("doenbaar: '\(output)' is niet de uitvoer van de benchmark; niet vergeleken\n") }

        // Compute, best of K.
        var best = Double.infinity
        var result: InputRun.Result?
        for _ in 0..<repeats {
            let started = DispatchTime.now().uptimeNanoseconds
            do throws(InputRun.Failure) {
                result = try engine.run(columns, threads: threads)
            } catch {
                var message = error.failure.message
                if let person = error.person, let month = error.month { message = "persoon \(person) (rij \(person) van de dump), \(month): " + message }
                return report(message, error.failure.range, sources, console)
            }
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
        }
        guard let result else { return .usage }
        let total = result.totals[0]
        guard total % 10_000 == 0 else {
            return report("de som van '\(output)' is geen geheel aantal centen; geef de definitie 'afronding rekenkundig'", declaration.provenance.range, sources, console)
        }
        let checksum = total / 10_000
        let personMonths = Double(dump.persons * dump.months)
        console.out("doenbaar persons=\(dump.persons) months=\(dump.months) seconds=\(String(format: "%.4f", best)) "
                    + "person_months_per_s=\(String(format: "%.0f", personMonths / max(best, 1e-9))) checksum_cents=\(checksum)\n")

        // Check against what OpenFisca computed.
        guard output == Self.output else { return .success }
        return verify(dump: dump, engine: engine, columns: columns, result: result, checksum: checksum, console: console)
    }

    /// `--populatie N`: the full analysis over a synthetic population, timed.
    private static func population(_ args: Arguments, _ console: Console) -> ExitCode {
        let size: Int, seed: UInt64
        switch Population.sizeAndSeed(args, sizeOption: "populatie") {
        case .success(let (given, s)): (size, seed) = (given ?? 10_000, s)
        case .failure(let message): return console.fail(message.text)
        }
        let input: LoadedInput
        switch LoadedInput.load(rules: args.value("rules") ?? "Rules", personas: args.value("personas") ?? "Personas", console) {
        case .success(let loaded): input = loaded
        case .failure(let code): return code
        }
        guard case .success(var run) = Population.run(input, size: size, seed: seed, console) else { return .inputErrors }
        let persona = args.value("persona")
        if let persona {
            guard let only = run.drawing(only: persona) else {
                let ids = run.generator.archetypes.map(\.persona.id).joined(separator: ", ")
                return console.fail("--persona: geen persona '\(persona)' in de populatie (wel: \(ids))")
            }
            run = only
        }
        if args.has("fasen") { run.times = PhaseTimes() }
        let started = DispatchTime.now().uptimeNanoseconds
        let result = PopulationAnalysis(run).result
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        Population.reportFailures(result, console)
        console.out("doenbaar-populatie persons=\(size)\(persona.map { " persona=\($0)" } ?? "") variants=\(String(format: "%.1f", Double(result.runs) / Double(size))) "
                    + "seconds=\(String(format: "%.2f", seconds)) persons_per_s=\(String(format: "%.0f", Double(size) / max(seconds, 1e-9)))\n")
        if let times = run.times { phases(times, detectors: run.analyzer.detectors, console) }
        return result.failures == size ? .inputErrors : .success
    }

    /// `--fasen`: the CPU seconds of each phase and of each detector's findings, on one line each.
    private static func phases(_ times: PhaseTimes, detectors: [any Detector], _ console: Console) {
        let phases = PhaseTimes.Phase.allCases.map { (name: $0.name, seconds: times.seconds($0)) }
        let total = phases.reduce(0) { $0 + $1.seconds }
        console.out("doenbaar-fasen cpu_s=\(String(format: "%.2f", total)) "
                    + phases.map { "\($0.name)=\(String(format: "%.2f", $0.seconds))" }.joined(separator: " ") + "\n")
        let spent = times.detectorSeconds
        console.out("doenbaar-detectoren " + detectors.indices.map { k in
            "\(type(of: detectors[k]))=\(String(format: "%.2f", k < spent.count ? spent[k] : 0))"
        }.joined(separator: " ") + "\n")
    }

    private static func verify(dump: BenchDump, engine: InputRun, columns: InputColumns, result: InputRun.Result,
                               checksum: Int128, console: Console) -> ExitCode {
        var problems: [String] = []
        if let expected = dump.manifest.checksum_cents, Int128(expected) != checksum {
            problems.append("het controlegetal is \(checksum) cent, de benchmark geeft \(expected) cent (verschil \(checksum - Int128(expected)))")
        }
        if let sums = dump.manifest.month_sums_cents, sums.count == dump.months {
            for (m, s) in sums.enumerated() where Int128(s) * 10_000 != result.monthSums[0][m] {
                problems.append("\(dump.firstMonth.adding(months: m)): som \(result.monthSums[0][m] / 10_000) cent, de benchmark geeft \(s) cent")
            }
        }
        let expectedValues: ColumnStorage?
        do throws(BenchDump.Failure) { expectedValues = try dump.expected() } catch { return console.fail(error.message) }
        if let expectedValues {
            // A second, untimed run that compares every person-month.
            let persons = dump.persons
            let mismatch = FirstMismatch()
            _ = try? engine.run(columns) { _, m, first, values in
                let base = UnsafeRawPointer(expectedValues.bytes.baseAddress!).assumingMemoryBound(to: Int64.self)
                for (k, v) in values.enumerated() where v != base[m * persons + first + k] * 10_000 {
                    mismatch.record(person: first + k, month: m, got: v / 10_000, expected: base[m * persons + first + k])
                    break
                }
            }
            if let (person, month, got, want) = mismatch.first {
                problems.append("\(mismatch.count) blok(ken) wijken af; eerste: persoon \(person), \(dump.firstMonth.adding(months: month)): \(got) cent, de benchmark geeft \(want) cent")
            }
        }
        guard problems.isEmpty else {
            console.err("doenbaar: fout: de uitkomst wijkt af van de benchmark in '\(dump.directory)':\n")
            for p in problems.prefix(13) { console.err("  \(p)\n") }
            return .inputErrors
        }
        return .success
    }

    private static func report(_ message: String, _ range: SourceRange, _ sources: SourceManager, _ console: Console) -> ExitCode {
        if range.isSynthetic {
            console.err("doenbaar: fout: \(message)\n")
        } else {
            var bag = DiagnosticBag()
            bag.error(.evaluation, range, message)
            console.diagnostics(bag, sources: sources)
        }
        return .inputErrors
    }
}

/// The first differing person-month seen by any thread (lowest person, then month).
private final class FirstMismatch: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var first: (Int, Int, Int64, Int64)?
    private(set) var count = 0

    func record(person: Int, month: Int, got: Int64, expected: Int64) {
        lock.lock()
        defer { lock.unlock() }
        count += 1
        if first == nil || (person, month) < (first!.0, first!.1) { first = (person, month, got, expected) }
    }
}
