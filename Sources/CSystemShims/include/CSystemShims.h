#ifndef NOTESIM_CSYSTEMSHIMS_H
#define NOTESIM_CSYSTEMSHIMS_H

#include <stddef.h>

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (ENOSYS/EINVAL where unsupported).
int notesim_exchange_paths(const char *first, const char *second);

/// The first occurrence of `needle` in `haystack` (glibc's memmem, which Swift's Glibc module
/// does not export), or NULL.
const void *notesim_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

/// Copies the GNU build id of the running program (the main executable's NT_GNU_BUILD_ID
/// note, which the linker derives from the program's code) into `out`; returns its length,
/// or 0 where there is none (then nothing is written).
size_t notesim_build_id(unsigned char *out, size_t capacity);

#endif
