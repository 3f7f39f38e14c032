import LambdaSimulator
import NotesCore

/// A mark's tooltip, written as an interpolated string (`"\(items: ids): \(word)"`) but
/// built as UTF-8 bytes in one buffer and made a `String` once.
///
/// Why: a figure writes a tooltip of half a dozen pieces for every mark, and appending each
/// piece to a `String` (after making the ids and the duration strings of their own) cost
/// more than laying the mark out.
struct MarkText: ExpressibleByStringInterpolation {
    let string: String

    init(stringLiteral value: StaticString) {
        string = value.description
    }

    init(stringInterpolation: StringInterpolation) {
        string = stringInterpolation.text.writer.string
    }

    /// The pieces of a mark's text: words, numbers, lists of ids and durations.
    struct StringInterpolation: StringInterpolationProtocol {
        fileprivate var text: PlainText

        init(literalCapacity: Int, interpolationCount: Int) {
            text = PlainText(writer: MarkupWriter(capacity: literalCapacity + 8 * interpolationCount))
        }

        /// The text between the interpolations, as the compiler stored it: copied without
        /// being made a `String` (most tooltips are more literal pieces than values).
        mutating func appendLiteral(_ literal: StaticString) {
            text.literal(literal)
        }

        mutating func appendInterpolation(_ word: String) {
            text.text(word)
        }

        mutating func appendInterpolation(_ value: Int) {
            text.integer(value)
        }

        /// Ids as `ItemRanges` writes them (`#1-3,5`).
        mutating func appendInterpolation(items: [Int]) {
            ItemRanges.write(items, into: &text)
        }

        /// A duration in the labels' language (`TimelineLabels.duration`).
        mutating func appendInterpolation(duration milliseconds: Int64, _ labels: TimelineLabels) {
            DurationText.write(milliseconds, units: labels.units, into: &text)
        }
    }
}

/// Text written into a `MarkupWriter` as it is, not escaped: a tooltip's text, which the
/// SVG escapes when it writes it.
struct PlainText: TextSink {
    let writer: MarkupWriter

    func literal(_ text: StaticString) {
        writer.raw(text)
    }

    func integer(_ value: Int) {
        writer.integer(value)
    }

    func text(_ text: String) {
        writer.raw(string: text)
    }
}
