/// Points a diagnostic at the text it quotes: one at column 1 whose message quotes text
/// (`'GIT /x y'`) found on its line of the page gets the column where that text starts.
/// Columns count characters, from 1.
enum QuotedColumn {
    static func locate(_ diagnostics: inout [Diagnostic], path: String, in bytes: [UInt8]) {
        var lineStarts: [Int]? = nil
        for i in diagnostics.indices where diagnostics[i].column == 1 && diagnostics[i].path == path {
            guard let quoted = firstQuote(in: diagnostics[i].message) else { continue }
            if lineStarts == nil { lineStarts = [0] + bytes.indices.filter { bytes[$0] == ASCII.newline }.map { $0 + 1 } }
            let number = diagnostics[i].line
            guard let starts = lineStarts, number <= starts.count else { continue }
            let end = number < starts.count ? starts[number] : bytes.count
            let line = String(decoding: bytes[starts[number - 1]..<end], as: UTF8.self)
            guard let found = line.range(of: quoted) else { continue }
            diagnostics[i].column = line.distance(from: line.startIndex, to: found.lowerBound) + 1
        }
    }

    /// The first `'…'` whose quotes stand at word edges (so "the page's" opens nothing).
    static func firstQuote(in message: String) -> String? {
        let scalars = Array(message.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "'", i == 0 || !isWordScalar(scalars[i - 1]) {
                var j = i + 1
                while j < scalars.count, !(scalars[j] == "'" && (j + 1 == scalars.count || !isWordScalar(scalars[j + 1]))) { j += 1 }
                if j < scalars.count, j > i + 1 {
                    var text = ""
                    text.unicodeScalars.append(contentsOf: scalars[(i + 1)..<j])
                    return text
                }
                return nil
            }
            i += 1
        }
        return nil
    }

    private static func isWordScalar(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic || ("0"..."9").contains(s) }
}
