/* record: schema-described records. One table of field definitions per
 * kind of record drives loading, checking, saving and the edit forms, so
 * that the four cannot disagree. Pure data, no I/O. */
#ifndef KIJUN_RECORD_H
#define KIJUN_RECORD_H
#include "util/hmap.h"
#include <stdbool.h>
#include <stddef.h>

enum ftype {
    F_STRING,      /* one line of text */
    F_INT,         /* integer within [lo, hi] */
    F_BOOL,
    F_ENUM,        /* one of values[] */
    F_REF,         /* the id of a record in `ref` (a collection or library table) */
    F_REFLIST,     /* ids of records in `ref` */
    F_STRLIST,     /* free strings */
    F_DATE,        /* a date YYYY-MM-DD */
};

struct field_def {
    const char *key;          /* setting name in the file */
    enum ftype type;
    const char *label;        /* untranslated UI label (N_) */
    const char *help;         /* one line of help (N_) */
    bool required;
    long long lo, hi;         /* F_INT range */
    const char *const *values;/* F_ENUM values, NULL-terminated */
    const char *ref;          /* F_REF/F_REFLIST: collection key or "lib:TABLE" */
};

struct coll_def {
    const char *key;          /* setting name: "services" */
    const char *label;        /* N_("Priority services") */
    const char *id_prefix;    /* for new ids: "svc-" */
    const struct field_def *fields;
    size_t nfields;
    bool has_id;              /* records carry an `id` (all but singletons) */
    const char *id_ref;       /* the id names a library item ("lib:TABLE"), or NULL */
    int name_field;           /* the field that names an entry in lists and
                                 messages (model/schema.h), -1 for none */
};

struct strlist {
    char **v;
    size_t n;
};

struct value {
    bool set;
    bool b;                   /* F_BOOL (beside set: no padding of its own; a
                                 round of 10,000 risks holds 190,000 values) */
    int line;                 /* where it was read, 0 when unknown (set in memory) */
    char *s;                  /* F_STRING, F_ENUM, F_REF */
    long long i;              /* F_INT */
    struct strlist list;      /* F_REFLIST, F_STRLIST */
};

struct record {
    char *id;
    struct value *v;          /* one per field of the definition */
    int line;                 /* where it was read, 0 when new */
    int id_line;              /* where its id was read, 0 when unknown */
    struct strlist kept;      /* the store's: settings of the group it did not
                                 understand (unknown, wrong type), as their text,
                                 written back unchanged; not part of equality */
};

/* An entry of a collection that is no group in its file ( 5 in
 * "services = ( 5 )"): the store keeps it whole as its only kept text,
 * marked by this leading character, and writes it back in its place. The
 * reader's finding says what is wrong with it: the rules skip it. */
#define RECORD_KEPT_ENTRY '='
bool record_is_kept_entry(const struct record *r);
/* Whether r keeps, unread, a setting named key: a value the reader could
 * not take (a wrong type, a control character), whose finding it made. */
bool record_keeps(const struct record *r, const char *key);
/* That kept setting as the file has it ('title = "..."'), or NULL: a
 * screen shows it (sanitised) rather than an empty or "required" value. */
const char *record_kept(const struct record *r, const char *key);

struct collection {
    const struct coll_def *def;
    struct record *r;
    size_t n, cap;
    struct hmap idx;          /* id -> index, rebuilt after a change */
    bool idx_ok;
};

void strlist_add(struct strlist *l, const char *s);
bool strlist_has(const struct strlist *l, const char *s);
void strlist_remove(struct strlist *l, const char *s);
void strlist_free(struct strlist *l);
void strlist_copy(struct strlist *dst, const struct strlist *src);
/* Add the parts of text between the separators, without the blanks
 * around them; empty parts are dropped ("a; b;" -> "a", "b"). */
void strlist_split(struct strlist *l, const char *text, char sep);

