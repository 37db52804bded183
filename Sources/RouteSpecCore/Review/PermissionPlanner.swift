import RouteSpecShared

/// `routespec permissions`: given the routes an app calls, the smallest set of least-privileged
/// permissions per scheme that covers them all, and which routes that set forces beyond their own
/// least privilege (because another route needs a higher permission that also covers them).
public struct PermissionPlanner {
    public struct Request: Sendable, Equatable {
        public var method: String
        public var path: String
        /// For a route whose requirement depends on the request: the variant the app uses.
        public var variant: String?
        public init(method: String, path: String, variant: String? = nil) {
            self.method = method.uppercased()
            self.path = path
            self.variant = variant
        }

        /// `GET /me/messages`, or `POST /groups/{id}/members/$ref [user]` naming a variant; nil
        /// for anything else.
        public init?(line: String) {
            var text = Substring(line)
            var variant: String? = nil
            if text.hasSuffix("]"), let open = text.lastIndex(of: "[") {
                variant = text[text.index(after: open)..<text.index(before: text.endIndex)].trimmingCharacters(in: .whitespaces)
                text = text[..<open]
            }
            let parts = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard parts.count == 2, parts[1].hasPrefix("/") else { return nil }
            self.init(method: String(parts[0]), path: String(parts[1]), variant: variant)
        }
    }

    public struct Match: Sendable {
        public var request: Request
        public var operation: APIOperation
        public var route: Route
        /// What the route needs: one requirement, or one per variant (the request's, if it names one).
        public var requirements: [Requirement]
        /// The plain requirement (nil for a route with variants, or without permissions).
        public var permissions: PermissionSet? { requirements.count == 1 && requirements[0].condition == nil ? requirements[0].permissions : nil }
    }

    /// One route under one of its variants (or its only requirement).
    public struct Need: Sendable {
        public var match: Match
        public var condition: String?
        public var permissions: PermissionSet?
    }

    public struct SchemePlan: Sendable {
        public var scheme: SchemeKind
        /// Sorted; empty with `impossible` set, or when no permission is needed.
        public var permissions: [String]
        /// Routes (and variants) that do not support the scheme or do not document it: the plan cannot cover them.
        public var impossible: [Need]
        /// Routes covered by a permission beyond their least privileged one, and the routes that force it.
        public var beyondLeast: [(need: Need, coveredBy: [String], forcedBy: [Need])]
        /// Routes whose least privileged permission the docs leave unreadable: planned from the next one.
        public var leastUnknown: [Need]
    }

    public struct Plan: Sendable {
        public var matches: [Match]
        public var unmatched: [Request]
        /// For each unmatched request, the documented route nearest to it, if any ("did you mean").
        public var nearest: [String?] = []
        public var schemes: [SchemePlan]

        /// Every matched route under each of its variants (or its only requirement).
        public func needs(_ kind: SchemeKind) -> [Need] {
            matches.flatMap { m in m.requirements.map { Need(match: m, condition: $0.condition, permissions: $0.permissions) } }
        }
    }

    /// What a scheme needs for the cover: its least privileged names (the next readable one when
    /// the first is unreadable), every name it accepts, and whether the least must be held together.
    struct NeedSet: Sendable {
        var least: [String]
        var accepted: Set<String>
        var together: Bool

        init?(_ s: Scheme) {
            if s.noPermissionRequired && s.allNames.isEmpty { return nil }
            least = s.leastPrivileged.isEmpty ? Array(s.higherPrivileged.prefix(1)) : s.leastPrivileged
            accepted = Set(s.allNames)
            together = least.count > 1 && s.combinations.contains(least)
        }
    }

    /// The permissions to request so that every need is met: combinations taken whole, then a
    /// greedy cover over the least privileged names, a name that more needs accept first (one
    /// higher permission may cover several routes), then one that is least for more, then by name.
    static func cover(_ needs: [NeedSet]) -> Set<String> {
        var chosen = Set(needs.filter(\.together).flatMap(\.least))
        var uncovered = needs.indices.filter { i in !needs[i].together && needs[i].accepted.isDisjoint(with: chosen) }
        let candidates = Set(needs.filter { !$0.together }.flatMap(\.least)).sorted()
        while !uncovered.isEmpty {
            let pick = candidates.max { a, b in
                let ca = uncovered.filter { needs[$0].accepted.contains(a) }.count
                let cb = uncovered.filter { needs[$0].accepted.contains(b) }.count
                if ca != cb { return ca < cb }
                let la = uncovered.filter { needs[$0].least.contains(a) }.count
                let lb = uncovered.filter { needs[$0].least.contains(b) }.count
                if la != lb { return la < lb }
                return a > b
            }
            guard let pick else { break }
            chosen.insert(pick)
            uncovered.removeAll { needs[$0].accepted.contains(pick) }
        }
        return chosen
    }

    let model: Model
    let apiVersion: ApiVersion

    public init(model: Model, apiVersion: ApiVersion) {
        self.model = model
        self.apiVersion = apiVersion
    }

    public func plan(_ requests: [Request]) -> Plan {
        var matches: [Match] = []
        var unmatched: [Request] = []
        for request in requests {
            if let m = match(request) { matches.append(m) } else { unmatched.append(request) }
        }
        var result = Plan(matches: matches, unmatched: unmatched, schemes: SchemeKind.allCases.map { plan(matches, $0) })
        result.nearest = unmatched.map(nearest)
        return result
    }

