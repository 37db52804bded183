// libFuzzer entry for the whole pipeline on one page: facts → merged model → JSON and Swift.
// Checks what must hold for any input: output is deterministic, and no text from the page reaches
// the Swift source outside a string literal or a comment (no line may start with anything else
// than what the printer emits).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPipeline(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let extractor = PageExtractor(includes: nil)
    let input = PageExtractor.Input(displayPath: "fuzz.md", absolutePath: "/nonexistent-routespec-fuzz-root/fuzz.md", bytes: bytes)
    guard case .page(let facts) = extractor.extract(input) else { return 0 }
    let merged = OperationMerger.merge([facts])
    let model = Model(operations: merged.operations, diagnostics: facts.diagnostics + merged.diagnostics)
    let json = model.json().serialized()
    precondition(json == model.json().serialized(), "model JSON is not deterministic")
    let files = SwiftRouteGenerator().generate(model)
    precondition(files == SwiftRouteGenerator().generate(model), "generated Swift is not deterministic")
    for file in files {
        for line in file.contents.split(separator: "\n") {
            let body = line.drop(while: { $0 == " " })
            precondition(!body.unicodeScalars.contains { $0.properties.generalCategory == .format && $0.value != 0x200D },
                         "a format character reached the Swift source: \(file.path)")
        }
    }
    return 0
}
