/* session: the open workspace. It owns the documents (the profile, the
 * checklist and each round), counts the edits of each, keeps the named
 * changes since the last save and the text being typed in an open field
 * (the draft), holds the lock and the read-only state, writes the
 * recovery journal when a counter moved, and saves. Screens read the
 * documents, change them only through core/edits.h, and learn of changes
 * from the generation number: nothing is compared to find out. */
#ifndef KIJUN_SESSION_H
#define KIJUN_SESSION_H
#include "core/changes.h"
#include "model/library.h"
#include "model/profile.h"
#include "store/lock.h"
#include "store/stamp.h"
#include "store/workspace.h"
#include <stdbool.h>

/* One document: a file of the workspace. "Modified" is edits != saved. */
struct doc {
    const char *name;        /* workspace-relative: "profile.cfg", "assessments/2026.cfg" */
    unsigned long edits;     /* every edit adds one */
    unsigned long saved;     /* edits at the last load or save */
    unsigned long journaled; /* edits the journal holds */
    bool on_disk;            /* false: made in this session, not saved yet */
    struct file_stamp stamp; /* the file as loaded or last saved (core/conflict.h) */
    bool conflict;           /* its file was changed by another program */
    bool upgrade;            /* read from an older file and filled in (round_migrate):
                                the next save writes it, though nothing was edited */
    bool base_journaled;     /* the journal knows the file its edits began on */
    bool restored_over;      /* edits restored from the journal onto a file another
                                program changed since: a save asks (conflict) */
};

struct round_doc {
    struct round r;
    struct doc d;
    char name[80];           /* storage of d.name */
    unsigned long settled;   /* d.edits + 1 when core_round_settle last looked */
    bool unreadable;         /* its file could not be read: no rule speaks of it */
    bool fresh;              /* made in this session, never saved, no file of its name */
};

/* The text being typed into a field, before Enter: core state, so that
 * the journal can keep it. */
struct draft {
    bool open;
    struct docchange where;     /* CH_SET of the field; v unused */
    char *text;
    unsigned long edits, journaled;
    long long pending_since;  /* when its text first differed from the journal's (ms) */
    bool in_journal;         /* the journal holds a draft (to drop once closed) */
};

struct session {
    const struct library *lib;
    char *dir;
    char *label;                  /* shown on the status line */
    bool demo;                    /* a private copy, removed on close */
    struct profile profile;
    struct checklist checklist;
    struct doc pdoc, cdoc;
    struct ws_file pinfo, cinfo;
    struct round_doc **rounds;    /* assessments/NAME.cfg; never moved by an edit */
    size_t nrounds;
    unsigned long gen;            /* moves with every edit of any document */
    struct round *flat;           /* shallow copies of the rounds in one array, */
    size_t nflat;                 /* for the model's rules; as of flat_gen */
    unsigned long flat_gen;
    struct change_log log;        /* the edits since the last save */
    struct draft draft;
    bool pending;                 /* opened deferred: rounds, lock, recovery to come */
    bool viewer;                  /* opened to read only (session_open_viewer): no lock
                                     taken, no journal looked at, nothing written */
    /* rounds deleted or renamed since the last save: the names whose
     * file moves to NAME.cfg~ on save (core/rounds.h); counted, so that
     * the journal writes the list only when it moved */
    struct strlist retired;
    unsigned long retired_edits, retired_journaled;
    /* what each retired round's file was when kijun read it, so that the
     * save notices another program's change before it moves the file */
    struct retired_stamp { char *name; struct file_stamp st; } *retired_stamps;
    size_t nretired_stamps;
    struct strlist journal_stale; /* journal copies to drop (old names) */
    bool rounds_have_comments;
    bool read_only;
    char why_read_only[512];
    bool comments_ok;             /* the user agreed to drop comments */
    struct ws_lock lock;
    struct diag_list diags;       /* findings of the last load or save */
    struct diag_list read_diags;  /* what reading the files found when they opened */
    char findings_key[16];        /* the key that shows the findings (the UI's), for the
                                     save's message; "": it names kijun check */
    char notice[600];             /* said once when the workbench opens */
    char recovery_note[800];      /* after session_recover: what could not go back */
    char journal_error[600];      /* the recovery copy could not be written */
    unsigned journal_error_gen;   /* moves at each failed journal write */
    struct doc *conflict;         /* the last save stopped at this document: changed on disk */
    char conflict_notice[300];    /* the file whose change on disk a journal write noticed, to be said */
    /* unsaved edits of a lost session, found in the journal at start */
    struct {
        bool available;
        bool has_profile, has_checklist;
        struct profile profile;
        struct checklist checklist;
        struct round *rounds;     /* rounds that differ from disk (or are new) */
        size_t nrounds;
        struct strlist retired;   /* rounds deleted or renamed, not saved */
        bool has_draft;           /* text that was being typed */
        struct docchange draft;      /* where it goes, with the text as v */
        char summary[600];        /* what they are, for the question */
    } rec;
};

