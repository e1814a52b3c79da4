/* hmap: a string-keyed hash map to indices (open addressing, FNV-1a). */
#include "config.h"
#include "util/hmap.h"
#include "util/xalloc.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint64_t hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h;
}

static struct hmap_slot *find(struct hmap_slot *slots, size_t cap, const char *key)
{
    size_t i = (size_t)hash(key) & (cap - 1);
    while (slots[i].key && strcmp(slots[i].key, key) != 0)
        i = (i + 1) & (cap - 1);
    return &slots[i];
}

static void rehash(struct hmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 16;
    struct hmap_slot *slots = xcalloc(cap, sizeof *slots);
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].key)
            *find(slots, cap, m->slots[i].key) = m->slots[i];
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
}

bool hmap_put(struct hmap *m, const char *key, size_t value, size_t *existing)
{
    if ((m->n + 1) * 4 > m->cap * 3)
        rehash(m);
    struct hmap_slot *s = find(m->slots, m->cap, key);
    if (s->key) {
        if (existing)
            *existing = s->value;
        return false;
    }
    s->key = m->owns_keys ? xstrdup(key) : key;
    s->value = value;
    m->n++;
    return true;
}

bool hmap_get(const struct hmap *m, const char *key, size_t *value)
{
    if (!m->cap)
        return false;
    struct hmap_slot *s = find(m->slots, m->cap, key);
    if (!s->key)
        return false;
    if (value)
        *value = s->value;
    return true;
}

void hmap_free(struct hmap *m)
{
    for (size_t i = 0; m->owns_keys && i < m->cap; i++)
        free((char *)m->slots[i].key);
    free(m->slots);
    m->slots = NULL;
    m->cap = m->n = 0;
}
