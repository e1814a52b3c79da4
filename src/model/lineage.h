/* lineage: an edition's (or a handbook's) history as the public record
 * gives it: dated events (drafted, decided, revised, in force,
 * superseded, abolished), each with its source and confidence, and the
 * status those events give on a day. Dates may be partial (YYYY or
 * YYYY-MM). Pure data, no I/O: "today" is always a parameter. */
#ifndef KIJUN_LINEAGE_H
#define KIJUN_LINEAGE_H
#include "model/text.h"
#include <stdbool.h>
#include <stddef.h>

/* Statuses. The first four may be declared in a file (`status`); the
 * last two are only computed from a lineage. */
enum edition_status {
    STATUS_DRAFT, STATUS_IN_FORCE, STATUS_SUPERSEDED, STATUS_ABOLISHED,
    STATUS_NOT_YET,      /* no event of its lineage has happened yet */
    STATUS_DECIDED,      /* decided, its in-force date still ahead */
    STATUS__COUNT
};
#define STATUS__DECLARED 4

/* How sure the record is: P = primary text quoted, S+ = several
 * secondary sources agree, S = one secondary source. */
enum confidence { CONF_NONE, CONF_P, CONF_SPLUS, CONF_S, CONF__COUNT };

enum lin_event_kind {
    EV_DRAFTED, EV_DECIDED, EV_REVISED, EV_IN_FORCE, EV_SUPERSEDED, EV_ABOLISHED, EV__COUNT
};

/* A date as the record gives it: year, month (0 = not given) and day
 * (0 = not given). */
struct lin_date {
    int y, m, d;
};

struct lin_event {
    enum lin_event_kind kind;
    char *date;               /* as written: "2019", "2019-05", "2018-04-04" */
    struct lin_date when;
    char *by;                 /* id of the successor edition, or NULL */
    struct text by_title;     /* the successor named when it is no entry */
    struct text note;         /* optional */
    char *source;             /* as written; in English where the file gives both */
    char *source_ja;          /* the Japanese where the file gives it, or NULL */
    enum confidence conf;
    int line;
};

struct lineage {
    struct lin_event *v;
    size_t n, cap;
};

/* Parse a date "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a real day: months
 * 1-12, days of that month, leap years). */
bool lin_date_parse(const char *s, struct lin_date *out);
/* Whether an event dated d has happened on the day today: a partial date
 * counts from the first day of its year or month. */
bool lin_date_reached(const struct lin_date *d, const struct lin_date *today);
/* <0, 0, >0 comparing the first days of a and b. */
int lin_date_cmp(const struct lin_date *a, const struct lin_date *b);

/* Adds an event (copies the strings); returns it for the optional fields. */
struct lin_event *lineage_add(struct lineage *l, enum lin_event_kind kind, const char *date,
                              const char *source, enum confidence conf);
void lineage_free(struct lineage *l);
/* The index of the first event out of date order, or (size_t)-1. */
size_t lineage_order_error(const struct lineage *l);

/* The status on the day today ("YYYY-MM-DD"): `declared` when the
 * lineage is empty (or today is no date); otherwise the last event
 * reached decides it (drafted: draft; decided: in force, or decided
 * until an in-force event; in force; superseded; abolished; revised:
 * no change), and before the first, "not yet" - unless the lineage
 * records no start (drafted, decided, in force), then in force. */
enum edition_status lineage_status(const struct lineage *l, enum edition_status declared,
                                   const char *today);
/* The event that ended it (superseded or abolished) by today, or NULL. */
const struct lin_event *lineage_end(const struct lineage *l, const char *today);
/* The first revision still ahead of today (a valid YYYY-MM-DD), or NULL:
 * on such a day the edition in force is not yet the revised text. */
const struct lin_event *lineage_revision_ahead(const struct lineage *l, const char *today);
/* A status said with a revision ahead of it, in out: "in force, not yet
 * revised" (the label of a revised text names the revision's year). */
void revision_ahead_say(char *out, size_t size, const char *status, enum lang lang);
/* The first event of a kind, or NULL. */
const struct lin_event *lineage_find(const struct lineage *l, enum lin_event_kind kind);

const char *status_name(enum edition_status s, enum lang lang);
/* A declared status ("draft", "in-force", "superseded", "abolished"), or -1. */
int status_parse(const char *s);
const char *confidence_code(enum confidence c);   /* "P", "S+", "S", "" */
const char *confidence_name(enum confidence c, enum lang lang);
int confidence_parse(const char *s);              /* or -1 */
const char *event_code(enum lin_event_kind k);
const char *event_name(enum lin_event_kind k, enum lang lang);
int event_parse(const char *s);                   /* or -1 */
#endif
