import NotesCore

/// Estimates how wide text is, without a font engine.
///
/// Grapheme clusters are measured by their first scalar: East Asian wide characters are
/// 1 em, half-width katakana 0.5 em, ASCII from a table of a typical sans-serif, anything
/// else 0.6 em; 5 % is added so labels never touch.
public enum TextWidth {
    /// Width in px of `text` at `fontSize` px.
    public static func estimate(_ text: String, fontSize: Double) -> Double {
        var ems = 0.0
        if text.unicodeScalars.allSatisfy({ Graphemes.isAlwaysAlone($0.value) }) {
            for scalar in text.unicodeScalars { ems += width(of: scalar) }
        } else {
            for character in text {
                guard let scalar = character.unicodeScalars.first else { continue }
                ems += width(of: scalar)
            }
        }
        return ems * fontSize * 1.05
    }

    /// The longest prefix of `text` that fits in `width` px with a trailing `…`.
    public static func truncate(_ text: String, toFit width: Double, fontSize: Double) -> String? {
        if estimate(text, fontSize: fontSize) <= width { return text }
        var result = ""
        for character in text {
            let candidate = result + String(character)
            if estimate(candidate + "…", fontSize: fontSize) > width { break }
            result = candidate
        }
        return result.isEmpty ? nil : result + "…"
    }

    static func width(of scalar: Unicode.Scalar) -> Double {
        if scalar.value < 0x80 { return asciiWidths[Int(scalar.value)] }
        if EastAsianWidth.isWide(scalar) { return 1.0 }
        if EastAsianWidth.isHalfWidthKana(scalar) { return 0.5 }
        switch scalar {
        case "✓", "✗", "⌛", "◆", "…", "→", "←", "×": return 0.9
        default: return 0.6
        }
    }

    /// Widths of the ASCII characters in em, by code (looked up: labels are mostly ASCII).
    private static let asciiWidths: [Double] = (0..<128).map { code in
        switch Unicode.Scalar(UInt8(code)) {
        case " ": 0.28
        case "i", "j", "l", "!", "|", ".", ",", ":", ";", "'", "`": 0.26
        case "f", "t", "r", "(", ")", "[", "]", "{", "}", "/", "\\", "-", "\"": 0.36
        case "m", "w", "M", "W", "@", "%": 0.86
        case "A"..."Z", "#", "&", "+", "=", "<", ">", "~": 0.66
        case "0"..."9", "$", "?", "_", "^", "*": 0.56
        case "a"..."z": 0.53
        default: 0.55
        }
    }
}
