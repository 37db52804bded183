/// Names of generated symbols. Each depends only on the page it comes from (its id, its own
/// routes), never on other pages, so adding or removing an unrelated page renames nothing.
enum GeneratedNames {
    /// `v1.0` → `GraphV1`, `beta` → `GraphBeta`.
    static func versionNamespace(_ v: ApiVersion) -> SwiftName {
        SwiftName(verbatim: v == .v1 ? "GraphV1" : "GraphBeta")
    }

    /// Members every route group has; a route function may not take one of these names.
    static let reservedMembers: Set<String> = ["descriptor", "descriptors", "arguments", "method", "path", "permissions",
                                               "expectedStatuses", "versionedPath", "init", "self", "Type", "info", "selection", "table"]

    /// An operation's name in generated code: its page's id (the doc page's file name, or its
    /// title anchor), words camel-cased with capitalisation recovered from the operation's name
    /// and routes: `v1.0/user-list-messages` → `userListMessages`; `beta/#resetpasscode-action` →
    /// `resetPasscodeAction`. Ids are unique, so two pages never compete for a name and adding or
    /// removing one never renames another (operation names like `getUser` repeat across pages).
    static func pageName(_ op: APIOperation) -> String {
        // The id's last part; a `~` starts a suffix kept as it is. Found on bytes, as the text
        // splitters do (`split(asciiSeparator:)` says how that differs from characters).
        let (tail, suffix) = op.id.withUTF8Span { p in
            var end = p.count
            while end > 0 && p[end - 1] == ASCII.slash { end -= 1 }
            var start = end
            while start > 0 && p[start - 1] != ASCII.slash { start -= 1 }
            let tilde = p.extracting(start..<end).firstIndex(of: ASCII.tilde).map { $0 + start }
            return (p.string(start..<(tilde ?? end)), tilde.map { p.string($0 + 1..<end) } ?? "")
        }
        let idWords = SwiftNames.words(tail)
        let spellings = knownSpellings(op, wanted: idWords)
        let words = idWords.indices.map { spellings[$0] ?? idWords[$0] }
        let name = SwiftNames.lowerCamel([SwiftNames.upperCamel(words) + suffix])
        return SwiftNames.isValidIdentifier(name) ? name : "operation_" + SwiftNames.shortHash(op.id)
    }

    /// Spellings with capitals for the words of a page id (lower-case), found in the operation's
    /// name and routes; nil for a word with none.
    private static func knownSpellings(_ op: APIOperation, wanted: [String]) -> [String?] {
        var search = SpellingSearch(wanted: wanted)
        let name = op.name
        // The name's words, on bytes (a name that is not ASCII: its ASCII words, by character).
        if name.withUTF8Span({ ASCII.isASCII($0) }) {
            name.withUTF8Span { offerNameWords($0, whole: true, to: &search) }
        } else {
            let words = SwiftNames.words(name).joined(separator: " ")
            words.withUTF8Span { offerNameWords($0, whole: false, to: &search) }
        }
        for r in op.routes where !search.isComplete { search.offerWords(of: r.path, singulars: true) }
        return search.capitalized
    }

    /// Offers the runs of letters and digits of a name, the whole name with `whole`, and the tails
    /// of each run at its capitals (`getWindows10GeneralConfiguration` → `Windows10GeneralConfiguration`,
    /// `GeneralConfiguration`, …): page ids glue those words.
    private static func offerNameWords(_ p: Span<UInt8>, whole: Bool, to search: inout SpellingSearch) {
        let runs = ASCII.alphanumericRuns(p, in: p.indices)
        for run in runs { search.offer(p, run) }
        if whole { search.offer(p, p.indices) }
        for run in runs {
            for i in run.dropFirst() where ASCII.isUpper(p[i]) { search.offer(p, i..<run.upperBound) }
        }
    }

