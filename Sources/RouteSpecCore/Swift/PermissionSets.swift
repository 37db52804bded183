/// Permission sets are shared constants named by their content (`s1a2b3c4d5e6f`), so identical
/// tables on many pages compile once and a name changes only when its permissions do.
enum PermissionSets {
    static let namespace = SwiftName(verbatim: "PermissionSets")

    static func name(_ set: PermissionSet) -> SwiftName {
        SwiftName(verbatim: "s" + contentHash(set))
    }

    static func contentHash(_ set: PermissionSet) -> String {
        let canonical = set.json().serialized()
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in canonical.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        let hex = String(h, radix: 16)
        return String((String(repeating: "0", count: 16 - hex.count) + hex).prefix(12))
    }

    /// Every set the operations use, with its Swift value.
    static func declarations(_ operations: [APIOperation], permissionMembers: [String: SwiftName]) -> [(name: SwiftName, decl: SwiftDecl)] {
        var sets: [String: PermissionSet] = [:]
        for op in operations {
            for set in ([op.permissions] + op.routes.map(\.permissions)).compactMap({ $0 }) { sets[name(set).text] = set }
        }
        return sets.keys.sorted().map { key in
            let set = sets[key]!
            let value = SwiftExpr.call(.name(SwiftName(verbatim: "RoutePermissions")), SchemeKind.allCases.map { kind in
                SwiftArgument(SwiftName(verbatim: kind.rawValue), requirement(set[kind], permissionMembers))
            })
            return (SwiftName(verbatim: key), .staticLet(doc: SwiftDoc(summary(set)), name: SwiftName(verbatim: key),
                                                         type: .fixed("RoutePermissions"), value: value))
        }
    }

    private static func requirement(_ scheme: Scheme?, _ members: [String: SwiftName]) -> SwiftExpr {
        guard let scheme else { return .nilLiteral }
        guard scheme.supported else { return .member(nil, SwiftName(verbatim: "unsupported")) }
        if scheme.noPermissionRequired && scheme.unparsed.isEmpty { return .member(nil, SwiftName(verbatim: "noneRequired")) }
        func list(_ names: [String]) -> SwiftExpr { .array(names.map { .member(nil, members[$0]!) }, multiline: false) }
        var args = [SwiftArgument(SwiftName(verbatim: "leastPrivileged"), list(scheme.leastPrivileged))]
        if !scheme.higherPrivileged.isEmpty { args.append(SwiftArgument(SwiftName(verbatim: "higherPrivileged"), list(scheme.higherPrivileged))) }
        if !scheme.combinations.isEmpty {
            args.append(SwiftArgument(SwiftName(verbatim: "combinations"), .array(scheme.combinations.map(list), multiline: false)))
        }
        if scheme.noPermissionRequired { args.append(SwiftArgument(SwiftName(verbatim: "noPermissionRequired"), .bool(true))) }
        if !scheme.unparsed.isEmpty {
            args.append(SwiftArgument(SwiftName(verbatim: "unparsed"), .array(scheme.unparsed.map { .string($0) }, multiline: false)))
        }
        return .call(.name(SwiftName(verbatim: "PermissionRequirement")), args)
    }

    private static func summary(_ set: PermissionSet) -> [String] {
        SchemeKind.allCases.map { kind in
            guard let s = set[kind] else { return "\(kind.rawValue): not documented" }
            guard s.supported else { return "\(kind.rawValue): not supported" }
            if s.noPermissionRequired { return "\(kind.rawValue): no permission needed" }
            return "\(kind.rawValue): " + (s.leastPrivileged + s.higherPrivileged).joined(separator: ", ")
        }
    }
}
