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
}
