#define _GNU_SOURCE
#include "CSystemShims.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/syscall.h>
#include <elf.h>
#include <link.h>
#endif

int notesim_exchange_paths(const char *first, const char *second) {
#if defined(__linux__) && defined(SYS_renameat2)
    /* RENAME_EXCHANGE = (1 << 1); spelled out for libcs whose headers lack it. */
    return (int)syscall(SYS_renameat2, AT_FDCWD, first, AT_FDCWD, second, 1 << 1);
#else
    (void)first; (void)second;
    errno = ENOSYS;
    return -1;
#endif
}

const void *notesim_memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length) {
    return memmem(haystack, haystack_length, needle, needle_length);
}

#if defined(__linux__)
struct notesim_build_id_request {
    unsigned char *out;
    size_t capacity;
    size_t length;
};

/* Called for each loaded object; the first is the main program. Walks its PT_NOTE segments
   for the GNU build id note and stops the iteration (returns 1) after the main program. */
static int notesim_build_id_callback(struct dl_phdr_info *info, size_t size, void *data) {
    (void)size;
    struct notesim_build_id_request *request = data;
    for (ElfW(Half) index = 0; index < info->dlpi_phnum; index++) {
        const ElfW(Phdr) *header = &info->dlpi_phdr[index];
        if (header->p_type != PT_NOTE) continue;
        const unsigned char *note = (const unsigned char *)(info->dlpi_addr + header->p_vaddr);
        const unsigned char *end = note + header->p_memsz;
        while (note + sizeof(ElfW(Nhdr)) <= end) {
            const ElfW(Nhdr) *entry = (const ElfW(Nhdr) *)note;
            const unsigned char *name = note + sizeof(ElfW(Nhdr));
            const unsigned char *desc = name + ((entry->n_namesz + 3) & ~3u);
            const unsigned char *next = desc + ((entry->n_descsz + 3) & ~3u);
            if (next > end) break;
            if (entry->n_type == NT_GNU_BUILD_ID && entry->n_namesz == 4 && memcmp(name, "GNU", 4) == 0
                && entry->n_descsz <= request->capacity) {
                memcpy(request->out, desc, entry->n_descsz);
                request->length = entry->n_descsz;
                return 1;
            }
            note = next;
        }
    }
    return 1;
}
#endif

size_t notesim_build_id(unsigned char *out, size_t capacity) {
#if defined(__linux__)
    struct notesim_build_id_request request = { out, capacity, 0 };
    dl_iterate_phdr(notesim_build_id_callback, &request);
    return request.length;
#else
    (void)out; (void)capacity;
    return 0;
#endif
}
