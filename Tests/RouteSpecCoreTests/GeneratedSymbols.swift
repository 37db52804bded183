import Foundation

/// The declarations in generated Swift, qualified by their enclosing types: read from the text
/// the printer produced (4-space indents), so the tests check what really ships.
enum GeneratedSymbols {
    static func of(_ files: [String]) -> Set<String> {
        var symbols: Set<String> = []
        for text in files {
            var stack: [(indent: Int, name: String)] = []
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let indent = line.prefix(while: { $0 == " " }).count
                let body = line.dropFirst(indent)
                if body.hasPrefix("//") || body.isEmpty { continue }
                while let last = stack.last, last.indent >= indent { stack.removeLast() }
                let scope = stack.last?.name ?? ""
                func qualified(_ n: String) -> String { scope.isEmpty ? n : scope + "." + n }
                for (prefix, isContainer) in [("extension ", true), ("public enum ", true), ("public struct ", true),
                                              ("case let ", false), ("case ", false), ("public static func ", false), ("public func ", false),
                                              ("public static let ", false), ("public var ", false), ("public init", false)] {
                    guard body.hasPrefix(prefix) else { continue }
                    if prefix.hasPrefix("case") && (body.hasPrefix("case .") || body.hasPrefix("case let .") || body.last == ":") { break }
                    let rest = body.dropFirst(prefix.count)
                    let name = String(rest.prefix(while: { !" :({<".contains($0) }))
                    if isContainer {
                        let full = prefix == "extension " ? name : qualified(name)
                        stack.append((indent, full))
                        if prefix != "extension " { symbols.insert(full) }
                    } else {
                        let signature = prefix.hasSuffix("func ") || prefix == "case " ? String(rest.prefix(while: { $0 != "{" })) : name
                        symbols.insert(qualified(signature.trimmingCharacters(in: .whitespaces)))
                    }
                    break
                }
            }
        }
        return symbols
    }
}
