/// Compares two models the way a reviewer reads an API change: per operation and route, what was
/// added or removed, and what each permission scheme now requires. A change that applies to every
/// route of an operation is reported once for the operation.
public enum SemanticDiff {
    public static func compare(old: Model, new: Model) -> [APIChange] {
        var changes: [APIChange] = []
        let pairs = pairOperations(old.operations, new.operations)
        for (before, after) in pairs {
            switch (before, after) {
            case (nil, let op?):
                changes.append(change(.widening, .operationAdded, op, route: nil, before: [], after: op.routes.map(routeText)))
            case (let op?, nil):
                changes.append(change(.narrowing, .operationRemoved, op, route: nil, before: op.routes.map(routeText), after: []))
            case (let a?, let b?):
                changes += compareOperation(a, b)
            default: break
            }
        }
        return changes.sorted(by: APIChange.ordered)
    }

    /// Operations pair by id; what is left pairs by version and name when that is unambiguous
    /// (a page renamed or moved between the two models).
    static func pairOperations(_ old: [APIOperation], _ new: [APIOperation]) -> [(APIOperation?, APIOperation?)] {
        var newByID = Dictionary(new.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var pairs: [(APIOperation?, APIOperation?)] = []
        var unmatchedOld: [APIOperation] = []
        for op in old {
            if let match = newByID.removeValue(forKey: op.id) { pairs.append((op, match)) } else { unmatchedOld.append(op) }
        }
        func nameKey(_ op: APIOperation) -> String { op.apiVersion.rawValue + "/" + op.name.lowercased() }
        let newByName = Dictionary(grouping: newByID.values, by: nameKey)
        let oldByName = Dictionary(grouping: unmatchedOld, by: nameKey)
        for op in unmatchedOld {
            if let candidates = newByName[nameKey(op)], candidates.count == 1, oldByName[nameKey(op)]!.count == 1, !op.name.isEmpty {
                pairs.append((op, candidates[0]))
                newByID.removeValue(forKey: candidates[0].id)
            } else {
                pairs.append((op, nil))
            }
        }
        for op in newByID.values { pairs.append((nil, op)) }
        return pairs
    }

    private static func compareOperation(_ a: APIOperation, _ b: APIOperation) -> [APIChange] {
        var changes: [APIChange] = []
        let statusesBefore = a.responses.map { String($0.status) }, statusesAfter = b.responses.map { String($0.status) }
        if Set(statusesBefore) != Set(statusesAfter) {
            changes.append(change(.neutral, .statusChanged, b, route: nil, before: statusesBefore, after: statusesAfter))
        }
        let routesBefore = a.routesByShape
        let routesAfter = b.routesByShape
        var removed = routesBefore.keys.filter { routesAfter[$0] == nil }
        var added = routesAfter.keys.filter { routesBefore[$0] == nil }
        // Same path, other method: a method change, not a route removed and another added.
        for r in removed.sorted() {
            guard let i = added.sorted().first(where: { $0.path == r.path }).flatMap({ x in added.firstIndex(of: x) }) else { continue }
            let newRoute = routesAfter[added[i]]!
            changes.append(change(.neutral, .methodChanged, b, route: routeText(newRoute), before: [r.method], after: [added[i].method]))
            added.remove(at: i)
            removed.removeAll { $0 == r }
        }
        for r in added { changes.append(change(.widening, .routeAdded, b, route: routeText(routesAfter[r]!), before: [], after: [])) }
        for r in removed { changes.append(change(.narrowing, .routeRemoved, a, route: routeText(routesBefore[r]!), before: [], after: [])) }
        // Permissions of the routes both have, reported once when every such route changed alike.
        let common = routesBefore.keys.filter { routesAfter[$0] != nil }.sorted()
        var perRoute: [(route: String, changes: [APIChange])] = []
        for shape in common {
            let old = routesBefore[shape]!, new = routesAfter[shape]!
            perRoute.append((routeText(new), compareRequirements(a.requirements(of: old), b.requirements(of: new), b)))
        }
        var counts: [String: Int] = [:]
        for (_, list) in perRoute { for c in list { counts[identity(c), default: 0] += 1 } }
        var reportedForAll: Set<String> = []
        for (route, list) in perRoute {
            for var c in list {
                if perRoute.count > 1 && counts[identity(c)] == perRoute.count {
                    if reportedForAll.insert(identity(c)).inserted { changes.append(c) }
                } else {
                    c.route = route
                    changes.append(c)
                }
            }
        }
        if perRoute.count == 1 { for i in changes.indices where changes[i].route == nil && changes[i].scheme != nil { changes[i].route = perRoute[0].route } }
        return changes
    }

    /// Requirements pair by condition; a condition only on one side is a variant added or removed.
    private static func compareRequirements(_ a: [Requirement], _ b: [Requirement], _ op: APIOperation) -> [APIChange] {
        if a.count == 1 && b.count == 1 && a[0].condition == b[0].condition {
            return comparePermissions(a[0].permissions, b[0].permissions, op).map { var c = $0; c.variant = a[0].condition; return c }
        }
        var changes: [APIChange] = []
        for r in b where !a.contains(where: { $0.condition == r.condition }) {
            var c = change(.widening, .variantAdded, op, route: nil, before: [], after: leastNames(r.permissions))
            c.variant = r.condition
            changes.append(c)
        }
        for r in a where !b.contains(where: { $0.condition == r.condition }) {
            var c = change(.narrowing, .variantRemoved, op, route: nil, before: leastNames(r.permissions), after: [])
            c.variant = r.condition
            changes.append(c)
        }
        for r in b {
            guard let old = a.first(where: { $0.condition == r.condition }) else { continue }
            changes += comparePermissions(old.permissions, r.permissions, op).map { var c = $0; c.variant = r.condition; return c }
        }
        return changes
    }

    /// Each scheme's least privileged names, for a variant added or removed.
    private static func leastNames(_ set: PermissionSet?) -> [String] {
        SchemeKind.allCases.flatMap { kind in set?[kind].map { $0.supported ? $0.leastPrivileged : [] } ?? [] }.reduce(into: [String]()) { names, n in
            if !names.contains(n) { names.append(n) }
        }
    }

    private static func comparePermissions(_ a: PermissionSet?, _ b: PermissionSet?, _ op: APIOperation) -> [APIChange] {
        var changes: [APIChange] = []
        for kind in SchemeKind.allCases {
            let before = a?[kind], after = b?[kind]
            let wasSupported = before?.supported == true, isSupported = after?.supported == true
            func add(_ impact: APIChange.Impact, _ k: APIChange.Kind, _ x: [String], _ y: [String]) {
                var c = change(impact, k, op, route: nil, before: x, after: y)
                c.scheme = kind
                changes.append(c)
            }
            switch (wasSupported, isSupported) {
            case (false, true):
                add(.widening, .schemeSupported, before == nil ? [] : ["not supported"], after!.leastPrivileged)
            case (true, false):
                add(.narrowing, .schemeDropped, before!.allNames, after == nil ? ["not documented"] : [])
            case (true, true):
                let x = before!, y = after!
                let gained = y.allNames.filter { !x.allNames.contains($0) }
                let lost = x.allNames.filter { !y.allNames.contains($0) }
                if !gained.isEmpty { add(.widening, .permissionAdded, [], gained) }
                if !lost.isEmpty { add(.narrowing, .permissionRemoved, lost, []) }
                if Set(x.leastPrivileged) != Set(y.leastPrivileged) { add(.widening, .leastPrivilegedChanged, x.leastPrivileged, y.leastPrivileged) }
                if !x.noPermissionRequired && y.noPermissionRequired { add(.widening, .noPermissionRequired, [], []) }
                if x.noPermissionRequired && !y.noPermissionRequired { add(.narrowing, .permissionRequired, [], y.leastPrivileged) }
            case (false, false):
                break
            }
        }
        return changes
    }

    private static func identity(_ c: APIChange) -> String {
        [c.kind.rawValue, c.variant ?? "", c.scheme?.rawValue ?? "", c.before.joined(separator: ","), c.after.joined(separator: ",")].joined(separator: "|")
    }

    static func routeText(_ r: Route) -> String { "\(r.method) \(r.path)" }

    private static func change(_ impact: APIChange.Impact, _ kind: APIChange.Kind, _ op: APIOperation, route: String?,
                               before: [String], after: [String]) -> APIChange {
        APIChange(impact: impact, kind: kind, apiVersion: op.apiVersion.rawValue, operationID: op.id, operationName: op.name,
                  route: route, scheme: nil, before: before, after: after)
    }
}
