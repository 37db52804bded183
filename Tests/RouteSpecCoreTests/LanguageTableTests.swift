import Testing
@testable import RouteSpecCore

/// Permission tables as real translations write them (strings taken from translated Graph and
/// sibling Microsoft docs): the three schemes and the list order must come out the same.
@Suite struct LanguageTableTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var locale: String
        var header: String
        var work: String
        var personal: String
        var application: String
        var notSupported: String
        var mostToLeast: Bool
        var testDescription: String { locale }
    }

    static let cases: [Case] = [
        Case(locale: "de-DE", header: "Berechtigungen (von der Berechtigung mit den meisten Rechten zu der mit den wenigsten Rechten)",
             work: "Delegiert (Geschäfts-, Schul- oder Unikonto)", personal: "Delegiert (persönliches Microsoft-Konto)",
             application: "Anwendung", notSupported: "Nicht unterstützt", mostToLeast: true),
        Case(locale: "de-DE", header: "Berechtigungen (von der Berechtigung mit den wenigsten Rechten zu der mit den meisten Rechten)",
             work: "Delegiert (Geschäfts-, Schul- oder Unikonto)", personal: "Delegiert (persönliches Microsoft-Konto)",
             application: "Application", notSupported: "Nicht zutreffend", mostToLeast: false),
        Case(locale: "ja-JP", header: "アクセス許可 (特権の大きいものから小さいものへ)", work: "委任 (職場または学校のアカウント)",
             personal: "委任 (個人用 Microsoft アカウント)", application: "アプリケーション", notSupported: "サポートされていません。", mostToLeast: true),
        Case(locale: "ja-JP", header: "アクセス許可 (特権の小さいものから大きいものへ)", work: "委任 (職場または学校アカウント)",
             personal: "委任 (個人用 Microsoft アカウント)", application: "アプリケーション", notSupported: "該当なし", mostToLeast: false),
        Case(locale: "zh-CN", header: "权限（从最高特权到最低特权）", work: "委派（工作或学校帐户）", personal: "委派（个人 Microsoft 帐户）",
             application: "应用程序", notSupported: "不支持。", mostToLeast: true),
        Case(locale: "zh-TW", header: "權限", work: "已委派（公司或學校帳戶）", personal: "已委派（個人 Microsoft 帳戶）",
             application: "應用程式", notSupported: "不適用", mostToLeast: false),
        Case(locale: "fr-FR", header: "Autorisations", work: "Déléguée (compte professionnel ou scolaire)",
             personal: "Déléguée (compte Microsoft personnel)", application: "Application", notSupported: "Non prise en charge.", mostToLeast: false),
        Case(locale: "ko-KR", header: "권한", work: "위임됨(회사 또는 학교 계정)", personal: "위임됨 (개인 Microsoft 계정)",
             application: "애플리케이션", notSupported: "해당 없음", mostToLeast: false),
        Case(locale: "it-IT", header: "Autorizzazioni", work: "Delegato (account aziendale o dell'Istituto di istruzione)",
             personal: "Delegata (personale account Microsoft)", application: "Applicazione", notSupported: "Non applicabile", mostToLeast: false),
        Case(locale: "es-ES", header: "Permisos (de más a menos privilegiados)", work: "Delegado (cuenta profesional o educativa).",
             personal: "Delegado (cuenta personal de Microsoft)", application: "Aplicación", notSupported: "No se admite.", mostToLeast: true),
        Case(locale: "pt-BR", header: "Permissões (da com menos para a com mais privilégios)",
             work: "[Delegada](../../../concepts/auth_v2_user.md) (conta de estudante ou corporativa)",
             personal: "[Delegada](../../../concepts/auth_v2_user.md)(conta pessoal da Microsoft)",
             application: "[Aplicativo](../../../concepts/auth_v2_service.md)", notSupported: "Não suportado", mostToLeast: false),
        Case(locale: "pl-PL", header: "Uprawnienia", work: "Delegowane (konto służbowe)", personal: "Delegowane (osobiste konto Microsoft)",
             application: "Aplikacja", notSupported: "Nie dotyczy", mostToLeast: false),
        Case(locale: "tr-TR", header: "İzinler", work: "Temsilci (iş veya okul hesabı)", personal: "Temsilci (kişisel Microsoft hesabı)",
             application: "Uygulama", notSupported: "Uygulanamaz", mostToLeast: false),
        Case(locale: "nl-NL", header: "Machtigingen", work: "Gedelegeerd (werk-of school account)",
             personal: "Gedelegeerd (persoonlijk Microsoft-account)", application: "Toepassing", notSupported: "Niet van toepassing", mostToLeast: false),
        Case(locale: "sv-SE", header: "Behörigheter", work: "Delegerat (arbets-eller skol konto)", personal: "Delegerad (personlig Microsoft-konto)",
             application: "Program", notSupported: "Inte tillämpligt", mostToLeast: false),
        Case(locale: "cs-CZ", header: "Oprávnění", work: "Delegovaný (pracovní nebo školní účet)", personal: "Delegovaný (osobní účet Microsoft)",
             application: "Aplikace", notSupported: "Nelze použít", mostToLeast: false),
        Case(locale: "hu-HU", header: "Engedélyek", work: "Delegált (munkahelyi vagy iskolai fiók)", personal: "Delegált (személyes Microsoft-fiók)",
             application: "Alkalmazás", notSupported: "Nem alkalmazható", mostToLeast: false),
        Case(locale: "en-US", header: "Permissions (from most to least privileged)", work: "Delegated \\(work or school account\\)",
             personal: "Delegated \\(personal Microsoft account\\)", application: "Application", notSupported: "Not available.", mostToLeast: true),
    ]

    @Test(arguments: cases)
    func readsTheTable(c: Case) throws {
        let (low, high) = ("User.Read.All", "User.ReadWrite.All")
        let list = c.mostToLeast ? "\(high), \(low)" : "\(low), \(high)"
        let markdown = """
        |Type|\(c.header)|
        |:---|:---|
        |\(c.work)|\(list)|
        |\(c.personal)|\(c.notSupported)|
        |\(c.application)|\(list)|
        """
        var sink = DiagnosticSink(path: "t.md")
        let source = try #require(SourceText.decode(Array(markdown.utf8), diagnostics: &sink))
        let blocks = BlockScanner.scan(source, from: 0, diagnostics: &sink)
        guard case .table(let table)? = blocks.first else { Issue.record("no table"); return }
        let set = try #require(PermissionTableReader.read(source.table(table), heading: nil, diagnostics: &sink)?.first?.permissions)
        #expect(set.delegatedWork == Scheme(supported: true, leastPrivileged: [low], higherPrivileged: [high]))
        #expect(set.delegatedPersonal == .unsupported)
        #expect(set.application == Scheme(supported: true, leastPrivileged: [low], higherPrivileged: [high]))
    }
}
