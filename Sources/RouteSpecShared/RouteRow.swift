/// One documented route as one line of text, the way generated route tables store it: a string
/// literal type-checks in no time, while the same data as nested initializer calls costs the
/// compiler milliseconds per route. `RouteSpecCore` writes rows with `encoded`; tables read them.
///
/// Fields are separated by tabs: name, method, template, line, operation id, operation name,
/// statuses, source, then the operation's three schemes and optionally the route's own three;
/// each set of three may be followed by its variants, each a `?condition` field and three schemes.
/// Inside a field, `%`, tab, newline, carriage return and the list separators `|` `,` `+` are
/// percent-escaped.
public struct RouteRow: Sendable, Hashable {
    public var name: String
    public var method: String
    public var template: String
    public var line: Int
    public var operationID: String
    public var operationName: String
    public var expectedStatuses: [Int]
    public var source: String
    public var operationPermissions: RoutePermissions
    /// Only where the route's permissions differ from the operation's.
    public var routePermissions: RoutePermissions?

    public init(name: String, method: String, template: String, line: Int, operationID: String, operationName: String,
                expectedStatuses: [Int], source: String, operationPermissions: RoutePermissions, routePermissions: RoutePermissions?) {
        self.name = name
        self.method = method
        self.template = template
        self.line = line
        self.operationID = operationID
        self.operationName = operationName
        self.expectedStatuses = expectedStatuses
        self.source = source
        self.operationPermissions = operationPermissions
        self.routePermissions = routePermissions
    }

    public var encoded: String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        encode(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `encoded`'s UTF-8 to `out`: the generator encodes every documented route, into one
    /// buffer it reuses.
    public func encode(into out: inout [UInt8]) {
        Self.escape(name, into: &out)
        out.append(9)
        Self.escape(method, into: &out)
        out.append(9)
        Self.escape(template, into: &out)
        out.append(9)
        Self.appendDecimal(line, to: &out)
        out.append(9)
        Self.escape(operationID, into: &out)
        out.append(9)
        Self.escape(operationName, into: &out)
        out.append(9)
        for (i, status) in expectedStatuses.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            Self.appendDecimal(status, to: &out)
        }
        out.append(9)
        Self.escape(source, into: &out)
        Self.encode(operationPermissions, into: &out)
        if let routePermissions { Self.encode(routePermissions, into: &out) }
    }

