#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Immutable bytes that many values keep slices of: a copy of an array, or a file mapped
/// into memory read-only (`FileSystem.mapFile`).
///
/// A mapped file is read without copying it, which matters for the 7 MB build manifest that
/// every incremental build reads and mostly writes back as it was. Its bytes are the file's
/// until the last slice is gone, so such a file may only be replaced (a new file renamed over
/// it) or appended to while it is mapped, never written over in place or cut shorter.
public final class SharedBytes: @unchecked Sendable {
    /// The bytes; valid while this object lives.
    public let buffer: UnsafeBufferPointer<UInt8>
    /// The mapping to unmap, or the copy to free, at the end.
    private let release: Release

    private enum Release {
        case unmap
        case deallocate
    }

    /// A copy of `bytes`.
    public init(_ bytes: [UInt8]) {
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = copy.initialize(from: bytes)
        buffer = UnsafeBufferPointer(rebasing: copy[..<bytes.count])
        release = .deallocate
    }

    /// Takes over a read-only mapping of `count` bytes at `start` (made with `mmap`).
    init(mapping start: UnsafeRawPointer, count: Int) {
        buffer = UnsafeBufferPointer(start: start.assumingMemoryBound(to: UInt8.self), count: count)
        release = .unmap
    }

    deinit {
        guard let base = buffer.baseAddress else { return }
        switch release {
        case .unmap: munmap(UnsafeMutableRawPointer(mutating: base), buffer.count)
        case .deallocate: UnsafeMutablePointer(mutating: base).deallocate()
        }
    }

    public var count: Int { buffer.count }

    /// No bytes, shared by every empty slice.
    private static let empty = SharedBytes([])

    /// A part of the bytes, which keeps all of them alive.
    public subscript(range: Range<Int>) -> Slice {
        precondition(range.lowerBound >= 0 && range.upperBound <= buffer.count, "slice out of bounds")
        return Slice(owner: self, range: range)
    }

    /// A part of shared bytes; equal when the bytes are.
    public struct Slice: Sendable, Equatable {
        private let owner: SharedBytes
        private let range: Range<Int>

        fileprivate init(owner: SharedBytes, range: Range<Int>) {
            self.owner = owner
            self.range = range
        }

        /// Empty bytes.
        public init() {
            self.init(owner: SharedBytes.empty, range: 0..<0)
        }

        public var count: Int { range.count }

        /// The bytes, valid while the slice lives (inside `body` only).
        public func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
            try withExtendedLifetime(owner) { try body(UnsafeBufferPointer(rebasing: owner.buffer[range])) }
        }

        /// The bytes as an array.
        public var array: [UInt8] {
            withUnsafeBufferPointer { Array($0) }
        }

        public static func == (lhs: Slice, rhs: Slice) -> Bool {
            lhs.count == rhs.count
                && lhs.withUnsafeBufferPointer { left in
                    rhs.withUnsafeBufferPointer { right in
                        left.count == 0 || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0
                    }
                }
        }
    }
}

extension Array where Element == UInt8 {
    /// Appends the bytes of a slice.
    public static func += (bytes: inout [UInt8], slice: SharedBytes.Slice) {
        slice.withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
    }
}
