/// Words that differ by language. Sections are recognised by their `<a name>` anchors and by
/// structure first; these words are the fallback, and every language's words are tried on every
/// page, so a page whose locale is missing here still matches words it shares with one that is.
/// All entries are lower-case; matching is by substring on lower-cased, space-folded text.
struct LanguageWords: Sendable {
    var locale: String
    var permissionsHeading: [String] = []
    var httpRequestHeading: [String] = []
    var responseHeading: [String] = []
    var exampleHeading: [String] = []
    /// Row labels of the permission table.
    var delegated: [String] = []
    var workOrSchool: [String] = []
    var personal: [String] = []
    var application: [String] = []
    /// The company's name as the language writes it: the delegated row naming it is the personal one.
    var microsoft: [String] = []
    /// Cell values meaning the scheme is not supported.
    var notSupported: [String] = []
    /// Cell values meaning no permission is needed (supported, nothing to grant).
    var none: [String] = []
    /// "and" / "or" between permission names.
    var and: [String] = []
    var or: [String] = []
    /// Old-style header phrases giving the order of the list.
    var mostToLeast: [String] = []
    /// Modern three-column headers.
    var leastPrivilegedColumn: [String] = []
    var higherPrivilegedColumn: [String] = []
    /// Column headers splitting permissions by audience ("acting on self" / "acting on others").
    var selfColumn: [String] = []
    var othersColumn: [String] = []
    /// The beta notice: `/beta` in the page's own words.
    var betaMarkers: [String] = []
    /// A request header's "required" and "optional" (the optional words are asked first: in
    /// several languages they contain the required word, as "необязательный" does).
    var requiredWords: [String] = []
    var optionalWords: [String] = []
}

/// "and" or "or" in every language: the list (for scripts without spaces) and a set (for tokens).
struct Conjunctions: Sendable {
    let words: [String]
    let set: Set<String>
    /// No longer token can lower-case to a conjunction (lower-casing shrinks UTF-8 at most
    /// threefold: the Kelvin sign becomes `k`).
    let longestToken: Int

    init(_ words: [String]) {
        self.words = words
        set = Set(words)
        longestToken = 3 * (words.map(\.utf8.count).max() ?? 0)
    }

    func contains(token: Substring) -> Bool {
        token.utf8.count <= longestToken && set.contains(String(token).lowercased())
    }
}

enum Lexicon {
    static let languages: [LanguageWords] = [
        english, russian, chinese, traditionalChinese, japanese, korean, german, french, spanish, portuguese, italian,
        dutch, polish, swedish, turkish, czech, hungarian, indonesian,
    ]

    static let english = LanguageWords(
        locale: "en-US",
        permissionsHeading: ["permissions", "prerequisites"],
        httpRequestHeading: ["http request"],
        responseHeading: ["response"],
        exampleHeading: ["example"],
        delegated: ["delegated"],
        workOrSchool: ["work", "school", "organizational"],
        personal: ["personal", "microsoft account", "msa"],
        application: ["application", "app-only", "app only"],
        microsoft: ["microsoft"],
        notSupported: ["not supported", "not available", "not applicable", "n/a", "na", "unsupported", "-", "—"],
        none: ["none", "no permissions required", "none required"],
        and: ["and", "plus", "&"],
        or: ["or"],
        mostToLeast: ["most to least", "highest to lowest", "more to less"],
        leastPrivilegedColumn: ["least privileged"],
        higherPrivilegedColumn: ["higher privileged", "more privileged"],
        selfColumn: ["self", "on yourself", "acting on self"],
        othersColumn: ["others", "other users"],
        betaMarkers: ["/beta"],
        requiredWords: ["required"],
        optionalWords: ["optional"]
    )

