/// Reads one line of an HTTP request block as `METHOD path`: full URLs lose scheme, host and
/// version; query strings and trailing comments go; `{id | upn}`, `<id | upn>` and `{id}}` become
/// `{id}`; OData keys, function parameters, `:/path:` addressing and casts are kept as written.
enum RouteLineParser {
    static let methods: Set<String> = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]

    struct Parsed: Equatable {
        var method: String
        var path: String
        var parameters: [RouteParameter]
        /// `v1.0` or `beta` when the line named one.
        var versionInURL: ApiVersion?
        var repairs: [String]
    }

    enum Failure: Error, Equatable {
        case notARoute
        case emptyPath(method: String)
        case badPath(String)
    }

    /// `requireSlash`: for lines outside code blocks, where "Get a user" is prose, the path must
    /// start with `/`, `{` or a URL.
    static func parse(_ rawLine: String, requireSlash: Bool = false) -> Result<Parsed, Failure> {
        var line = Substring(HTMLEntities.decode(rawLine))
        line = line.drop(while: { $0 == " " || $0 == "\t" || $0 == ">" })
        if line.hasPrefix("- ") || line.hasPrefix("* ") { line = line.dropFirst(2).drop(while: { $0 == " " }) }
        let word = line.prefix(while: { $0.isASCII && $0.isLetter })
        let method = word.uppercased()
        guard methods.contains(method) else { return .failure(.notARoute) }
        var rest = line.dropFirst(word.count)
        guard let next = rest.first, next == " " || next == "\t" || next == "/" || next == "h" || next == "H" else {
            return .failure(.notARoute)
        }
        rest = rest.drop(while: { $0 == " " || $0 == "\t" })
        let target = pathToken(rest)
        guard !target.isEmpty else { return .failure(.emptyPath(method: method)) }
        if requireSlash, !(target.hasPrefix("/") || target.hasPrefix("{") || target.lowercased().hasPrefix("http")) {
            return .failure(.notARoute)
        }
        return normalize(method: method, target: target)
    }

    /// The path runs to the first space outside braces, angle brackets, parentheses and quotes.
    private static func pathToken(_ s: Substring) -> String {
        var depth = 0
        var quote: Character? = nil
        var end = s.startIndex
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if let q = quote {
                if c == q { quote = nil }
            } else {
                switch c {
                case "{", "(", "<": depth += 1
                case "}", ")", ">": depth = max(0, depth - 1)
                case "'", "\"": if depth > 0 { quote = c }
                case " ", "\t": if depth == 0 { return String(s[s.startIndex..<end]) }
                default: break
                }
            }
            i = s.index(after: i)
            end = i
        }
        return String(s[s.startIndex..<end]).trimmingSpaces
    }

    private static func normalize(method: String, target: String) -> Result<Parsed, Failure> {
        var repairs: [String] = []
        var path = Substring(target)
        if path.hasPrefix("`") { path = path.dropFirst() }
        while path.hasSuffix("`") { path = path.dropLast() }
        // Scheme and host.
        if let scheme = path.utf8Range(of: "://"), path[..<scheme.lowerBound].allSatisfy({ $0.isLetter }) {
            let afterHost = path[scheme.upperBound...]
            path = afterHost.firstIndex(of: "/").map { afterHost[$0...] } ?? ""
        }
        path = cutQuery(path)
        var p = removeSpacesInParentheses(String(path))
        if !p.hasPrefix("/") { p = "/" + p }
        // Version prefix.
        var version: ApiVersion? = nil
        for v in ApiVersion.allCases {
            let prefix = "/" + v.rawValue
            if p.lowercased() == prefix || p.lowercased().hasPrefix(prefix + "/") {
                version = v
                p = String(p.dropFirst(prefix.count))
                if p.isEmpty { p = "/" }
                break
            }
        }
        if p.lowercased().hasPrefix("/{version}/") { p = String(p.dropFirst("/{version}".count)) }
        var placeholders = PlaceholderRewriter(repairs: repairs)
        p = placeholders.rewrite(p)
        repairs = placeholders.repairs
        while p.has("//") { p = p.replacingOccurrences(of: "//", with: "/") }
        if p.count > 1, p.hasSuffix("/") { p.removeLast() }
        guard p != "/" || method == "GET" else { return .failure(.emptyPath(method: method)) }
        if p.contains(where: { $0 == " " || $0 == "\t" || $0.isNewline }) {
            return .failure(.badPath(p))
        }
        return .success(Parsed(method: method, path: p, parameters: placeholders.parameters, versionInURL: version, repairs: repairs))
    }

    /// `resizedRange(deltaRows={n}, deltaColumns={n})` → `resizedRange(deltaRows={n},deltaColumns={n})`.
    private static func removeSpacesInParentheses(_ s: String) -> String {
        guard s.has(" ") || s.has("\t") else { return s }
        var depth = 0
        var out = ""
        for ch in s {
            if ch == "(" { depth += 1 }
            if ch == ")" { depth = max(0, depth - 1) }
            if depth > 0 && (ch == " " || ch == "\t") { continue }
            out.append(ch)
        }
        return out
    }

    /// Drops `?query` and `#fragment` outside placeholders.
    private static func cutQuery(_ s: Substring) -> Substring {
        var depth = 0
        var i = s.startIndex
        while i < s.endIndex {
            switch s[i] {
            case "{": depth += 1
            case "}": depth = max(0, depth - 1)
            case "?", "#": if depth == 0 { return s[s.startIndex..<i] }
            default: break
            }
            i = s.index(after: i)
        }
        return s
    }
}

