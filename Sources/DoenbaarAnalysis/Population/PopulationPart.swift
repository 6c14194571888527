import DoenbaarCore

/// Part K of N of a population run, as a file: the results of its chunks,
/// each kept apart, so that merging all parts in chunk order gives exactly
/// the sums one run on one machine gives (floating-point sums depend on the
/// order they are added in). A batch scheduler runs the parts anywhere;
/// `doenbaar populatie --samenvoegen` merges them. A part that holds chunks of
/// the sensitivity sample also holds, per assumption at each end, those
/// chunks run again (`varianten`). Results are kept per stratum (persona).
public struct PopulationPart: Codable, Sendable {
    public var versie = 2
    public let omvang: Int
    public let zaad: UInt64
    /// Of the rules and personas: parts of other input are not merged.
    public let vingerafdruk: String
    public let deel: Int
    public let delen: Int
    public let personen_per_blok: Int
    public let eerste_blok: Int
    /// Synthetic people of the sensitivity sample (the runs with a parameter at one end).
    public let gevoeligheid_personen: Int
    public let blokken: [Chunk]

    public struct Chunk: Codable, Sendable {
        public let personen: [String: Int]
        public let niet_doorgerekend: Int
        public let eerste_fout: String?
        public let berekeningen: Int
        public let knelpunten: [String: Tally]
        /// The same chunk with one assumption at one end, per variant id (only chunks of the sensitivity sample).
        public var varianten: [String: Chunk]? = nil
    }

    public struct Tally: Codable, Sendable {
        /// What the knelpunt is about, as data (the reports write its title from it).
        public let onderwerp: FindingTopic?
        public let soort: String
        public let treffers: [String: Int]
        public let verlies_cent: [String: Int64]
        public let verlies_kwadraten: [String: Double]
        public let gemist_recht_cent: [String: Int64]
        public let boetes_cent: [String: Int64]
        public let terugbetaling_cent: [String: Int64]
        public let onder_beslagvrije_voet_cent: [String: Int64]
    }

    public init(run: PopulationRun, part k: Int, of n: Int, fingerprint: String, chunks: [PopulationRun.Result],
                variants: [String: [PopulationRun.Result]] = [:], samplePersons: Int = 0) {
        gevoeligheid_personen = samplePersons
        omvang = run.generator.size
        zaad = run.generator.seed
        vingerafdruk = fingerprint
        deel = k
        delen = n
        personen_per_blok = PopulationRun.chunkSize
        eerste_blok = run.chunks(part: k, of: n).lowerBound
        // The variants cover this part's chunks from its first one, as far as the sample reaches.
        blokken = chunks.enumerated().map { i, r in
            var chunk = Chunk(r)
            let found = variants.compactMap { id, results in i < results.count ? (id, Chunk(results[i])) : nil }
            if !found.isEmpty { chunk.varianten = Dictionary(uniqueKeysWithValues: found) }
            return chunk
        }
    }

    /// The chunk results back, with the strata (persona ids) of this population.
    public func results(strata: Set<String>) throws(PopulationError) -> [PopulationRun.Result] {
        try blokken.map { c throws(PopulationError) in try c.result(strata: strata, part: self) }
    }

    /// Per variant id the results of this part's chunks of the sensitivity sample, in order.
    public func variantResults(strata: Set<String>) throws(PopulationError) -> [String: [PopulationRun.Result]] {
        var out: [String: [PopulationRun.Result]] = [:]
        for c in blokken {
            for (id, v) in c.varianten ?? [:] { out[id, default: []].append(try v.result(strata: strata, part: self)) }
        }
        return out
    }
}

