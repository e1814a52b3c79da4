/* app_private: what the main loop (app.c) and the answers to its
 * questions (questions.c) share: the workbench's state, the stack of
 * views (the one in front on top) and the question being asked. The
 * views' states live here; the loop reaches them only through their ops
 * (ui/views.h). Not for other modules. */
#ifndef KIJUN_APP_PRIVATE_H
#define KIJUN_APP_PRIVATE_H
#include "ui/app.h"
#include "ui/views.h"
#include <stdbool.h>

enum ask { ASK_NONE, ASK_QUIT, ASK_COMMENTS, ASK_DELETE, ASK_RECOVER, ASK_DISCARD, ASK_WRITER };

struct app {
    const struct app_options *opt;
    struct session *s;
    struct vstack views;        /* the screens, the one in front on top */
    struct view_ctx vc;         /* what the views are given: the session, the stack */
    struct views v;             /* every screen's state, reached only through the stack */
    enum ask ask;
    char recover_question[800]; /* what the journal holds, for the recovery question */
    char question[1200];        /* the question asked, its answers' keys in it */
    char writer_question[512];  /* another program changed a file: r, o, b, Esc */
    bool writer_help;           /* ? explains the choices above the question */
    bool writer_asks;           /* it is the question of a save (else the reload's refusal) */
    bool quit_after_save;       /* the save that asked was the quit's */
    bool small_refused;         /* a key came while the terminal was too small: said */
    bool quit;
};
/* --- questions.c ---------------------------------------------------------- */

/* A message on the status line of the view in front. */
void app_say(struct app *a, bool error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* The message of the view in front: its buffer, its size, its error flag. */
char *app_message(struct app *a, size_t *size, bool **err);
/* The question being asked (a->ask), or NULL. */
const char *app_question(struct app *a);
/* A key while a y/n question is asked: y, n or Esc answers it. */
void app_answer(struct app *a, int key);
/* A key while another writer's question is asked: r, o, b, Esc, ? explains
 * (the keys of the action table's question screen). */
void app_answer_writer(struct app *a, int key);
/* The lines that explain another writer's question, with the keys in force. */
size_t app_writer_help(struct app *a, char out[][200], size_t n);
/* s: save, or ask first (comments) or say why not (read-only). */
void app_request_save(struct app *a);
/* Q: quit, asking first when there are unsaved changes. */
void app_request_quit(struct app *a);
/* What the opening of the workspace has to say; the offer of the journal's edits. */
void app_opening_notices(struct app *a);
#endif
