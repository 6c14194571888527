import Foundation

/// Where an estimate's CPU time goes, phase by phase and detector by detector
/// (`bench --populatie N --fasen`). Each thread's own CPU clock is read around
/// each phase, and the threads' times are added up, as CPU time is: on two
/// busy cores the phases add up to about twice the seconds on the clock.
/// Only a run that asks for it measures (a clock read costs a system call).
public final class PhaseTimes: @unchecked Sendable {
    /// The phases of `Analyzer.estimate(_:times:)`, in the order they run.
    public enum Phase: Int, CaseIterable, Sendable {
        /// Runs of the ideal path (to `AnalysisContext.pathsTo`).
        case ideal
        /// The realistic path worked out from the ideal run (`Paths.realistic`).
        case realisticPath
        /// Runs of the realistic path.
        case realistic
        /// Runs as recorded.
        case recorded
        /// The detectors' variants planned (`Detector.plannedRuns`).
        case planning
        /// Runs of those variants.
        case variants
        /// The detectors' findings (`Detector.findings`), per detector in `detectorSeconds`.
        case findings
        /// Findings about the same money merged (`SharedEvents.merge`).
        case merging
        /// Each person's runs and views let go.
        case release

        /// The name in the bench's line.
        public var name: String {
            switch self {
            case .ideal: "ideaal"
            case .realisticPath: "realistisch_pad"
            case .realistic: "realistisch"
            case .recorded: "zoals_beschreven"
            case .planning: "varianten_plannen"
            case .variants: "varianten"
            case .findings: "bevindingen"
            case .merging: "samenvoegen"
            case .release: "loslaten"
            }
        }
    }

    private let lock = NSLock()
    private var nanoseconds = [Int](repeating: 0, count: Phase.allCases.count)
    /// Per detector, by its place in the analyzer's list.
    private var detectorNanoseconds: [Int] = []

    public init() {}

    /// The CPU seconds of a phase, summed over the threads.
    public func seconds(_ phase: Phase) -> Double {
        lock.withLock { Double(nanoseconds[phase.rawValue]) / 1e9 }
    }

    /// The CPU seconds of each detector's findings, by its place in the analyzer's list.
    public var detectorSeconds: [Double] {
        lock.withLock { detectorNanoseconds.map { Double($0) / 1e9 } }
    }

    /// `body`, its thread's CPU time added to `phase` (and to detector `detector`, where given).
    /// Its result, like `body`'s, may go unused (a phase that only keeps runs).
    @discardableResult
    func measure<T, E: Error>(_ phase: Phase, detector: Int? = nil, _ body: () throws(E) -> T) throws(E) -> T {
        let start = Self.threadNanoseconds()
        defer {
            let spent = Self.threadNanoseconds() - start
            lock.withLock {
                nanoseconds[phase.rawValue] += spent
                if let detector {
                    if detectorNanoseconds.count <= detector { detectorNanoseconds += Array(repeating: 0, count: detector + 1 - detectorNanoseconds.count) }
                    detectorNanoseconds[detector] += spent
                }
            }
        }
        return try body()
    }

    private static func threadNanoseconds() -> Int {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return t.tv_sec * 1_000_000_000 + t.tv_nsec
    }
}

extension Optional where Wrapped == PhaseTimes {
    /// `body`, measured where there are times to keep.
    @discardableResult
    func measure<T, E: Error>(_ phase: PhaseTimes.Phase, detector: Int? = nil, _ body: () throws(E) -> T) throws(E) -> T {
        guard let times = self else { return try body() }
        return try times.measure(phase, detector: detector, body)
    }
}
