/// Which characters are East Asian "wide" (one em wide, written without spaces between words).
public enum EastAsianWidth {
    /// Whether a scalar is a wide CJK character: ideographs, kana, CJK punctuation and
    /// full-width forms. Hangul is excluded, since Korean separates words with spaces.
    public static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F: return false  // Hangul Jamo (spaces separate Korean words)
        case 0x2E80...0x303F: return true  // CJK radicals, Kangxi, CJK symbols and punctuation
        case 0x3040...0x30FF: return true  // Hiragana, Katakana
        case 0x3100...0x31FF: return true  // Bopomofo, Katakana extensions
        case 0x3200...0x33FF: return true  // Enclosed CJK, CJK compatibility
        case 0x3400...0x4DBF: return true  // CJK Extension A
        case 0x4E00...0x9FFF: return true  // CJK Unified Ideographs
        case 0xF900...0xFAFF: return true  // CJK Compatibility Ideographs
        case 0xFE30...0xFE4F: return true  // CJK Compatibility Forms
        case 0xFF01...0xFF60: return true  // Full-width forms
        case 0xFFE0...0xFFE6: return true  // Full-width signs
        case 0x20000...0x3FFFD: return true  // CJK Extensions B and later
        default: return false
        }
    }

    /// Whether a scalar is a half-width katakana or half-width CJK punctuation (half an em).
    public static func isHalfWidthKana(_ scalar: Unicode.Scalar) -> Bool {
        (0xFF61...0xFF9F).contains(scalar.value)
    }
}
