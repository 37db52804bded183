import Foundation
import Testing
@testable import RouteSpecCore

/// The compiler links FoundationEssentials only; the few Foundation methods it used are replaced
/// by its own. These pin the replacements to what Foundation gives (tests may link Foundation).
@Suite struct FoundationParityTests {
    /// Paths as the compiler meets them (roots on the command line, pages, includes, outputs).
    static let paths = ["", "/", "/a", "/a/", "/a/b.md", "/a/b/", "a/b/c", "./a", "../x/y.md", "spec", "page.md", "spec/",
                        "../shared/corpus/ru-RU", "/tmp//x", "d/é/ж.md", "a/b//", ".."]

    @Test(arguments: paths)
    func pathComponentsAreNSString(path: String) {
        #expect(path.lastPathComponent == (path as NSString).lastPathComponent)
        #expect(path.deletingLastPathComponent == (path as NSString).deletingLastPathComponent)
    }

    /// Where Linux's Foundation traps (a one-character relative path) or answers oddly (`//`),
    /// the answers are Darwin's.
    @Test func pathComponentsWhereFoundationFails() {
        #expect("a".deletingLastPathComponent == "" && "a".lastPathComponent == "a")
        #expect(".".deletingLastPathComponent == "" && ".".lastPathComponent == ".")
        #expect("a/".deletingLastPathComponent == "" && "a/".lastPathComponent == "a")
        #expect("//".deletingLastPathComponent == "/" && "//".lastPathComponent == "/")
    }

    @Test func replacingEveryIsReplacingOccurrences() {
        // Targets at the ends, overlapping, repeated, and inside `\r\n` (one character).
        let texts = ["", "**", "a**b**c", "***", "`x`", " .a. b . c", "\\(x\\)", "&#124;&#124;", "e\u{301}**", "**x",
                     "no match", "|a|\n\r|", "ab", "x\r\ny", "\r\n"]
        let pairs = [("\r", " "), ("**", " "), ("`", " "), (" .", "."), (". ", "."), ("\\(", "("), ("&#124;", "|"), ("|", "\\|"), ("\n", " "),
                     ("**", ""), ("a", "aa")]
        for text in texts {
            for (target, replacement) in pairs {
                #expect(text.replacingEvery(target, with: replacement) == text.replacingOccurrences(of: target, with: replacement),
                        "\(text.debugDescription) \(target.debugDescription)")
            }
        }
    }

    /// Where they part: a target followed by a combining mark is replaced (Foundation left it).
    @Test func aTargetBeforeACombiningMarkIsStillReplaced() {
        #expect("**\u{301}x".replacingEvery("**", with: "") == "\u{301}x")
        #expect("**\u{301}x".replacingOccurrences(of: "**", with: "") == "**\u{301}x")
    }
}

/// Errors the system reports read as it words them, with the file they concern.
@Suite struct ErrorTextTests {
    @Test func aMissingFolderIsNamedWithTheSystemsWords() throws {
        let error = #expect(throws: (any Error).self) {
            try AtomicFile.write(Array("x".utf8), to: "/proc/routespec-no-such-folder/model.json")
        }
        let text = error.map(ErrorText.describe) ?? ""
        #expect(text.contains("/proc/routespec-no-such-folder") && !text.contains("CocoaError") && !text.contains("POSIXError"), "\(text)")
        #expect(ErrorText.describe(POSIXError(.EACCES)) == String(cString: strerror(EACCES)))
    }
}
