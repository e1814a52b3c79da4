/* linload: the lineage of an edition as its file gives it. */
#include "config.h"
#include "util/i18n.h"
#include "store/linload.h"
#include "model/record.h"
#include <stdlib.h>
#include <string.h>

bool check_date(struct cfgctx *c, const config_setting_t *g, const char *name, const char *s)
{
    if (lin_date_parse(s, NULL))
        return true;
    diag_add(c->dl, DIAG_ERROR, c->file, cfg_line(config_setting_get_member(g, name)),
             _("date '%s' must be YYYY, YYYY-MM or YYYY-MM-DD (a real month and day)"), s);
    return false;
}

static const char *const event_keys[] = {
    "event", "date", "by", "by_title", "note", "source", "confidence", NULL,
};

static bool load_event(struct cfgctx *c, const config_setting_t *g, struct lineage *out)
{
    int line = cfg_line(g);
    if (!config_setting_is_group(g)) {
        diag_add(c->dl, DIAG_ERROR, c->file, line,
                 _("each lineage event must be a group { event = ...; date = ...; }"));
        return false;
    }
    cg_unknown(c, g, event_keys);
    char *kind = NULL, *date = NULL, *by = NULL, *source = NULL, *conf = NULL;
    bool ok = cg_string(c, g, "event", true, &kind);
    ok &= cg_string(c, g, "date", true, &date);
    ok &= cg_string(c, g, "by", false, &by);
    /* the source as a string, or in both languages { ja = ...; en = ...; } */
    struct text src = {0};
    const config_setting_t *sg = config_setting_get_member(g, "source");
    if (sg && config_setting_is_group(sg)) {
        ok &= cg_text_setting(c, sg, &src);
        source = src.en;
        src.en = NULL;
    } else {
        ok &= cg_string(c, g, "source", true, &source);
    }
    ok &= cg_string(c, g, "confidence", true, &conf);
    int k = kind ? event_parse(kind) : 0;
    if (kind && k < 0) {
        diag_add(c->dl, DIAG_ERROR, c->file, cfg_line(config_setting_get_member(g, "event")),
                 _("'%s' is '%s'; expected one of: %s"), "event", kind,
                 "drafted, decided, revised, in-force, superseded, abolished");
        ok = false;
    }
    int cf = conf ? confidence_parse(conf) : 0;
    if (conf && cf < 0) {
        diag_add(c->dl, DIAG_ERROR, c->file, cfg_line(config_setting_get_member(g, "confidence")),
                 _("'%s' is '%s'; expected one of: %s"), "confidence", conf, "P, S+, S");
        ok = false;
    }
    if (date && !check_date(c, g, "date", date))
        ok = false;
    if (source && !*source) {
        diag_add(c->dl, DIAG_ERROR, c->file, cfg_line(config_setting_get_member(g, "source")),
                 _("a lineage event needs its source"));
        ok = false;
    }
    if (by && !id_syntax_ok(by, 128)) {
        diag_add(c->dl, DIAG_ERROR, c->file, cfg_line(config_setting_get_member(g, "by")),
                 _("id '%s' must be 1-128 ASCII letters, digits, '.', '-' or '_'"), by);
        ok = false;
    }
    struct text by_title = {0}, note = {0};
    ok &= cg_text(c, g, "by_title", false, &by_title);
    ok &= cg_text(c, g, "note", false, &note);
    if (ok && (by || by_title.ja) && k != EV_SUPERSEDED && k != EV_ABOLISHED) {
        diag_add(c->dl, DIAG_ERROR, c->file, line,
                 _("only a 'superseded' or 'abolished' event names a successor ('by', 'by_title')"));
        ok = false;
    }
    if (ok) {
        struct lin_event *e = lineage_add(out, (enum lin_event_kind)k, date, source,
                                          (enum confidence)cf);
        e->line = line;
        e->source_ja = src.ja;
        src.ja = NULL;
        e->by = by;
        by = NULL;
        e->by_title = by_title;
        e->note = note;
    } else {
        text_free(&by_title);
        text_free(&note);
    }
    free(kind);
    free(date);
    free(by);
    free(source);
    text_free(&src);
    free(conf);
    return ok;
}

bool load_lineage(struct cfgctx *c, const config_setting_t *g, struct lineage *out)
{
    const config_setting_t *l = config_setting_get_member(g, "lineage");
    if (!l)
        return true;
    if (!config_setting_is_list(l)) {
        diag_add(c->dl, DIAG_ERROR, c->file, cfg_line(l),
                 _("'lineage' must be a list ( { event = ...; date = ...; }, ... )"));
        return false;
    }
    bool ok = true;
    for (int i = 0; i < config_setting_length(l); i++)
        ok &= load_event(c, config_setting_get_elem(l, (unsigned)i), out);
    size_t bad = lineage_order_error(out);
    if (bad != (size_t)-1) {
        diag_add(c->dl, DIAG_ERROR, c->file, out->v[bad].line,
                 _("lineage event '%s' (%s) comes before the event above it: list events in date order"),
                 event_code(out->v[bad].kind), out->v[bad].date);
        ok = false;
    }
    return ok;
}