    static let russian = LanguageWords(
        locale: "ru-RU",
        permissionsHeading: ["разрешения", "необходимые компоненты", "предварительные требования", "предварительные условия", "права доступа"],
        httpRequestHeading: ["http-запрос", "http запрос", "запрос http"],
        responseHeading: ["ответ", "отклик"],
        exampleHeading: ["пример"],
        delegated: ["делегирован"],
        workOrSchool: ["рабоч", "учебн", "организац"],
        personal: ["личн", "майкрософт", "персональн"],
        application: ["приложени", "для приложений"],
        microsoft: ["майкрософт"],
        notSupported: ["не поддерживается", "не поддерживаются", "не применимо", "неприменимо", "н/д", "недоступно", "не доступно"],
        none: ["нет", "отсутствуют", "не требуется", "не требуются"],
        and: ["и", "плюс"],
        or: ["или"],
        mostToLeast: ["в порядке убывания", "от наиболее до наименее", "от самых до наименее", "от большего к меньшему", "от максимальных до минимальных"],
        leastPrivilegedColumn: ["наименьшими привилегиями", "с наименьшими правами", "минимальные привилегированные", "наименее привилегированные"],
        higherPrivilegedColumn: ["более высокие", "с более высокими", "более привилегированные", "высокими привилегиями"],
        selfColumn: ["на себя", "себя"],
        othersColumn: ["на других", "других"],
        betaMarkers: ["/бета", "/beta"],
        requiredWords: ["обязательн"],
        optionalWords: ["необязательн"]
    )

    static let chinese = LanguageWords(
        locale: "zh-CN",
        permissionsHeading: ["权限", "先决条件", "必备条件", "必备组件"],
        httpRequestHeading: ["http 请求", "http请求"],
        responseHeading: ["响应"],
        exampleHeading: ["示例"],
        delegated: ["委派", "委托"],
        workOrSchool: ["工作", "学校"],
        personal: ["个人"],
        application: ["应用程序", "应用"],
        notSupported: ["不支持", "不适用", "不受支持"],
        none: ["无"],
        and: ["和", "以及"],
        or: ["或"],
        mostToLeast: ["从最高特权到最低特权", "从高到低"],
        leastPrivilegedColumn: ["最低特权"],
        higherPrivilegedColumn: ["更高特权", "较高特权"],
        betaMarkers: ["/beta", "beta 版本"],
        requiredWords: ["必需", "必填", "必要"],
        optionalWords: ["可选"]
    )

    static let traditionalChinese = LanguageWords(
        locale: "zh-TW",
        permissionsHeading: ["權限", "必要條件"],
        httpRequestHeading: ["http 要求", "http 請求"],
        responseHeading: ["回應"],
        exampleHeading: ["範例"],
        delegated: ["委派", "已委派"],
        workOrSchool: ["公司", "學校"],
        personal: ["個人"],
        application: ["應用程式"],
        notSupported: ["不支援", "不適用"],
        none: ["無"],
        and: ["和", "及"],
        or: ["或"],
        mostToLeast: ["從最高到最低"],
        leastPrivilegedColumn: ["最低權限"],
        higherPrivilegedColumn: ["較高權限"],
        betaMarkers: ["/beta"],
        requiredWords: ["必要", "必填"],
        optionalWords: ["選用", "可選", "選擇性"]
    )

    static let japanese = LanguageWords(
        locale: "ja-JP",
        permissionsHeading: ["アクセス許可", "前提条件"],
        httpRequestHeading: ["http 要求", "http要求", "http リクエスト"],
        responseHeading: ["応答"],
        exampleHeading: ["例"],
        delegated: ["委任"],
        workOrSchool: ["職場", "学校"],
        personal: ["個人"],
        application: ["アプリケーション", "アプリ"],
        microsoft: ["マイクロソフト"],
        notSupported: ["サポートされていません", "該当なし", "適用なし", "サポート対象外"],
        none: ["なし"],
        and: ["および", "と"],
        or: ["または"],
        mostToLeast: ["大きいものから小さいもの", "高いものから低いもの"],
        leastPrivilegedColumn: ["最小特権"],
        higherPrivilegedColumn: ["より高い特権"],
        betaMarkers: ["/beta", "/ベータ"],
        requiredWords: ["必須"],
        optionalWords: ["省略可能", "オプション", "任意"]
    )

