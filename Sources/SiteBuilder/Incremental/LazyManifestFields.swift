import NotesMarkdown

/// A note's references, decoded from the manifest's bytes only when asked for.
public struct LazyReferences: Sendable, Equatable {
    private let decoded: [Reference]?
    private let encoded: ArraySlice<UInt8>

    public init(_ references: [Reference]) {
        decoded = references
        encoded = []
    }

    /// References in the manifest's `ref` line format, decoded on first use.
    init(encoded: ArraySlice<UInt8>) {
        decoded = nil
        self.encoded = encoded
    }

    public var value: [Reference] {
        decoded ?? ManifestCodec.decodeReferences(encoded)
    }

    public static func == (lhs: LazyReferences, rhs: LazyReferences) -> Bool {
        lhs.value == rhs.value
    }
}

/// A note's anchor names as the manifest holds them, decoded only when a link is checked
/// against them: an incremental build reads ten anchors of each of 10,000 notes and checks
/// the links of the one note that changed.
public struct LazyAnchors: Sendable, Equatable {
    private let decoded: [String]?
    /// The `anchors` line's fields after its kind: escaped, separated by tabs.
    private let encoded: ArraySlice<UInt8>

    public init(_ anchors: [String]) {
        decoded = anchors
        encoded = []
    }

    /// The fields of an `anchors` line that has at least one (possibly empty) field.
    init(encoded: ArraySlice<UInt8>) {
        decoded = nil
        self.encoded = encoded
    }

    public var value: [String] {
        decoded ?? encoded.split(separator: 0x09, omittingEmptySubsequences: false).map(ManifestCodec.unescape)
    }

    public func contains(_ name: String) -> Bool {
        value.contains(name)
    }

    public static func == (lhs: LazyAnchors, rhs: LazyAnchors) -> Bool {
        lhs.value == rhs.value
    }
}
