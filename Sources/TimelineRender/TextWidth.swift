import NotesCore

/// Estimates how wide text is, without a font engine.
///
/// Grapheme clusters are measured by their first scalar: East Asian wide characters are
/// 1 em, half-width katakana 0.5 em, ASCII from a table of the widest common UI sans-serif,
/// anything else 0.6 em; 5 % is added so labels never touch.
///
/// The ASCII widths are DejaVu Sans's (the Linux default; Verdana, the Latin of Meiryo, has
/// the same), measured in Chromium: a table of a narrower font (Arial-like) underestimated
/// labels there by up to 8 %, and labels touched. Helvetica, Segoe UI and San Francisco are
/// 5–15 % narrower, so on them labels just keep a little more room.
/// `Tools/figure-check.py` compares these estimates with the browser's widths.
public enum TextWidth {
    /// Width in px of `text` at `fontSize` px.
    public static func estimate(_ text: String, fontSize: Double) -> Double {
        (scalarEms(text) ?? characterEms(text)) * fontSize * 1.05
    }

    /// The width in em of text whose scalars each stand alone as a character (nearly every
    /// label), added up in one pass over them; nil as soon as one may join its neighbour.
    /// Why one pass: checking every scalar first and measuring them after walked the
    /// string twice, on every tick label a figure tries.
    /// Why over the UTF-8 bytes, decoding each scalar here: walking `unicodeScalars` cost
    /// several times the table lookup that measures an ASCII one.
    private static func scalarEms(_ text: String) -> Double? {
        var text = text
        // The ASCII table is read once per text, not through its accessor per character.
        let ascii = asciiWidths
        return text.withUTF8 { bytes -> Double? in
            var ems = 0.0
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                // ASCII but a carriage return (which joins a line feed) stands alone.
                if lead < 0x80, lead != 0x0D {
                    ems += ascii[Int(lead)]
                    index += 1
                    continue
                }
                let (value, length) = UTF8Scalar.decode(bytes, at: index)
                guard Graphemes.isAlwaysAlone(value) || isLoneSymbol(value), let scalar = Unicode.Scalar(value) else { return nil }
                ems += width(of: scalar)
                index += length
            }
            return ems
        }
    }

    /// Whether a scalar is one of the symbols labels use (`✓ #1`, `×3`, `…`) that no
    /// neighbour joins unless it is a combining mark or a joiner: between one of them and a
    /// scalar `Graphemes.isAlwaysAlone` accepts (or another of them) a character always ends.
    /// Why: every attempt's label opens with its glyph, which sent it to the slower walk
    /// over characters.
    static func isLoneSymbol(_ value: UInt32) -> Bool {
        switch value {
        case 0xD7, 0x2026, 0x2190, 0x2192, 0x231B, 0x25C6, 0x2713, 0x2717: true
        default: false
        }
    }

    /// The width in em of any text, each character measured by its first scalar.
    private static func characterEms(_ text: String) -> Double {
        var ems = 0.0
        for character in text {
            guard let scalar = character.unicodeScalars.first else { continue }
            ems += width(of: scalar)
        }
        return ems
    }

    /// The longest prefix of `text` that fits in `width` px with a trailing `…`.
    /// (One pass, adding each character's width to the prefix's, in `estimate`'s order.)
    public static func truncate(_ text: String, toFit width: Double, fontSize: Double) -> String? {
        if estimate(text, fontSize: fontSize) <= width { return text }
        let ellipsis = self.width(of: "…")
        var ems = 0.0
        var end = text.startIndex
        for index in text.indices {
            guard let scalar = text[index].unicodeScalars.first else { continue }
            let longer = ems + self.width(of: scalar)
            if (longer + ellipsis) * fontSize * 1.05 > width { break }
            ems = longer
            end = text.index(after: index)
        }
        return end == text.startIndex ? nil : text[..<end] + "…"
    }

    static func width(of scalar: Unicode.Scalar) -> Double {
        if scalar.value < 0x80 { return asciiWidths[Int(scalar.value)] }
        if EastAsianWidth.isWide(scalar) { return 1.0 }
        if EastAsianWidth.isHalfWidthKana(scalar) { return 0.5 }
        switch scalar {
        case "…": return 1.0
        case "✓", "✗", "⌛", "◆", "→", "←", "×": return 0.9
        default: return 0.6
        }
    }

    /// Widths of the ASCII characters in em, by code (looked up: labels are mostly ASCII),
    /// each group's widest DejaVu Sans advance rounded up.
    private static let asciiWidths: [Double] = (0..<128).map { code in
        switch Unicode.Scalar(UInt8(code)) {
        case "i", "j", "l", "'", "I", "J": 0.3
        case " ", ".", ",", ":", ";", "|", "/", "\\": 0.34
        case "!", "f", "r", "t", "(", ")", "[", "]", "-": 0.4
        case "\"", "*", "_", "`": 0.5
        case "c", "s", "z", "?": 0.55
        case "A", "B", "C", "K", "R", "V", "X", "Z": 0.71
        case "D", "G", "H", "N", "O", "Q", "U", "&": 0.79
        case "+", "#", "<", "=", ">", "^", "~", "w", "M": 0.87
        case "m", "W", "%", "@": 1.0
        default: 0.64  // digits, the other letters, $ { }
        }
    }
}