extension PopulationPart.Chunk {
    func result(strata: Set<String>, part: PopulationPart) throws(PopulationError) -> PopulationRun.Result {
        let deel = part.deel, delen = part.delen
        func group(_ section: String) throws(PopulationError) -> String {
            guard strata.contains(section) else {
                throw PopulationError("deel \(deel) van \(delen) noemt een persona '\(section)' die de populatie niet heeft")
            }
            return section
        }
        func byGroup<T>(_ values: [String: T]) throws(PopulationError) -> [String: T] {
            var out: [String: T] = [:]
            for (section, v) in values { out[try group(section)] = v }
            return out
        }
        let c = self
        var r = PopulationRun.Result()
            r.persons = try byGroup(c.personen)
            r.failures = c.niet_doorgerekend
            r.firstFailure = c.eerste_fout
            r.runs = c.berekeningen
            for (key, t) in c.knelpunten {
                guard let kind = FindingKind(rawValue: t.soort) else { throw PopulationError("deel \(deel) van \(delen): onbekende soort '\(t.soort)'") }
                var tally = PopulationRun.Tally()
                tally.topic = t.onderwerp
                tally.kind = kind
                tally.hits = try byGroup(t.treffers)
                tally.harmCents = try byGroup(t.verlies_cent)
                tally.harmSquares = try byGroup(t.verlies_kwadraten)
                var money: [String: PopulationRun.Tally.Money] = [:]
                for section in Set(t.gemist_recht_cent.keys).union(t.boetes_cent.keys).union(t.terugbetaling_cent.keys) {
                    money[try group(section)] = .init(lost: t.gemist_recht_cent[section] ?? 0, fines: t.boetes_cent[section] ?? 0,
                                                      repayment: t.terugbetaling_cent[section] ?? 0,
                                                      belowProtected: t.onder_beslagvrije_voet_cent[section] ?? 0)
                }
                tally.money = money
                r.tallies[key] = tally
            }
            return r
    }
}

extension PopulationPart {

    /// Parts of one population merged: they must be of the same run and
    /// together hold every chunk exactly once.
    /// Parts of one population merged: the central chunk results in order, and per variant id the sample's chunk results in order.
    public static func merge(_ parts: [PopulationPart], strata: Set<String>, chunkCount: Int) throws(PopulationError)
        -> (chunks: [PopulationRun.Result], variants: [String: [PopulationRun.Result]]) {
        guard let first = parts.first else { throw PopulationError("geen delen gevonden") }
        for p in parts where (p.omvang, p.zaad, p.vingerafdruk, p.delen, p.personen_per_blok) != (first.omvang, first.zaad, first.vingerafdruk, first.delen, first.personen_per_blok)
            || p.gevoeligheid_personen != first.gevoeligheid_personen {
            throw PopulationError("deel \(p.deel) van \(p.delen) hoort bij een andere doorrekening (omvang, zaad, invoer of aantal delen verschilt van deel \(first.deel))")
        }
        let sorted = parts.sorted { $0.eerste_blok < $1.eerste_blok }
        var next = 0
        for p in sorted {
            guard p.eerste_blok == next else {
                throw PopulationError(p.eerste_blok < next ? "deel \(p.deel) van \(p.delen) komt twee keer voor" : "een deel ontbreekt vóór deel \(p.deel) van \(p.delen)")
            }
            next += p.blokken.count
        }
        guard next == chunkCount else { throw PopulationError("de delen beslaan \(next) van de \(chunkCount) blokken; er ontbreekt een deel") }
        var chunks: [PopulationRun.Result] = []
        var variants: [String: [PopulationRun.Result]] = [:]
        for p in sorted {
            chunks += try p.results(strata: strata)
            for (id, results) in try p.variantResults(strata: strata) { variants[id, default: []] += results }
        }
        return (chunks, variants)
    }
}

public struct PopulationError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

extension PopulationPart.Chunk {
    init(_ r: PopulationRun.Result) {
        func named<T>(_ values: [String: T]) -> [String: T] { values }
        personen = r.persons
        niet_doorgerekend = r.failures
        eerste_fout = r.firstFailure
        berekeningen = r.runs
        knelpunten = r.tallies.mapValues { t in
            PopulationPart.Tally(onderwerp: t.topic, soort: t.kind.rawValue, treffers: named(t.hits), verlies_cent: named(t.harmCents),
                                 verlies_kwadraten: named(t.harmSquares), gemist_recht_cent: named(t.money.mapValues(\.lost)),
                                 boetes_cent: named(t.money.mapValues(\.fines)), terugbetaling_cent: named(t.money.mapValues(\.repayment)),
                                 onder_beslagvrije_voet_cent: named(t.money.mapValues(\.belowProtected)))
        }
    }
}
