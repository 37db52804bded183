import Testing
@testable import RouteSpecCore

@Suite struct PermissionCellParserTests {
    func names(_ cell: String) -> [[String]] {
        guard case .entries(let entries, _, _, _) = PermissionCellParser.parse(cell) else { return [] }
        return entries.map(\.names)
    }

    @Test(arguments: [("User.Read", true), ("a_b.c-d.9", true), ("openid", true), ("User", false), ("a..b", false),
                      (".a.b", false), ("a.b.", false), ("_a.b", false), ("a.-b", false), ("Ünï.x", false),
                      ("User.Read (for you)", false), ("e\u{301}.x", false)])
    func wellFormedNames(name: String, wellFormed: Bool) {
        #expect(PermissionName.isWellFormed(name) == wellFormed)
    }

    @Test(arguments: ["", " ", "a  b ", "  Mail.Read и  Mail.Send", "один два"])
    func splitsOnSpacesAsCharactersDo(text: String) {
        #expect(text.split(asciiSeparator: ASCII.space) == text.split(separator: " "))
    }

    @Test func notesAndItemsAreFoundOnBytes() {
        #expect(PermissionCellParser.withoutNotes("Mail.Read (shared (nested) box), Mail.Send（共享）) Ж") == "Mail.Read , Mail.Send Ж")
        #expect(PermissionCellParser.withoutNotes("a（b") == "a")
        #expect(PermissionCellParser.splitItems("A.B,\r\nC.D；E.F、G.H，I.J;; ,K.L") == ["A.B", "C.D", "E.F", "G.H", "I.J", "K.L"])
        #expect(PermissionCellParser.splitItems("Ж.Read") == ["Ж.Read"])
    }

    @Test(arguments: [
        ("User.Read, User.ReadWrite", [["User.Read"], ["User.ReadWrite"]]),
        ("Bookings。Read.All、User．Read", [["Bookings.Read.All"], ["User.Read"]]),
        ("One from EduRoster.ReadBasic, EduRoster.Read", [["EduRoster.ReadBasic"], ["EduRoster.Read"]]),
        ("EduRoster.Write plus either Directory.Read.All", [["EduRoster.Write", "Directory.Read.All"]]),
        ("User.Read、User.ReadWrite", [["User.Read"], ["User.ReadWrite"]]),
        ("User.Read，User.ReadWrite", [["User.Read"], ["User.ReadWrite"]]),
        ("User.Read<br>User.ReadWrite", [["User.Read"], ["User.ReadWrite"]]),
        ("<ul><li>User.Read</li><li>User.ReadWrite</li></ul>", [["User.Read"], ["User.ReadWrite"]]),
        ("Mail.Read, Mail.ReadWrite and Mail.Send", [["Mail.Read"], ["Mail.ReadWrite"], ["Mail.Send"]]),
        ("Mail.Read, Mail.ReadWrite и Mail.Send", [["Mail.Read"], ["Mail.ReadWrite"], ["Mail.Send"]]),
        ("Directory.Read.All или Directory.ReadWrite.All", [["Directory.Read.All"], ["Directory.ReadWrite.All"]]),
        ("Policy.Read.All and Policy.ReadWrite.ConditionalAccess", [["Policy.Read.All", "Policy.ReadWrite.ConditionalAccess"]]),
        ("Policy.Read.All 和 Policy.ReadWrite.ConditionalAccess", [["Policy.Read.All", "Policy.ReadWrite.ConditionalAccess"]]),
        ("User.Read.All и GroupMember.Read.All, User.Read.All и Group.Read.All, Directory.Read.All",
         [["User.Read.All", "GroupMember.Read.All"], ["User.Read.All", "Group.Read.All"], ["Directory.Read.All"]]),
        ("Group.ReadWrite.All **, Directory.ReadWrite.All**", [["Group.ReadWrite.All"], ["Directory.ReadWrite.All"]]),
        ("Schedule.ReadWrite.All*", [["Schedule.ReadWrite.All"]]),
        ("[User.Read](https://example.com/perm) (for the signed-in user)", [["User.Read"]]),
        ("User. ReadWrite. All", [["User.ReadWrite.All"]]),
        ("`Sites.Selected`", [["Sites.Selected"]]),
        ("Application.ReadWrite.OwnedBy Application.ReadWrite.All", [["Application.ReadWrite.OwnedBy"], ["Application.ReadWrite.All"]]),
        ("Для устройства: Device.Read.All", [["Device.Read.All"]]),
        ("openid, offline_access", [["openid"], ["offline_access"]]),
    ])
    func readsNames(cell: String, expected: [[String]]) {
        #expect(names(cell) == expected)
    }

    @Test(arguments: ["Not supported.", "Не поддерживается.", "不支持。", "No admitida.", "Sem suporte.", "Nicht unterstützt",
                      "n/a", "Не применимо", "Неприменимо.", "Not available.", "サポートされていません。"])
    func notSupported(cell: String) {
        #expect(PermissionCellParser.parse(cell) == .notSupported)
    }

    @Test(arguments: ["None.", "None", "Нет.", "Ninguno", "Nenhum", "Keine"])
    func noneIsDistinctFromNotSupported(cell: String) {
        #expect(PermissionCellParser.parse(cell) == .noneRequired)
    }

    @Test(arguments: ["Calls.Initiate. Все", "TODO: Определение областей", "TeamReadBasicAll", "User.Read.Все"])
    func damagedNamesAreKeptVerbatimAsUnparsed(cell: String) {
        guard case .entries(let entries, let unparsed, _, _) = PermissionCellParser.parse(cell) else {
            Issue.record("\(cell) not read as entries"); return
        }
        #expect(entries.isEmpty)
        #expect(unparsed == [cell])
    }
}
