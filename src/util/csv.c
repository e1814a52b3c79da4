/* csv: RFC 4180 comma-separated values. */
#include "config.h"
#include "util/csv.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include <stdlib.h>
#include <string.h>

static void add_field(struct csv_record *r, size_t *cap, struct strbuf *f)
{
    r->fields = xgrow(r->fields, cap, r->n + 1, sizeof *r->fields);
    r->fields[r->n++] = sb_take(f);
}

static void add_record(struct csv *c, struct csv_record *r)
{
    c->v = xgrow(c->v, &c->cap, c->n + 1, sizeof *c->v);
    c->v[c->n++] = *r;
    memset(r, 0, sizeof *r);
}

static void record_free(struct csv_record *r)
{
    for (size_t i = 0; i < r->n; i++)
        free(r->fields[i]);
    free(r->fields);
}

bool csv_parse(const char *text, size_t len, struct csv *out)
{
    memset(out, 0, sizeof *out);
    size_t i = 0;
    if (len >= 2 && ((unsigned char)text[0] == 0xFF || (unsigned char)text[0] == 0xFE)
        && (unsigned char)text[1] == ((unsigned char)text[0] ^ 0x01)) {
        out->error_line = 1;
        out->error = N_("the file is UTF-16: save it as CSV UTF-8");
        return false;
    }
    const char *nul = memchr(text, '\0', len);
    if (nul && nul - text <= 1) { /* "i\0d\0" or "\0i\0d": UTF-16 without its BOM */
        out->error_line = 1;
        out->error = N_("the file is UTF-16: save it as CSV UTF-8");
        return false;
    }
    if (nul) { /* a C string would end there: the rest of the cell would be lost unseen */
        out->error_line = 1;
        for (const char *p = text; p < nul; p++)
            out->error_line += *p == '\n';
        out->error = N_("a NUL byte (a control character): refused");
        return false;
    }
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        out->bom = true;
        i = 3;
    }
    int line = 1;
    struct csv_record r = {0};
    size_t fcap = 0;
    struct strbuf f = STRBUF_INIT;
    r.line = line;
    while (i < len) {
        /* one field */
        if (text[i] == '"') {
            int start = line;
            i++;
            for (;;) {
                if (i >= len) {
                    out->error_line = start;
                    out->error = N_("a quoted field is not closed");
                    goto fail;
                }
                if (text[i] == '"') {
                    if (i + 1 < len && text[i + 1] == '"') {
                        sb_addc(&f, '"');
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                if (text[i] == '\n')
                    line++;
                sb_addc(&f, text[i++]);
            }
            if (i < len && text[i] != ',' && text[i] != '\n'
                && !(text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')) {
                out->error_line = line;
                out->error = N_("text after a closing quote (a quote inside a field is written \"\")");
                goto fail;
            }
        } else {
            while (i < len && text[i] != ',' && text[i] != '\n'
                   && !(text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')) {
                if (text[i] == '"') {
                    out->error_line = line;
                    out->error = N_("a quote inside a field that does not start with one");
                    goto fail;
                }
                sb_addc(&f, text[i++]);
            }
        }
        add_field(&r, &fcap, &f);
        if (i < len && text[i] == ',') {
            i++;
            if (i == len) /* "a," at the very end: an empty last field */
                add_field(&r, &fcap, &f);
            continue;
        }
        /* end of the record */
        if (i < len && text[i] == '\r')
            i++;
        if (i < len && text[i] == '\n')
            i++;
        line++;
        add_record(out, &r);
        fcap = 0;
        r.line = line;
    }
    if (r.n)
        add_record(out, &r);
    sb_free(&f);
    return true;
fail:
    record_free(&r);
    sb_free(&f);
    return false;
}

void csv_free(struct csv *c)
{
    for (size_t i = 0; i < c->n; i++)
        record_free(&c->v[i]);
    free(c->v);
    memset(c, 0, sizeof *c);
}