/* Open the workspace in dir (NULL: no workspace). Never fails: a file
 * that cannot be read makes the session read-only, with the reason. */
void session_open(struct session *s, const struct library *lib, const char *dir,
                  const char *label, bool demo);
/* The same for a command that only reads (kijun export): read-only from
 * the start, so that nothing is written in the folder (no lock file, no
 * journal cleared) and a workbench editing it is not disturbed. */
void session_open_viewer(struct session *s, const struct library *lib, const char *dir);
/* The same in two halves, so that the first screen does not wait for the
 * rounds: the profile and checklist now; the rounds (progress is told
 * before each file), the read-only decision, the lock and the journal's
 * offer when session_open_finish is called. Nothing can be edited or
 * saved in between. */
typedef void (*session_progress_fn)(void *ctx, const char *round, size_t i, size_t n);
void session_open_deferred(struct session *s, const struct library *lib, const char *dir,
                           const char *label, bool demo);
void session_open_finish(struct session *s, session_progress_fn progress, void *ctx);
/* For the workbench: session_open_deferred, but everything at once when
 * the journal holds something, so that its offer is on the first screen
 * and no key typed at that screen meets the question unseen. */
void session_open_screen(struct session *s, const struct library *lib, const char *dir,
                         const char *label, bool demo);
void session_close(struct session *s);
/* Add a round document (made by round_doc_new); returns its index. */
struct round_doc *round_doc_new(const char *name, bool on_disk);
size_t session_add_round(struct session *s, struct round_doc *rd);
/* The rounds as one array (shallow copies, valid until the next edit),
 * for the model's rules that take the workspace's rounds. */
const struct round *session_rounds_flat(struct session *s);
/* Every finding of the one validation over the documents as they are
 * in the workbench (model/validate.h). */
struct findings;
void session_findings(struct session *s, struct findings *out);
/* Unsaved edits in any document (a comparison of counters). */
bool session_modified(const struct session *s);
bool doc_modified(const struct doc *d);
/* Whether a save writes d: modified, or to be upgraded. */
bool doc_to_write(const struct doc *d);
/* The document a round belongs to, or the profile's for NULL. */
struct doc *session_doc(struct session *s, const struct round *r);
/* Does saving need the user's word first (comments would be dropped)? */
bool session_save_needs_consent(const struct session *s);
/* Today as YYYY-MM-DD ($KIJUN_TODAY when set, for tests and workshops). */
void session_today(char out[11]);
/* Keep the recovery journal in step with the edits: a document whose
 * counter moved since the journal last saw it is written there (or
 * dropped, when it is as saved). Work only for what moved. The draft is
 * written when `idle` (no key for a moment, or a signal), or when it has
 * waited DRAFT_DELAY_MS; now_ms is a monotonic clock. */
#define DRAFT_DELAY_MS 700
void session_journal(struct session *s, long long now_ms, bool idle);
/* Is there a draft the journal does not hold yet? */
bool session_draft_pending(const struct session *s);
/* core/recovery.c: look in the journal for a lost session's edits (when
 * the workspace opens), and forget what was found. */
void session_find_recovery(struct session *s);
void session_recovery_free(struct session *s);
/* Take the recovered edits (yes) or throw them away (no). */
void session_recover(struct session *s, bool yes);
/* Throw the journal away (quitting without saving). */
void session_discard(struct session *s);
/* Save what changed; msg tells the user what happened. When a modified
 * document's file was changed by another program (core/conflict.h),
 * nothing is written: false, with s->conflict set to that document and
 * msg the question to ask. */
bool session_save(struct session *s, char *msg, size_t size);
/* Whether the session still holds the lock of the folder at its path: a
 * folder re-created there (a fresh clone, a restored copy) is locked anew
 * when no other kijun holds it; else an error in dl says who or what, and
 * nothing may be written. Every save and journal write asks first. */
bool session_hold_lock(struct session *s, struct diag_list *dl);
/* Save one document when it is modified, without asking about its file
 * (the overwrite of core/conflict.h); takes its stamp again. */
bool session_save_doc(struct session *s, struct doc *d, bool *unchanged);
/* Drop the log's changes of the documents no longer modified. */
void session_log_keep_unsaved(struct session *s);
#endif
