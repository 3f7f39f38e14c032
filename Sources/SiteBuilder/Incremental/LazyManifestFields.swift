import NotesMarkdown

/// A field of a manifest record kept as the bytes it was read from and decoded only when
/// asked for: an incremental build reads the links and anchors of all 10,000 notes and
/// needs those of the few notes an edit touches. Part of the manifest codec: fields are
/// decoded from buffer slices of the record (see `ManifestCodec` for why).
public struct LazyManifestField<Format: ManifestFieldFormat>: Sendable, Equatable {
    private let decoded: Format.Value?
    private let encoded: SharedBytes.Slice

    public init(_ value: Format.Value) {
        decoded = value
        encoded = SharedBytes.Slice()
    }

    /// The field's bytes as the manifest holds them, decoded on use.
    init(encoded: SharedBytes.Slice) {
        decoded = nil
        self.encoded = encoded
    }

    public var value: Format.Value {
        decoded ?? encoded.withUnsafeBufferPointer(Format.decode)
    }

    public static func == (lhs: LazyManifestField, rhs: LazyManifestField) -> Bool {
        lhs.value == rhs.value
    }
}

/// How a lazily decoded manifest field reads its bytes.
public protocol ManifestFieldFormat {
    associatedtype Value: Sendable & Equatable
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> Value
}

/// A note's links and images: its `ref` lines.
public enum ReferenceLines: ManifestFieldFormat {
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [Reference] {
        ManifestCodec.decodeReferences(bytes)
    }
}

/// A note's anchor names: the `anchors` line's fields after its kind (escaped, separated by
/// tabs; at least one, possibly empty).
public enum AnchorFields: ManifestFieldFormat {
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        bytes.split(separator: 0x09, omittingEmptySubsequences: false).map(ManifestCodec.unescape)
    }
}

/// A note's references, decoded from the manifest's bytes only when asked for.
public typealias LazyReferences = LazyManifestField<ReferenceLines>

/// A note's anchor names, decoded only when a link is checked against them.
public typealias LazyAnchors = LazyManifestField<AnchorFields>

extension LazyManifestField where Format == AnchorFields {
    public func contains(_ name: String) -> Bool {
        value.contains(name)
    }
}