    /// Case names for an operation's routes: the static path segments that tell its routes apart
    /// (`users`, `deviceManagement`, `deviceManagementDetectedApps`), the method when the
    /// operation mixes methods; collisions within the operation get the parameter names.
    static func routeCases(_ routes: [Route]) -> [SwiftName] {
        let tokens = routes.map { staticWords($0.path) }
        // Whether every route has one word (ignoring case) where `pick` looks.
        func sameWord(_ pick: ([String]) -> String) -> Bool {
            let first = pick(tokens[0])
            return tokens.dropFirst().allSatisfy { equalIgnoringCase(pick($0), first) }
        }
        let shortest = tokens.lazy.map { $0.count }.min() ?? 0
        var commonSuffix = 0
        if routes.count > 1 {
            while commonSuffix < shortest - 1, sameWord({ $0[$0.count - 1 - commonSuffix] }) {
                commonSuffix += 1
            }
        }
        var commonPrefix = 0
        if routes.count > 1 {
            while commonPrefix < shortest - 1 - commonSuffix, sameWord({ $0[commonPrefix] }) {
                commonPrefix += 1
            }
        }
        let mixedMethods = routes.contains { $0.method != routes[0].method }
        var names: [String] = []
        for (route, words) in zip(routes, tokens) {
            // One route: its first word (`users`); several: the words that tell them apart.
            var w = routes.count == 1 ? Array(words.prefix(1)) : Array(words.dropLast(commonSuffix).dropFirst(commonPrefix))
            if mixedMethods || w.isEmpty { w.insert(route.method.lowercased(), at: 0) }
            names.append(SwiftNames.lowerCamel(w))
        }
        // Routes that differ only in placeholders: add the parameters (`usersById`).
        var uses: [String: Int] = [:]
        for name in names { uses[name, default: 0] += 1 }
        for (i, name) in names.enumerated() where uses[name]! > 1 {
            let params = routes[i].parameters.map { SwiftNames.camelCase(ofWords: $0.name, lowerFirst: false) }
            names[i] = name + (params.isEmpty ? "" : "By" + params.joined(separator: "And"))
        }
        var seen: [String: Int] = [:]
        var result: [SwiftName] = []
        for (i, var name) in names.enumerated() {
            if reservedMembers.contains(name) { name += "Route" }
            seen[name, default: 0] += 1
            if seen[name]! > 1 { name += String(seen[name]!) }
            result.append(SwiftNames.name(name, fallback: "route\(i)"))
        }
        return result
    }

    /// `a.lowercased() == b.lowercased()`, on bytes when both are ASCII.
    static func equalIgnoringCase(_ a: String, _ b: String) -> Bool {
        let ascii: Bool? = a.withUTF8Span { p in
            b.withUTF8Span { q in
                guard ASCII.isASCII(p), ASCII.isASCII(q) else { return nil }
                guard p.count == q.count else { return false }
                for i in p.indices where ASCII.lower(p[i]) != ASCII.lower(q[i]) { return false }
                return true
            }
        }
        return ascii ?? (a.lowercased() == b.lowercased())
    }

