/* export_csv: a round's risk register as CSV for a spreadsheet. */
#include "config.h"
#include "model/export.h"
#include "model/snapshot.h"
#include <stdio.h>
#include <string.h>

void export_csv_cell(struct strbuf *out, const char *text)
{
    const char *s = text ? text : "";
    /* against formula injection: a cell a spreadsheet would compute */
    bool neutral = strchr("=+-@\t\r", *s) && *s;
    bool quote = neutral || strpbrk(s, ",\"\r\n") != NULL;
    if (quote)
        sb_addc(out, '"');
    if (neutral)
        sb_addc(out, '\'');
    for (; *s; s++) {
        if (*s == '"')
            sb_addc(out, '"');
        sb_addc(out, *s);
    }
    if (quote)
        sb_addc(out, '"');
}

/* A number; a negative one is a cell that begins with '-': neutralised. */
static void cell_int(struct strbuf *out, long long v)
{
    char n[32];
    snprintf(n, sizeof n, "%lld", v);
    if (v)
        export_csv_cell(out, n);
}

static const char *const columns[] = {
    "id", "title", "service", "resource", "threat",
    "inherent_impact", "inherent_likelihood", "inherent_value", "inherent_band",
    "impact", "likelihood", "residual_value", "band",
    "decision", "owner", "measures", "due", "accepted_by", "accepted_on", "note",
};
#define NCOLUMNS (sizeof columns / sizeof *columns)

void export_csv(struct strbuf *out, const struct round *r, const struct profile *p,
                const struct library *lib, enum lang lang, bool bom)
{
    if (bom)
        sb_adds(out, "\xEF\xBB\xBF");
    for (size_t c = 0; c < NCOLUMNS; c++) {
        if (c)
            sb_addc(out, ',');
        sb_adds(out, columns[c]);
    }
    sb_adds(out, "\r\n");
    const struct collection *rk = &r->c[RC_RISKS];
    long long t = round_threshold(r), max = round_max(r, p);
    for (size_t i = 0; i < rk->n; i++) {
        const struct record *x = &rk->r[i];
        if (record_is_kept_entry(x))
            continue;
        const struct ref_item *threat = *rec_str(x, RISK_THREAT)
                                      ? library_ref_item(lib, "threats", rec_str(x, RISK_THREAT)) : NULL;
        long long inh = risk_inherent(r, x), res = risk_residual(r, x);
        export_csv_cell(out, x->id);
        sb_addc(out, ',');
        export_csv_cell(out, rec_str(x, RISK_TITLE));
        sb_addc(out, ',');
        export_csv_cell(out, *rec_str(x, RISK_SERVICE) ? round_ref_name(r, p, "services", rec_str(x, RISK_SERVICE), NULL) : "");
        sb_addc(out, ',');
        export_csv_cell(out, *rec_str(x, RISK_RESOURCE) ? round_ref_name(r, p, "resources", rec_str(x, RISK_RESOURCE), NULL) : "");
        sb_addc(out, ',');
        export_csv_cell(out, threat ? text_get(&threat->title, lang) : rec_str(x, RISK_THREAT));
        sb_addc(out, ',');
        cell_int(out, rec_int(x, RISK_INHERENT_IMPACT, 0));
        sb_addc(out, ',');
        cell_int(out, rec_int(x, RISK_INHERENT_LIKELIHOOD, 0));
        sb_addc(out, ',');
        cell_int(out, inh);
        sb_addc(out, ',');
        if (inh)
            sb_adds(out, band_name(band_of(inh, t, max)));
        sb_addc(out, ',');
        cell_int(out, rec_int(x, RISK_IMPACT, 0));
        sb_addc(out, ',');
        cell_int(out, rec_int(x, RISK_LIKELIHOOD, 0));
        sb_addc(out, ',');
        cell_int(out, res);
        sb_addc(out, ',');
        sb_adds(out, band_name(band_of(res, t, max)));
        static const int tail[] = {RISK_DECISION, RISK_OWNER, RISK_MEASURES, RISK_DUE,
                                   RISK_ACCEPTED_BY, RISK_ACCEPTED_ON, RISK_NOTE};
        for (size_t k = 0; k < sizeof tail / sizeof *tail; k++) {
            sb_addc(out, ',');
            export_csv_cell(out, rec_str(x, tail[k]));
        }
        sb_adds(out, "\r\n");
    }
}
