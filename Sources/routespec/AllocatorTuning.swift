#if canImport(Glibc)
import Glibc

/// glibc's allocator grows each thread's heap 128 KB at a time, one `mprotect` per step; a
/// compile allocates a hundred megabytes in small objects on several threads, and with the
/// cache most of its time is spent allocating. Growing heaps 64 MB at a time costs nothing
/// until the pages are touched, and cut a recompile after one changed page by about a tenth.
/// `mallopt` is looked up at run time because Swift's Glibc module does not declare it.
enum AllocatorTuning {
    private static let topPad: Int32 = -2  // M_TOP_PAD in <malloc.h>

    static func apply() {
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        _ = mallopt(topPad, 64 << 20)
    }
}
#else
enum AllocatorTuning {
    static func apply() {}
}
#endif
