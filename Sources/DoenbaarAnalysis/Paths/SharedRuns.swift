import DoenbaarCore

/// The runs every estimate makes, made for many people at once: each person
/// as recorded, on the ideal path and on the realistic path, and then the
/// variants the detectors plan from those (`Detector.plannedRuns`). People whose runs
/// cover the same months are lanes of one block of the lane engine
/// (`LaneEvaluator`); each run is handed to the person's context
/// (`AnalysisContext.keep`), so the detectors find it made. A lane that fails
/// is left to the context, which runs that person alone and reports why.
enum SharedRuns {
    static func make(for contexts: [AnalysisContext], on lanes: LaneEvaluator, detectors: [any Detector]) {
        run(contexts.map { ($0, $0.persona, $0.to) }, on: lanes)
        run(contexts.map { ($0, $0.idealPersona, $0.pathsTo) }, on: lanes)
        // The realistic path follows from the ideal run.
        let realistic = contexts.compactMap { c -> (AnalysisContext, Persona, YearMonth)? in
            guard let path = try? c.realisticPath() else { return nil }
            return (c, path.persona, c.pathsTo)
        }
        run(realistic, on: lanes)
        run(contexts.flatMap { c in detectors.flatMap { $0.plannedRuns(c) }.map { (c, $0.persona, $0.end) } }, on: lanes)
    }

    /// Runs each persona from its context's first month to `end`, in blocks of
    /// people with the same months, and keeps the runs in the contexts.
    private static func run(_ all: [(context: AnalysisContext, persona: Persona, end: YearMonth)], on lanes: LaneEvaluator) {
        // A variant equal to a run the person has (the realistic path, say), or to one
        // asked for before it, is not run again.
        var requests: [(context: AnalysisContext, persona: Persona, end: YearMonth)] = []
        var asked: [Asked: [Persona]] = [:]
        for r in all where !r.context.made(r.persona, to: r.end) {
            let key = Asked(context: ObjectIdentifier(r.context), end: r.end.index)
            guard !(asked[key]?.contains(r.persona) ?? false) else { continue }
            asked[key, default: []].append(r.persona)
            requests.append(r)
        }
        // People whose runs cover the same months share a block.
        var blocks: [Months: [Int]] = [:], order: [Months] = []
        for (i, r) in requests.enumerated() {
            let key = Months(from: r.context.from.index, to: r.end.index)
            if blocks[key] == nil { order.append(key) }
            blocks[key, default: []].append(i)
        }
        for key in order {
            let block = blocks[key]!
            let first = requests[block[0]]
            let runs = lanes.runs(block.map { requests[$0].persona }, from: first.context.from, to: first.end)
            for (i, run) in zip(block, runs) {
                if let run { requests[i].context.keep(requests[i].persona, to: requests[i].end, run: run) }
            }
        }
    }

    private struct Asked: Hashable {
        let context: ObjectIdentifier
        let end: Int
    }

    private struct Months: Hashable {
        let from: Int
        let to: Int
    }
}
