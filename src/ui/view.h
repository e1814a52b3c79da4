/* view: the interface every screen of the workbench offers the main loop
 * (an ops table, as tig's views have) and the stack of screens: the one
 * in front is on top, q takes it off and shows the one below. The main
 * loop knows no view's insides: it draws, asks and acts through the ops.
 * No curses here: the stack is tested alone (tests/unit/test_view.c). */
#ifndef KIJUN_VIEW_H
#define KIJUN_VIEW_H
#include "ui/actions.h"
#include <stdbool.h>
#include <stddef.h>

struct session;
struct vstack;

/* What every view is given: the workspace and the stack (to bring
 * another view to the front, or to find it). */
struct view_ctx {
    struct session *s;
    struct vstack *st;
};

struct view_ops {
    const char *name;                          /* "guideline", "profile"... */
    /* the screen whose bindings are in force now (a prompt, a pick list...) */
    enum view (*screen)(struct view_ctx *c, void *self);
    /* brought to the front (pushed); may be NULL */
    void (*open)(struct view_ctx *c, void *self);
    /* the whole screen but the key bar (rows - 1), the cursor left where
     * the view wants it when cursor() says so */
    void (*draw)(struct view_ctx *c, void *self, int rows, int cols);
    /* where the cursor goes: true when the view shows the text cursor
     * (a prompt or field is open), where its draw() left it; false: hidden */
    bool (*cursor)(struct view_ctx *c, void *self);
    /* an action of the screen: false when it was not for this view (BACK
     * then takes the view off the stack) */
    bool (*act)(struct view_ctx *c, void *self, enum action a);
    /* text typed or pasted into the view's open prompt or field */
    void (*input)(struct view_ctx *c, void *self, const char *utf8);
    /* taken off the stack; may be NULL */
    void (*close)(struct view_ctx *c, void *self);
    /* the view's name for breadcrumbs and the help's title (translated) */
    const char *(*title)(struct view_ctx *c, void *self);
    /* the view's message line: its buffer, size and error flag */
    char *(*message)(struct view_ctx *c, void *self, size_t *size, bool **err);
    /* a yes/no question the view asks (delete...), or NULL; its answer.
     * Both may be NULL for a view that asks none. */
    const char *(*question)(struct view_ctx *c, void *self);
    void (*answer)(struct view_ctx *c, void *self, enum answer ans);
};

#define VIEW_MAX 8

struct view_entry {
    const struct view_ops *ops;
    void *self;
};

/* A view pushed to show something of another (a finding's item) goes
 * back by itself once until() says it was left there. */
struct view_slot {
    size_t view;                       /* index into reg */
    bool (*until)(struct view_ctx *c, void *ctx);
    void *ctx;
};

struct vstack {
    struct view_entry reg[VIEW_MAX];   /* every view the workbench has */
    size_t nreg;
    struct view_slot slot[VIEW_MAX];   /* the stack, bottom first; a view is in it once but for visits */
    size_t n;
};

/* Make a view known (before it is pushed). */
void vstack_register(struct vstack *st, const struct view_ops *ops, void *self);
/* The registered view with these ops, or NULL. */
void *vstack_self(const struct vstack *st, const struct view_ops *ops);
/* Bring the view to the front: pushed, or, when it is already on the
 * stack, moved from its place to the top (each view is there once, so q
 * goes back to the screen it was opened from). Calls its open(). False
 * when it is not registered. */
bool vstack_push(struct vstack *st, struct view_ctx *c, const struct view_ops *ops);
/* A visit: the view pushed even when it is lower on the stack already (a
 * finding's item in the browser the findings were opened from: q comes
 * back to the findings, and q again to the browser), going back by
 * itself when until(c, ctx) holds (until may be NULL). */
bool vstack_push_until(struct vstack *st, struct view_ctx *c, const struct view_ops *ops,
                       bool (*until)(struct view_ctx *c, void *ctx), void *ctx);
/* Take the view in front off and call its close(): false (nothing done)
 * when it is the last one (going back from there is quitting). */
bool vstack_pop(struct vstack *st, struct view_ctx *c);
/* The view in front (NULL before the first push), and one under it. The
 * stack holds VIEW_MAX screens: beyond, the oldest is forgotten. */
const struct view_entry *vstack_top(const struct vstack *st);
const struct view_entry *vstack_at(const struct vstack *st, size_t depth_from_top);
size_t vstack_depth(const struct vstack *st);
/* After an action of the view in front: it goes back by itself when it
 * was pushed with until() and that holds. True when it went back. */
bool vstack_settle(struct vstack *st, struct view_ctx *c);
#endif