    static let korean = LanguageWords(
        locale: "ko-KR",
        permissionsHeading: ["권한", "사용 권한", "필수 구성 요소"],
        httpRequestHeading: ["http 요청"],
        responseHeading: ["응답"],
        exampleHeading: ["예제", "예"],
        delegated: ["위임"],
        workOrSchool: ["회사", "학교"],
        personal: ["개인"],
        application: ["애플리케이션", "응용 프로그램", "응용프로그램"],
        notSupported: ["지원되지 않음", "지원되지 않습니다", "해당 없음"],
        none: ["없음"],
        and: ["및"],
        or: ["또는"],
        mostToLeast: ["높은 권한에서 낮은 권한"],
        leastPrivilegedColumn: ["최소 권한"],
        higherPrivilegedColumn: ["높은 권한"],
        betaMarkers: ["/beta", "/베타"],
        requiredWords: ["필수"],
        optionalWords: ["선택"]
    )

    static let german = LanguageWords(
        locale: "de-DE",
        permissionsHeading: ["berechtigungen", "voraussetzungen"],
        httpRequestHeading: ["http-anforderung", "http-anfrage", "http anforderung"],
        responseHeading: ["antwort"],
        exampleHeading: ["beispiel"],
        delegated: ["delegiert"],
        workOrSchool: ["geschäfts", "schul", "arbeits", "unikonto"],
        personal: ["persönlich"],
        application: ["anwendung"],
        notSupported: ["nicht unterstützt", "nicht zutreffend", "nicht verfügbar", "nicht anwendbar"],
        none: ["keine"],
        and: ["und"],
        or: ["oder"],
        mostToLeast: ["mit den meisten rechten zu der mit den wenigsten", "von der höchsten zur niedrigsten", "meisten zu den wenigsten"],
        leastPrivilegedColumn: ["geringsten berechtigungen", "am wenigsten privilegiert"],
        higherPrivilegedColumn: ["höher privilegiert", "höheren berechtigungen"],
        betaMarkers: ["/beta"],
        requiredWords: ["erforderlich", "obligatorisch"],
        optionalWords: ["optional"]
    )

    static let french = LanguageWords(
        locale: "fr-FR",
        permissionsHeading: ["autorisations", "conditions préalables", "prérequis"],
        httpRequestHeading: ["requête http", "demande http"],
        responseHeading: ["réponse"],
        exampleHeading: ["exemple"],
        delegated: ["délégué", "déléguée", "déléguées"],
        workOrSchool: ["professionnel", "scolaire"],
        personal: ["personnel"],
        application: ["application"],
        notSupported: ["non pris en charge", "non prise en charge", "non supporté", "non supportée", "non applicable", "non disponible"],
        none: ["aucun", "aucune"],
        and: ["et"],
        or: ["ou"],
        mostToLeast: ["du plus au moins", "de la plus à la moins"],
        leastPrivilegedColumn: ["moins privilégiées", "privilèges minimum"],
        higherPrivilegedColumn: ["plus privilégiées", "privilèges plus élevés"],
        betaMarkers: ["/beta", "/bêta"],
        requiredWords: ["obligatoire", "requis"],
        optionalWords: ["facultatif", "optionnel"]
    )

    static let spanish = LanguageWords(
        locale: "es-ES",
        permissionsHeading: ["permisos", "requisitos previos"],
        httpRequestHeading: ["solicitud http"],
        responseHeading: ["respuesta"],
        exampleHeading: ["ejemplo"],
        delegated: ["delegado", "delegados", "delegada"],
        workOrSchool: ["profesional", "educativa", "trabajo", "escuela"],
        personal: ["personal"],
        application: ["aplicación", "aplicacion"],
        notSupported: ["no admitida", "no admitido", "no compatible", "no se admite", "no disponible", "no aplicable"],
        none: ["ninguno", "ninguna"],
        and: ["y"],
        or: ["o"],
        mostToLeast: ["de más a menos", "de mayor a menor"],
        leastPrivilegedColumn: ["menos privilegiados"],
        higherPrivilegedColumn: ["más privilegiados", "con más privilegios"],
        betaMarkers: ["/beta"],
        requiredWords: ["obligatorio", "necesario", "requerido"],
        optionalWords: ["opcional"]
    )

