import Foundation

/// Finds the pages under the paths given on the command line: `.md` files, recursively, in the
/// order of their relative paths. Folders named `includes` hold include files, not pages, and
/// are not entered; hidden files and folders, and links to folders, are passed over.
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
        /// The page's file as reachable from the working directory, for diagnostics.
        public var file: String { root.isEmpty ? relativePath : (root as NSString).appendingPathComponent(relativePath) }
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
        for root in roots {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder) else { throw Failure.notFound(root) }
            let canonical = IncludeResolver.canonical(root)
            guard isFolder.boolValue else {
                let name = (root as NSString).lastPathComponent
                pages.append(Page(root: (root as NSString).deletingLastPathComponent, displayPath: name,
                                  canonicalRoot: (canonical as NSString).deletingLastPathComponent, relativePath: name, absolutePath: canonical))
                continue
            }
            var found: [String] = []
            collect(canonical, relative: "", into: &found)
            found.sort()
            for rel in found {
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

    private static func collect(_ folder: String, relative: String, into found: inout [String]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where !name.hasPrefix(".") {
            let path = folder + "/" + name
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            if !isFolder.boolValue {
                if name.lowercased().hasSuffix(".md") { found.append(relativePath) }
            } else if name != "includes", (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) == nil {
                collect(path, relative: relativePath, into: &found)
            }
        }
    }
}
