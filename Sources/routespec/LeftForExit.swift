/// Values a command is done with just before the process exits. Freeing a compiled corpus object by
/// object (hundreds of thousands of strings and arrays) takes longer than recompiling one changed
/// page; the system takes the memory back at exit at once, so these are never freed.
enum LeftForExit {
    private final class Box {
        let values: [Any]
        init(_ values: [Any]) { self.values = values }
    }

    static func keep(_ values: Any...) {
        _ = Unmanaged.passRetained(Box(values))
    }
}