    static let portuguese = LanguageWords(
        locale: "pt-BR",
        permissionsHeading: ["permissões", "pré-requisitos"],
        httpRequestHeading: ["solicitação http", "pedido http"],
        responseHeading: ["resposta"],
        exampleHeading: ["exemplo"],
        delegated: ["delegado", "delegada"],
        workOrSchool: ["corporativa", "estudante", "trabalho", "escola", "escolar"],
        personal: ["pessoal"],
        application: ["aplicativo", "aplicação"],
        notSupported: ["sem suporte", "não suportado", "não há suporte", "não disponível", "não aplicável", "não suportada"],
        none: ["nenhum", "nenhuma"],
        and: ["e"],
        or: ["ou"],
        mostToLeast: ["de mais para menos", "da com mais para a com menos", "do mais ao menos", "da mais para a menos"],
        leastPrivilegedColumn: ["menos privilegiadas", "com menos privilégios"],
        higherPrivilegedColumn: ["mais privilegiadas", "com mais privilégios"],
        betaMarkers: ["/beta"],
        requiredWords: ["obrigatório", "necessário"],
        optionalWords: ["opcional"]
    )

    static let italian = LanguageWords(
        locale: "it-IT",
        permissionsHeading: ["autorizzazioni", "prerequisiti"],
        httpRequestHeading: ["richiesta http"],
        responseHeading: ["risposta"],
        exampleHeading: ["esempio"],
        delegated: ["delegato", "delegata", "delegate"],
        workOrSchool: ["aziendale", "istituto di istruzione", "lavoro"],
        personal: ["personale"],
        application: ["applicazione"],
        notSupported: ["non supportato", "non supportata", "non applicabile", "non disponibile"],
        none: ["nessuno", "nessuna"],
        and: ["e"],
        or: ["o", "oppure"],
        mostToLeast: ["dal più al meno", "da più a meno"],
        betaMarkers: ["/beta"],
        requiredWords: ["obbligatorio", "richiesto"],
        optionalWords: ["facoltativo", "opzionale"]
    )

    static let dutch = LanguageWords(
        locale: "nl-NL",
        permissionsHeading: ["machtigingen", "vereisten"],
        httpRequestHeading: ["http-aanvraag", "http-verzoek"],
        responseHeading: ["antwoord", "reactie"],
        exampleHeading: ["voorbeeld"],
        delegated: ["gedelegeerd"],
        workOrSchool: ["werk", "school"],
        personal: ["persoonlijk"],
        application: ["toepassing"],
        notSupported: ["niet ondersteund", "niet van toepassing", "niet beschikbaar"],
        none: ["geen"],
        and: ["en"],
        or: ["of"],
        betaMarkers: ["/beta"],
        requiredWords: ["vereist", "verplicht"],
        optionalWords: ["optioneel"]
    )

    static let polish = LanguageWords(
        locale: "pl-PL",
        permissionsHeading: ["uprawnienia", "wymagania wstępne"],
        httpRequestHeading: ["żądanie http"],
        responseHeading: ["odpowiedź"],
        exampleHeading: ["przykład"],
        delegated: ["delegowane", "delegowany"],
        workOrSchool: ["służbowe", "szkolne"],
        personal: ["osobiste"],
        application: ["aplikacja"],
        notSupported: ["nieobsługiwane", "nie jest obsługiwane", "nie dotyczy"],
        none: ["brak"],
        and: ["i", "oraz"],
        or: ["lub"],
        betaMarkers: ["/beta"],
        requiredWords: ["wymagan"],
        optionalWords: ["opcjonaln"]
    )

    static let swedish = LanguageWords(
        locale: "sv-SE",
        permissionsHeading: ["behörigheter", "förutsättningar"],
        httpRequestHeading: ["http-begäran"],
        responseHeading: ["svar"],
        exampleHeading: ["exempel"],
        delegated: ["delegerad", "delegerat"],
        workOrSchool: ["arbets", "skol"],
        personal: ["personlig"],
        application: ["program", "applikation"],
        notSupported: ["stöds inte", "inte tillämpligt", "ej tillämpligt"],
        none: ["ingen", "inga"],
        and: ["och"],
        or: ["eller"],
        betaMarkers: ["/beta"],
        requiredWords: ["obligatorisk", "krävs"],
        optionalWords: ["valfri"]
    )

