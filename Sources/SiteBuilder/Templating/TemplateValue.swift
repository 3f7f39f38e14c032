import NotesCore

/// A value a template shows or tests: text, a number, a yes/no flag, a list or named values.
///
/// Contexts are built from these instead of `Any`, so rendering never casts: a page's
/// template reads its two dozen values by a switch on the case and a short linear search.
public enum TemplateValue: Sendable, Equatable {
    case text(String)
    /// Text given as UTF-8 bytes (a page's HTML), rendered exactly like `.text`.
    case bytes(ArraySlice<UInt8>)
    case number(Int)
    case flag(Bool)
    case list([TemplateValue])
    case object(TemplateObject)

    /// Whether a section `{{#name}}` shows this value: every value but `false` and an empty list.
    var isTruthy: Bool {
        switch self {
        case .flag(let value): value
        case .list(let items): !items.isEmpty
        default: true
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral, ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(booleanLiteral value: Bool) { self = .flag(value) }
    public init(integerLiteral value: Int) { self = .number(value) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(TemplateObject(elements))
    }
}

/// Named template values, in the order they were set; looked up by the keys' hashes, in
/// order for the dozen keys of most contexts and through an index for longer ones
/// (`TemplateKeys`).
///
/// Each key's FNV-1a hash is kept beside it: a lookup compares numbers and the text of a
/// matching key only. Comparing the names themselves (and building a context key by key,
/// each one compared with those before it) cost more than rendering the templates.
public struct TemplateObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    /// The names, shared with every object of the same shape.
    private var names: TemplateKeys
    public private(set) var values: [TemplateValue]

    public var keys: [String] { names.names }

    public init(_ elements: [(String, TemplateValue)] = []) {
        var keys: [String] = []
        var hashes: [UInt64] = []
        var values: [TemplateValue] = []
        keys.reserveCapacity(elements.count)
        hashes.reserveCapacity(elements.count)
        values.reserveCapacity(elements.count)
        for (key, value) in elements {
            let hash = Self.hash(key)
            if let index = hashes.indices.first(where: { hashes[$0] == hash && keys[$0] == key }) {
                values[index] = value
            } else {
                keys.append(key)
                hashes.append(hash)
                values.append(value)
            }
        }
        names = keys.isEmpty ? .empty : TemplateKeys(names: keys, hashes: hashes)
        self.values = values
    }

    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self.init(elements)
    }

    /// The object with `values` under the names of `shape`, one each in order: the same
    /// object as the literal of those pairs, without hashing or comparing a name.
    init(_ shape: TemplateShape, values: [TemplateValue]) {
        precondition(values.count == shape.keys.count, "one value per name of the shape")
        names = shape.names
        self.values = values
    }

    /// The value named `key`; setting `nil` removes it.
    public subscript(key: String) -> TemplateValue? {
        get { self[key, hash: Self.hash(key)] }
        set {
            let hash = Self.hash(key)
            if let index = names.index(of: key, hash: hash) {
                if let newValue {
                    values[index] = newValue
                } else {
                    names = names.removing(at: index)
                    values.remove(at: index)
                }
            } else if let newValue {
                names = names.appending(key, hash: hash)
                values.append(newValue)
            }
        }
    }

    /// The value named `key`, whose `hash(_:)` the caller worked out once (a template's names).
    subscript(key: String, hash hash: UInt64) -> TemplateValue? {
        names.index(of: key, hash: hash).map { values[$0] }
    }

    /// Where `values` has the value named `key`, whose `hash(_:)` the caller worked out once:
    /// the renderer copies the value from there, without an optional in between.
    func index(of key: String, hash: UInt64) -> Int? {
        names.index(of: key, hash: hash)
    }

    /// The hash a key is found by.
    static func hash(_ key: String) -> UInt64 {
        var hasher = FNV1a()
        hasher.combine(key)
        return hasher.value
    }

    /// Equal when the same keys hold the same values in the same order.
    public static func == (lhs: TemplateObject, rhs: TemplateObject) -> Bool {
        lhs.keys == rhs.keys && lhs.values == rhs.values
    }
}
