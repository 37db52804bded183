import Testing
@testable import RouteSpecCore

@Suite struct PermissionTableTests {
    func read(_ markdown: String) -> [PermissionTableFact]? {
        var sink = DiagnosticSink(path: "t.md")
        var text = sink
        guard let source = SourceText.decode(Array(markdown.utf8), diagnostics: &text) else { return nil }
        let blocks = BlockScanner.scan(source, from: 0, diagnostics: &sink)
        for block in blocks {
            if case .table(let t) = block { return PermissionTableReader.read(source.table(t), heading: nil, diagnostics: &sink) }
        }
        return nil
    }

    @Test func oldStyleLeastToMost() throws {
        let set = try #require(read(oldTable)?.first?.permissions)
        #expect(set.delegatedWork == Scheme(supported: true, leastPrivileged: ["User.Read"], higherPrivileged: ["User.ReadWrite"]))
        #expect(set.delegatedPersonal == .unsupported)
        #expect(set.application?.leastPrivileged == ["User.Read.All"])
    }

    @Test func oldStyleMostToLeastIsReversed() throws {
        let table = """
        |Тип разрешения|Разрешения (в порядке убывания привилегий)|
        |:---|:---|
        |Делегированные (рабочая или учебная учетная запись)|A.ReadWrite.All, A.Read.All|
        |Делегированные (личная учетная запись Майкрософт)|Не поддерживается.|
        |Для приложений|A.ReadWrite.All, A.Read.All|
        """
        let set = try #require(read(table)?.first?.permissions)
        #expect(set.delegatedWork?.leastPrivileged == ["A.Read.All"])
        #expect(set.delegatedWork?.higherPrivileged == ["A.ReadWrite.All"])
    }

    @Test func chineseMostToLeastFromEnglishHalf() throws {
        let table = """
        |权限类型|权限（从最高特权到最低特权）|
        |:---|:---|
        |委派（工作或学校帐户）|A.ReadWrite.All、A.Read.All|
        |委派（个人 Microsoft 帐户）|不支持。|
        |应用程序|A.ReadWrite.All|
        """
        let set = try #require(read(table)?.first?.permissions)
        #expect(set.delegatedWork?.leastPrivileged == ["A.Read.All"])
        #expect(set.delegatedPersonal == .unsupported)
        #expect(set.application?.leastPrivileged == ["A.ReadWrite.All"])
    }

    @Test func modernThreeColumns() throws {
        let table = """
        |Permission type|Least privileged permissions|Higher privileged permissions|
        |:---|:---|:---|
        |Delegated (work or school account)|Application.Read.All|Application.ReadWrite.All, Directory.Read.All|
        |Delegated (personal Microsoft account)|Not supported.|Not supported.|
        |Application|None.|None.|
        """
        let set = try #require(read(table)?.first?.permissions)
        #expect(set.delegatedWork?.leastPrivileged == ["Application.Read.All"])
        #expect(set.delegatedWork?.higherPrivileged == ["Application.ReadWrite.All", "Directory.Read.All"])
        #expect(set.delegatedPersonal == .unsupported)
        #expect(set.application == Scheme(supported: true, noPermissionRequired: true))
    }

    @Test func labelsWithMissingParenthesisOrLeftInEnglish() throws {
        let table = """
        |Tipo de permissão|Permissões|
        |:---|:---|
        |Delegado (conta corporativa ou de estudante|A.Read|
        |Delegated (personal Microsoft account)|Sem suporte.|
        |Application|A.Read.All|
        """
        let set = try #require(read(table)?.first?.permissions)
        #expect(set.hasAllSchemes)
        #expect(set.delegatedWork?.leastPrivileged == ["A.Read"])
    }

    @Test func intuneSubRowsFoldIntoTheirScheme() throws {
        let table = """
        |Тип разрешения|Разрешения (в порядке убывания привилегий)|
        |:---|:---|
        |Делегированные (рабочая или учебная учетная запись)||
        | &nbsp; &nbsp; **Приложения** | DeviceManagementApps.ReadWrite.All|
        |Делегированные (личная учетная запись Майкрософт)|Не поддерживается.|
        |Приложение||
        | &nbsp; &nbsp; **Приложения** | DeviceManagementApps.ReadWrite.All|
        """
        let set = try #require(read(table)?.first?.permissions)
        #expect(set.delegatedWork?.leastPrivileged == ["DeviceManagementApps.ReadWrite.All"])
        #expect(set.application?.leastPrivileged == ["DeviceManagementApps.ReadWrite.All"])
    }

