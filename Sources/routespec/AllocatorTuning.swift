#if canImport(Glibc)
import Glibc

/// How the C allocator is set up for a compile, which allocates a hundred megabytes in small
/// objects on several threads; with the cache most of a run's time is spent allocating.
enum AllocatorTuning {
    private static let topPad: Int32 = -2  // M_TOP_PAD in <malloc.h>
    static let tunables = "glibc.malloc.hugetlb=1"

    static func apply() {
        useHugePages()
        // glibc grows each thread's heap 128 KB at a time, one `mprotect` per step. Growing
        // heaps 64 MB at a time costs nothing until the pages are touched, and cut a recompile
        // after one changed page by about a tenth. `mallopt` is looked up at run time because
        // Swift's Glibc module does not declare it.
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        _ = mallopt(topPad, 64 << 20)
    }

    /// Each fresh 4 KB page the heap touches costs a page fault (a recompile touches some 14k
    /// of them, a tenth of its time on a virtual machine). Transparent huge pages make that one
    /// fault per 2 MB, but where the system gives them only to memory that asks (`madvise` mode,
    /// the usual default) glibc's heaps ask only when the `glibc.malloc.hugetlb=1` tunable was in
    /// the environment at start-up: so a run without `GLIBC_TUNABLES` in such a system starts
    /// itself again, once, with it (a few milliseconds, against 30–70 saved). A `GLIBC_TUNABLES`
    /// already set, even empty, is left alone and turns this off.
    private static func useHugePages() {
        guard getenv("GLIBC_TUNABLES") == nil, transparentHugePagesOnRequestOnly(), glibcKnowsHugeTLB() else { return }
        setenv("GLIBC_TUNABLES", tunables, 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        unsetenv("GLIBC_TUNABLES")  // The restart failed: carry on as started.
    }

    private static func transparentHugePagesOnRequestOnly() -> Bool {
        guard let file = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r") else { return false }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 128)
        guard fgets(&line, Int32(line.count), file) != nil else { return false }
        return strstr(line, "[madvise]") != nil
    }

    /// The tunable came with glibc 2.35.
    private static func glibcKnowsHugeTLB() -> Bool {
        guard let symbol = dlsym(nil, "gnu_get_libc_version") else { return false }
        let version = unsafeBitCast(symbol, to: (@convention(c) () -> UnsafePointer<CChar>).self)
        let parts = String(cString: version()).split(separator: ".").compactMap { Int($0) }
        return parts.count >= 2 && (parts[0], parts[1]) >= (2, 35)
    }
}
#else
enum AllocatorTuning {
    static func apply() {}
}
#endif
