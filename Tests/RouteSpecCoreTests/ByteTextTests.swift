import Testing
@testable import RouteSpecCore

/// The text helpers that work on UTF-8 bytes for speed must agree with what `Character`s say.
@Suite struct ByteTextTests {
    @Test(arguments: [
        ("  plain  ", "plain"),
        ("\u{3000}全角\u{3000}", "全角"),
        ("\u{00A0}Привет\u{2003}", "Привет"),
        ("\t\u{2028}x\u{205F}\u{202F}", "x"),
        ("Ж", "Ж"),
        ("\u{200B}zero width\u{200B}", "\u{200B}zero width\u{200B}"),  // not White_Space
        (" \u{85}", ""),
        ("", ""),
    ])
    func trimsWhiteSpaceLikeUnicode(text: String, trimmed: String) {
        #expect(text.trimmingSpaces == trimmed)
        #expect(Substring(" " + text + " ").trimmingSpaces == trimmed)
    }

    /// Trimming on bytes (ASCII ends decided without decoding) against trimming scalars with the
    /// Unicode White_Space property, on random mixes of white space and letters.
    @Test func trimmingAgreesWithWhiteSpaceScalars() {
        var generator = SeededGenerator(seed: 41)
        let pieces = [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{2003}", "\u{3000}", "\u{200B}",
                      "a", "Ж", "語", "😀", "-", "\u{1F}"]
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0..<10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var scalars = Array(text.unicodeScalars)[...]
            while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
            while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            let expected = String(view)
            let range = text.withUTF8Span { UTF8Text.trimmed($0) }
            #expect(String(decoding: Array(text.utf8)[range], as: UTF8.self) == expected, "\(Array(text.unicodeScalars))")
        }
    }

    @Test func literalsEscapeWhatCharactersNeed() {
        #expect(SwiftRenderer.literal("Получение «пользователя» — 用户") == "\"Получение «пользователя» — 用户\"")
        #expect(SwiftRenderer.literal("soft\u{AD}hyphen") == "\"soft\\u{ad}hyphen\"")
        #expect(SwiftRenderer.literal("a\u{200B}b\u{202E}c\u{2028}") == "\"a\\u{200b}b\\u{202e}c\\u{2028}\"")
        #expect(SwiftRenderer.literal("\"q\" \\(x)\n\u{7F}") == "\"\\\"q\\\" \\\\(x)\\n\\u{7f}\"")
        #expect(SwiftRenderer.literal("😀\u{E000}") == "\"😀\\u{e000}\"")
        #expect(SwiftRenderer.commentText("line\nbreak\u{FEFF}") == "line break\\u{feff}")
    }

    /// The page validator (eight bytes at a time over ASCII mixed with two-byte sequences) against the
    /// standard library's, on random mixes of valid and invalid sequences.
    @Test func validationAgreesWithTheStandardLibrary() {
        var generator = SeededGenerator(seed: 23)
        let valid = ["a", " ", "Ж", "ё", "\u{A0}", "€", "\u{2003}", "\u{FEFF}", "😀", "語", "ÿ"].map { Array($0.utf8) }
        let invalid: [[UInt8]] = [[0x80], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
                                  [0xC2], [0xFF], [0xD0, 0x41]]
        for round in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0..<48, using: &generator) {
                // Mostly long runs of one two-byte letter, so that the eight-byte path is taken.
                let r = Int.random(in: 0..<100, using: &generator)
                bytes += r < 60 ? valid[2] : r < 97 ? valid.randomElement(using: &generator)! : invalid.randomElement(using: &generator)!
            }
            let (firstInvalid, firstOdd) = SourceText.validate(bytes)
            #expect((firstInvalid == nil) == (String(validating: bytes, as: UTF8.self) != nil), "round \(round): \(bytes)")
            let validPrefix = Array(bytes[..<(firstInvalid ?? bytes.count)])
            #expect(String(validating: validPrefix, as: UTF8.self) != nil, "round \(round)")
            #expect(firstOdd == OddSpaces.firstOdd(validPrefix), "round \(round): \(bytes)")
        }
    }

    /// Page dates and mirror paths are read in one pass over bytes; these are their definitions by
    /// splitting.
    @Test func pageDatesAndMirrorPathsAgreeWithTheirDefinitions() {
        func date(_ raw: String) -> String? {
            let parts = raw.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
            guard parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { return nil }
            let (year, month, day): (Int, Int, Int)
            if parts[0].count == 4 { (year, month, day) = (a, b, c) } else { (year, month, day) = (c < 100 ? 2000 + c : c, a, b) }
            guard (1...12).contains(month), (1...31).contains(day), (1990...2200).contains(year) else { return nil }
            func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
            return "\(year)-\(two(month))-\(two(day))"
        }
        func mirror(_ path: String) -> (ApiVersion?, String?) {
            let parts = path.utf8.split(separator: UInt8(ascii: "/")).map { String(Substring($0)) }
            guard let index = parts.lastIndex(where: { $0 == "beta" || $0 == "v1.0" }), index + 1 < parts.count else { return (nil, nil) }
            return (parts[index] == "beta" ? .beta : .v1, parts[(index + 1)...].joined(separator: "/"))
        }
        var generator = SeededGenerator(seed: 41)
        let dateAlphabet = ["0", "1", "2", "3", "5", "9", "20", "2023", "12", "31", "/", "-", ".", "+", " ", "a", "٣", "\u{301}", "99999999999999999999"]
        let pathAlphabet = ["/", "//", "beta", "v1.0", "V1.0", "api", "user-get.md", "бета", "\u{301}", "v1", ".0"]
        for round in 0..<4000 {
            let raw = (0..<Int.random(in: 0..<7, using: &generator)).map { _ in dateAlphabet.randomElement(using: &generator)! }.joined()
            #expect(PageDate.normalize(raw) == date(raw), "round \(round): '\(raw)'")
            let path = (0..<Int.random(in: 0..<7, using: &generator)).map { _ in pathAlphabet.randomElement(using: &generator)! }.joined()
            let (version, key) = MirrorPath.parse(path)
            let expected = mirror(path)
            #expect(version == expected.0 && key == expected.1, "round \(round): '\(path)'")
        }
    }

    @Test func asciiTestsEveryByte() {
        for length in 0..<20 {
            let ascii = [UInt8](repeating: 0x61, count: length)
            let allASCII = ascii.withSpan { ASCII.isASCII($0) }
            #expect(allASCII)
            for position in 0..<length {
                var text = ascii
                text[position] = 0x80
                let allASCII = text.withSpan { ASCII.isASCII($0) }
                #expect(!allASCII, "non-ASCII byte at \(position) of \(length)")
            }
        }
    }

    @Test(arguments: ["", "/users/{user-id}/photo/$value", "a1b2--C3__d", "---", "x"])
    func alphanumericRunsAreTheLetterAndDigitRuns(text: String) {
        let byCharacter = text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
        #expect(text.alphanumericRuns.map(String.init) == byCharacter)
        let runs = text.withUTF8Span { p in ASCII.alphanumericRuns(p, in: p.indices) }
        #expect(runs.count == byCharacter.count)
    }

    @Test(arguments: [
        ("| a | b |", ["a", "b"]),
        ("|`x|y`| c \\| d |", ["`x|y`", "c | d"]),
        ("| \\`not code | e&#124;f |", ["\\`not code", "e|f"]),
        ("|\u{3000}Делегированные\u{3000}| User.Read |", ["Делегированные", "User.Read"]),
        ("a | b", ["a", "b"]),
        ("just text", nil),
        ("a |", nil),
        ("|", []),
        ("x `a|", nil),
        ("a\\|b", nil),
        ("a|b\\", ["a", "b\\"]),
        ("`a|b` | c", ["`a|b`", "c"]),
    ])
    func splitsTableRows(line: String, cells: [String]?) {
        #expect(TableRowSplitter.row(line) == cells)
        let (isRow, cellCount) = line.withUTF8Span { bytes in (TableRowSplitter.isRow(bytes), TableRowSplitter.cellCount(bytes: bytes)) }
        #expect(isRow == (cells != nil), "isRow decides as the split does")
        #expect(cellCount == cells?.count)
    }

    @Test(arguments: [("|---|:--:|", true), ("| --- | --- |", true), ("|\u{00A0}-\u{00A0}|", true), ("---|---", true),
                      ("| - | : |", false), ("|-\\|-|", false), ("| &#124; |", false), ("---", false), ("| -x- |", false), ("", false)])
    func recognisesDelimiterRows(line: String, isDelimiter: Bool) {
        let found = line.withUTF8Span { TableRowSplitter.isDelimiter(bytes: $0) }
        #expect(found == isDelimiter)
    }

    /// A combining mark right after an ASCII delimiter joins it into one character; the byte
    /// splitters still see the delimiter (see `split(asciiSeparator:)`).
    @Test func byteSplittersSeeADelimiterBeforeACombiningMark() {
        #expect("get-\u{301}user".split(asciiSeparator: ASCII.dash) == ["get", "\u{301}user"])
        #expect("get-\u{301}user".split(separator: "-").count == 1)
        #expect("/a//b/".split(asciiSeparator: ASCII.slash) == ["a", "b"])
        #expect(Substring("x.y.z").split(asciiSeparator: ASCII.dot) == ["x", "y", "z"])
    }
}

