/// The small icons before an alert's title, as inline SVG that takes the title's colour.
///
/// Drawn here rather than fetched: the site works offline, and `currentColor` lets the
/// theme's light and dark alert colours apply to the icon too.
enum AlertIcons {
    static func svg(_ kind: AlertKind) -> String {
        let shape: String
        switch kind {
        case .note:
            shape =
                "<circle cx=\"8\" cy=\"8\" r=\"6.5\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\"/><path d=\"M8 7v4.5M8 4.5v.5\" stroke=\"currentColor\" stroke-width=\"1.6\" stroke-linecap=\"round\"/>"
        case .tip:
            shape =
                "<path d=\"M8 1.5a4.5 4.5 0 0 0-2.6 8.2V11h5.2V9.7A4.5 4.5 0 0 0 8 1.5zM6 13h4M6.8 14.8h2.4\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" stroke-linecap=\"round\"/>"
        case .important:
            shape =
                "<path d=\"M2 2.5h12v8.5H8.5L5 14v-3H2z\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" stroke-linejoin=\"round\"/><path d=\"M8 4.8v3M8 9.4v.3\" stroke=\"currentColor\" stroke-width=\"1.6\" stroke-linecap=\"round\"/>"
        case .warning:
            shape =
                "<path d=\"M8 1.8 14.6 13.8H1.4z\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" stroke-linejoin=\"round\"/><path d=\"M8 6v3.6M8 11.5v.3\" stroke=\"currentColor\" stroke-width=\"1.6\" stroke-linecap=\"round\"/>"
        case .caution:
            shape =
                "<path d=\"M5.2 1.5h5.6l3.7 3.7v5.6l-3.7 3.7H5.2l-3.7-3.7V5.2z\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" stroke-linejoin=\"round\"/><path d=\"M8 4.6v4M8 10.9v.3\" stroke=\"currentColor\" stroke-width=\"1.6\" stroke-linecap=\"round\"/>"
        }
        return "<svg class=\"markdown-alert-icon\" viewBox=\"0 0 16 16\" width=\"16\" height=\"16\" aria-hidden=\"true\">\(shape)</svg>"
    }
}
