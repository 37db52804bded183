// libFuzzer entry for one page's extraction into facts (routes, permission tables, status codes).
// Includes resolve against a root that does not exist, so include handling runs without disk access.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExtractor(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let extractor = PageExtractor(includes: IncludeResolver(root: "/nonexistent-routespec-fuzz-root"))
    let input = PageExtractor.Input(displayPath: "api-reference/v1.0/api/fuzz.md",
                                    absolutePath: "/nonexistent-routespec-fuzz-root/api-reference/v1.0/api/fuzz.md", bytes: bytes)
    switch extractor.extract(input) {
    case .page(let facts):
        for route in facts.routes {
            precondition(route.path.hasPrefix("/"), "a route path must start with /: \(route.path)")
        }
        for d in facts.diagnostics { precondition(d.line >= 1, "diagnostic without a line: \(d)") }
    case .skipped(let diagnostics):
        for d in diagnostics { precondition(d.line >= 1, "diagnostic without a line: \(d)") }
    }
    return 0
}
