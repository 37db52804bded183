import Testing
@testable import RouteSpecCore

/// A page in each language added to the lexicon, with no anchors, so that only the language's
/// words can tell its sections and its permission table's rows apart.
@Suite struct LanguageTests {
    @Test func indonesianPage() throws {
        let model = try compilePage("""
            ---
            title: Dapatkan pengguna
            ms.contentlocale: id-ID
            ---
            # Dapatkan pengguna

            ## Izin

            |Jenis izin|Izin|
            |:---|:---|
            |Didelegasikan (akun kerja atau sekolah)|User.Read, User.ReadWrite|
            |Didelegasikan (akun Microsoft pribadi)|Tidak didukung.|
            |Aplikasi|User.Read.All|

            ## Permintaan HTTP

            ```http
            GET /users/{id}
            ```

            ## Respons

            Jika berhasil, metode ini mengembalikan kode respons `200 OK`.
            """, path: "api-reference/v1.0/api/user-get.md")
        let operation = try #require(model.operations.first)
        #expect(operation.routes.map { "\($0.method) \($0.path)" } == ["GET /users/{id}"])
        #expect(operation.permissions?.delegatedWork == Scheme(supported: true, leastPrivileged: ["User.Read"], higherPrivileged: ["User.ReadWrite"]))
        #expect(operation.permissions?.delegatedPersonal == .unsupported)
        #expect(operation.permissions?.application == Scheme(supported: true, leastPrivileged: ["User.Read.All"], higherPrivileged: []))
        #expect(operation.responses.map(\.status) == [200])
        #expect(model.diagnostics.filter { $0.severity != .note }.isEmpty, "\(model.diagnostics.map(\.formatted))")
    }
}
