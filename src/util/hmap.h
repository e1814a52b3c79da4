/* hmap: a string-keyed hash map to indices (open addressing). Keys are
 * borrowed, not copied: they must outlive the map. */
#ifndef KIJUN_HMAP_H
#define KIJUN_HMAP_H
#include <stdbool.h>
#include <stddef.h>

struct hmap_slot {
    const char *key;
    size_t value;
};

struct hmap {
    struct hmap_slot *slots;
    size_t cap;   /* power of two, or 0 */
    size_t n;
    bool owns_keys;   /* copy keys on insert and free them with the map */
};

/* Insert key; returns false (and leaves the map) when the key exists,
 * with its value in *existing when that is not NULL. */
bool hmap_put(struct hmap *m, const char *key, size_t value, size_t *existing);
bool hmap_get(const struct hmap *m, const char *key, size_t *value);
void hmap_free(struct hmap *m);
#endif
