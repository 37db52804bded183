/// Reads one line of an HTTP request block as `METHOD path`: full URLs lose scheme, host and
/// version; query strings and trailing comments go; `{id | upn}`, `<id | upn>` and `{id}}` become
/// `{id}`; OData keys, function parameters, `:/path:` addressing and casts are kept as written.
enum RouteLineParser {
    static let methods: Set<String> = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]

    struct Parsed: Equatable, Sendable {
        var method: String
        var path: String
        var parameters: [RouteParameter]
        /// `v1.0` or `beta` when the line named one.
        var versionInURL: ApiVersion?
        var repairs: [String]
    }

    enum Failure: Error, Equatable, Sendable {
        case notARoute
        case emptyPath(method: String)
        case badPath(String)
    }

    /// `requireSlash`: for lines outside code blocks, where "Get a user" is prose, the path must
    /// start with `/`, `{` or a URL.
    /// Lines are read as UTF-8 bytes: every delimiter is ASCII, and walking `Character`s cost
    /// hundreds of instructions a byte.
    static func parse(_ rawLine: String, requireSlash: Bool = false) -> Result<Parsed, Failure> {
        let line = Array(HTMLEntities.decode(rawLine).utf8)
        let n = line.count
        let word = line.withSpan { methodWord($0) }
        var i = word.upperBound
        let method = line.string(word).uppercased()
        guard methods.contains(method) else { return .failure(.notARoute) }
        guard i < n, ASCII.isSpace(line[i]) || line[i] == ASCII.slash || line[i] == UInt8(ascii: "h") || line[i] == UInt8(ascii: "H") else {
            return .failure(.notARoute)
        }
        while i < n, ASCII.isSpace(line[i]) { i += 1 }
        let target = pathToken(line, from: i)
        guard !target.isEmpty else { return .failure(.emptyPath(method: method)) }
        if requireSlash, !(target.hasPrefix("/") || target.hasPrefix("{") || target.lowercased().hasPrefix("http")) {
            return .failure(.notARoute)
        }
        var result = normalize(method: method, target: target)
        // Words after the path are dropped: say so, unless they are a comment, the HTTP version,
        // or the rest of a query string (which is dropped anyway).
        let rest = line.count > i + target.utf8.count ? line.string((i + target.utf8.count)..<n).trimmingSpaces : ""
        if case .success(var parsed) = result, !rest.isEmpty, !target.contains("?"),
           !rest.hasPrefix("//"), !rest.hasPrefix("#"), !rest.uppercased().hasPrefix("HTTP/") {
            parsed.repairs.append("'\(rest)' after the path ignored")
            result = .success(parsed)
        }
        return result
    }

    /// The first word and its column, when a line reads `WORD /path` but the word is no method.
    static func unknownMethod(_ line: String) -> (word: String, column: Int)? {
        let leading = line.prefix { $0 == " " || $0 == "\t" }
        let rest = line.dropFirst(leading.count)
        let word = rest.prefix { $0.isASCII && $0.isLetter }
        let after = rest.dropFirst(word.count)
        guard (2...10).contains(word.count), !methods.contains(word.uppercased()), after.first == " " else { return nil }
        let target = after.drop { $0 == " " }
        guard target.hasPrefix("/") || target.hasPrefix("{") || target.lowercased().hasPrefix("https://") else { return nil }
        return (String(word), leading.count + 1)
    }

    /// Whether `parse` could find a method at the start of these bytes: false only when no
    /// entity can hide one and the first word (past quote marks and a list bullet) is no method.
    /// Prose lines are asked first, and few are routes.
    static func mayStartWithMethod(_ line: Span<UInt8>) -> Bool {
        if line.contains(UInt8(ascii: "&")) { return true }
        let word = methodWord(line)
        return word.count >= 3 && word.count <= 7 && methods.contains(line.string(word).uppercased())
    }

    /// Where a route line's method would be: the first run of letters past spaces, quote marks
    /// (`>`) and a list bullet (`- `, `* `).
    private static func methodWord(_ line: Span<UInt8>) -> Range<Int> {
        var i = 0
        let n = line.count
        while i < n, ASCII.isSpace(line[i]) || line[i] == ASCII.greaterThan { i += 1 }
        if i + 1 < n, line[i] == ASCII.dash || line[i] == ASCII.star, line[i + 1] == ASCII.space {
            i += 2
            while i < n, line[i] == ASCII.space { i += 1 }
        }
        let start = i
        while i < n, ASCII.isLetter(line[i]) { i += 1 }
        return start..<i
    }

    /// The path runs to the first space outside braces, angle brackets, parentheses and quotes.
    private static func pathToken(_ s: [UInt8], from start: Int) -> String {
        var depth = 0
        var quote: UInt8? = nil
        var i = start
        while i < s.count {
            let c = s[i]
            if let q = quote {
                if c == q { quote = nil }
            } else {
                switch c {
                case ASCII.openBrace, ASCII.openParen, ASCII.lessThan: depth += 1
                case ASCII.closeBrace, ASCII.closeParen, ASCII.greaterThan: depth = max(0, depth - 1)
                case ASCII.apostrophe, ASCII.quote: if depth > 0 { quote = c }
                case ASCII.space, ASCII.tab: if depth == 0 { return s.string(start..<i) }
                default: break
                }
            }
            i += 1
        }
        return s.string(start..<s.count).trimmingSpaces
    }

    private static func normalize(method: String, target: String) -> Result<Parsed, Failure> {
        var repairs: [String] = []
        var path = ArraySlice(target.utf8)
        if path.first == ASCII.backtick { path = path.dropFirst() }
        while path.last == ASCII.backtick { path = path.dropLast() }
        // Scheme and host.
        let schemeOffset = path.withSpan { TextSearch.find(Self.schemeSeparator, in: $0) }
        if let scheme = schemeOffset.map({ $0 + path.startIndex }), isLetters(path[..<scheme]) {
            let afterHost = path[(scheme + 3)...]
            path = afterHost.firstIndex(of: ASCII.slash).map { afterHost[$0...] } ?? []
        }
        var p = removeSpacesInParentheses(cutQuery(path))
        if p.first != ASCII.slash { p.insert(ASCII.slash, at: 0) }
        // Version prefix.
        var version: ApiVersion? = nil
        for (v, prefix) in Self.versionPrefixes {
            if p.hasPrefixIgnoringCase(prefix, at: 0) && (p.count == prefix.count || p[prefix.count] == ASCII.slash) {
                version = v
                p.removeFirst(prefix.count)
                if p.isEmpty { p = [ASCII.slash] }
                break
            }
        }
        if p.hasPrefixIgnoringCase(Self.versionPlaceholder, at: 0) { p.removeFirst(Self.versionPlaceholder.count - 1) }
        var placeholders = PlaceholderRewriter(repairs: repairs)
        p = placeholders.rewrite(p)
        repairs = placeholders.repairs
        p = collapseSlashes(p)
        if p.count > 1, p.last == ASCII.slash { p.removeLast() }
        guard p != [ASCII.slash] || method == "GET" else { return .failure(.emptyPath(method: method)) }
        if let closed = Self.closingOpenParenthesis(p) {
            repairs.append("missing ')' added after '\(String(decoding: p[..<closed].suffix(24), as: UTF8.self))'")
            p.insert(ASCII.closeParen, at: closed)
        }
        let normalized = String(decoding: p, as: UTF8.self)
        // A repair never yields a malformed path: code or angle marks, unbalanced brackets or quotes.
        if p.contains(where: { $0 == ASCII.backtick || $0 == ASCII.lessThan || $0 == ASCII.greaterThan }) || !Self.isBalanced(p) {
            return .failure(.badPath(normalized))
        }
        if p.contains(where: { $0 == ASCII.space || $0 == ASCII.tab || $0 == ASCII.newline || $0 == ASCII.carriageReturn || $0 == 0x0B || $0 == 0x0C })
            || (p.contains(where: { $0 >= 0x80 }) && normalized.contains(where: \.isNewline)) {
            return .failure(.badPath(normalized))
        }
        return .success(Parsed(method: method, path: normalized, parameters: placeholders.parameters, versionInURL: version, repairs: repairs))
    }

    /// `range(address='{address}'/entireRow`: where the `)` a function call's arguments lack goes
    /// (before the `/` after its last argument), when that is the only thing unbalanced.
    static func closingOpenParenthesis(_ p: [UInt8]) -> Int? {
        guard !isBalanced(p), let open = p.lastIndex(of: ASCII.openParen), !p[open...].contains(ASCII.closeParen),
              let slash = p[open...].firstIndex(of: ASCII.slash), slash > open + 1 else { return nil }
        var fixed = p
        fixed.insert(ASCII.closeParen, at: slash)
        return isBalanced(fixed) ? slash : nil
    }

    /// Braces and parentheses closed in order, and an even number of `'`.
    static func isBalanced(_ p: [UInt8]) -> Bool {
        var stack: [UInt8] = []
        var quotes = 0
        for b in p {
            switch b {
            case ASCII.openBrace, ASCII.openParen: stack.append(b)
            case ASCII.closeBrace: if stack.popLast() != ASCII.openBrace { return false }
            case ASCII.closeParen: if stack.popLast() != ASCII.openParen { return false }
            case ASCII.apostrophe: quotes += 1
            default: break
            }
        }
        return stack.isEmpty && quotes % 2 == 0
    }

    private static let schemeSeparator = Array("://".utf8)
    private static let versionPrefixes = ApiVersion.allCases.map { ($0, Array(("/" + $0.rawValue).utf8)) }
    private static let versionPlaceholder = Array("/{version}/".utf8)

    /// Letters only (`https`); non-ASCII bytes are judged as characters.
    private static func isLetters(_ bytes: ArraySlice<UInt8>) -> Bool {
        if bytes.allSatisfy(ASCII.isLetter) { return true }
        return bytes.contains(where: { $0 >= 0x80 }) && String(decoding: bytes, as: UTF8.self).allSatisfy(\.isLetter)
    }

    private static func collapseSlashes(_ p: [UInt8]) -> [UInt8] {
        // Nearly every path has no doubled slash: returned as it is, not copied byte by byte.
        guard zip(p, p.dropFirst()).contains(where: { $0 == ASCII.slash && $1 == ASCII.slash }) else { return p }
        var out: [UInt8] = []
        out.reserveCapacity(p.count)
        for c in p where !(c == ASCII.slash && out.last == ASCII.slash) { out.append(c) }
        return out
    }

    /// `resizedRange(deltaRows={n}, deltaColumns={n})` → `resizedRange(deltaRows={n},deltaColumns={n})`.
    private static func removeSpacesInParentheses(_ s: ArraySlice<UInt8>) -> [UInt8] {
        guard s.contains(ASCII.openParen) else { return Array(s) }
        var depth = 0
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        for c in s {
            if c == ASCII.openParen { depth += 1 }
            if c == ASCII.closeParen { depth = max(0, depth - 1) }
            if depth > 0 && ASCII.isSpace(c) { continue }
            out.append(c)
        }
        return out
    }

    /// Drops `?query` and `#fragment` outside placeholders.
    private static func cutQuery(_ s: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var depth = 0
        for i in s.indices {
            switch s[i] {
            case ASCII.openBrace: depth += 1
            case ASCII.closeBrace: depth = max(0, depth - 1)
            case ASCII.question, ASCII.hash: if depth == 0 { return s[..<i] }
            default: break
            }
        }
        return s
    }
}