    static let turkish = LanguageWords(
        locale: "tr-TR",
        permissionsHeading: ["izinler", "önkoşullar"],
        httpRequestHeading: ["http isteği"],
        responseHeading: ["yanıt"],
        exampleHeading: ["örnek"],
        delegated: ["temsilci", "temsilcili"],
        workOrSchool: ["iş", "okul"],
        personal: ["kişisel"],
        application: ["uygulama"],
        notSupported: ["desteklenmiyor", "uygulanamaz", "geçerli değil"],
        none: ["yok", "hiçbiri"],
        and: ["ve"],
        or: ["veya"],
        betaMarkers: ["/beta"],
        requiredWords: ["gerekli", "zorunlu"],
        optionalWords: ["isteğe bağlı"]
    )

    static let czech = LanguageWords(
        locale: "cs-CZ",
        permissionsHeading: ["oprávnění", "požadavky"],
        httpRequestHeading: ["požadavek http"],
        responseHeading: ["odpověď"],
        exampleHeading: ["příklad"],
        delegated: ["delegovan"],
        workOrSchool: ["pracovní", "školní"],
        personal: ["osobní"],
        application: ["aplikace"],
        notSupported: ["nepodporováno", "nelze použít", "není podporováno"],
        none: ["žádné"],
        and: ["a"],
        or: ["nebo"],
        betaMarkers: ["/beta"],
        requiredWords: ["povinn", "požadov"],
        optionalWords: ["volitelné", "nepovinn"]
    )

    static let hungarian = LanguageWords(
        locale: "hu-HU",
        permissionsHeading: ["engedélyek", "előfeltételek"],
        httpRequestHeading: ["http-kérés", "http kérés"],
        responseHeading: ["válasz"],
        exampleHeading: ["példa"],
        delegated: ["delegált"],
        workOrSchool: ["munkahelyi", "iskolai"],
        personal: ["személyes"],
        application: ["alkalmazás"],
        notSupported: ["nem támogatott", "nem alkalmazható"],
        none: ["nincs"],
        and: ["és"],
        or: ["vagy"],
        betaMarkers: ["/beta"],
        requiredWords: ["kötelező", "szükséges"],
        optionalWords: ["nem kötelező", "opcionális"]
    )

    static let indonesian = LanguageWords(
        locale: "id-ID",
        permissionsHeading: ["izin", "prasyarat"],
        httpRequestHeading: ["permintaan http"],
        responseHeading: ["respons"],
        exampleHeading: ["contoh"],
        delegated: ["didelegasikan", "delegasi"],
        workOrSchool: ["kerja", "sekolah"],
        personal: ["pribadi"],
        application: ["aplikasi"],
        notSupported: ["tidak didukung", "tidak tersedia", "tidak berlaku"],
        none: ["tidak ada"],
        and: ["dan"],
        or: ["atau"],
        leastPrivilegedColumn: ["hak istimewa paling rendah", "paling sedikit"],
        higherPrivilegedColumn: ["hak istimewa lebih tinggi", "lebih tinggi"],
        betaMarkers: ["/beta"],
        requiredWords: ["wajib", "diperlukan"],
        optionalWords: ["opsional"]
    )

    /// Every language's words for one item, longest first so that longer phrases win.
    static func all(_ item: KeyPath<LanguageWords, [String]>) -> [String] {
        Array(Set(languages.flatMap { $0[keyPath: item] })).sorted { ($0.count, $0) > ($1.count, $1) }
    }

    /// Phrase sets for header words, built once.
    static let mostToLeastPhrases = PhraseSet(all(\.mostToLeast))
    static let leastColumnPhrases = PhraseSet(all(\.leastPrivilegedColumn))
    static let higherColumnPhrases = PhraseSet(all(\.higherPrivilegedColumn))
    static let selfColumnPhrases = PhraseSet(all(\.selfColumn))
    static let othersColumnPhrases = PhraseSet(all(\.othersColumn))

    static let notSupportedWords = all(\.notSupported)
    static let noneWords = all(\.none)
    static let and = Conjunctions(all(\.and))
    static let or = Conjunctions(all(\.or))
}
