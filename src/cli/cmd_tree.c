/* cmd_tree: `kijun tree`, the Guideline as indented text. */
#include "config.h"
#include "cli/cmd.h"
#include "core/session.h"
#include "model/standard.h"
#include "util/utf8.h"
#include <stdlib.h>
#include <string.h>

static void print_safe(FILE *out, const char *s)
{
    char *safe = utf8_sanitize(s, strlen(s), false);
    fputs(safe, out);
    free(safe);
}

static void print_edition(const struct gl_edition *ed, enum lang lang, FILE *out)
{
    fputs("# ", out);
    print_safe(out, text_get(&ed->title, lang));
    char today[11];
    session_today(today);
    fprintf(out, " [%s, %s, %s]\n", ed->id, status_name(gl_edition_status(ed, today), lang), ed->date);
    if (ed->user) { /* the user's library: what it is, whose, from where */
        fprintf(out, "# %s, ", kind_name(ed->kind, lang));
        print_safe(out, ed->issuer ? ed->issuer : "");
        fputs(", ", out);
        print_safe(out, ed->file ? ed->file : "");
        fputc('\n', out);
    }
    for (size_t i = 0; i < ed->nnodes; i++) {
        const struct gl_node *n = ed->nodes[i];
        for (int d = 0; d < n->depth; d++)
            fputs("  ", out);
        char *h = gl_node_heading(n, lang);
        print_safe(out, h);
        free(h);
        fputc('\n', out);
    }
}

int cmd_tree(const struct library *lib, const char *edition, enum lang lang, FILE *out)
{
    if (edition) {
        const struct gl_edition *ed = gl_edition_find(&lib->gl, edition);
        if (!ed) {
            fputs("kijun: error: no edition '", stderr);
            print_safe(stderr, edition);
            fputs("' (editions:", stderr);
            for (size_t i = 0; i < lib->gl.n; i++)
                fprintf(stderr, " %s", lib->gl.editions[i]->id);
            fputs(")\n", stderr);
            return 2;
        }
        print_edition(ed, lang, out);
        return 0;
    }
    bool first = true;
    for (size_t i = 0; i < lib->gl.n; i++) {
        if (!lib->gl.editions[i]->has_text)
            continue; /* metadata only: no tree (--edition ID prints its head) */
        if (!first)
            fputc('\n', out);
        first = false;
        print_edition(lib->gl.editions[i], lang, out);
    }
    return 0;
}
