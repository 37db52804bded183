// libFuzzer entry for the Markdown layer: decoding, front matter and block scanning.
// Built by Scripts/fuzz.sh together with the RouteSpecCore sources (one module, so internals are reachable).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScanner(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var sink = DiagnosticSink(path: "fuzz.md")
    guard let text = SourceText.decode(bytes, diagnostics: &sink) else {
        precondition(!sink.items.isEmpty, "an undecodable page must say why")
        return 0
    }
    let front = FrontMatter.parse(text, diagnostics: &sink)
    let blocks = BlockScanner.scan(text, from: front.bodyStart, diagnostics: &sink)
    // Lines are file lines (bilingual spans can merge several into one text line).
    let fileLines = bytes.reduce(1) { $0 + ($1 == 10 ? 1 : 0) }
    for block in blocks {
        precondition(block.line >= 1 && block.line <= fileLines, "block line out of range: \(block.line)")
    }
    return 0
}