/* A deep copy of a value; the freeing of one (it is left unset). */
void value_copy(struct value *dst, const struct value *src);
void value_free(struct value *v);
/* Equal as a field of type t (an unset value equals any unset one). */
bool value_equal(const struct value *a, const struct value *b, enum ftype t);
void record_init(struct record *r, const struct coll_def *def);
void record_free(struct record *r, const struct coll_def *def);
void record_copy(struct record *dst, const struct record *src, const struct coll_def *def);
bool record_equal(const struct record *a, const struct record *b, const struct coll_def *def);
/* The index of the field named key (a setting read from a file, a
 * field named in the journal), -1 when def has none. Code names a field
 * by its index of model/schema.h instead. */
int field_index(const struct coll_def *def, const char *key);
/* Field f of r (an index of model/schema.h, or a def's name_field): its
 * text, "" when unset or f is -1; its number, dflt when unset. */
static inline const char *rec_str(const struct record *r, int f)
{
    return f >= 0 && r->v[f].set && r->v[f].s ? r->v[f].s : "";
}
static inline long long rec_int(const struct record *r, int f, long long dflt)
{
    return f >= 0 && r->v[f].set ? r->v[f].i : dflt;
}

/* Add a record (copied fields are moved in); returns its index. */
size_t coll_add(struct collection *c, struct record *r);
/* Reverse the order of the records from index from on (a reader that
 * took them from the end). */
void coll_reverse(struct collection *c, size_t from);
void coll_remove(struct collection *c, size_t i);
void coll_move(struct collection *c, size_t from, size_t to);
struct record *coll_find(const struct collection *c, const char *id);
/* Build the id index now (coll_find builds it when first needed); a
 * shallow copy of an indexed collection shares its index. */
void coll_index(const struct collection *c);
/* A fresh id "PREFIX1", "PREFIX2", ... not used in c. New string. */
char *coll_new_id(const struct collection *c);
void coll_free(struct collection *c);

bool enum_valid(const struct field_def *f, const char *s);
/* An id: 1..max ASCII letters, digits, '.', '-' or '_'. */
bool id_syntax_ok(const char *s, size_t max);
/* A calendar date YYYY-MM-DD: ASCII digits, year 0001-9999, month 1-12,
 * a day the month has (29 February in leap years only). */
bool date_valid(const char *s);
/* Display text of a value for lists: "12", "yes", "a, b". New string. */
char *value_format(const struct value *v, const struct field_def *f);
/* A value without content: unset, an empty text, a list of no item. */
/* A value is empty when it is not set, an empty list, or a text of
 * blanks only (spaces, tabs, line ends, the ideographic space): a title
 * or an owner of spaces is none. text_blank is that test of a text. */
bool value_empty(const struct field_def *f, const struct value *v);
bool text_blank(const char *s);
/* Field `field` of r (of def) holds a value: !value_empty. */
bool rec_has(const struct record *r, const struct coll_def *def, int field);
/* A required field of r left without content (the one rule of kijun
 * check, the lists and the question on leaving a new entry). */
bool field_missing(const struct coll_def *def, const struct record *r, size_t field);
/* No required field of r is missing. */
bool record_complete(const struct coll_def *def, const struct record *r);

/* A field as text to edit, and the text typed back into a value: the one
 * pair of each type (a number "12"; free strings "a; b", split at ';'; a
 * date YYYY-MM-DD that exists; other types as their text). An empty text,
 * or a list of no item, gives an unset value. value_parse leaves out unset
 * when the text is no value of the field. */
enum value_parse { VP_OK, VP_BAD_NUMBER /* no whole number in [lo, hi] */, VP_BAD_DATE };
char *value_edit_text(const struct value *v, const struct field_def *f);
enum value_parse value_parse(const struct field_def *f, const char *text, struct value *out);
/* The same with a number's range narrowed to [lo, hi] (model/rules.h's
 * field_range: the scale's levels, the rule's highest value). */
enum value_parse value_parse_in(const struct field_def *f, const char *text, long long lo, long long hi,
                                struct value *out);
#endif
