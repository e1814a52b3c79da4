/* session: the workspace being edited: its profile and checklist as on
 * disk and as edited, the lock, read-only state and saving. */
#ifndef KIJUN_SESSION_H
#define KIJUN_SESSION_H
#include "model/library.h"
#include "model/profile.h"
#include "store/lock.h"
#include "store/workspace.h"
#include <stdbool.h>

struct session {
    const struct library *lib;
    char *dir;
    char *label;                  /* shown on the status line */
    bool demo;                    /* a private copy, removed on close */
    struct profile profile, saved;
    struct checklist checklist, checklist_saved;
    struct ws_file pinfo, cinfo;
    struct round *rounds, *rounds_saved;  /* assessments/NAME.cfg */
    bool *round_new;              /* made in this session, not on disk yet */
    size_t nrounds;
    bool rounds_have_comments;
    bool read_only;
    char why_read_only[512];
    bool comments_ok;             /* the user agreed to drop comments */
    struct ws_lock lock;
    struct diag_list diags;       /* findings of the last load or save */
    char notice[600];             /* said once when the workbench opens */
    char journal_error[600];      /* the recovery copy could not be written */
    /* unsaved edits of a lost session, found in the journal at start */
    struct {
        bool available;
        bool has_profile, has_checklist;
        struct profile profile;
        struct checklist checklist;
        struct round *rounds;     /* rounds that differ from disk (or are new) */
        size_t nrounds;
        char summary[600];        /* what they are, for the question */
    } rec;
};

/* Open the workspace in dir (NULL: no workspace). Never fails: a file
 * that cannot be read makes the session read-only, with the reason. */
void session_open(struct session *s, const struct library *lib, const char *dir,
                  const char *label, bool demo);
void session_close(struct session *s);
bool session_modified(const struct session *s);
/* Does saving need the user's word first (comments would be dropped)? */
bool session_save_needs_consent(const struct session *s);
/* A new round named name: a copy of copy_from (or NULL for one made
 * from the profile's criteria) dated today. Returns its index, or
 * (size_t)-1 with a message (a bad or used name). */
size_t session_new_round(struct session *s, const char *name, const struct round *copy_from,
                         const char *today, char *msg, size_t size);
/* Today as YYYY-MM-DD ($KIJUN_TODAY when set, for tests and workshops). */
void session_today(char out[11]);
/* Keep the recovery journal in step with the edits: every document that
 * differs from disk is written there; the others are dropped. */
void session_journal(struct session *s);
/* Take the recovered edits (yes) or throw them away (no). */
void session_recover(struct session *s, bool yes);
/* Throw the journal away (quitting without saving). */
void session_discard(struct session *s);
/* Save what changed; msg tells the user what happened. */
bool session_save(struct session *s, char *msg, size_t size);
#endif
