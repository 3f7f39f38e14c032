/// How to draw a figure.
public struct TimelineOptions: Sendable {
    /// `ja`, `en`: the language of labels.
    public var language: String
    /// A prefix for ids inside the SVG, unique on the page (`scenario-3`).
    public var idPrefix: String
    /// Draw time linearly instead of cutting out idle gaps.
    public var linearAxis: Bool
    /// The figure's title (the scenario's `title`).
    public var title: String
    /// The figure's width in px. 700 by default: the default theme's figure box is 702 px
    /// wide inside its 736 px text column (720 gave every figure a scrollbar at 1280 px).
    public var width: Double

    public init(language: String = "ja", idPrefix: String = "timeline", linearAxis: Bool = false, title: String = "", width: Double = 700) {
        self.language = language
        self.idPrefix = idPrefix
        self.linearAxis = linearAxis
        self.title = title
        self.width = width
    }
}
