import NotesCore

/// The theme and the sidebar list of a build: the list is rendered from the navigation on
/// another thread while links are checked (10,000 entries take a while), or kept from the
/// last build while the navigation and the settings are the same.
struct SidebarPlan {
    /// The key of the list: the settings' and the navigation's.
    let key: UInt64
    /// The theme (nil when it failed to load) and the list being rendered.
    let themed: (theme: Theme, tocList: Background<String>)?

    init(theme: Theme?, navigation: Navigation, navigationKey: UInt64, globalKey: UInt64, previous: BuildManifest?) {
        var hasher = FNV1a()
        hasher.combine(String(globalKey) + " " + String(navigationKey))
        let key = hasher.value
        self.key = key
        let keptTOC = previous?.toc.flatMap { $0.key == key ? $0.html : nil }
        themed = theme.map { theme in
            (theme: theme, tocList: keptTOC.map { Background(ready: $0) } ?? Background { RenderStage.tocList(navigation, theme: theme) })
        }
    }
}
