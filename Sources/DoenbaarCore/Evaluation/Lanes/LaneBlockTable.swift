/// Where a view keeps a pointer per block (a slot in a month), in pages of 64
/// blocks made the first time one of their blocks is set. Blocks are numbered
/// month by month (`LaneFrame.block`), so the slots a view computes in the
/// months it does not share lie on a few pages. A flat table of every slot in
/// every month was zeroed for every view (two of them, about 25 KB for the 62
/// declarations of the bundled rules over two years), while most views compute a
/// few months: 1,5% of the instructions of a population run went to zeroing them.
struct LaneBlockTable<Pointee> {
    private static var pageShift: Int { 6 }
    private static var pageMask: Int { (1 << pageShift) - 1 }
    private let pages: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<Pointee>?>?>
    private let pageCount: Int
    /// Where the pages are made: they go when the arena goes.
    private let arena: LaneArena

    init(blocks: Int, arena: LaneArena) {
        pageCount = max(1, (blocks + Self.pageMask) >> Self.pageShift)
        self.arena = arena
        pages = arena.allocate(UnsafeMutablePointer<UnsafeMutablePointer<Pointee>?>?.self, count: pageCount)
        pages.initialize(repeating: nil, count: pageCount)
    }

    /// The pointer of a block; nil where none was set.
    @inline(__always)
    subscript(block: Int) -> UnsafeMutablePointer<Pointee>? {
        get { pages[block >> Self.pageShift]?[block & Self.pageMask] }
        nonmutating set {
            let index = block >> Self.pageShift
            if let page = pages[index] {
                page[block & Self.pageMask] = newValue
            } else if let newValue {
                let page = arena.allocate(UnsafeMutablePointer<Pointee>?.self, count: 1 << Self.pageShift)
                page.initialize(repeating: nil, count: 1 << Self.pageShift)
                page[block & Self.pageMask] = newValue
                pages[index] = page
            }
        }
    }
}
