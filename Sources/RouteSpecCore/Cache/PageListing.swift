/// The pages a run found under each folder given on the command line, with the signature of every
/// folder it walked. A folder's modification and status-change times move whenever an entry is
/// added to it, removed or renamed, so while no walked folder's signature has moved, walking again
/// would find the same pages: a recompile then lists no folder. A folder that holds a link is
/// walked every time (what a link leads to can change without its folder changing), and, as in
/// `ContentHashIndex`, a signature is trusted only if the folder had last changed well before
/// the run that saw it.
struct PageListing: Sendable {
    static let format = "routespec-page-listing 1"
    static let fileName = "pages.index"

    /// What walking one root found.
    struct Walk: Sendable, Equatable {
        struct Folder: Sendable, Equatable {
            var path: String
            var signature: FileSignature
        }
        /// Every folder walked, with its signature taken before it was listed.
        var folders: [Folder] = []
        /// The pages found, as `PageDiscovery` orders them.
        var pages: [String] = []
        /// False when a folder held a link or an entry of unknown kind.
        var reusable = true
    }

    let path: String
    /// Whose listing this is: one written by another compiler is ignored (its rules may differ).
    let owner: String
    let settling: Int64
    /// When this run started: no signature it takes is older.
    let startedAt: Int64
    private let walks: [String: Walk]
    private let previousStart: Int64

    init(directory: String, owner: String, settling: Int64 = ContentHashIndex.defaultSettling) {
        path = directory + "/" + Self.fileName
        self.owner = owner
        self.settling = settling
        startedAt = FileSignature.now()
        var walks: [String: Walk] = [:]
        var previousStart: Int64 = 0
        if let bytes = SharedBytes.file(path) {
            var r = BinaryReader(bytes)
            if (try? r.string()) == Self.format, (try? r.string()) == owner, let start = try? r.int(),
               let read = try? Self.readWalks(&r), r.isAtEnd {
                walks = read
                previousStart = Int64(start)
            }
        }
        self.walks = walks
        self.previousStart = previousStart
    }

    /// The pages under `root` (canonical) as last found, when every folder walked then still has
    /// the signature it had, and had settled before that walk; nil when the root must be walked.
    func pages(under root: String) -> [String]? {
        guard let walk = walks[root], walk.reusable else { return nil }
        for folder in walk.folders {
            guard let now = FileSignature.of(folder.path), now == folder.signature,
                  now.settled(before: previousStart, by: settling) else { return nil }
        }
        return walk.pages
    }

    /// Keeps `fresh` (roots walked this run) and the walks reused for `reused`; forgets the rest.
    func save(fresh: [String: Walk], reused: [String]) throws {
        var kept = fresh
        for root in reused where kept[root] == nil { kept[root] = walks[root] }
        var w = BinaryWriter()
        w.string(Self.format)
        w.string(owner)
        w.int(Int(startedAt))
        w.array(kept.keys.sorted()) { w, root in
            let walk = kept[root]!
            w.string(root)
            w.bool(walk.reusable)
            w.array(walk.folders) { w, folder in
                w.string(folder.path)
                folder.signature.encode(&w)
            }
            w.strings(walk.pages)
        }
        try AtomicFile.replace(path, with: w.bytes)
    }

    private static func readWalks(_ r: inout BinaryReader) throws -> [String: Walk] {
        var walks: [String: Walk] = [:]
        for (root, walk) in try r.array({ r in
            let root = try r.string()
            let reusable = try r.bool()
            let folders = try r.array { r in Walk.Folder(path: try r.string(), signature: try FileSignature(&r)) }
            return (root, Walk(folders: folders, pages: try r.strings(), reusable: reusable))
        }) { walks[root] = walk }
        return walks
    }
}