    @Test func audienceColumnsGiveTwoSets() throws {
        let table = """
        | Тип разрешения | Разрешения, действующие на себя (от наименее до самых привилегированных) | Разрешения, действующие на других (от наименее привилегированных)|
        |:---|:---|:---|
        | Делегированные (рабочая или учебная учетная запись) | UserAuthenticationMethod.Read | UserAuthenticationMethod.Read.All |
        | Делегированные (личная учетная запись Майкрософт) | Не поддерживается. | Не поддерживается. |
        | Приложение | Неприменимо. | UserAuthenticationMethod.Read.All |
        """
        let facts = try #require(read(table))
        #expect(facts.map(\.audience) == ["self", "others"])
        #expect(facts[0].permissions.application == .unsupported)
        #expect(facts[1].permissions.application?.leastPrivileged == ["UserAuthenticationMethod.Read.All"])
    }

    @Test func resourceMatrixKeepsOneSetPerRow() throws {
        let table = """
        | Supported resource | Delegated (work or school account) | Delegated (personal Microsoft account) | Application |
        |:-----|:-----|:-----|:-----|
        |[user](../resources/user.md) | User.Read.All | User.Read.All | User.Read.All |
        |[todoTask](../resources/todotask.md) | Tasks.ReadWrite | Tasks.ReadWrite | Not supported |
        """
        let facts = try #require(read(table))
        #expect(facts.count == 2)
        #expect(facts.allSatisfy { $0.isMatrixRow })
        #expect(facts[1].heading?.text == "todoTask")
        #expect(facts[1].permissions.application == .unsupported)
    }

    @Test func scenarioTableIsNotAPermissionTable() {
        let table = """
        | Контекст приложения, отправившего вызов | Состав отклика |
        |:-----|:---------------- |
        | Приложение отправляет вызов от имени вошедшего пользователя (делегированное разрешение). | Подписки |
        | Приложение отправляет вызов от своего имени (разрешение приложения). | Все подписки |
        """
        #expect(read(table) == nil)
    }

    /// A table read once and moved to each copy reads as if read where the copy stands: lines,
    /// headings and diagnostics included, for plain, matrix and header-less tables.
    @Test func repeatedTablesReadOnceReadAsEachCopy() throws {
        let plain = """
        |Permission type|Permissions (from least to most privileged)|
        |:---|:---|
        |Delegated (work or school account)|User.Read, User.ReadWrite|
        |Someone else|User.Read|
        |Application|User.Read.All|
        """
        let matrix = """
        | Supported resource | Delegated (work or school account) | Delegated (personal Microsoft account) | Application |
        |:-----|:-----|:-----|:-----|
        |[user](../resources/user.md) | User.Read.All | User.Read.All | User.Read.All |
        """
        let headerless = """
        |Delegated (work or school account)|Mail.Read|
        |Delegated (personal Microsoft account)|Not supported.|
        |Application|Mail.Read|
        """
        let markdown = [plain, matrix, headerless, "Text between.", plain, "", "More.", matrix, headerless].joined(separator: "\n\n")
        var decodeSink = DiagnosticSink(path: "t.md")
        let source = try #require(SourceText.decode(Array(markdown.utf8), diagnostics: &decodeSink))
        var scanSink = DiagnosticSink(path: "t.md")
        let tables = BlockScanner.scan(source, from: 0, diagnostics: &scanSink).compactMap { block -> TableLines? in
            if case .table(let t) = block { return t } else { return nil }
        }
        #expect(tables.count == 6)
        let readings = PermissionTableReadings()
        for (i, t) in tables.enumerated() {
            let heading = HeadingRef(anchor: nil, text: "Heading \(i)", line: t.line - 1)
            var direct = DiagnosticSink(path: "t.md"), memo = DiagnosticSink(path: "t.md")
            let expected = PermissionTableReader.read(source.table(t), heading: heading, diagnostics: &direct)
            let got = readings.read(t, in: source, heading: heading, diagnostics: &memo)
            let describe = { (facts: [PermissionTableFact]?) in
                facts.map { $0.map { "\($0.line) \(String(describing: $0.heading)) \($0.audience ?? "-") \($0.isMatrixRow) \($0.permissions)" } }
            }
            #expect(describe(got) == describe(expected))
            #expect(memo.items == direct.items)
        }
        #expect(tables[0].line != tables[3].line)
    }
}
