/* The raw floor of `make bench`: read every Markdown file under a folder, parse and render
 * it with libcmark, write the HTML into an output folder. No templates, no checks, one
 * thread: what any Markdown site generator must at least spend on the same notes.
 *
 * Usage: cmark-floor CONTENT_DIR OUT_DIR */
#define _XOPEN_SOURCE 700
#include <cmark.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static long files = 0;

static char *read_file(const char *path, size_t *length) {
    FILE *file = fopen(path, "rb");
    if (!file) return NULL;
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    char *buffer = malloc((size_t)size + 1);
    *length = fread(buffer, 1, (size_t)size, file);
    fclose(file);
    return buffer;
}

static int walk(const char *in, const char *out) {
    DIR *dir = opendir(in);
    if (!dir) return perror(in), 1;
    mkdir(out, 0755);
    struct dirent *entry;
    char source[4096], target[4096];
    while ((entry = readdir(dir))) {
        if (entry->d_name[0] == '.') continue;
        snprintf(source, sizeof source, "%s/%s", in, entry->d_name);
        struct stat info;
        if (stat(source, &info) != 0) continue;
        if (S_ISDIR(info.st_mode)) {
            snprintf(target, sizeof target, "%s/%s", out, entry->d_name);
            if (walk(source, target)) return 1;
            continue;
        }
        size_t name = strlen(entry->d_name);
        if (name < 3 || strcmp(entry->d_name + name - 3, ".md") != 0) continue;
        size_t length;
        char *markdown = read_file(source, &length);
        if (!markdown) return perror(source), 1;
        char *html = cmark_markdown_to_html(markdown, length, CMARK_OPT_UNSAFE);
        snprintf(target, sizeof target, "%s/%.*s.html", out, (int)(name - 3), entry->d_name);
        FILE *file = fopen(target, "wb");
        if (!file) return perror(target), 1;
        fwrite(html, 1, strlen(html), file);
        fclose(file);
        free(html);
        free(markdown);
        files++;
    }
    closedir(dir);
    return 0;
}

int main(int argc, char **argv) {
    if (argc != 3) return fprintf(stderr, "usage: cmark-floor CONTENT_DIR OUT_DIR\n"), 2;
    if (walk(argv[1], argv[2])) return 1;
    printf("%ld files\n", files);
    return 0;
}
