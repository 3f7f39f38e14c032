import NotesCore

extension SVGWriter {
    /// Appends the lane-name column a page puts before a figure: a small SVG, as wide as the
    /// figure's gutter, that shows the figure's own lane names (`<use>` of its lanes group, so
    /// no text is written twice) over the page's background.
    ///
    /// Why: on a phone the figure is wider than the screen and scrolls inside its box; the
    /// page's stylesheet keeps this column fixed at the box's left edge (`position: sticky`),
    /// so the lane names stay in view wherever the reader has scrolled. It is hidden from
    /// screen readers, which read the figure's title and description.
    public static func writeLaneColumn(_ model: TimelineModel, idPrefix: String, into out: MarkupWriter) {
        writeLaneColumn(gutter: model.gutter, height: model.height, idPrefix: idPrefix, into: out)
    }

    /// The lane-name column of either view, given its gutter and height.
    public static func writeLaneColumn(gutter: Double, height: Double, idPrefix: String, into out: MarkupWriter) {
        // Its size in CSS pixels is its own coordinate system, so it needs no viewBox; the
        // band behind the names and their colour come from the stylesheet.
        out.raw("<svg class=\"tl-lane-column\" width=\""); out.number(gutter); out.raw("\" height=\""); out.number(height)
        out.raw("\" aria-hidden=\"true\"><use href=\"#"); out.text(idPrefix); out.raw("-lanes\"/></svg>")
    }
}
