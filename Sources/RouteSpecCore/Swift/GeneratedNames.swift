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
        var tail = String(op.id.split(separator: "/").last ?? "")
        var suffix = ""
        if let tilde = tail.firstIndex(of: "~") {
            suffix = String(tail[tail.index(after: tilde)...])
            tail = String(tail[..<tilde])
        }
        tail = tail.trimmingCharacters(in: "#")
        let idWords = SwiftNames.words(tail)
        let spellings = knownSpellings(op, wanted: Set(idWords.map { $0.lowercased() }))
        let words = idWords.map { w -> String in
            spellings[w.lowercased()] ?? w
        }
        let name = SwiftNames.lowerCamel([SwiftNames.upperCamel(words) + suffix])
        return SwiftNames.isValidIdentifier(name) ? name : "operation_" + SwiftNames.shortHash(op.id)
    }

    /// Spellings with capitals for the lower-case words of a page id, found in the operation's
    /// name and routes. Only words the id has are looked up.
    private static func knownSpellings(_ op: APIOperation, wanted: Set<String>) -> [String: String] {
        var spellings: [String: String] = [:]
        func offer(_ w: String) {
            guard w.utf8.contains(where: ASCII.isUpper), w.utf8.allSatisfy({ $0 < 0x80 }) else { return }
            let key = w.lowercased()
            if wanted.contains(key) && spellings[key] == nil { spellings[key] = w }
        }
        let nameWords = SwiftNames.words(op.name)
        for w in nameWords + [op.name] { offer(w) }
        // Tails of the name at each capital (`getWindows10GeneralConfiguration` →
        // `Windows10GeneralConfiguration`, `GeneralConfiguration`, …): page ids glue those words.
        for word in nameWords {
            // `words` are ASCII: capitals are the bytes A–Z.
            let u = word.utf8
            for i in u.indices where i != u.startIndex && ASCII.isUpper(u[i]) { offer(String(word[i...])) }
        }
        for r in op.routes {
            for segment in r.path.alphanumericRuns {
                let s = String(segment)
                offer(s)
                let singular = PlaceholderRewriter.singular(s)
                if singular != s { offer(singular) }
            }
        }
        return spellings
    }

    /// Case names for an operation's routes: the static path segments that tell its routes apart
    /// (`users`, `deviceManagement`, `deviceManagementDetectedApps`), the method when the
    /// operation mixes methods; collisions within the operation get the parameter names.
    static func routeCases(_ routes: [Route]) -> [SwiftName] {
        let tokens = routes.map { staticWords($0.path) }
        var commonSuffix = 0
        if routes.count > 1 {
            let shortest = tokens.map(\.count).min() ?? 0
            while commonSuffix < shortest - 1,
                  Set(tokens.map { $0[$0.count - 1 - commonSuffix].lowercased() }).count == 1 {
                commonSuffix += 1
            }
        }
        var commonPrefix = 0
        if routes.count > 1 {
            let shortest = tokens.map(\.count).min() ?? 0
            while commonPrefix < shortest - 1 - commonSuffix, Set(tokens.map { $0[commonPrefix].lowercased() }).count == 1 {
                commonPrefix += 1
            }
        }
        let mixedMethods = Set(routes.map(\.method)).count > 1
        var names: [String] = []
        for (route, words) in zip(routes, tokens) {
            // One route: its first word (`users`); several: the words that tell them apart.
            var w = routes.count == 1 ? Array(words.prefix(1)) : Array(words.dropLast(commonSuffix).dropFirst(commonPrefix))
            if mixedMethods || w.isEmpty { w.insert(route.method.lowercased(), at: 0) }
            names.append(SwiftNames.lowerCamel(w))
        }
        // Routes that differ only in placeholders: add the parameters (`usersById`).
        let repeated = Set(names.filter { n in names.filter { $0 == n }.count > 1 })
        for (i, name) in names.enumerated() where repeated.contains(name) {
            let params = routes[i].parameters.map { SwiftNames.upperCamel(SwiftNames.words($0.name)) }
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

    /// Words of a path's static parts: `microsoft.graph.user` → `user`, `root:` → `root`,
    /// `items('{id}')` → `items`, `$value` → `value`.
    static func staticWords(_ path: String, limit: Int = .max) -> [String] {
        var words: [String] = []
        for segment in segments(path) where !segment.hasPrefix("{") {
            if words.count == limit { break }
            var s = String(beforeParenthesis(segment))
            if s.utf8.count >= 16 && s.utf8.prefix(16).map(ASCII.lower).elementsEqual("microsoft.graph.".utf8) {
                s = String(s.dropFirst("microsoft.graph.".count))
            }
            let parts = SwiftNames.words(s)
            if let first = parts.first { words.append(SwiftNames.lowerCamel([first] + parts.dropFirst().map { $0 })) }
        }
        return words
    }

    /// `items('{id}')` → `items`: the first non-empty part before a `(`, found on bytes in ASCII
    /// (as `split(separator: "(").first` finds it on characters).
    private static func beforeParenthesis(_ segment: Substring) -> Substring {
        let u = segment.utf8
        guard u.allSatisfy({ $0 < 0x80 }) else { return segment.split(separator: "(").first ?? segment }
        guard let start = u.firstIndex(where: { $0 != ASCII.openParen }) else { return segment }
        return segment[start..<(u[start...].firstIndex(of: ASCII.openParen) ?? u.endIndex)]
    }

    /// A path's `/`-separated segments; ASCII paths (nearly all) are split on bytes, which is
    /// many times cheaper than splitting characters.
    static func segments(_ path: String) -> [Substring] {
        guard path.utf8.allSatisfy({ $0 < 0x80 }) else { return path.split(separator: "/") }
        return path.utf8.split(separator: 0x2F).map { Substring($0) }
    }

    /// Argument labels from placeholder names: `managed-device-id` → `managedDeviceId`.
    static func parameterLabels(_ route: Route) -> [SwiftName] {
        var used: Set<String> = []
        return route.parameters.enumerated().map { i, p in
            var name = SwiftNames.lowerCamel(SwiftNames.words(p.name))
            if name.isEmpty || used.contains(name) { name = "arg\(i)" }
            used.insert(name)
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
