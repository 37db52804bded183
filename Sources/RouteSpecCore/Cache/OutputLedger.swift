/// What this compiler last wrote into an output folder: each generated file's bytes' hash and the
/// key of everything it was made from (`GeneratedFileKey`). A file whose key is unchanged and whose
/// bytes are still the ones written need not be printed, compared or written again; a file edited,
/// replaced or deleted since is simply made again. Kept in the cache folder, per compiler (a
/// rebuilt compiler might print the same inputs differently).
public struct OutputLedger: Sendable {
    static let fileName = "outputs.index"

    /// The output folder as given; entries are its files' paths.
    let outputDirectory: String
    private let index: ContentHashIndex

    /// The ledger for the running compiler, or nil when the compiler cannot identify itself.
    public static func forRunningTool(cacheDirectory: String, outputDirectory: String) -> OutputLedger? {
        ToolIdentity.current.map { OutputLedger(cacheDirectory: cacheDirectory, outputDirectory: outputDirectory, toolIdentity: $0) }
    }

    public init(cacheDirectory: String, outputDirectory: String, toolIdentity: String) {
        self.outputDirectory = outputDirectory
        index = ContentHashIndex(path: cacheDirectory + "/" + Self.fileName, owner: toolIdentity + "\n" + outputDirectory)
    }

    private func file(_ relativePath: String) -> String { outputDirectory + "/" + relativePath }

    /// Whether the file at `relativePath` holds what this compiler made from `key` last time.
    func isCurrent(_ relativePath: String, madeFrom key: ContentHash) -> Bool {
        guard let entry = index.entry(file(relativePath)), entry.madeFrom == key else { return false }
        return index.look(file(relativePath))?.hash == entry.hash
    }

    /// Records the files now in the folder: those just written (or found already equal) and those
    /// left as they were; forgets every other file.
    public func save(_ files: SwiftRouteGenerator.Files) throws {
        let written = files.made, unchanged = files.unchanged
        var seen: [(file: String, entry: ContentHashIndex.Entry)] = []
        for file in written {
            guard let key = file.madeFrom, let signature = FileSignature.of(self.file(file.path)) else { continue }
            seen.append((self.file(file.path), .init(signature: signature, hash: ContentHash(bytes: file.utf8), madeFrom: key)))
        }
        // `isCurrent` checked these files' bytes this run; a write since then moves their
        // signature past this run's start, so the next run reads them again.
        var allKnown = written.allSatisfy { $0.madeFrom == nil }
        for path in unchanged {
            guard var entry = index.entry(file(path)), let signature = FileSignature.of(file(path)) else { continue }
            allKnown = allKnown && index.knownHash(of: file(path), signature: signature) != nil
            entry.signature = signature
            seen.append((file(path), entry))
        }
        seen.sort { $0.file < $1.file }
        try index.save(seen, allKnown: allKnown)
    }
}
