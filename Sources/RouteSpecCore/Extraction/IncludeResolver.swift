import Foundation

/// Resolves `[!INCLUDE]` targets relative to the including file, refusing any target that leaves
/// the root folder given on the command line (`../..`, absolute paths, symlinks pointing out).
public struct IncludeResolver: Sendable {
    public enum Outcome: Sendable {
        case loaded(displayPath: String, absolutePath: String, bytes: [UInt8])
        case missing(displayPath: String)
        case refused(reason: String)
    }

    /// Canonical root (symlinks resolved) and the prefix used to print paths below it.
    let root: String
    let displayPrefix: String

    public init(root: String, displayPrefix: String = "") {
        self.init(canonicalRoot: IncludeResolver.canonical(root), displayPrefix: displayPrefix)
    }

    /// For a root that is already canonical (`PageDiscovery.Page.canonicalRoot`), not resolved again per page.
    init(canonicalRoot: String, displayPrefix: String = "") {
        root = canonicalRoot
        self.displayPrefix = displayPrefix
    }

    public func resolve(_ target: String, from includingFile: String) -> Outcome {
        if target.hasPrefix("/") || target.has("://") || target.hasPrefix("~") {
            return .refused(reason: "absolute include path '\(target)' is not allowed")
        }
        // `.` and `..` resolved in the text (links are resolved below, by `canonical`).
        let joined = URL(fileURLWithPath: ((includingFile as NSString).deletingLastPathComponent as NSString).appendingPathComponent(target)).standardizedFileURL.path
        guard Self.isInside(joined, root) else {
            // Most often pages copied flat, without the folders their includes are relative to.
            let there = FileManager.default.fileExists(atPath: joined) ? " (it exists at \(joined): compile a folder holding both)" : ""
            return .refused(reason: "include '\(target)' resolves outside the input folder\(there); includes are read only inside the "
                + "folder given to compile: keep the docs' layout below it, pages in v1.0/api/ or beta/api/ beside v1.0/includes/ or beta/includes/")
        }
        let display = displayPrefix + String(joined.dropFirst(root.count)).drop(while: { $0 == "/" })
        guard FileManager.default.fileExists(atPath: joined) else { return .missing(displayPath: display) }
        let real = Self.canonical(joined)
        guard Self.isInside(real, root) else {
            return .refused(reason: "include '\(target)' is a link to a file outside the input root")
        }
        guard let bytes = FileBytes.read(real) else { return .missing(displayPath: display) }
        return .loaded(displayPath: display, absolutePath: real, bytes: bytes)
    }

    static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: absolute).standardizedFileURL.resolvingSymlinksInPath().path
    }

    static func isInside(_ path: String, _ root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }
}
