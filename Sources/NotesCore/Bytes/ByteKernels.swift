// Byte kernels: the small functions over UTF-8 bytes that every page, figure and file of a
// build goes through, and the one folder of NotesCore with pointer code.
//
// Why pointer code here: these loops run over every byte a build reads or writes (megabytes
// per build, hundreds of megabytes for 10,000 notes), and each one was measured (callgrind,
// perf) before it was written this way; `memchr`/`memcmp` are vectorised by the C library.
// Code elsewhere calls these functions instead of taking pointers itself.
//
// - ByteSearch: substring and byte search (`memchr` + `memcmp`), over strings, arrays, buffers.
// - ContentHash, FNV1a: hashes of file contents and of keys, eight bytes or one byte at a step.
// - HTMLEscaping: escaping for HTML and SVG, and Mustache's escaping of template variables.
// - JSONString: string literals for JSON and inline scripts, runs copied whole.
// - LineIndex, Graphemes, SourceDecoding: line starts, character counts and UTF-8 validation
//   of a note's bytes, for positions in characters.
// - MarkupWriter: one growing byte buffer that figures and tables append thousands of small
//   pieces to, escaped text and numbers written in place.
//
// No pointer leaves these files: the functions take ordinary values (String, [UInt8], ranges)
// or a buffer lent for the length of a `with…` call, and MarkupWriter frees what it allocates.
