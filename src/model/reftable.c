/* reftable: the seed's reference tables as generic records. */
#include "config.h"
#include "model/reftable.h"
#include "util/xalloc.h"
#include <stdlib.h>
#include <string.h>

struct ref_field *ref_field_add(struct ref_item *item, const char *name, enum ref_type type)
{
    item->fields = xrealloc(item->fields, (item->nfields + 1) * sizeof *item->fields);
    struct ref_field *f = &item->fields[item->nfields++];
    memset(f, 0, sizeof *f);
    f->name = xstrdup(name);
    f->type = type;
    return f;
}

const struct ref_field *ref_field_get(const struct ref_item *item, const char *name)
{
    for (size_t i = 0; i < item->nfields; i++)
        if (strcmp(item->fields[i].name, name) == 0)
            return &item->fields[i];
    return NULL;
}

const char *ref_text(const struct ref_item *item, const char *name, enum lang lang)
{
    const struct ref_field *f = ref_field_get(item, name);
    if (!f)
        return "";
    if (f->type == REF_TEXT)
        return text_get(&f->t, lang);
    if (f->type == REF_STRING)
        return f->s;
    return "";
}

long long ref_int(const struct ref_item *item, const char *name, long long dflt)
{
    const struct ref_field *f = ref_field_get(item, name);
    return f && f->type == REF_INT ? f->i : dflt;
}

const struct ref_item *ref_table_item(const struct ref_table *t, const char *id)
{
    for (size_t i = 0; i < t->n; i++)
        if (strcmp(t->items[i].id, id) == 0)
            return &t->items[i];
    return NULL;
}

static void field_free(struct ref_field *f)
{
    free(f->name);
    free(f->s);
    text_free(&f->t);
    for (size_t i = 0; f->type == REF_TEXT_LIST && i < f->n; i++)
        text_free(&f->texts[i]);
    free(f->texts);
    for (size_t i = 0; f->type == REF_STRING_LIST && i < f->n; i++)
        free(f->strs[i]);
    free(f->strs);
    for (size_t i = 0; f->type == REF_ITEMS && i < f->n; i++)
        ref_item_free(&f->items[i]);
    free(f->items);
}

void ref_item_free(struct ref_item *item)
{
    free(item->id);
    text_free(&item->title);
    for (size_t i = 0; i < item->nfields; i++)
        field_free(&item->fields[i]);
    free(item->fields);
    memset(item, 0, sizeof *item);
}

void ref_table_free(struct ref_table *t)
{
    ref_item_free(&t->head);
    for (size_t i = 0; i < t->n; i++)
        ref_item_free(&t->items[i]);
    free(t->items);
    free(t->file);
    lineage_free(&t->lineage);
    free(t);
}
