/* reftable: the seed's reference tables (threat catalogues, roles, CIS
 * Controls, ...) as generic records: an id, a bilingual title and typed
 * fields. Later screens read them by field name. */
#ifndef KIJUN_REFTABLE_H
#define KIJUN_REFTABLE_H
#include "model/lineage.h"
#include "model/text.h"
#include <stdbool.h>
#include <stddef.h>

enum ref_type { REF_STRING, REF_INT, REF_BOOL, REF_TEXT, REF_TEXT_LIST, REF_STRING_LIST, REF_ITEMS };

struct ref_item;

struct ref_field {
    char *name;
    enum ref_type type;
    char *s;                       /* REF_STRING */
    long long i;                   /* REF_INT */
    bool b;                        /* REF_BOOL */
    struct text t;                 /* REF_TEXT */
    struct text *texts;            /* REF_TEXT_LIST */
    char **strs;                   /* REF_STRING_LIST */
    struct ref_item *items;        /* REF_ITEMS */
    size_t n;                      /* length of the list */
};

struct ref_item {
    char *id;
    struct text title;
    struct ref_field *fields;
    size_t nfields;
    int line;
};

struct ref_table {
    struct ref_item head;          /* the `table` group: id, title, fields */
    struct ref_item *items;
    size_t n;
    char *file;
    struct lineage lineage;        /* the table group's `lineage`, may be empty */
};

struct ref_field *ref_field_add(struct ref_item *item, const char *name, enum ref_type type);
const struct ref_field *ref_field_get(const struct ref_item *item, const char *name);
/* A text field's value, or "" */
const char *ref_text(const struct ref_item *item, const char *name, enum lang lang);
long long ref_int(const struct ref_item *item, const char *name, long long dflt);
const struct ref_item *ref_table_item(const struct ref_table *t, const char *id);
void ref_item_free(struct ref_item *item);
void ref_table_free(struct ref_table *t);
#endif
