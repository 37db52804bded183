import Testing
@testable import RouteSpecCore

@Suite struct LowercasingTests {
    @Test func everyTableScalarLowersAsTheStandardLibraryDoes() {
        let ranges: [ClosedRange<UInt32>] = [0...0x7FF, 0x3000...0x30FF, 0x4E00...0x4F00, 0xAC00...0xAD00]
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let s = "A" + String(Character(scalar)) + "Ж"
                #expect(s.lowercasedByTable == s.lowercased(), "U+\(String(value, radix: 16))")
            }
        }
    }

    @Test func textTheTableCannotDecideFallsBackWhole() {
        // A capital sigma lowers by context; İ lowers to two scalars; Kelvin and fullwidth letters lie outside the table.
        for s in ["ΟΔΟΣ ΣΑΣ", "İstanbul", "\u{212A}elvin", "ＡＢＣ", "Разрешения", "HTTP-ЗАПРОС", "权限 BETA 版本", "", "plain ascii", "MiXeD /Бета"] {
            #expect(s.lowercasedByTable == s.lowercased(), "\(s)")
        }
    }

    @Test func randomTextAgrees() {
        var generator = SeededGenerator(seed: 7)
        let alphabet = Array("AbZ /-ЖжЁёΣσΑΩ版본ÄÖÜßİıK\u{212A}ＡａǅǄ\u{0301}é1.".unicodeScalars)
        for _ in 0..<2_000 {
            var s = String.UnicodeScalarView()
            for _ in 0..<Int(generator.next() % 12) { s.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
            let text = String(s)
            #expect(text.lowercasedByTable == text.lowercased(), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
