/// A grant held against the routes an app calls, under one scheme: the granted permissions the
/// routes do not need (over-privileged: outside the fewest granted names that still cover every
/// route the grant covers, as Dev Proxy's guidance calls the excess), the routes the grant does
/// not cover (missing), and the smallest change that fixes both: what to add and what to remove.
public struct GrantAudit: Sendable {
    public var scheme: SchemeKind
    public var granted: [String]
    /// Granted names no route of the plan accepts.
    public var overPrivileged: [String]
    /// Routes (and variants) the grant does not satisfy, with what would.
    public var missing: [PermissionPlanner.Need]
    public var add: [String]
    public var remove: [String]
    /// Where the grant was read, when not given as names: "the token's roles claim; its signature not checked".
    public var origin: String?

    public var isClean: Bool { overPrivileged.isEmpty && missing.isEmpty }

    public init(plan: PermissionPlanner.Plan, scheme: SchemeKind, granted: [String]) {
        self.scheme = scheme
        self.granted = granted.sorted()
        let have = Set(granted.map { $0.lowercased() })
        var covered: [[[String]]] = []
        var missing: [PermissionPlanner.Need] = []
        for need in plan.needs(scheme) {
            guard let s = need.permissions?[scheme], s.supported else { missing.append(need); continue }
            if s.noPermissionRequired && s.allNames.isEmpty { continue }
            // The ways the grant meets this route, least privileged first.
            let met = s.alternatives.filter { alternative in alternative.allSatisfy { have.contains($0.lowercased()) } }
            if met.isEmpty { missing.append(need) } else { covered.append(met.map { $0.map { $0.lowercased() } }) }
        }
        self.missing = missing
        // Keep the fewest granted names meeting every covered route: a name more routes can use first.
        var kept = Set<String>()
        var open = covered.indices.map { $0 }
        while !open.isEmpty {
            open.removeAll { i in covered[i].contains { $0.allSatisfy(kept.contains) } }
            guard let first = open.first else { break }
            let candidates = covered[first]
            let pick = candidates.max { a, b in
                let ca = open.filter { i in covered[i].contains { Set($0).isSubset(of: kept.union(a)) } }.count
                let cb = open.filter { i in covered[i].contains { Set($0).isSubset(of: kept.union(b)) } }.count
                return ca != cb ? ca < cb : candidates.firstIndex(of: a)! > candidates.firstIndex(of: b)!
            }!
            kept.formUnion(pick)
        }
        // To add: the cover of the missing routes that the plan would choose for them alone; what
        // of it is granted already is needed, not excess.
        let fix = PermissionPlanner.cover(missing.compactMap { need in need.permissions?[scheme].flatMap { $0.supported ? PermissionPlanner.NeedSet($0) : nil } })
        add = fix.filter { !have.contains($0.lowercased()) }.sorted()
        let fixing = Set(fix.map { $0.lowercased() })
        overPrivileged = granted.filter { !kept.contains($0.lowercased()) && !fixing.contains($0.lowercased()) }.sorted()
        remove = overPrivileged
    }
}
