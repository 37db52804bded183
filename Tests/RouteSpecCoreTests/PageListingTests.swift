import Foundation
import Testing
@testable import RouteSpecCore

/// A remembered listing must give exactly what walking the folders gives, and be walked again
/// whenever a folder it walked has changed.
@Suite struct PageListingTests {
    private let fm = FileManager.default

    private func tree() throws -> (root: String, cache: String) {
        let base = fm.temporaryDirectory.appendingPathComponent("routespec-listing-\(UUID().uuidString)").path
        for (path, text) in [("pages/a.md", "a"), ("pages/sub/b.md", "b"), ("pages/includes/i.md", "i"), ("pages/.hidden.md", "h"),
                             ("pages/sub/deeper/c.MD", "c"), ("pages/notes.txt", "n")] {
            try fm.createDirectory(atPath: (base + "/" + path).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: base + "/" + path))
        }
        // Signatures are trusted only when older than the run that recorded them.
        usleep(20_000)
        return (base + "/pages", base + "/cache")
    }

    /// A run that remembers: what it found, and whether its listing vouched for the root.
    private func run(_ root: String, cache: String, settling: Int64 = 0) throws -> (pages: [String], reused: Bool) {
        let listing = PageListing(directory: cache, owner: "test", settling: settling)
        let reused = listing.pages(under: IncludeResolver.canonical(root)) != nil
        let found = try PageDiscovery.pages(under: [root], listing: listing).map(\.relativePath)
        #expect(found == (try PageDiscovery.pages(under: [root]).map(\.relativePath)), "a remembered listing differs from a walk")
        usleep(20_000)
        return (found, reused)
    }

    @Test func aListingIsReusedUntilAFolderItWalkedChanges() throws {
        let (root, cache) = try tree()
        defer { try? fm.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        #expect(try run(root, cache: cache) == (["a.md", "sub/b.md", "sub/deeper/c.MD"], false))
        #expect(try run(root, cache: cache).reused)
        // A page's bytes changing in place does not change its folder: still reused, still right.
        try Data("edited".utf8).write(to: URL(fileURLWithPath: root + "/a.md"))
        #expect(try run(root, cache: cache) == (["a.md", "sub/b.md", "sub/deeper/c.MD"], true))
        // A page added deep down, a folder added, a page removed, a folder renamed: each is seen.
        try Data("d".utf8).write(to: URL(fileURLWithPath: root + "/sub/deeper/d.md"))
        #expect(try run(root, cache: cache) == (["a.md", "sub/b.md", "sub/deeper/c.MD", "sub/deeper/d.md"], false))
        try fm.createDirectory(atPath: root + "/new", withIntermediateDirectories: true)
        try Data("e".utf8).write(to: URL(fileURLWithPath: root + "/new/e.md"))
        #expect(try run(root, cache: cache).pages.contains("new/e.md"))
        try fm.removeItem(atPath: root + "/a.md")
        #expect(try !run(root, cache: cache).pages.contains("a.md"))
        try fm.moveItem(atPath: root + "/sub", toPath: root + "/zsub")
        #expect(try run(root, cache: cache) == (["new/e.md", "zsub/b.md", "zsub/deeper/c.MD", "zsub/deeper/d.md"], false))
        #expect(try run(root, cache: cache).reused)
    }

    @Test func aFolderHoldingALinkIsWalkedEveryTime() throws {
        let (root, cache) = try tree()
        defer { try? fm.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        try fm.createSymbolicLink(atPath: root + "/sub/linked.md", withDestinationPath: root + "/a.md")
        _ = try run(root, cache: cache)
        #expect(try run(root, cache: cache) == (["a.md", "sub/b.md", "sub/deeper/c.MD", "sub/linked.md"], false))
    }

    @Test func aFolderChangedShortlyBeforeItWasWalkedIsWalkedAgain() throws {
        let (root, cache) = try tree()
        defer { try? fm.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        _ = try run(root, cache: cache, settling: 3_600_000_000_000)
        #expect(try !run(root, cache: cache, settling: 3_600_000_000_000).reused)
    }

    @Test func aListingOfAnotherCompilerIsIgnored() throws {
        let (root, cache) = try tree()
        defer { try? fm.removeItem(atPath: (root as NSString).deletingLastPathComponent) }
        _ = try run(root, cache: cache)
        #expect(PageListing(directory: cache, owner: "another", settling: 0).pages(under: IncludeResolver.canonical(root)) == nil)
    }
}
