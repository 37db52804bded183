import Foundation

/// The vocabulary's answer for each name it does not know, asked once per compile: a few dozen
/// misspellings recur across thousands of pages, and each answer is a search of the vocabulary.
final class NameRepairs: @unchecked Sendable {
    let vocabulary: PermissionVocabulary
    private let lock = NSLock()
    private var answers: [String: (name: String, reason: String)?] = [:]

    init(_ vocabulary: PermissionVocabulary) { self.vocabulary = vocabulary }

    func knows(_ name: String) -> Bool { vocabulary.knows(name) }

    /// `PermissionVocabulary.repair`, remembered. lock()/unlock(): `withLock` needs macOS 14.
    func repair(_ name: String) -> (name: String, reason: String)? {
        lock.lock()
        let known = answers[name]
        lock.unlock()
        if let known { return known }
        let answer = vocabulary.repair(name)
        lock.lock()
        answers[name] = answer
        lock.unlock()
        return answer
    }
}
