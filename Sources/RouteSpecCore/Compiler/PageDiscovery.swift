#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the pages under the paths given on the command line: `.md` files, recursively, in a
/// fixed order. Folders named `includes` hold include files, not pages, and are not entered.
public struct PageDiscovery {
    public struct Page: Sendable {
        /// The input path as given on the command line.
        public var root: String
        /// The path stored in the model and printed: `relativePath`, prefixed with the root's
        /// folder name when another root holds the same relative path.
        public var displayPath: String = ""
        /// Canonical absolute root, for include resolution.
        public var canonicalRoot: String
        public var relativePath: String
        public var absolutePath: String
    }

    public enum Failure: Error, CustomStringConvertible {
        case notFound(String)
        public var description: String {
            switch self {
            case .notFound(let p): "no such file or folder: \(p)"
            }
        }
    }

    public static func pages(under roots: [String]) throws -> [Page] {
        try pages(under: roots, listing: nil)
    }

    /// `pages(under:)`, remembering what was found in the cache folder `directory` (nil: not at
    /// all), so that a later run lists no folder that has not changed since.
    /// Folders side by side are walked on up to `threads` threads.
    public static func pages(under roots: [String], rememberingIn directory: String?, threads: Int = 1) throws -> [Page] {
        try pages(under: roots, listing: directory.flatMap { directory in ToolIdentity.current.map { PageListing(directory: directory, owner: $0) } },
                  threads: threads)
    }

    /// `pages(under:)`; with `listing`, a folder's pages are taken from it while the folders it
    /// walked vouch for them (`PageListing`), and the folders walked afresh are saved to it.
    static func pages(under roots: [String], listing: PageListing?, threads: Int = 1) throws -> [Page] {
        var pages: [Page] = []
        var walked: [String: PageListing.Walk] = [:], reused: [String] = []
        for root in roots {
            var info = stat()
            guard stat(root, &info) == 0 else { throw Failure.notFound(root) }
            let canonical = IncludeResolver.canonical(root)
            if (info.st_mode & S_IFMT) != S_IFDIR {
                let folder = canonical.deletingLastPathComponent
                let name = root.lastPathComponent
                let parent = root.deletingLastPathComponent
                pages.append(Page(root: parent, displayPath: name, canonicalRoot: folder, relativePath: name, absolutePath: canonical))
                continue
            }
            var found: [String] = []
            if let known = listing?.pages(under: canonical) {
                found = known
                reused.append(canonical)
            } else {
                var walk = PageListing.Walk()
                collect(canonical, relative: "", into: &found, walk: &walk, threads: threads)
                walk.pages = found
                walked[canonical] = walk
            }
            pages.reserveCapacity(pages.count + found.count)
            for rel in found {
                pages.append(Page(root: root, displayPath: rel, canonicalRoot: canonical, relativePath: rel, absolutePath: String(path: canonical, rel)))
            }
        }
        // A listing that cannot be saved only means walking again next time.
        if let listing, !walked.isEmpty { try? listing.save(fresh: walked, reused: reused) }
        // Two roots with the same relative path (two translations of one tree): tell them apart.
        guard roots.count > 1 else { return pages }
        var rootsOfPath: [String: Set<String>] = [:]
        for p in pages { rootsOfPath[p.relativePath, default: []].insert(p.root) }
        for i in pages.indices where rootsOfPath[pages[i].relativePath]!.count > 1 {
            let folder = pages[i].root.lastPathComponent
            pages[i].displayPath = (folder.isEmpty || folder == "." ? pages[i].root : folder) + "/" + pages[i].relativePath
        }
        return pages
    }

    private static func isHidden(_ name: String) -> Bool { name.utf8.first == UInt8(ascii: ".") }

    /// `.md` in any case, without lower-casing every name.
    private static func isMarkdown(_ name: String) -> Bool {
        name.withUTF8Bytes { b in
            let n = b.count
            return n >= 3 && b[n - 3] == UInt8(ascii: ".") && b[n - 2] | 0x20 == UInt8(ascii: "m") && b[n - 1] | 0x20 == UInt8(ascii: "d")
        }
    }

    /// Appends the pages under `directory` in byte order of their relative paths: each folder's
    /// entries are visited in the order of their names, a folder's name taken as followed by `/`
    /// (so `a/x.md` comes after `a-b.md` and before `ab.md`, as in a sort of the whole paths).
    /// Each folder's signature is taken into `walk` before the folder is listed: a change made
    /// while it is listed moves the signature past what was recorded.
    /// Two or more subfolders are walked on `threads` threads (each into its own lists, joined in
    /// order): a docs tree's version folders hold thousands of pages each.
    private static func collect(_ directory: String, relative: String, into found: inout [String], walk: inout PageListing.Walk,
                                threads: Int) {
        let signature = FileSignature.of(directory)
        guard let listed = DirectoryEntries.listing(directory) else { return walk.reusable = false }
        if let signature { walk.folders.append(.init(path: directory, signature: signature)) } else { walk.reusable = false }
        if !listed.allTyped { walk.reusable = false }
        let entries = listed.entries.filter { name, kind in
            switch kind {
            case .directory: !isHidden(name) && name != "includes"
            case .linkedDirectory: false
            case .file: !isHidden(name) && isMarkdown(name)
            }
        }
        let order = byteOrder(entries)
        let folders = order.filter { entries[$0].kind == .directory }
        let subfolders = ParallelMap.map(folders, threads: folders.count > 1 ? threads : 1, chunk: 1) { i -> ([String], PageListing.Walk) in
            let name = entries[i].name
            var found: [String] = [], walk = PageListing.Walk()
            collect(String(path: directory, name), relative: relative.isEmpty ? name : String(path: relative, name), into: &found, walk: &walk,
                    threads: threads)
            return (found, walk)
        }
        var next = 0
        for i in order {
            if entries[i].kind == .directory {
                found += subfolders[next].0
                walk.folders += subfolders[next].1.folders
                walk.reusable = walk.reusable && subfolders[next].1.reusable
                next += 1
            } else {
                found.append(relative.isEmpty ? entries[i].name : String(path: relative, entries[i].name))
            }
        }
    }

    /// The indices of `entries` in byte order of their names, a folder's name taken as followed by
    /// `/`. Each name's first eight bytes, as one big-endian integer, decide most comparisons; the
    /// names are copied into one buffer and compared there with `memcmp` only when those are equal
    /// (names in one folder often share a long prefix, `accesspackage-…`).
    private static func byteOrder(_ entries: [(name: String, kind: DirectoryEntries.Kind)]) -> [Int] {
        var arena: [UInt8] = []
        var keys: [(lead: UInt64, start: Int, count: Int, index: Int)] = []
        keys.reserveCapacity(entries.count)
        for (index, (name, kind)) in entries.enumerated() {
            let start = arena.count
            name.withUTF8Bytes { arena.append(contentsOf: $0) }
            if kind == .directory { arena.append(ASCII.slash) }
            var lead: UInt64 = 0
            for i in start..<start + 8 { lead = lead << 8 | UInt64(i < arena.count ? arena[i] : 0) }
            keys.append((lead, start, arena.count - start, index))
        }
        arena.withUnsafeBufferPointer { bytes in
            let base = bytes.baseAddress
            keys.sort { x, y in
                x.lead != y.lead ? x.lead < y.lead
                    : UTF8Text.precedes(UnsafeBufferPointer(start: base! + x.start, count: x.count),
                                        UnsafeBufferPointer(start: base! + y.start, count: y.count))
            }
        }
        return keys.map(\.index)
    }
}
