/// A persona's lines sorted out by record kind (`FactLayout.lines(of:)`): where each lies in
/// her own list, kind after kind. A copy of the lines per kind counted every line's names and
/// attributes, and made a list per kind, for every lane of every block. Behind one reference:
/// a view hands a lane's to its table for every decision date on which the lane learns something.
public final class PersonaLines: Sendable {
    /// The persona's lines as she has them (her list, shared, not copied).
    let records: [PersonaRecord]
    /// Places in `records`, kind after kind; a kind's in the order of the file.
    let order: [Int32]
    /// Per kind, where its places begin in `order`; then where the last kind's end.
    let starts: [Int32]

    init(records: [PersonaRecord], order: [Int32], starts: [Int32]) {
        self.records = records
        self.order = order
        self.starts = starts
    }

    /// `body` with the persona's lines and the places of kind k's among them, both read in place.
    func withLines<T>(of k: Int, _ body: (UnsafeBufferPointer<PersonaRecord>, UnsafeBufferPointer<Int32>) -> T) -> T {
        records.withUnsafeBufferPointer { lines in
            order.withUnsafeBufferPointer { places in
                body(lines, UnsafeBufferPointer(rebasing: places[Int(starts[k])..<Int(starts[k + 1])]))
            }
        }
    }
}