/// Headings read on bytes must read as the character-level reader reads them.
@Suite struct PlainHeadingTests {
    static let pieces = ["#", "##", "###", " ", "\t", "  ", "Запрос", "HTTP", "request", "日本語", "\u{301}", "\u{00A0}", "\u{2003}", "-", ":",
                         "(", ")", "]", "é", "Ё", "\u{483}", "!", ".", "1", "`code`", "\u{200B}", "<a name=\"x-Y.1\"></a>",
                         "<a name=\"user-get\">  </a>", "<a name=\"\"></a>", "<a name=\"a b\"></a>", "<a name=\"q\">", "</a>", "<A NAME=\"z\"></A>"]

    @Test func bytesAgreeWithCharacters() {
        var state: UInt64 = 99
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        var agreed = 0, anchored = 0
        for _ in 0..<40_000 {
            var line = String(repeating: "#", count: 1 + next(7))
            // Half the lines open with a space and a tag, as translated titles do.
            if next(2) == 0 { line += [" ", "\t", "  "][next(3)] + Self.pieces[Self.pieces.count - 7 + next(7)] }
            for _ in 0..<next(8) { line += Self.pieces[next(Self.pieces.count)] }
            let fast = line.withUTF8Span { HeadingParser.plainHeading($0) }
            guard let fast else { continue }
            agreed += 1
            if fast.anchor != nil { anchored += 1 }
            let slow = HeadingParser.parseText(line)
            #expect(fast.level == slow?.level && fast.text == slow?.text && fast.anchor == slow?.anchor && fast.tab == slow?.tab,
                    "\(line.debugDescription): \(fast.text.debugDescription) vs \(String(describing: slow?.text).debugDescription)")
        }
        #expect(agreed > 1_000 && anchored > 200, "too few plain headings generated to say anything")
    }
}
