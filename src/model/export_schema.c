/* export_schema: the JSON Schema of the JSON export (export_json), made
 * from the same field tables (model/schema.h), so that the two describe
 * the same fields. */
#include "config.h"
#include "model/export.h"
#include "util/json.h"
#include <stdio.h>
#include <string.h>

/* A value is exported as it was read, in its field's type: one off its
 * range, its list or the calendar is a finding (in "findings"), so the
 * schema states those in words (the range, "examples") rather than as
 * conditions that such a file's export would fail. */
static void js_field(struct jw *w, const struct field_def *f)
{
    jw_open(w, f->key, '{');
    if (f->type == F_INT || f->type == F_DATE) {
        char d[300];
        if (f->type == F_INT)
            snprintf(d, sizeof d, "%s (%lld to %lld)", f->help, f->lo, f->hi);
        else
            snprintf(d, sizeof d, "%s (YYYY-MM-DD, a day that exists)", f->help);
        jw_str(w, "description", d);
    } else {
        jw_str(w, "description", f->help);
    }
    switch (f->type) {
    case F_INT: jw_str(w, "type", "integer"); break;
    case F_DATE: /* YYYY-MM-DD; one that is no date is exported as read, with its finding */
        jw_str(w, "type", "string");
        break;
    case F_BOOL: jw_str(w, "type", "boolean"); break;
    case F_ENUM:
        jw_str(w, "type", "string");
        jw_open(w, "examples", '[');
        for (const char *const *v = f->values; *v; v++)
            jw_str(w, NULL, *v);
        jw_close(w, ']');
        break;
    case F_REFLIST:
    case F_STRLIST:
        jw_str(w, "type", "array");
        jw_open(w, "items", '{');
        jw_str(w, "type", "string");
        jw_close(w, '}');
        break;
    default: jw_str(w, "type", "string"); break;
    }
    jw_close(w, '}');
}

/* The schema of a record of def (with the risk's computed values). */
static void js_record(struct jw *w, const char *key, const struct coll_def *def, bool computed)
{
    jw_open(w, key, '{');
    jw_str(w, "type", "object");
    jw_str(w, "description", def->label);
    jw_open(w, "properties", '{');
    if (def->has_id) {
        jw_open(w, "id", '{');
        jw_str(w, "type", "string");
        jw_close(w, '}');
    }
    for (size_t i = 0; i < def->nfields; i++)
        js_field(w, &def->fields[i]);
    if (computed) {
        jw_open(w, "computed", '{');
        jw_str(w, "$ref", "#/$defs/computed");
        jw_close(w, '}');
    }
    jw_close(w, '}');
    if (def->has_id) {
        jw_open(w, "required", '[');
        jw_str(w, NULL, "id");
        jw_close(w, ']');
    }
    jw_bool(w, "additionalProperties", false);
    jw_close(w, '}');
}

static void js_array(struct jw *w, const char *key, const char *def_name)
{
    char ref[80];
    snprintf(ref, sizeof ref, "#/$defs/%s", def_name);
    jw_open(w, key, '{');
    jw_str(w, "type", "array");
    jw_open(w, "items", '{');
    jw_str(w, "$ref", ref);
    jw_close(w, '}');
    jw_close(w, '}');
}

static void js_ref(struct jw *w, const char *key, const char *def_name)
{
    char ref[80];
    snprintf(ref, sizeof ref, "#/$defs/%s", def_name);
    jw_open(w, key, '{');
    jw_str(w, "$ref", ref);
    jw_close(w, '}');
}

static void js_type(struct jw *w, const char *key, const char *type)
{
    jw_open(w, key, '{');
    jw_str(w, "type", type);
    jw_close(w, '}');
}

/* The end of an object's schema: the properties required, no other. */
static void js_closed(struct jw *w, const char *const *required)
{
    jw_open(w, "required", '[');
    for (const char *const *r = required; *r; r++)
        jw_str(w, NULL, *r);
    jw_close(w, ']');
    jw_bool(w, "additionalProperties", false);
}