    private static func appendDecimal(_ n: Int, to out: inout [UInt8]) {
        guard n >= 0 && n < 10_000 else { return out.append(contentsOf: String(n).utf8) }
        var divisor = 1
        while divisor * 10 <= n { divisor *= 10 }
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(n / divisor % 10))
            divisor /= 10
        }
    }

    /// Reads a row; nil when it is not one (tables skip such rows rather than trap).
    public init?(decoding row: String) {
        let fields = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard fields.count >= 11, let line = Int(fields[3]) else { return nil }
        var next = 8
        guard let operation = Self.decodePermissions(fields, at: &next) else { return nil }
        var route: RoutePermissions? = nil
        if next < fields.count {
            guard let r = Self.decodePermissions(fields, at: &next) else { return nil }
            route = r
        }
        guard next == fields.count else { return nil }
        name = Self.unescape(fields[0])
        method = Self.unescape(fields[1])
        template = Self.unescape(fields[2])
        self.line = line
        operationID = Self.unescape(fields[4])
        operationName = Self.unescape(fields[5])
        expectedStatuses = fields[6].split(separator: ",").compactMap { Int($0) }
        source = Self.unescape(fields[7])
        operationPermissions = operation
        routePermissions = route
    }

    // MARK: Permissions: one field per scheme

    // Empty: not documented. `-`: not supported. Otherwise `least|higher|a+b,c+d|flags|unparsed`
    // (at least `least|higher`),
    // lists comma-separated; the flag `n` means no permission is needed.
    /// Appends the three scheme fields, each after a tab.
    private static func encode(_ p: RoutePermissions, into out: inout [UInt8]) {
        encode(p.delegatedWork, into: &out)
        encode(p.delegatedPersonal, into: &out)
        encode(p.application, into: &out)
        for v in p.variants {
            out.append(9)
            out.append(UInt8(ascii: "?"))
            escape(v.condition, into: &out)
            encode(v.permissions, into: &out)
        }
    }

    private static func encode(_ requirement: PermissionRequirement?, into out: inout [UInt8]) {
        out.append(9)
        guard let r = requirement else { return }
        guard r.isSupported else { return out.append(UInt8(ascii: "-")) }
        list(r.leastPrivileged, separator: ",", into: &out)
        out.append(UInt8(ascii: "|"))
        list(r.higherPrivileged, separator: ",", into: &out)
        // Trailing empty parts are left out, but at least two are kept: an empty field means "not
        // documented". `keep` is where the last part kept ends.
        var keep = out.count
        out.append(UInt8(ascii: "|"))
        var start = out.count
        for (i, combination) in r.combinations.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            list(combination, separator: "+", into: &out)
        }
        if out.count > start { keep = out.count }
        out.append(UInt8(ascii: "|"))
        start = out.count
        if r.noPermissionRequired { out.append(UInt8(ascii: "n")) }
        if out.count > start { keep = out.count }
        out.append(UInt8(ascii: "|"))
        start = out.count
        for (i, item) in r.unparsed.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            escape(item, into: &out)
        }
        if out.count > start { keep = out.count }
        out.removeSubrange(keep...)
    }

    private static func list(_ items: [GraphPermission], separator: Unicode.Scalar, into out: inout [UInt8]) {
        for (i, item) in items.enumerated() {
            if i > 0 { out.append(UInt8(ascii: separator)) }
            escape(item.rawValue, into: &out)
        }
    }

    /// Three scheme fields from `next` and the variants after them; nil when the fields run out.
    private static func decodePermissions(_ fields: [String], at next: inout Int, variantsFollow: Bool = true) -> RoutePermissions? {
        guard next + 3 <= fields.count else { return nil }
        let r = fields[next..<(next + 3)].map(decodeRequirement)
        next += 3
        var variants: [RoutePermissions.Variant] = []
        while variantsFollow, next + 4 <= fields.count, fields[next].hasPrefix("?") {
            let condition = unescape(String(fields[next].dropFirst()))
            next += 1
            guard let p = decodePermissions(fields, at: &next, variantsFollow: false) else { return nil }
            variants.append(RoutePermissions.Variant(condition: condition, permissions: p))
        }
        return RoutePermissions(delegatedWork: r[0], delegatedPersonal: r[1], application: r[2], variants: variants)
    }

    private static func decodeRequirement(_ field: String) -> PermissionRequirement? {
        if field.isEmpty { return nil }
        if field == "-" { return .unsupported }
        let parts = field.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        func part(_ i: Int) -> [String] {
            i < parts.count ? parts[i].split(separator: ",").map { unescape(String($0)) } : []
        }
        let permissions = { (names: [String]) in names.map(GraphPermission.init(rawValue:)) }
        let combinations = (parts.count > 2 ? parts[2].split(separator: ",") : []).map { combo in
            combo.split(separator: "+").map { GraphPermission(rawValue: unescape(String($0))) }
        }
        return PermissionRequirement(leastPrivileged: permissions(part(0)), higherPrivileged: permissions(part(1)),
                                     combinations: combinations, noPermissionRequired: parts.count > 3 && parts[3] == "n",
                                     unparsed: part(4))
    }

    // MARK: Field escaping

    private static func isEscaped(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "%"), 9, 10, 13, UInt8(ascii: "|"), UInt8(ascii: ","), UInt8(ascii: "+"): true
        default: false
        }
    }

    static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: isEscaped) else { return s }
        var out: [UInt8] = []
        escape(s, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func escape(_ s: String, into out: inout [UInt8]) {
        // A plain walk over `utf8`: apps link this module with deployment targets that lack a
        // string's span (macOS 26 and later only), and it runs once per field as tables are
        // encoded. Nearly every field needs no escape and is copied at once.
        let utf8 = s.utf8
        guard utf8.contains(where: isEscaped) else { return out.append(contentsOf: utf8) }
        for b in utf8 {
            guard isEscaped(b) else {
                out.append(b)
                continue
            }
            out.append(UInt8(ascii: "%"))
            out.append(hexDigits[Int(b >> 4)])
            out.append(hexDigits[Int(b & 15)])
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    static func unescape(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "%")) else { return s }
        let bytes = Array(s.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count,
               let b = UInt8(String(decoding: bytes[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                out.append(b)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

}