    /// Like a router: the route with the most literal text wins; a documented template given as
    /// the path (`/users/{id}`) matches its route. Several pages can document one route (a page
    /// about extended properties lists `GET /me/messages` too); the page that is about the
    /// route's resource wins: permissions documented, its name naming the resource (`listMessages`),
    /// most of its routes ending in the same resource, fewest routes.
    func match(_ request: Request) -> Match? {
        var path = Substring(request.path)
        if let q = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<q] }
        var version = apiVersion
        for v in ApiVersion.allCases where path.hasPrefix("/" + v.rawValue + "/") {
            version = v
            path = path.dropFirst(v.rawValue.count + 1)
        }
        if path.count > 1 && path.hasSuffix("/") { path = path.dropLast() }
        let target = String(path)
        let shape = RouteShape(method: request.method, path: target)
        var best: (score: [Int], id: String, match: Match)?
        for op in model.operations where op.apiVersion == version {
            for route in op.routes where route.method.uppercased() == request.method {
                let template = PathTemplate(route.path)
                let literal: Int
                if RouteShape(method: route.method, path: route.path) == shape { literal = Int.max }
                else if template.match(target) != nil { literal = template.tokens.reduce(0) { n, t in if case .literal(let l) = t { n + l.count } else { n } } }
                else { continue }
                let score = [literal] + Self.relevance(op, route)
                if let b = best, score.lexicographicallyPrecedes(b.score) || (score == b.score && op.id >= b.id) { continue }
                var requirements = op.requirements(of: route)
                if let variant = request.variant {
                    requirements = requirements.filter { $0.condition?.lowercased() == variant.lowercased() }
                    if requirements.isEmpty { continue }
                }
                best = (score, op.id, Match(request: request, operation: op, route: route, requirements: requirements))
            }
        }
        return best?.match
    }

    /// The documented route sharing the most leading segments with the request (a placeholder
    /// matches any), the same method first, then the closest in length: `METHOD /path`.
    func nearest(_ request: Request) -> String? {
        let wanted = request.path.split(separator: "?").first.map { $0.split(separator: "/").map { $0.lowercased() } } ?? []
        var best: (key: [Int], text: String)?
        for op in model.operations where op.apiVersion == apiVersion {
            for route in op.routes {
                let segments = route.path.split(separator: "/").map { $0.lowercased() }
                let shared = zip(wanted, segments).prefix { $0 == $1 || $1.hasPrefix("{") }.count
                guard shared > 0 else { continue }
                let key = [shared, route.method.uppercased() == request.method ? 1 : 0, -abs(segments.count - wanted.count)]
                let text = "\(route.method) \(route.path)"
                if let b = best, !b.key.lexicographicallyPrecedes(key), key != b.key || text >= b.text { continue }
                best = (key, text)
            }
        }
        return best?.text
    }

    /// Higher is more about the route: permissions documented, the name contains the route's
    /// resource word, how many and what share (in percent) of the operation's routes end in that
    /// word (`/me` counts as the user), fewer routes.
    static func relevance(_ op: APIOperation, _ route: Route) -> [Int] {
        func resource(_ path: String) -> String {
            let word = PlaceholderRewriter.singular(GeneratedNames.staticWords(path).last ?? "").lowercased()
            return word == "me" ? "user" : word
        }
        let word = resource(route.path)
        let named = !word.isEmpty && op.name.lowercased().contains(word) ? 1 : 0
        let alike = op.routes.filter { resource($0.path) == word }.count
        let documented = op.requirements(of: route).contains { $0.permissions != nil }
        return [documented ? 1 : 0, named, alike, alike * 100 / max(1, op.routes.count), -op.routes.count]
    }

    private func plan(_ matches: [Match], _ kind: SchemeKind) -> SchemePlan {
        var impossible: [Need] = []
        var unknown: [Need] = []
        var needed: [(need: Need, least: [String], accepted: Set<String>, together: Bool)] = []
        for m in matches {
            for r in m.requirements {
                let need = Need(match: m, condition: r.condition, permissions: r.permissions)
                guard let s = r.permissions?[kind], s.supported else { impossible.append(need); continue }
                guard let set = NeedSet(s) else { continue }
                if s.leastPrivileged.isEmpty { unknown.append(need) }
                needed.append((need, set.least, set.accepted, set.together))
            }
        }
        guard impossible.isEmpty else { return SchemePlan(scheme: kind, permissions: [], impossible: impossible, beyondLeast: [], leastUnknown: []) }
        let chosen = Self.cover(needed.compactMap { $0.need.permissions?[kind].flatMap(NeedSet.init) })
        var beyond: [(need: Need, coveredBy: [String], forcedBy: [Need])] = []
        for n in needed where Set(n.least).isDisjoint(with: chosen) {
            let covering = n.accepted.intersection(chosen).sorted()
            let forcedBy = needed.filter { other in !Set(other.least).isDisjoint(with: covering) }.map(\.need)
            beyond.append((n.need, covering, forcedBy))
        }
        return SchemePlan(scheme: kind, permissions: chosen.sorted(), impossible: [], beyondLeast: beyond, leastUnknown: unknown)
    }
}
