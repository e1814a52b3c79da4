/* fields.h: for the Criterion tests that build records by the names of
 * their settings, as a file has them (the code names fields by their
 * indices, model/schema.h). Include after <criterion/criterion.h>. */
#ifndef KIJUN_TEST_FIELDS_H
#define KIJUN_TEST_FIELDS_H
#include "model/record.h"

/* The index of the setting key of def; the test fails when def has none. */
static inline int field_of(const struct coll_def *def, const char *key)
{
    int i = field_index(def, key);
    cr_assert_geq(i, 0, "%s has no field %s", def->key, key);
    return i;
}

static inline struct value *value_of(struct record *r, const struct coll_def *def, const char *key)
{
    return &r->v[field_of(def, key)];
}
#endif