/// Turns every placeholder into `{name}`, recording the documented alternatives and making
/// repeated names unique (`/users/{id}/contacts/{id}` → `{id}`, `{contact-id}`).
struct PlaceholderRewriter {
    var repairs: [String]
    var parameters: [RouteParameter] = []

    mutating func rewrite(_ path: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(path.count)
        var i = 0
        // What the current and previous segments say outside placeholders: who a placeholder belongs to.
        var lastSegment: [UInt8] = []
        var previousSegment: [UInt8] = []
        lastSegment.reserveCapacity(path.count)
        previousSegment.reserveCapacity(path.count)
        while i < path.count {
            let c = path[i]
            // `{externalId='{externalId}'}`: an OData key written as a placeholder → `(externalId='{externalId}')`.
            if c == ASCII.openBrace, let key = Self.keyInBraces(path, from: i) {
                if out.last == ASCII.slash { out.removeLast() }
                let original = path.string(i..<key.end)
                out += "(\(key.name)=".utf8
                if key.quoted { out.append(ASCII.apostrophe) }
                out.append(ASCII.openBrace)
                out += register(Substring(key.value), after: key.name + "=").utf8
                out.append(ASCII.closeBrace)
                if key.quoted { out.append(ASCII.apostrophe) }
                out.append(ASCII.closeParen)
                repairs.append("'\(original)' read as the key '\(String(decoding: out.suffix(from: out.lastIndex(of: ASCII.openParen)!), as: UTF8.self))'")
                i = key.end
                continue
            }
            // `` `id` ``: a placeholder written as code.
            if c == ASCII.backtick, let close = path[(i + 1)...].firstIndex(of: ASCII.backtick), close > i + 1,
               path[(i + 1)..<close].allSatisfy({ ASCII.isKeyByte($0) || $0 == ASCII.pipe || $0 == ASCII.space }) {
                let inner = path.string((i + 1)..<close)
                out.append(ASCII.openBrace)
                out += register(Substring(inner), after: String(decoding: lastSegment.isEmpty ? previousSegment : lastSegment, as: UTF8.self)).utf8
                out.append(ASCII.closeBrace)
                repairs.append("'`\(inner)`' read as the placeholder '{\(parameters.last?.name ?? inner)}'")
                i = close + 1
                continue
            }
            if c == ASCII.openBrace || (c == ASCII.lessThan && angleIsPlaceholder(path, from: i)) {
                let close = c == ASCII.openBrace ? ASCII.closeBrace : ASCII.greaterThan
                var j = i + 1
                while j < path.count, path[j] != close, path[j] != ASCII.slash || c == ASCII.lessThan { j += 1 }
                let inner = path.string(i + 1..<j)
                if j < path.count, path[j] == close {
                    j += 1
                } else {
                    repairs.append("unclosed placeholder '\(Character(Unicode.Scalar(c)))\(inner)' closed")
                }
                // `{id}}`: a doubled closing brace.
                while j < path.count, path[j] == ASCII.closeBrace {
                    repairs.append("stray '}' after a placeholder removed")
                    j += 1
                }
                let ownerSegment = lastSegment.isEmpty ? previousSegment : lastSegment
                out.append(ASCII.openBrace)
                out += register(Substring(inner), after: String(decoding: ownerSegment, as: UTF8.self)).utf8
                out.append(ASCII.closeBrace)
                i = j
                continue
            }
            if c == ASCII.closeBrace {
                repairs.append("stray '}' removed")
                i += 1
                continue
            }
            if c == ASCII.slash {
                // Swapped, not copied: a copy would make the next append allocate.
                if !lastSegment.isEmpty { swap(&previousSegment, &lastSegment) }
                lastSegment.removeAll(keepingCapacity: true)
                out.append(c)
                i += 1
                continue
            }
            // The bytes up to the next one that may start or end a placeholder or a segment, at once.
            var end = i + 1
            while end < path.count, !Self.mayBeStructure(path[end]) { end += 1 }
            lastSegment.append(contentsOf: path[i..<end])
            out.append(contentsOf: path[i..<end])
            i = end
        }
        return out
    }

