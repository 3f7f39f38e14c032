/// Finds GitHub's extended autolinks in text: `www.` addresses, `http://`, `https://` and
/// `ftp://` URLs, and e-mail addresses, with the GFM spec's rules for where a link ends
/// (trailing punctuation, unbalanced parentheses, entity-like endings, `<`).
///
/// A port of cmark-gfm's `autolink.c`, byte for byte, so that differences from GitHub can
/// only come from where the text is cut, not from the rules.
enum AutolinkScanner {
    /// A link found in text: the bytes it covers and its destination.
    struct Match: Equatable {
        var range: Range<Int>
        var url: String
    }

    /// The `www.` and scheme links in `text`, in order. `wwwAllowedAtStart` says whether
    /// a `www.` link may start at offset 0 (what precedes the text in the source is a line
    /// start, white space, or `*`, `_`, `~` or `(`).
    static func links(in text: [UInt8], wwwAllowedAtStart: Bool) -> [Match] {
        var matches: [Match] = []
        var index = 0
        var floor = 0
        while index < text.count {
            if text[index] == UInt8(ascii: "w"), let end = www(text, at: index, allowedAtStart: wwwAllowedAtStart) {
                matches.append(Match(range: index..<end, url: "http://" + String(decoding: text[index..<end], as: UTF8.self)))
                index = end
                floor = end
            } else if text[index] == UInt8(ascii: ":"), let (start, end) = url(text, colon: index, floor: floor) {
                matches.append(Match(range: start..<end, url: String(decoding: text[start..<end], as: UTF8.self)))
                index = end
                floor = end
            } else {
                index += 1
            }
        }
        return matches
    }

    private static func www(_ text: [UInt8], at start: Int, allowedAtStart: Bool) -> Int? {
        if start > 0 {
            let previous = text[start - 1]
            guard "*_~(".utf8.contains(previous) || isSpace(previous) else { return nil }
        } else if !allowedAtStart {
            return nil
        }
        let data = text[start...]
        guard data.count >= 4, data.starts(with: "www.".utf8) else { return nil }
        var end = checkDomain(data, allowShort: false)
        guard end > 0 else { return nil }
        while end < data.count, !isSpace(data[start + end]) { end += 1 }
        end = delimit(data, end)
        return end > 0 ? start + end : nil
    }

    private static func url(_ text: [UInt8], colon: Int, floor: Int) -> (Int, Int)? {
        let data = text[colon...]
        guard data.count >= 4, text[colon + 1] == UInt8(ascii: "/"), text[colon + 2] == UInt8(ascii: "/") else { return nil }
        var rewind = 0
        while colon - rewind > floor, isAlpha(text[colon - rewind - 1]) { rewind += 1 }
        let scheme = String(decoding: text[(colon - rewind)..<colon], as: UTF8.self).lowercased()
        guard ["http", "https", "ftp"].contains(scheme), data.count > 3, isHostCharacter(text[...], at: colon + 3) else { return nil }
        let domain = checkDomain(text[(colon + 3)...], allowShort: true)
        guard domain > 0 else { return nil }
        var end = 3 + domain
        while end < data.count, !isSpace(text[colon + end]) { end += 1 }
        end = delimit(data, end)
        return end > 0 ? (colon - rewind, colon + end) : nil
    }

    /// The e-mail addresses in `text`, in order.
    static func emails(in text: [UInt8]) -> [Match] {
        var matches: [Match] = []
        var offset = 0
        while let at = text[offset...].firstIndex(of: UInt8(ascii: "@")) {
            if let match = email(text, at: at, floor: offset) {
                matches.append(match)
                offset = match.range.upperBound
            } else {
                offset = at + 1
            }
        }
        return matches
    }

    private static func email(_ text: [UInt8], at: Int, floor: Int) -> Match? {
        var rewind = 0
        var mailto = true
        var xmpp = false
        while at - rewind > floor {
            let byte = text[at - rewind - 1]
            if isAlnum(byte) || ".+-_".utf8.contains(byte) {
                rewind += 1
                continue
            }
            if byte == UInt8(ascii: ":") {
                let before = at - rewind - 1
                if hasProtocol("mailto", endingAt: before, in: text, floor: floor) {
                    mailto = false
                    rewind += 1
                    continue
                }
                if hasProtocol("xmpp", endingAt: before, in: text, floor: floor) {
                    mailto = false
                    xmpp = true
                    rewind += 1
                    continue
                }
            }
            break
        }
        guard rewind > 0 else { return nil }
        var end = 0
        var ats = 0
        var dots = 0
        let data = text[at...]
        while end < data.count {
            let byte = text[at + end]
            if isAlnum(byte) {
            } else if byte == UInt8(ascii: "@") {
                ats += 1
            } else if byte == UInt8(ascii: "."), end < data.count - 1, isAlnum(text[at + end + 1]) {
                dots += 1
            } else if byte == UInt8(ascii: "/"), xmpp {
            } else if byte != UInt8(ascii: "-"), byte != UInt8(ascii: "_") {
                break
            }
            end += 1
        }
        guard end >= 2, ats == 1, dots > 0, isAlpha(text[at + end - 1]) || text[at + end - 1] == UInt8(ascii: ".") else { return nil }
        end = delimit(data, end)
        guard end > 0 else { return nil }
        let range = (at - rewind)..<(at + end)
        return Match(range: range, url: (mailto ? "mailto:" : "") + String(decoding: text[range], as: UTF8.self))
    }

    /// Whether `name` is written just before the `:` at `colon`, at the floor or after a
    /// character that is not a letter or digit.
    private static func hasProtocol(_ name: String, endingAt colon: Int, in text: [UInt8], floor: Int) -> Bool {
        let bytes = Array(name.utf8)
        let start = colon - bytes.count
        guard start >= floor, Array(text[start..<colon]) == bytes else { return false }
        return start == floor || !isAlnum(text[start - 1])
    }
}
