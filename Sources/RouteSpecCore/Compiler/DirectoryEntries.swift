#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder's entries and what each is, read with `readdir`: the entry's type comes with its name,
/// so only links (and file systems that do not report types) cost a `stat`.
enum DirectoryEntries {
    enum Kind {
        case file
        case directory
        /// A link to a folder: it could point anywhere, including back up the tree.
        case linkedDirectory
    }

    /// The entries of `directory` (not `.` and `..`), in no particular order; entries that cannot
    /// be examined (a dangling link) are left out. Nil when the folder cannot be read.
    static func list(_ directory: String) -> [(name: String, kind: Kind)]? { listing(directory)?.entries }

    /// `list`, and whether the system gave every entry's kind with its name: false when an entry
    /// is a link (or of a kind not reported), whose target can change without the folder changing.
    static func listing(_ directory: String) -> (entries: [(name: String, kind: Kind)], allTyped: Bool)? {
        guard let dir = opendir(directory) else { return nil }
        defer { closedir(dir) }
        var entries: [(name: String, kind: Kind)] = []
        var allTyped = true
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                let length = strnlen(raw.baseAddress!.assumingMemoryBound(to: CChar.self), raw.count)
                return String(decoding: UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: length), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let type = Int32(entry.pointee.d_type)
            switch type {
            case Int32(DT_REG): entries.append((name, .file))
            case Int32(DT_DIR): entries.append((name, .directory))
            default:
                // A link, or a file system that does not say: ask what the name leads to.
                allTyped = false
                var target = stat(), own = stat()
                let full = directory + "/" + name
                guard stat(full, &target) == 0, lstat(full, &own) == 0 else { continue }
                let isDirectory = (target.st_mode & S_IFMT) == S_IFDIR
                let isLink = (own.st_mode & S_IFMT) == S_IFLNK
                entries.append((name, isDirectory ? (isLink ? .linkedDirectory : .directory) : .file))
            }
        }
        return (entries, allTyped)
    }
}
