import Foundation

/// What the review commands compare: a model file (`.json`) or pages (a folder or `.md` files),
/// compiled on the spot.
public enum ModelSource {
    public static func load(_ path: String, threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> Model {
        if path.hasSuffix(".json") {
            guard FileManager.default.fileExists(atPath: path) else {
                throw ModelReader.Failure(description: "no model at \(path): make one with `routespec compile PAGES --model \(path)`, or give the pages' folder instead")
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ModelReader.Failure(description: "cannot read \(path)")
            }
            return try ModelReader.read([UInt8](data))
        }
        return try Compiler(options: .init(threads: threads)).compile(paths: [path]).model
    }
}
