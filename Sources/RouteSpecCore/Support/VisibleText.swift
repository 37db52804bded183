/// Text from the docs made safe to show: control, format (invisible, direction-changing) and
/// separator characters become `\u{…}`, so none of them acts on a terminal, an editor or a reader.
public enum VisibleText {
    /// One line for a terminal: line breaks become spaces, the characters above `\u{…}`.
    public static func escaped(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: mustEscape) else { return s }
        var out = ""
        for scalar in s.unicodeScalars {
            if scalar == "\n" || scalar == "\r" {
                out.append(" ")
            } else if mustEscape(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    public static func mustEscape(_ s: Unicode.Scalar) -> Bool {
        if s.value >= 0x20 && s.value < 0x7F { return false }
        // Letters of the scripts the docs are translated into need no property lookup.
        switch s.value {
        case 0xA0...0xAC, 0xAE...0x24F, 0x400...0x4FF, 0x2010...0x2027, 0x4E00...0x9FFF, 0xAC00...0xD7A3: return false
        default: break
        }
        if s.value < 0x20 || s.value == 0x7F || (0x80...0x9F).contains(s.value) { return true }
        switch s.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator, .control, .surrogate, .privateUse, .unassigned: return true
        default: return false
        }
    }
}