    /// Words of a path's static parts: `microsoft.graph.user` → `user`, `root:` → `root`,
    /// `items('{id}')` → `items`, `$value` → `value`.
    static func staticWords(_ path: String, limit: Int = .max) -> [String] {
        // Segments and their letter-and-digit runs are walked in place, without a list of either:
        // every route's path is read for its group and for its function's name.
        let asciiWords: [String]? = path.withUTF8Span { p in
            guard ASCII.isASCII(p) else { return nil }
            var words: [String] = []
            words.reserveCapacity(Swift.min(limit, 8))
            var camel: [UInt8] = []
            camel.reserveCapacity(p.count)
            var i = 0
            while i < p.count && words.count < limit {
                while i < p.count && p[i] == ASCII.slash { i += 1 }
                let start = i
                while i < p.count && p[i] != ASCII.slash { i += 1 }
                guard start < i, p[start] != ASCII.openBrace else { continue }
                let part = staticPart(p, start..<i)
                camel.removeAll(keepingCapacity: true)
                var j = part.lowerBound
                while j < part.upperBound {
                    guard ASCII.isAlphanumeric(p[j]) else { j += 1; continue }
                    let run = j
                    while j < part.upperBound && ASCII.isAlphanumeric(p[j]) { j += 1 }
                    SwiftNames.appendCamelWord(p.extracting(run..<j), lowerStart: camel.isEmpty, to: &camel)
                }
                if !camel.isEmpty { words.append(String(decoding: camel, as: UTF8.self)) }
            }
            return words
        }
        if let asciiWords { return asciiWords }
        var words: [String] = []
        for segment in segments(path) where !segment.hasPrefix("{") {
            if words.count == limit { break }
            var s = String(segment.split(asciiSeparator: ASCII.openParen).first ?? segment)
            if s.utf8.count >= 16 && s.utf8.prefix(16).map(ASCII.lower).elementsEqual(microsoftGraph) {
                s = String(s.dropFirst(microsoftGraph.count))
            }
            let parts = SwiftNames.words(s)
            if let first = parts.first { words.append(SwiftNames.lowerCamel([first] + parts.dropFirst().map { $0 })) }
        }
        return words
    }

    private static let microsoftGraph = Array("microsoft.graph.".utf8)

    /// The part of an ASCII path segment its word comes from: `items('{id}')` → `items` (the first
    /// part before a `(` that is not empty), `microsoft.graph.user` → `user`.
    private static func staticPart(_ p: Span<UInt8>, _ segment: Range<Int>) -> Range<Int> {
        var lo = segment.lowerBound
        while lo < segment.upperBound && p[lo] == ASCII.openParen { lo += 1 }
        guard lo < segment.upperBound else { return segment }
        var hi = lo
        while hi < segment.upperBound && p[hi] != ASCII.openParen { hi += 1 }
        if ASCII.equalsIgnoringCase(p, lo..<min(hi, lo + microsoftGraph.count), lowered: microsoftGraph) { lo += microsoftGraph.count }
        return lo..<hi
    }

    /// A path's `/`-separated segments, split on bytes (many times cheaper than on characters).
    static func segments(_ path: String) -> [Substring] { path.split(asciiSeparator: ASCII.slash) }

    /// Argument labels from placeholder names: `managed-device-id` → `managedDeviceId`.
    static func parameterLabels(_ route: Route) -> [SwiftName] {
        // A route has a few parameters: the names used are searched, not hashed.
        var used: [String] = []
        used.reserveCapacity(route.parameters.count)
        return route.parameters.enumerated().map { i, p in
            var name = SwiftNames.camelCase(ofWords: p.name, lowerFirst: true)
            if name.isEmpty || used.contains(name) { name = "arg\(i)" }
            used.append(name)
            return SwiftNames.name(name, fallback: "arg\(i)")
        }
    }

    /// Static member names for permission names: `User.Read.All` → `userReadAll`.
    static func permissionMembers(_ names: [String]) -> [String: SwiftName] {
        var byCandidate: [String: [String]] = [:]
        for n in names { byCandidate[SwiftNames.lowerCamel(SwiftNames.words(n).map(upperFirst)), default: []].append(n) }
        var result: [String: SwiftName] = [:]
        for (candidate, raws) in byCandidate {
            for raw in raws {
                let name = raws.count == 1 ? candidate : candidate + "_" + SwiftNames.shortHash(raw)
                result[raw] = SwiftNames.name(["all", "init", "rawValue"].contains(name) ? name + "Permission" : name,
                                              fallback: "permission_" + SwiftNames.shortHash(raw))
            }
        }
        return result
    }

    private static func upperFirst(_ w: String) -> String { w.prefix(1).uppercased() + w.dropFirst() }
}
