/* settings: kijunrc put to work. */
#include "config.h"
#include "ui/settings.h"
#include "ui/actions.h"
#include "ui/draw.h"
#include "ui/keys.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include <stdlib.h>
#include <string.h>

const struct rc_vocab *settings_vocab(void)
{
    static struct rc_vocab v;
    v.actions = action_names();
    v.roles = role_names();
    v.parse_key = key_parse;
    return &v;
}

/* Does entry k share a key (or a twin) with entry o on a common screen? */
static int shared_key(const struct rc_keys *k, const struct rc_keys *o)
{
    if (!(action_screens((enum action)k->action) & action_screens((enum action)o->action)))
        return -1;
    for (size_t i = 0; i < k->n; i++)
        for (size_t j = 0; j < o->n; j++)
            if (k->keys[i] == o->keys[j] || key_twin(k->keys[i]) == o->keys[j]
                || k->keys[i] == key_twin(o->keys[j]))
                return k->keys[i];
    return -1;
}

static char rc_edition[129];

const char *settings_edition(void)
{
    return rc_edition;
}

enum rc_status settings_load(const char *path, bool *mouse, struct diag_list *dl)
{
    struct rc rc;
    rc_init(&rc);
    bindings_reset();
    draw_styles_reset();
    size_t first = dl->n;
    enum rc_status st = rc_read(path, settings_vocab(), &rc, dl);
    for (size_t i = 0; i < rc.nkeys; i++) {
        const struct rc_keys *k = &rc.keys[i];
        bool clash = false;
        for (size_t j = 0; j < i && !clash; j++) {
            const struct rc_keys *o = &rc.keys[j];
            if (o->n == 0)
                continue; /* left out itself */
            int key = shared_key(k, o);
            if (key >= 0) {
                char buf[16];
                diag_add(dl, DIAG_WARNING, path, k->line,
                         _("key %s is given to '%s' already (line %d): '%s' keeps its default keys"),
                         key_label(key, buf, sizeof buf), action_name((enum action)o->action), o->line,
                         action_name((enum action)k->action));
                clash = true;
            }
        }
        if (clash)
            rc.keys[i].n = 0;
        else
            bindings_set((enum action)k->action, k->keys, k->n);
    }
    diag_sort_lines(dl, first);
    for (size_t i = 0; i < rc.nstyles; i++)
        draw_style(&rc.styles[i]);
    if (rc.has_mouse)
        *mouse = rc.mouse;
    snprintf(rc_edition, sizeof rc_edition, "%s", rc.edition);
    rc_free(&rc);
    return st;
}

char *settings_summary(const struct diag_list *dl)
{
    if (!dl->n)
        return NULL;
    struct diag d = dl->v[0];
    const char *home = getenv("HOME");
    size_t hn = home ? strlen(home) : 0;
    char *file = NULL;
    if (d.file && hn > 1 && strncmp(d.file, home, hn) == 0 && d.file[hn] == '/') {
        struct strbuf sb = STRBUF_INIT;
        sb_printf(&sb, "~%s", d.file + hn);
        file = sb_take(&sb);
        d.file = file;
    }
    char *first = diag_format(&d);
    free(file);
    if (dl->n == 1)
        return first;
    struct strbuf sb = STRBUF_INIT;
    sb_adds(&sb, first);
    sb_printf(&sb, _(" (and %zu more: kijun check lists them)"), dl->n - 1);
    free(first);
    return sb_take(&sb);
}