    private static func mayBeStructure(_ b: UInt8) -> Bool {
        b == ASCII.slash || b == ASCII.openBrace || b == ASCII.closeBrace || b == ASCII.lessThan || b == ASCII.backtick
    }

    /// `{name='{value}'}` or `{name={value}}` from `i`: the key's name, its value's name, whether
    /// the value is quoted, and where the whole ends.
    static func keyInBraces(_ path: [UInt8], from i: Int) -> (name: String, value: String, quoted: Bool, end: Int)? {
        var j = i + 1
        while j < path.count, ASCII.isKeyByte(path[j]) { j += 1 }
        guard j > i + 1, j < path.count, path[j] == UInt8(ascii: "=") else { return nil }
        let name = path.string((i + 1)..<j)
        j += 1
        let quoted = j < path.count && path[j] == ASCII.apostrophe
        if quoted { j += 1 }
        guard j < path.count, path[j] == ASCII.openBrace, let close = path[(j + 1)...].firstIndex(of: ASCII.closeBrace) else { return nil }
        let value = path.string((j + 1)..<close)
        j = close + 1
        if quoted {
            guard j < path.count, path[j] == ASCII.apostrophe else { return nil }
            j += 1
        }
        guard j < path.count, path[j] == ASCII.closeBrace, !value.isEmpty else { return nil }
        return (name, value, quoted, j + 1)
    }

