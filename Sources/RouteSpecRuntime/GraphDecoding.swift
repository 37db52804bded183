import Foundation

extension GraphResponse {
    /// A header, its name compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The body decoded into the caller's type, with Graph's date formats (`2024-05-01T10:00:00Z`,
    /// with or without fractions of a second, and `2024-05-01`).
    public func decode<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        try GraphJSON.decoder().decode(T.self, from: body)
    }
}

/// JSON as Graph writes it.
public enum GraphJSON {
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = parseDate(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a Graph date: \(text)"))
            }
            return date
        }
        return decoder
    }

    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    /// Graph's date-times (fractions of a second up to seven digits, `Z` or an offset) and dates.
    static func parseDate(_ text: String) -> Date? {
        var text = text
        if let dot = text.firstIndex(of: "."), let end = text[dot...].firstIndex(where: { !$0.isNumber && $0 != "." }) ?? Optional(text.endIndex) {
            // ISO8601DateFormatter reads at most three fraction digits.
            let digits = text[text.index(after: dot)..<end]
            if digits.count > 3 { text = String(text[..<text.index(dot, offsetBy: 4)]) + text[end...] }
        }
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = withFraction.date(from: text) { return d }
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        if let d = plain.date(from: text) { return d }
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        return day.date(from: text)
    }
}
