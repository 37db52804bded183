/// `lowercased()` with the same result, several times faster on the scripts the docs are
/// translated into: the standard library looks every non-ASCII scalar up in the Unicode tables
/// (hundreds of instructions each), which made lower-casing translated lines a hot spot. Here
/// scalars below U+0800 (Latin, Greek, Cyrillic, …) are mapped through a table made once from
/// the standard library's own mapping, and caseless scripts (CJK ideographs, kana, Hangul
/// syllables) are copied. Any other scalar, or a capital sigma (whose lower case depends on
/// its neighbours), sends the whole string to `lowercased()`.
extension String {
    var lowercasedByTable: String {
        withUTF8Bytes { bytes in
            guard ASCII.isASCII(bytes) else { return Lowercasing.lowered(bytes) ?? lowercased() }
            // ASCII text without capitals (paths, most keys) is its own lower case: no copy.
            guard bytes.contains(where: ASCII.isUpper) else { return self }
            return String(decoding: bytes.map(ASCII.lower), as: UTF8.self)
        }
    }
}

enum Lowercasing {
    /// The lower case of each scalar below U+0800 that has a one-scalar lower case; 0 where
    /// the standard library must decide.
    private static let below0800: [UInt16] = (0..<0x800).map { value -> UInt16 in
        guard value != 0x3A3, let scalar = Unicode.Scalar(UInt32(value)) else { return 0 }
        let lowered = String(Character(scalar)).lowercased().unicodeScalars
        guard lowered.count == 1, let only = lowered.first, only.value < 0x800 else { return 0 }
        return UInt16(only.value)
    }

    /// Blocks with no case at all.
    private static func isCaseless(_ value: UInt32) -> Bool {
        switch value {
        case 0x3000...0x303F, 0x3040...0x30FF, 0x4E00...0x9FFF, 0xAC00...0xD7A3: true
        default: false
        }
    }

    static func lowered(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                out.append(ASCII.lower(b))
                i += 1
                continue
            }
            let length = UTF8Text.length(lead: b)
            guard i + length <= bytes.count else { return nil }
            let value = UTF8Text.scalar(bytes, at: i, length: length)
            if length == 2 {
                let mapped = below0800[Int(value)]
                guard mapped != 0 else { return nil }
                if mapped < 0x80 {
                    out.append(UInt8(mapped))
                } else {
                    out.append(0xC0 | UInt8(mapped >> 6))
                    out.append(0x80 | UInt8(mapped & 0x3F))
                }
            } else if isCaseless(value) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]))
            } else {
                return nil
            }
            i += length
        }
        return String(decoding: out, as: UTF8.self)
    }
}
