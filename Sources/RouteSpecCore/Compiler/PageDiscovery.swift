import Foundation

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
        var pages: [Page] = []
        let fm = FileManager.default
        for root in roots {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: root, isDirectory: &isDirectory) else { throw Failure.notFound(root) }
            let canonical = IncludeResolver.canonical(root)
            if !isDirectory.boolValue {
                let folder = (canonical as NSString).deletingLastPathComponent
                let name = (root as NSString).lastPathComponent
                let parent = (root as NSString).deletingLastPathComponent
                pages.append(Page(root: parent, displayPath: name, canonicalRoot: folder, relativePath: name, absolutePath: canonical))
                continue
            }
            var found: [String] = []
            collect(canonical, relative: "", into: &found)
            for rel in found.sorted(by: String.utf8Precedes) {
                pages.append(Page(root: root, displayPath: rel, canonicalRoot: canonical, relativePath: rel, absolutePath: canonical + "/" + rel))
            }
        }
        // Two roots with the same relative path (two translations of one tree): tell them apart.
        guard roots.count > 1 else { return pages }
        var rootsOfPath: [String: Set<String>] = [:]
        for p in pages { rootsOfPath[p.relativePath, default: []].insert(p.root) }
        for i in pages.indices where rootsOfPath[pages[i].relativePath]!.count > 1 {
            let folder = (pages[i].root as NSString).lastPathComponent
            pages[i].displayPath = (folder.isEmpty || folder == "." ? pages[i].root : folder) + "/" + pages[i].relativePath
        }
        return pages
    }

    /// `.md` in any case, without lower-casing every name.
    private static func isMarkdown(_ name: String) -> Bool {
        let tail = Array(name.utf8.suffix(3))
        return tail.count == 3 && tail[0] == UInt8(ascii: ".") && tail[1] | 0x20 == UInt8(ascii: "m") && tail[2] | 0x20 == UInt8(ascii: "d")
    }

    private static func collect(_ directory: String, relative: String, into found: inout [String]) {
        guard let entries = DirectoryEntries.list(directory) else { return }
        for (name, kind) in entries where !name.hasPrefix(".") {
            let rel = relative.isEmpty ? name : relative + "/" + name
            switch kind {
            case .directory:
                if name == "includes" { continue }
                collect(directory + "/" + name, relative: rel, into: &found)
            case .linkedDirectory:
                continue
            case .file:
                if isMarkdown(name) { found.append(rel) }
            }
        }
    }
}