void export_json_schema(struct strbuf *out)
{
    struct jw w = {out, 1, true};
    sb_adds(out, "{");
    jw_str(&w, "$schema", "https://json-schema.org/draft/2020-12/schema");
    jw_str(&w, "$id", "https://kijun.invalid/export-1.schema.json");
    jw_str(&w, "title", "kijun export, version 1");
    jw_str(&w, "description", "The workspace as kijun export --format json writes it (man/kijun.5); "
                              "made from kijun's field tables.");
    jw_str(&w, "type", "object");
    jw_open(&w, "properties", '{');
    jw_open(&w, "kijun_export", '{');
    jw_int(&w, "const", EXPORT_JSON_VERSION);
    jw_close(&w, '}');
    js_ref(&w, "source", "source");
    jw_open(&w, "profile", '{');
    jw_str(&w, "type", "object");
    jw_open(&w, "properties", '{');
    js_ref(&w, profile_org_def.key, profile_org_def.key);
    js_ref(&w, profile_criteria_def.key, profile_criteria_def.key);
    for (int c = 0; c < COLL__COUNT; c++)
        js_array(&w, profile_coll_defs[c]->key, profile_coll_defs[c]->key);
    jw_close(&w, '}');
    {
        static const char *const req[] = {"organisation", "criteria", "roles", "governance", "services",
                                          "operations", "resources", "impact", "likelihood", NULL};
        js_closed(&w, req);
    }
    jw_close(&w, '}');
    jw_open(&w, "checklist", '{');
    jw_str(&w, "type", "object");
    jw_open(&w, "properties", '{');
    js_array(&w, checklist_def.key, "checklist_items");
    jw_close(&w, '}');
    {
        static const char *const req[] = {"items", NULL};
        js_closed(&w, req);
    }
    jw_close(&w, '}');
    js_array(&w, "rounds", "assessment_round");
    js_array(&w, "findings", "finding");
    jw_close(&w, '}');
    {
        static const char *const req[] = {"kijun_export", "source", "profile", "checklist", "rounds",
                                          "findings", NULL};
        js_closed(&w, req);
    }
    jw_open(&w, "$defs", '{');
    /* the source */
    jw_open(&w, "source", '{');
    jw_str(&w, "type", "object");
    jw_open(&w, "properties", '{');
    js_type(&w, "workspace", "string");
    js_type(&w, "round", "string");
    js_type(&w, "kijun", "string");
    js_type(&w, "exported_at", "string");
    jw_open(&w, "files", '{');
    jw_str(&w, "type", "array");
    jw_open(&w, "items", '{');
    jw_str(&w, "type", "object");
    jw_open(&w, "properties", '{');
    js_type(&w, "path", "string");
    jw_open(&w, "sha256", '{');
    jw_str(&w, "type", "string");
    jw_str(&w, "pattern", "^[0-9a-f]{64}$");
    jw_close(&w, '}');
    jw_close(&w, '}');
    {
        static const char *const req[] = {"path", "sha256", NULL};
        js_closed(&w, req);
    }
    jw_close(&w, '}');
    jw_close(&w, '}');
    jw_open(&w, "sha256", '{');
    jw_str(&w, "type", "string");
    jw_str(&w, "pattern", "^[0-9a-f]{64}$");
    jw_close(&w, '}');
    jw_close(&w, '}');
    {
        static const char *const req[] = {"workspace", "kijun", "files", "sha256", NULL};
        js_closed(&w, req);
    }
    jw_close(&w, '}');
    /* the records */
    js_record(&w, profile_org_def.key, &profile_org_def, false);
    js_record(&w, profile_criteria_def.key, &profile_criteria_def, false);
    for (int c = 0; c < COLL__COUNT; c++)
        js_record(&w, profile_coll_defs[c]->key, profile_coll_defs[c], false);
    js_record(&w, "checklist_items", &checklist_def, false);
    js_record(&w, "round_head", &round_head_def, false);
    for (int c = 0; c < RC__COUNT; c++) {
        char name[80];
        snprintf(name, sizeof name, "round_%s", round_coll_defs[c]->key);
        js_record(&w, name, round_coll_defs[c], c == RC_RISKS);
    }
    /* a round */
    jw_open(&w, "assessment_round", '{');
    jw_str(&w, "type", "object");
    jw_open(&w, "properties", '{');
    js_type(&w, "name", "string");
    js_ref(&w, round_head_def.key, "round_head");
    for (int c = 0; c < RC__COUNT; c++) {
        char name[80];
        snprintf(name, sizeof name, "round_%s", round_coll_defs[c]->key);
        js_array(&w, round_coll_defs[c]->key, name);
    }
    jw_close(&w, '}');
    {
        const char *req[RC__COUNT + 3] = {"name", "round"};
        for (int c = 0; c < RC__COUNT; c++)
            req[2 + c] = round_coll_defs[c]->key;
        js_closed(&w, req);
    }
    jw_close(&w, '}');
    /* a risk's computed values */
    jw_open(&w, "computed", '{');
    jw_str(&w, "type", "object");
    jw_open(&w, "properties", '{');
    js_type(&w, "inherent_value", "integer");
    js_type(&w, "residual_value", "integer");
    jw_open(&w, "inherent_band", '{');
    jw_str(&w, "$ref", "#/$defs/band");
    jw_close(&w, '}');
    jw_open(&w, "band", '{');
    jw_str(&w, "$ref", "#/$defs/band");
    jw_close(&w, '}');
    js_type(&w, "over_threshold", "boolean");
    jw_close(&w, '}');
    {
        static const char *const req[] = {"band", "over_threshold", NULL};
        js_closed(&w, req);
    }
    jw_close(&w, '}');
    jw_open(&w, "band", '{');
    jw_open(&w, "enum", '[');
    for (int b = 0; b < BAND__COUNT; b++)
        jw_str(&w, NULL, band_name((enum band)b));
    jw_close(&w, ']');
    jw_close(&w, '}');
    /* a finding */
    jw_open(&w, "finding", '{');
    jw_str(&w, "type", "object");
    jw_open(&w, "properties", '{');
    jw_open(&w, "severity", '{');
    jw_open(&w, "enum", '[');
    jw_str(&w, NULL, "error");
    jw_str(&w, NULL, "warning");
    jw_close(&w, ']');
    jw_close(&w, '}');
    js_type(&w, "file", "string");
    jw_open(&w, "line", '{');
    jw_str(&w, "type", "integer");
    jw_int(&w, "minimum", 1);
    jw_close(&w, '}');
    js_type(&w, "text", "string");
    jw_close(&w, '}');
    {
        static const char *const req[] = {"severity", "file", "text", NULL};
        js_closed(&w, req);
    }
    jw_close(&w, '}');
    jw_close(&w, '}');
    sb_adds(out, "\n}\n");
}