    private func angleIsPlaceholder(_ path: [UInt8], from i: Int) -> Bool {
        guard let close = path[i...].firstIndex(of: ASCII.greaterThan) else { return false }
        let inner = path[(i + 1)..<close]
        guard !inner.isEmpty else { return false }
        if inner.allSatisfy({ ASCII.isAlphanumeric($0) || $0 == ASCII.pipe || $0 == ASCII.space || $0 == ASCII.dash || $0 == ASCII.underscore || $0 == ASCII.dot }) {
            return true
        }
        return inner.contains(where: { $0 >= 0x80 })
            && String(decoding: inner, as: UTF8.self).allSatisfy { $0.isLetter || $0.isNumber || $0 == "|" || $0 == " " || $0 == "-" || $0 == "_" || $0 == "." }
    }

    /// `segment` is made only when the name repeats (most placeholders are the first of their name).
    private mutating func register(_ inner: Substring, after segment: @autoclosure () -> String) -> String {
        // Most placeholders (`id`, `user-id`) are one name already clean: no list of alternatives.
        let isOneCleanName = !inner.isEmpty && inner.utf8.allSatisfy(ASCII.isKeyByte)
        let alternatives = isOneCleanName ? [] : inner.split(asciiSeparator: ASCII.pipe).map { Self.cleanName($0) }.filter { !$0.isEmpty }
        var name = isOneCleanName ? String(inner) : alternatives.first ?? "id"
        if parameters.contains(where: { $0.name == name }) {
            let segment = segment()
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
        return singular(cleanName(Substring(segmentPrefix.split(asciiSeparator: ASCII.openParen).first ?? "")))
    }

    static func cleanName(_ s: Substring) -> String {
        if let ascii = s.withUTF8Span({ cleanASCIIName($0) }) { return ascii }
        var t = s.trimmingSpaces
        t = t.trimmingCharacters(in: "'\"` ")
        var out = ""
        for ch in t {
            if ch.isLetter || ch.isNumber || ch == "_" || ch == "-" || ch == "." { out.append(ch) }
            else if ch == " ", !out.hasSuffix("-") { out.append("-") }
        }
        return out
    }

    /// `cleanName` of ASCII text, on its bytes (nil for other text): most placeholders are ASCII,
    /// and walking their characters cost more than the rest of reading a route.
    private static func cleanASCIIName(_ u: Span<UInt8>) -> String? {
        guard u.allSatisfy({ $0 < 0x80 }) else { return nil }
        let trimmed = UTF8Text.trimmed(u)
        var lo = trimmed.lowerBound, hi = trimmed.upperBound
        let quoteOrSpace = { (b: UInt8) in b == ASCII.apostrophe || b == ASCII.quote || b == ASCII.backtick || b == ASCII.space }
        while lo < hi, quoteOrSpace(u[lo]) { lo += 1 }
        while hi > lo, quoteOrSpace(u[hi - 1]) { hi -= 1 }
        var out: [UInt8] = []
        out.reserveCapacity(hi - lo)
        for i in lo..<hi {
            let b = u[i]
            if ASCII.isAlphanumeric(b) || b == ASCII.underscore || b == ASCII.dash || b == ASCII.dot { out.append(b) }
            else if b == ASCII.space, out.last != ASCII.dash { out.append(ASCII.dash) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func singular(_ word: String) -> String {
        guard let edit = singularEdit(count: word.count, hasSuffix: word.hasSuffix) else { return word }
        return String(word.dropLast(edit.drop)) + (edit.addY ? "y" : "")
    }

    /// How a plural becomes singular: its last `drop` characters go and, with `addY`, a `y` is
    /// added (`policies` → `policy`, `classes` → `class`, `users` → `user`); nil if it stays.
    static func singularEdit(count: @autoclosure () -> Int, hasSuffix: (String) -> Bool) -> (drop: Int, addY: Bool)? {
        if hasSuffix("ies") && count() > 4 { return (3, true) }
        if hasSuffix("sses") { return (2, false) }
        if hasSuffix("s") && !hasSuffix("ss") && count() > 3 { return (1, false) }
        return nil
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        // Nothing to trim when the set is ASCII and neither end's byte is one of its bytes: a set
        // character at the start would begin with the first byte, one at the end end with the last.
        if let f = utf8.first, let l = utf8.last, set.utf8.allSatisfy({ $0 < 0x80 }),
           !set.utf8.contains(f), !set.utf8.contains(l) {
            return self
        }
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