/// Turns every placeholder into `{name}`, recording the documented alternatives and making
/// repeated names unique (`/users/{id}/contacts/{id}` → `{id}`, `{contact-id}`).
struct PlaceholderRewriter {
    var repairs: [String]
    var parameters: [RouteParameter] = []

    mutating func rewrite(_ path: String) -> String {
        var out = ""
        var i = path.startIndex
        var lastSegment = ""
        var previousSegment = ""
        while i < path.endIndex {
            let c = path[i]
            if c == "{" || (c == "<" && angleIsPlaceholder(path, from: i)) {
                let close: Character = c == "{" ? "}" : ">"
                var j = path.index(after: i)
                while j < path.endIndex, path[j] != close, path[j] != "/" || c == "<" { j = path.index(after: j) }
                let inner = path[path.index(after: i)..<j]
                if j < path.endIndex, path[j] == close {
                    j = path.index(after: j)
                } else {
                    repairs.append("unclosed placeholder '\(c)\(inner)' closed")
                }
                // `{id}}`: a doubled closing brace.
                while j < path.endIndex, path[j] == "}" {
                    repairs.append("stray '}' after a placeholder removed")
                    j = path.index(after: j)
                }
                out += "{" + register(inner, after: lastSegment.isEmpty ? previousSegment : lastSegment) + "}"
                i = j
                continue
            }
            if c == "}" {
                repairs.append("stray '}' removed")
                i = path.index(after: i)
                continue
            }
            if c == "/" {
                if !lastSegment.isEmpty { previousSegment = lastSegment }
                lastSegment = ""
            } else {
                lastSegment.append(c)
            }
            out.append(c)
            i = path.index(after: i)
        }
        return out
    }

    private func angleIsPlaceholder(_ path: String, from i: String.Index) -> Bool {
        guard let close = path[i...].firstIndex(of: ">") else { return false }
        let inner = path[path.index(after: i)..<close]
        return !inner.isEmpty && inner.allSatisfy { $0.isLetter || $0.isNumber || $0 == "|" || $0 == " " || $0 == "-" || $0 == "_" || $0 == "." }
    }

    private mutating func register(_ inner: Substring, after segment: String) -> String {
        let alternatives = inner.split(separator: "|").map { Self.cleanName($0) }.filter { !$0.isEmpty }
        var name = alternatives.first ?? "id"
        if parameters.contains(where: { $0.name == name }) {
            let owner = Self.owner(of: segment)
            let isFunctionArgument = segment.hasSuffix("=") || segment.hasSuffix("='")
            var candidate = owner.isEmpty ? name : isFunctionArgument ? owner : "\(owner)-\(name)"
            var n = 2
            while parameters.contains(where: { $0.name == candidate }) {
                candidate = "\(owner.isEmpty ? name : "\(owner)-\(name)")\(n)"
                n += 1
            }
            name = candidate
        }
        parameters.append(RouteParameter(name: name, alternatives: alternatives.count > 1 ? alternatives : []))
        return name
    }

    /// What a repeated placeholder belongs to: the function parameter it is the value of
    /// (`deltaColumns={n}`), else the collection segment before it (`contacts/{id}` → `contact`).
    static func owner(of segmentPrefix: String) -> String {
        var s = Substring(segmentPrefix)
        if s.hasSuffix("'") { s = s.dropLast() }
        if s.hasSuffix("=") {
            let name = s.dropLast().reversed().prefix(while: { $0.isLetter || $0.isNumber || $0 == "_" })
            return String(name.reversed())
        }
        return singular(cleanName(Substring(segmentPrefix.split(separator: "(").first ?? "")))
    }

    static func cleanName(_ s: Substring) -> String {
        var t = s.trimmingSpaces
        t = t.trimmingCharacters(in: "'\"` ")
        var out = ""
        for ch in t {
            if ch.isLetter || ch.isNumber || ch == "_" || ch == "-" || ch == "." { out.append(ch) }
            else if ch == " ", !out.hasSuffix("-") { out.append("-") }
        }
        return out
    }

    static func singular(_ word: String) -> String {
        if word.hasSuffix("ies") && word.count > 4 { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("sses") { return String(word.dropLast(2)) }
        if word.hasSuffix("s") && !word.hasSuffix("ss") && word.count > 3 { return String(word.dropLast()) }
        return word
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
