import DoenbaarCore

/// The runs every estimate makes, made for many people at once: each person
/// as recorded, on the ideal path and on the realistic path, and then the
/// variants the detectors plan from those (`Detector.plannedRuns`). People whose runs
/// cover the same months are lanes of one block of the lane engine
/// (`LaneEvaluator`); each run is handed to the person's context
/// (`AnalysisContext.keep`), so the detectors find it made. A lane that fails
/// is left to the context, which runs that person alone and reports why.
///
/// The paths run further than the recorded months (`AnalysisContext.pathsTo`), so they
/// go first: a run of the same persona to an earlier month (the recorded run of someone
/// who did everything on time, the ideal path over her own months) is then taken from
/// them where that gives the same months (`PersonaRun.prefix(through:)`), not run again.
enum SharedRuns {
    /// - Parameter times: where each phase's CPU time is added, when measured (`PhaseTimes`).
    /// - Returns: the contexts' places in `contexts`, in the order in which the blocks of ideal runs held
    ///   them (`inBlockOrder`): the order in which to read their runs for their findings.
    static func make(for contexts: [AnalysisContext], on lanes: LaneEvaluator, detectors: [any Detector], times: PhaseTimes? = nil) -> [Int] {
        let order = inBlockOrder(times.measure(.ideal) { run(contexts.map { Request($0, $0.idealPersona, $0.pathsTo) }, on: lanes) },
                                 count: contexts.count)
        // What follows reads the ideal runs: in the order they lie (`inBlockOrder`).
        let people = order.map { contexts[$0] }
        // The realistic path follows from the ideal run.
        let realistic = times.measure(.realisticPath) {
            people.compactMap { c -> Request? in
                guard let path = try? c.realisticPath() else { return nil }
                return Request(c, path.persona, c.pathsTo)
            }
        }
        times.measure(.realistic) { run(realistic, on: lanes) }
        times.measure(.recorded) { run(people.map { Request($0, $0.persona, $0.to) }, on: lanes) }
        let planned = times.measure(.planning) {
            // Into one list, made with room for some five runs a person: lists of each person's
            // and each detector's runs, joined, were grown and copied again and again.
            var planned: [Request] = []
            planned.reserveCapacity(people.count * 5)
            for c in people {
                for d in detectors {
                    for run in d.plannedRuns(c) { planned.append(Request(c, run.persona, run.end)) }
                }
            }
            return planned
        }
        times.measure(.variants) { run(planned, on: lanes) }
        return order
    }

    /// The people (places in the list of contexts) in the order in which the blocks of their ideal
    /// runs held them (`ideal`), then anyone not in those. A person's runs lie where her blocks made
    /// them, next to those of the people beside her there; what reads her ideal run (her realistic
    /// path, the detectors' plans and findings) reads it in this order. In the order of the people,
    /// each run read was far from the one before, out of every cache: at 100.000 people the findings
    /// took 10-12% more CPU time so, letting the people go 5% more, and the whole about 3% more.
    private static func inBlockOrder(_ ideal: [Int], count: Int) -> [Int] {
        var placed = [Bool](repeating: false, count: count), order: [Int] = []
        order.reserveCapacity(count)
        for i in ideal where !placed[i] { placed[i] = true; order.append(i) }
        for i in 0..<count where !placed[i] { order.append(i) }
        return order
    }

    /// Runs each persona from its context's first month to `end`, in blocks of
    /// people with the same months (`maxLanes` at most), and keeps the runs in the contexts.
    /// - Returns: the places in `all` of the requests run, block by block and lane by lane.
    @discardableResult
    private static func run(_ all: [Request], on lanes: LaneEvaluator) -> [Int] {
        // A variant equal to a run the person has (the realistic path, say), or to one
        // asked for before it, is not run again.
        // Each phase asks a person's runs together, so only her own requests so far are looked
        // through (a dictionary by person and end hashed every request).
        var requests: [Request] = [], places: [Int] = [], asked: [Request] = []
        for (place, r) in all.enumerated() where !r.isAnswered {
            if let last = asked.last, last.context !== r.context { asked.removeAll(keepingCapacity: true) }
            guard !asked.contains(where: { $0.end == r.end && $0.asksFor(r) }) else { continue }
            asked.append(r)
            requests.append(r)
            places.append(place)
        }
        var ran: [Int] = []
        ran.reserveCapacity(requests.count)
        // People whose runs cover the same months share a block, of at most `maxLanes` lanes.
        var blocks: [Months: [Int]] = [:], order: [Months] = []
        for (i, r) in requests.enumerated() {
            let key = Months(from: r.context.from.index, to: r.end.index)
            if blocks[key] == nil { order.append(key) }
            blocks[key, default: []].append(i)
        }
        // Within those, people who learn the same things on the same days lie side by side:
        // a block's views then learn at the same moments in every lane, so a new state of
        // knowledge recomputes the months it changes for all the block's lanes at once, not
        // for each lane's own dates again (5% fewer instructions than in the order they came).
        let dates = requests.map { $0.persona.knowledgeDates }
        for key in order {
            let all = blocks[key]!.sorted { a, b in
                dates[a] == dates[b] ? a < b : dates[a].lexicographicallyPrecedes(dates[b])
            }
            let parts = (all.count + maxLanes - 1) / maxLanes
            for k in 0..<parts {
                run(Array(all[(all.count * k / parts)..<(all.count * (k + 1) / parts)]), of: requests, dates: dates, on: lanes)
            }
            ran += all.map { places[$0] }
        }
        return ran
    }

    /// Lanes per block at most. A block's work per view, rule and month is spread over its
    /// lanes, but a daily value of a month for 128 lanes (31 × 128 cells of 8 bytes) is about
    /// all of a core's nearest data cache here (32 KiB). Stop 35 chose 64 for that; with less
    /// work per lane since, 128 took 3% less CPU time than 64 (six alternating pairs of
    /// 40.000 people), and 96 and 192 were no better than 128.
    static let maxLanes = 128

    /// One block: the requests at `block`, which cover the same months (`dates`: each request's knowledge dates).
    private static func run(_ block: [Int], of requests: [Request], dates: [[CivilDate]], on lanes: LaneEvaluator) {
        let first = requests[block[0]]
        let runs = lanes.runs(block.map { requests[$0].persona }, from: first.context.from, to: first.end,
                              knowledgeDates: block.map { dates[$0] })
        for (i, run) in zip(block, runs) {
            let r = requests[i]
            if let run { r.context.keep(r.persona, to: r.end, run: run) }
        }
    }

    /// A run asked for: a reference, so that sorting and cutting the requests into blocks
    /// passes each along without copying its persona (and counting every list in it).
    private final class Request {
        let context: AnalysisContext
        let persona: Persona
        let end: YearMonth

        init(_ context: AnalysisContext, _ persona: Persona, _ end: YearMonth) {
            self.context = context
            self.persona = persona
            self.end = end
        }

        /// Whether the context has this run already. This and `asksFor` read the persona where it
        /// is kept: taken from outside for a call, it was copied (every list in it counted).
        var isAnswered: Bool { context.has(persona, to: end) }
        /// Whether another request (of the same context and end) asks for the same persona.
        func asksFor(_ other: Request) -> Bool { other.persona == persona }
    }

    private struct Months: Hashable {
        let from: Int
        let to: Int
    }
}
