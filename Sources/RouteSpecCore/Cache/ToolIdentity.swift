import Foundation

/// Who is compiling: the running executable's path, size, modification time and inode, so that a
/// rebuilt compiler never reuses what an older one cached.
public enum ToolIdentity {
    public static let current: String? = {
        guard let path = Bundle.main.executablePath else { return nil }
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if os(Linux)
        let modified = info.st_mtim
        #else
        let modified = info.st_mtimespec
        #endif
        return "\(FactsCache.format) \(path) \(info.st_size) \(modified.tv_sec).\(modified.tv_nsec) \(info.st_ino)"
    }()
}
