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
            for rel in found.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                pages.append(Page(root: root, displayPath: rel, canonicalRoot: canonical, relativePath: rel, absolutePath: canonical + "/" + rel))
            }
        }
        // Two roots with the same relative path (two translations of one tree): tell them apart.
        var roots: [String: Set<String>] = [:]
        for p in pages { roots[p.relativePath, default: []].insert(p.root) }
        for i in pages.indices where roots[pages[i].relativePath]!.count > 1 {
            let folder = (pages[i].root as NSString).lastPathComponent
            pages[i].displayPath = (folder.isEmpty || folder == "." ? pages[i].root : folder) + "/" + pages[i].relativePath
        }
        return pages
    }

    private static func collect(_ directory: String, relative: String, into found: inout [String]) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in entries where !name.hasPrefix(".") {
            let full = directory + "/" + name
            let rel = relative.isEmpty ? name : relative + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                // A symlinked folder could point anywhere, including back up the tree.
                if (try? FileManager.default.destinationOfSymbolicLink(atPath: full)) != nil { continue }
                if name == "includes" { continue }
                collect(full, relative: rel, into: &found)
            } else if name.lowercased().hasSuffix(".md") {
                found.append(rel)
            }
        }
    }
}
