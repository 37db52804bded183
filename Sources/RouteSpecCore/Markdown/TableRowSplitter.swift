/// Splits a Markdown table line into cells: `\|` and `&#124;` are literal pipes, pipes inside
/// backticks do not split, and the outer pipes do not make empty cells.
enum TableRowSplitter {
    static func row(_ line: String) -> [String]? {
        guard line.has("|") else { return nil }
        var cells: [String] = []
        var current = ""
        var inCode = false
        var escaped = false
        for ch in line {
            if escaped {
                current.append(ch == "|" ? "|" : "\\\(ch)")
                escaped = false
                continue
            }
            switch ch {
            case "\\": escaped = true
            case "`": inCode.toggle(); current.append(ch)
            case "|" where !inCode:
                cells.append(current)
                current = ""
            default: current.append(ch)
            }
        }
        if escaped { current.append("\\") }
        cells.append(current)
        if line.hasPrefix("|") { cells.removeFirst() }
        if line.hasSuffix("|") && !line.hasSuffix("\\|") && !cells.isEmpty { cells.removeLast() }
        let trimmed = cells.map { cell in
            let t = cell.trimmingSpaces
            return t.has("&#124;") ? t.replacingOccurrences(of: "&#124;", with: "|") : t
        }
        return trimmed.count >= 2 || line.hasPrefix("|") ? trimmed : nil
    }

    static func isDelimiter(_ cells: [String]) -> Bool {
        guard !cells.isEmpty else { return false }
        return cells.allSatisfy { cell in
            let c = cell.trimmingSpaces
            return !c.isEmpty && c.has("-") && c.allSatisfy { $0 == "-" || $0 == ":" || $0 == " " }
        }
    }
}

/// `## <a name="http-request"></a>HTTP request` → level 2, anchor `http-request`, text `HTTP request`.
enum HeadingParser {
    static func parse(_ line: String, line number: Int) -> Heading? {
        let hashes = line.prefix(while: { $0 == "#" }).count
        guard hashes >= 1, hashes <= 6 else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" || rest.first == "<" else { return nil }
        var body = String(rest).trimmingSpaces
        while body.hasSuffix("#") { body.removeLast() }  // closing hashes
        var anchor: String? = nil
        if let a = AnchorTag.find(in: body) {
            anchor = a.name
            body = (String(body[..<a.range.lowerBound]) + String(body[a.range.upperBound...])).trimmingSpaces
        }
        return Heading(level: hashes, anchor: anchor, text: InlineText.plain(body), line: number, tab: tabTarget(body))
    }

    /// `[HTTP](#tab/http)` → `http`.
    private static func tabTarget(_ text: String) -> String? {
        guard let r = text.range(of: "](#tab/") else { return nil }
        return String(text[r.upperBound...].prefix(while: { $0 != ")" && $0 != " " })).lowercased()
    }
}

/// `<a name="x"></a>` or `<a id="x"></a>` at the start of a heading.
enum AnchorTag {
    static func find(in s: String) -> (name: String, range: Range<String.Index>)? {
        guard s.has("<a ") || s.has("<A "), let open = s.range(of: "<a ", options: .caseInsensitive) else { return nil }
        guard let tagEnd = s[open.upperBound...].firstIndex(of: ">") else { return nil }
        let attributes = s[open.upperBound..<tagEnd]
        var name: String? = nil
        for key in ["name=", "id="] {
            if let k = attributes.range(of: key) {
                var value = attributes[k.upperBound...]
                if let q = value.first, q == "\"" || q == "'" {
                    value = value.dropFirst()
                    name = String(value.prefix(while: { $0 != q }))
                } else {
                    name = String(value.prefix(while: { $0 != " " }))
                }
                break
            }
        }
        guard let found = name, !found.isEmpty else { return nil }
        var end = s.index(after: tagEnd)
        if let close = s[end...].range(of: "</a>", options: .caseInsensitive), s[end..<close.lowerBound].trimmingSpaces.isEmpty {
            end = close.upperBound
        }
        return (found.lowercased(), open.lowerBound..<end)
    }
}

/// `[!INCLUDE [label](../includes/x.md)]`, possibly inside a quote.
enum IncludeDirective {
    static func target(_ line: String) -> String? {
        guard let b = line.utf8.first, b == UInt8(ascii: "[") || b == UInt8(ascii: ">") else { return nil }
        var s = Substring(line)
        while s.hasPrefix(">") { s = s.dropFirst().drop(while: { $0 == " " }) }
        guard s.hasPrefix("[!"), s.prefix(9).uppercased() == "[!INCLUDE" else { return nil }
        guard let open = s.range(of: "]("), let close = s[open.upperBound...].firstIndex(of: ")") else { return nil }
        let target = s[open.upperBound..<close].trimmingSpaces
        return target.isEmpty ? nil : target
    }
}
