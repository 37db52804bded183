import Testing
@testable import RouteSpecCore

/// Names are made on bytes for ASCII ids and paths; these pin what they must be.
@Suite struct NamingTests {
    private func operation(id: String, name: String, paths: [String]) -> APIOperation {
        APIOperation(id: id, apiVersion: .v1, name: name, title: nil,
                     routes: paths.map { Route(method: "GET", path: $0, parameters: [], permissions: nil, line: 1) },
                     permissions: nil, permissionTables: [], responses: [], sources: [])
    }

    @Test(arguments: [
        // Capitals recovered from the operation's name, its tails at capitals, and the route's words.
        ("v1.0/intune-deviceconfig-windows10generalconfiguration-get", "getWindows10GeneralConfiguration",
         ["/deviceManagement/deviceConfigurations/{id}"], "intuneDeviceconfigWindows10GeneralConfigurationGet"),
        ("v1.0/user-list-manageddevices", "listManagedDevices", ["/users/{id}/managedDevices"], "userListManagedDevices"),
        // A plural segment spells its singular (`policies` → `policy`).
        ("beta/policy-get", "get", ["/policies/conditionalAccessPolicies"], "policyGet"),
        ("beta/accessreviewpolicy-get", "get", ["/policies/accessReviewPolicy"], "accessReviewPolicyGet"),
        // A title anchor, and a `~` suffix kept as it is.
        ("beta/#resetpasscode-action", "resetPasscode", ["/deviceManagement/resetPasscode"], "resetPasscodeAction"),
        ("v1.0/user-get~2", "get", ["/me"], "userGet2"),
        // Non-ASCII candidates spell nothing; the id's words stay as they are.
        ("v1.0/drive-get", "получить", ["/drives/{id}/диск"], "driveGet"),
        // Nothing usable: a hash of the id.
        ("v1.0/~", "x", [], "operation_" + SwiftNames.shortHash("v1.0/~")),
    ])
    func pageNames(id: String, name: String, paths: [String], expected: String) {
        #expect(GeneratedNames.pageName(operation(id: id, name: name, paths: paths)) == expected)
    }

    @Test(arguments: [
        ("/users/{id}/managedDevices", ["users", "managedDevices"]),
        ("//items('{id}')//microsoft.graph.delta()", ["items", "delta"]),
        ("/drives/{drive-id}/root:/{path}:/content", ["drives", "root", "content"]),
        ("/reports/getEmailActivityCounts(period='D7')/$value", ["reports", "getEmailActivityCounts", "value"]),
        ("/Microsoft.Graph.User/URLSession_ID", ["user", "urlSessionID"]),
        ("/((x", ["x"]),
        ("/(((", []),
        // Not ASCII: read by characters, with the same rules.
        ("/users/{id}/Ünïcode-name/microsoft.graph.réponse", ["users", "nCodeName", "rPonse"]),
    ])
    func staticWords(path: String, words: [String]) {
        #expect(GeneratedNames.staticWords(path) == words)
        #expect(GeneratedNames.staticWords(path, limit: 1) == Array(words.prefix(1)))
    }

    @Test func identifiersAreASCIILettersDigitsAndUnderscores() {
        // Every byte, alone, after a letter, and inside a longer name, against the rule spelled out.
        for byte in UInt8.min...UInt8.max {
            let isLetter = (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            let isDigit = (0x30...0x39).contains(byte)
            let char = String(decoding: [byte], as: UTF8.self)
            #expect(SwiftNames.isValidIdentifier(char) == (isLetter || byte == 0x5F), "byte \(byte) alone")
            #expect(SwiftNames.isValidIdentifier("a" + char) == (isLetter || isDigit || byte == 0x5F), "byte \(byte) after a letter")
            #expect(SwiftNames.isValidIdentifier("listManagedDevices_" + char + "Z9") == (isLetter || isDigit || byte == 0x5F),
                    "byte \(byte) in a long name")
        }
        #expect(!SwiftNames.isValidIdentifier(""))
        #expect(!SwiftNames.isValidIdentifier("9lives"))
        #expect(!SwiftNames.isValidIdentifier("caf\u{E9}"))
    }

    @Test func spellingSearchTakesTheFirstCapitalizedMatch() {
        var search = SpellingSearch(wanted: ["managed", "devices", "User", "Ünï"])
        let offer = { (search: inout SpellingSearch, word: String) in search.offer(Substring(word)) }
        offer(&search, "managed")
        #expect(search.matched == [true, false, false, false] && search.capitalized == [nil, nil, nil, nil])
        offer(&search, "ManageD")
        offer(&search, "Managed")
        offer(&search, "DEVICES")
        offer(&search, "usér")
        #expect(search.capitalized == ["ManageD", "DEVICES", nil, nil])
        #expect(!search.isComplete)
        offer(&search, "USER")
        offer(&search, "ÜNÏ")
        #expect(search.capitalized == ["ManageD", "DEVICES", "USER", nil])
    }

    @Test(arguments: [("policies", "policy"), ("ties", "tie"), ("classes", "class"), ("users", "user"), ("bus", "bus"), ("ies", "ies"), ("glass", "glass")])
    func spellingSearchOffersSingulars(plural: String, singular: String) {
        var search = SpellingSearch(wanted: [singular.lowercased()])
        let capitalized = plural.prefix(1).uppercased() + plural.dropFirst()
        capitalized.withUTF8Span { search.offerWord($0, $0.indices, singular: true) }
        let expected = plural == singular ? capitalized : singular.prefix(1).uppercased() + singular.dropFirst()
        #expect(search.capitalized == [expected])
        #expect(PlaceholderRewriter.singular(plural) == singular)
    }

    @Test func operationNamesPreferCapitalsThenLowerCase() {
        let route = { (path: String) in RouteFact(method: "GET", path: path, parameters: [], line: 1, headings: []) }
        #expect(OperationNamer.name(anchor: "get-manageddevice", title: nil, mirrorKey: nil, path: "p.md",
                                    routes: [route("/manageddevices/{id}"), route("/users/{id}/managedDevice")]) == "getManagedDevice")
        // Only lower-case spellings: the word as they spell it.
        #expect(OperationNamer.name(anchor: "List-Users", title: nil, mirrorKey: nil, path: "p.md", routes: [route("/users")]) == "listUsers")
        #expect(OperationNamer.name(anchor: "list-USERS", title: nil, mirrorKey: nil, path: "p.md", routes: [route("/me")]) == "listUSERS")
        #expect(OperationNamer.name(anchor: nil, title: "Get application", mirrorKey: nil, path: "x/application-get.md",
                                    routes: [route("/applications/{id}")]) == "getApplication")
    }
}
