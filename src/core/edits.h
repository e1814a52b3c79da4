/* edits: every change to the open workspace, each a function named after
 * it. Each is made as a named change (core/changes.h): applied to the
 * document, kept in the session's log, counted in the document's edits
 * and in the session's generation, which is how screens learn of it. */
#ifndef KIJUN_EDITS_H
#define KIJUN_EDITS_H
#include "core/session.h"

/* Field `field` of record r to a copy of v. c is r's collection, or NULL
 * for a single record (organisation, criteria, a round's head). */
void core_set(struct session *s, struct doc *d, struct collection *c, struct record *r,
              const struct coll_def *def, size_t field, const struct value *v);
/* The same for a text (an empty one unsets the field), a number, a
 * yes/no, a list, or nothing (the field is cleared). */
void core_set_text(struct session *s, struct doc *d, struct collection *c, struct record *r,
                   const struct coll_def *def, size_t field, const char *text);
void core_set_int(struct session *s, struct doc *d, struct collection *c, struct record *r,
                  const struct coll_def *def, size_t field, long long i);
void core_set_bool(struct session *s, struct doc *d, struct collection *c, struct record *r,
                   const struct coll_def *def, size_t field, bool b);
void core_set_list(struct session *s, struct doc *d, struct collection *c, struct record *r,
                   const struct coll_def *def, size_t field, const struct strlist *l);
void core_clear(struct session *s, struct doc *d, struct collection *c, struct record *r,
                const struct coll_def *def, size_t field);
/* Add a copy of r to c; returns its index. */
size_t core_add(struct session *s, struct doc *d, struct collection *c, const struct record *r);
/* Delete entry i of c; returns how many references to it went with it. */
size_t core_delete(struct session *s, struct doc *d, struct collection *c, size_t i);
/* Take back entry i of c, added when d's counter became `since`: when
 * nothing was edited since and d was unmodified before the add, d is
 * unmodified again (an add left empty is no change). */
void core_take_back(struct session *s, struct doc *d, struct collection *c, size_t i, unsigned long since);
/* Move entry `from` of c to the place `to`. */
void core_move(struct session *s, struct doc *d, struct collection *c, size_t from, size_t to);

/* The draft: text typed into field `field` of r, before Enter. */
void core_draft_open(struct session *s, struct doc *d, struct collection *c, struct record *r,
                     const struct coll_def *def, size_t field, const char *text);
void core_draft_text(struct session *s, const char *text);
/* The draft of a field of an entry not made yet (the reason of a
 * reopening, typed before Enter makes it): journaled as any draft; after
 * a loss its text is said, having no entry to go to. */
void core_draft_open_new(struct session *s, struct doc *d, struct collection *c, size_t field);
void core_draft_close(struct session *s);
#endif
