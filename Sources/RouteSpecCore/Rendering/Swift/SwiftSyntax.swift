/// Generated Swift is built as these values and becomes text in one place (`SwiftRenderer`).
/// Text from the docs can only enter as a string literal (`.string`) or doc text (`SwiftDoc`),
/// both escaped by the renderer; identifiers can only be made by `SwiftName`, which validates them.

/// A valid Swift identifier, escaped with backticks where it is a keyword.
struct SwiftName: Hashable, Comparable, CustomStringConvertible, Sendable {
    let text: String

    /// `raw` must already be a valid identifier (letters, digits, `_`, not starting with a digit).
    init(verbatim raw: String) {
        precondition(SwiftNames.isValidIdentifier(raw), "not an identifier: \(raw)")
        text = SwiftNames.isKeyword(raw) ? "`\(raw)`" : raw
    }

    /// `raw` has passed `SwiftNames.isValidIdentifier` (not checked again).
    init(validIdentifier raw: String) {
        text = SwiftNames.isKeyword(raw) ? "`\(raw)`" : raw
    }

    var description: String { text }
    static func < (a: SwiftName, b: SwiftName) -> Bool { a.text < b.text }
}

/// A type as written in code; built only from names and fixed spellings.
struct SwiftType: Hashable, Sendable {
    let text: String
    static let string = SwiftType(text: "String")
    static func named(_ parts: SwiftName...) -> SwiftType { SwiftType(text: parts.map(\.text).joined(separator: ".")) }
    static func fixed(_ spelling: StaticString) -> SwiftType { SwiftType(text: "\(spelling)") }
}

struct SwiftDoc: Sendable {
    var lines: [String]
    init(_ lines: [String]) { self.lines = lines }
}

enum SwiftExpr: Sendable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case nilLiteral
    case array([SwiftExpr], multiline: Bool)
    case name(SwiftName)
    /// `base.member`, or `.member` when `base` is nil.
    indirect case member(SwiftExpr?, SwiftName)
    /// `self`
    case selfValue
    /// `Some.Type.member`
    case typeMember(SwiftType, SwiftName)
    indirect case call(SwiftExpr, [SwiftArgument])
    indirect case tryAwait(SwiftExpr)

    /// An array that prints one element a line, so whatever holds it cannot fit on one line.
    var isMultilineArray: Bool {
        if case .array(let items, multiline: true) = self { return !items.isEmpty }
        return false
    }
}

struct SwiftArgument: Sendable {
    var label: SwiftName?
    var value: SwiftExpr
    init(_ label: SwiftName?, _ value: SwiftExpr) {
        self.label = label
        self.value = value
    }
}

enum SwiftStatement: Sendable {
    case expression(SwiftExpr)
    case returnValue(SwiftExpr)
    /// `self.name = value`
    case assignMember(SwiftName, SwiftExpr)
}

struct SwiftParameter: Sendable {
    var label: SwiftName?
    var name: SwiftName
    var type: SwiftType
    var defaultValue: SwiftExpr?
}

enum SwiftDecl: Sendable {
    case enumDecl(doc: SwiftDoc?, name: SwiftName, conformances: [SwiftType], members: [SwiftDecl])
    case structDecl(doc: SwiftDoc?, name: SwiftName, generic: String?, conformances: [SwiftType], members: [SwiftDecl])
    case extensionDecl(type: SwiftType, members: [SwiftDecl])
    case staticLet(doc: SwiftDoc?, name: SwiftName, type: SwiftType, value: SwiftExpr)
    case storedLet(doc: SwiftDoc?, name: SwiftName, type: SwiftType)
    case computedVar(doc: SwiftDoc?, isStatic: Bool, name: SwiftName, type: SwiftType, body: [SwiftStatement])
    case function(doc: SwiftDoc?, attributes: [String], name: SwiftName, parameters: [SwiftParameter], effects: String,
                  returns: SwiftType?, body: [SwiftStatement])
    case initializer(doc: SwiftDoc?, failable: Bool, parameters: [SwiftParameter], body: [SwiftStatement])
    case staticFunction(doc: SwiftDoc?, name: SwiftName, parameters: [SwiftParameter], returns: SwiftType, body: [SwiftStatement])
}

struct SwiftFile: Sendable {
    var header: [String]
    var imports: [String]
    var declarations: [SwiftDecl]
}
