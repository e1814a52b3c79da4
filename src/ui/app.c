/* app: the workbench's main loop: the terminal set up and restored,
 * signals, keys, pastes and clicks dispatched to the view in front or to
 * the question asked, one doupdate() per key. The answers to the
 * questions are in questions.c; what both share, in app_private.h. */
#include "config.h"
#include "ui/app_private.h"
#include "ui/actions.h"
#include "ui/draw.h"
#include "ui/frame.h"
#include "ui/input.h"
#include "ui/mouse.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/wrap.h"
#include <curses.h>
#include <termcap.h> /* tgetent: whether TERM is known, without exiting */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>
#include <signal.h>
#include <time.h>
#include <wchar.h>

/* Set by the signal handler, read by the main loop: a lost SSH connection
 * (SIGHUP) or a polite kill (SIGTERM). Handlers only set this flag. */
static volatile sig_atomic_t stop_signal;

static void on_stop_signal(int sig)
{
    stop_signal = sig;
}

/* kill -TSTP (^Z is a key in raw mode): the main loop leaves the screen,
 * turns bracketed paste off for the shell, and stops (suspend). */
static volatile sig_atomic_t suspend_signal;

static void on_suspend_signal(int sig)
{
    (void)sig;
    suspend_signal = 1;
}

static void install_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL); /* kill -INT; ^C itself is a key (raw mode) */
    sa.sa_handler = on_suspend_signal; /* before newterm: ncurses then keeps its own off */
    sigaction(SIGTSTP, &sa, NULL);
}

static long long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static const struct view_entry *front(const struct app *a)
{
    return vstack_top(&a->views);
}

/* The screen whose bindings are in force: the view in front says. */
static enum view current_screen(struct app *a)
{
    const struct view_entry *e = front(a);
    return e->ops->screen(&a->vc, e->self);
}

/* Text typed or pasted into the open prompt or field. */
static void view_input(struct app *a, const char *text)
{
    const struct view_entry *e = front(a);
    e->ops->input(&a->vc, e->self, text);
}

static bool view_action(struct app *a, enum action act)
{
    const struct view_entry *e = front(a);
    return e->ops->act(&a->vc, e->self, act);
}

static void draw_all(struct app *a)
{
    int rows = LINES, cols = COLS;
    curs_set(0);
    hit_clear();
    if (cols < APP_MIN_COLS || rows < APP_MIN_ROWS) {
        draw_too_small(rows, cols, a->small_refused);
        /* the quit's question, asked behind the notice, is seen */
        const char *q = a->ask != ASK_NONE ? app_question(a) : NULL;
        if (q)
            draw_question(rows - 1, cols, rows / 3 > 1 ? rows / 3 : 1, q, role_attr(ROLE_NOTICE));
        wnoutrefresh(stdscr);
        doupdate();
        return;
    }
    a->small_refused = false;
    enum view s = current_screen(a);
    const struct view_entry *e = front(a);
    action_hide_none(); /* the view hides what does not apply to it now */
    e->ops->draw(&a->vc, e->self, rows, cols);
    int cy, cx; /* where the view left the cursor */
    getyx(stdscr, cy, cx);
    /* from the last screen, back is quitting: the key bar shows quit's key */
    action_hide(ACT_BACK, vstack_depth(&a->views) == 1 && screen_back_leaves(s));
    draw_keybar(s, rows - 1, cols);
    const char *q = app_question(a);
    /* a question is read whole: over as many lines as it needs */
    int nq = q ? draw_question(rows - 2, cols, rows / 3, q, role_attr(ROLE_NOTICE)) : 0;
    if (q && a->ask == ASK_WRITER && a->writer_help && a->s->conflict) {
        char help[5][200];
        size_t n = app_writer_help(a, help, 5);
        /* each line wrapped, not cut: above the question, as many as fit */
        int need[5], total = 0, room = rows - 2 - nq;
        for (size_t i = 0; i < n; i++) {
            struct wrap_line *wl = NULL;
            size_t k = cols >= 2 ? wrap_text(help[i], cols - 1, &wl) : 1;
            free(wl);
            need[i] = k ? (int)k : 1;
            total += need[i];
        }
        int y = rows - 1 - nq - (total < room ? total : room);
        for (size_t i = 0; i < n && y < rows - 1 - nq; i++) {
            int k = need[i] < rows - 1 - nq - y ? need[i] : rows - 1 - nq - y;
            for (int j = 0; j < k; j++)
                draw_blank(y + j, 0, 1, role_attr(ROLE_NOTICE));
            draw_wrapped(y, 1, cols - 1, k, help[i], role_attr(ROLE_NOTICE));
            y += k;
        }
    }
    if (!q && e->ops->cursor && e->ops->cursor(&a->vc, e->self)) {
        move(cy, cx); /* the view's prompt or field */
        curs_set(1);
    }
    wnoutrefresh(stdscr);
    doupdate();
}

/* Back one screen: the view under the one in front; from the last one,
 * quitting (which asks only when there is unsaved work). */
static void go_back(struct app *a)
{
    if (!vstack_pop(&a->views, &a->vc))
        app_request_quit(a);
}

static const struct view_ops *view_of(enum action act)
{
    switch (act) {
    case ACT_VIEW_GUIDELINE: return &browser_view;
    case ACT_VIEW_PROFILE: return &profile_view;
    case ACT_VIEW_ASSESS: return &assess_view;
    default: return &findings_view;
    }
}

static void handle_key(struct app *a, int key, bool is_char, wint_t ch)
{
    int rows = LINES, cols = COLS;
    if (cols < APP_MIN_COLS || rows < APP_MIN_ROWS) {
        /* the notice is up: only its quit key acts (and the question it
         * asks, shown below the notice); any other key is not taken */
        if (a->ask == ASK_WRITER)
            app_answer_writer(a, key);
        else if (a->ask != ASK_NONE)
            app_answer(a, key);
        else if (action_for_key(SCREEN_BROWSER, key) == ACT_QUIT)
            app_request_quit(a);
        else if (key != KEY_RESIZE) /* the resize itself is no key typed */
            a->small_refused = true;
        return;
    }
    if (a->ask == ASK_WRITER) {
        app_answer_writer(a, key);
        return;
    }
    if (a->ask != ASK_NONE) {
        app_answer(a, key);
        return;
    }
    enum view s = current_screen(a);
    /* printable characters typed into a prompt are text, not keys */
    if (s == SCREEN_PROMPT && is_char && ch >= 0x20 && ch != 0x7F) {
        char buf[8];
        size_t n = utf8_encode((uint32_t)ch, buf);
        buf[n] = '\0';
        view_input(a, buf);
        return;
    }
    enum action act = action_for_key(s, key);
    switch (act) {
    case ACT_REDRAW:
        clearok(curscr, TRUE);
        return;
    case ACT_QUIT:
        app_request_quit(a);
        return;
    case ACT_HELP:
        vstack_push(&a->views, &a->vc, &help_view);
        return;
    case ACT_SAVE:
        app_request_save(a);
        return;
    case ACT_VIEW_GUIDELINE: case ACT_VIEW_PROFILE: case ACT_VIEW_ASSESS: case ACT_VIEW_FINDINGS:
        if (s == SCREEN_HELP) /* a screen key listed in the help: the help closes first */
            vstack_pop(&a->views, &a->vc);
        vstack_push(&a->views, &a->vc, view_of(act));
        return;
    case ACT_NONE:
        break;
    default: {
        bool used = view_action(a, act);
        if (!used && act == ACT_BACK) {
            go_back(a);
            return;
        }
        if (used) {
            vstack_settle(&a->views, &a->vc); /* a finding's item left: the findings */
            const struct view_entry *e = front(a);
            if (e->ops->question && e->ops->question(&a->vc, e->self))
                a->ask = ASK_DELETE;
            return;
        }
        break;
    }
    }
    if (key != KEY_RESIZE && s != SCREEN_PROMPT && s != SCREEN_PICK) {
        char buf[16], help[16];
        app_say(a, true, _("Key %s does nothing here: press %s for help"), key_label(key, buf, sizeof buf),
            action_key_name(ACT_HELP, s, help, sizeof help));
    }
}

/* A paste goes into the open field or prompt as text; anywhere else it is
 * ignored, with a message, and runs nothing. */
static void handle_paste(struct app *a)
{
    struct strbuf t = STRBUF_INIT;
    input_read_paste(&t, &stop_signal);
    enum view s = current_screen(a);
    if (COLS < APP_MIN_COLS || LINES < APP_MIN_ROWS) {
        a->small_refused = true; /* nothing to paste into: said on the notice */
    } else if (a->ask != ASK_NONE || s != SCREEN_PROMPT) {
        if (a->ask == ASK_NONE)
            app_say(a, true, _("Paste ignored: no field is open (%s opens one)"),
                    action_key_str(ACT_EDIT_FIELD, SCREEN_FORM));
    } else if (t.len) {
        view_input(a, sb_str(&t));
    }
    sb_free(&t);
}

/* Journal what moved; a failed write is said, each time (typing goes on
 * and the message would be gone), also when idle (the text being typed),
 * but never over an error the key itself gave (a failed save says why):
 * it is said again after the next key. */
static bool journal(struct app *a, bool idle)
{
    unsigned gen = a->s->journal_error_gen;
    session_journal(a->s, now_ms(), idle);
    if (gen == a->s->journal_error_gen)
        return false;
    size_t size;
    bool *err;
    const char *shown = app_message(a, &size, &err);
    if (*err && *shown && strcmp(shown, a->s->journal_error) != 0)
        return false;
    app_say(a, true, "%s", a->s->journal_error);
    return true;
}

/* Stop as SIGTSTP asks, with the terminal as the shell wants it (no
 * bracketed paste), and the journal written: a stopped kijun may be
 * killed. Back on SIGCONT, everything is drawn again. */
static void suspend(struct session *s)
{
    session_journal(s, now_ms(), true);
    input_paste_mode(false);
    endwin();
    /* SIGSTOP: a SIGTSTP of its own would be discarded in an orphaned
     * process group (a tmux pane's command), and the stop not happen */
    raise(SIGSTOP);
    input_paste_mode(true);
    clearok(curscr, TRUE);
    refresh();
}

/* The wheel: three rows up or down in the view in front. */
static void wheel(struct app *a, enum action act)
{
    if (current_screen(a) == SCREEN_PROMPT)
        return;
    for (int i = 0; i < 3; i++)
        view_action(a, act);
}

/* A mouse event (only with --mouse): button 1 selects the row under the
 * pointer, or acts as the key-bar key under it; the wheel scrolls. */
static void handle_mouse(struct app *a)
{
    MEVENT ev;
    if (input_get_mouse(&ev) != OK || !a->opt->mouse)
        return;
    if (COLS < APP_MIN_COLS || LINES < APP_MIN_ROWS || a->ask != ASK_NONE)
        return;
    if (ev.bstate & BUTTON4_PRESSED) {
        wheel(a, ACT_UP);
    } else if (ev.bstate & BUTTON5_PRESSED) {
        wheel(a, ACT_DOWN);
    } else if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) {
        int key = hit_click(ev.y, ev.x, current_screen(a) != SCREEN_PROMPT);
        if (key >= 0)
            handle_key(a, key, false, 0);
    }
}

/* Progress while the rounds load, on the message line. */
static void loading(void *ctx, const char *round, size_t i, size_t n)
{
    (void)ctx;
    char text[200];
    snprintf(text, sizeof text, _("Loading round %s (%zu of %zu)..."), round, i + 1, n);
    draw_cell(LINES - 2, 0, COLS, text, role_attr(ROLE_NOTICE));
    wnoutrefresh(stdscr);
    doupdate();
}


int app_run(const struct app_options *opt)
{
    struct app a = {0};
    a.opt = opt;
    a.s = opt->session;
    a.vc = (struct view_ctx){a.s, &a.views};
    chrome_set_session(a.s);
    views_init(&a.v, &a.vc, opt->lib, opt->lang, opt->edition);
    action_key_name(ACT_VIEW_FINDINGS, SCREEN_PROFILE, a.s->findings_key, sizeof a.s->findings_key);
    install_signals();
    /* Not initscr, which exits when TERM is unknown: kijun says what is
     * wrong, and main removes the demo copy and the lock. A terminal that
     * cannot move the cursor (TERM=dumb) cannot show the workbench. */
    const char *term = getenv("TERM");
    bool tty = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
    int known = tty && term && *term ? tgetent(NULL, term) : 0;
    bool moves = known == 1 && tgetstr("cm", NULL);
    SCREEN *screen = moves ? newterm(NULL, stdout, stdin) : NULL;
    if (!screen) {
        if (!tty)
            fputs(_("kijun: error: the workbench needs a terminal for its input and output; "
                    "kijun tree and kijun check print text\n"), stderr);
        else if (!term || !*term)
            fputs(_("kijun: error: TERM is not set; set it to the terminal's type, "
                    "such as xterm-256color or vt100\n"), stderr);
        else if (known != 1)
            fprintf(stderr, _("kijun: error: unknown terminal type '%s' (TERM); "
                              "try TERM=xterm-256color or TERM=vt100\n"), term);
        else if (!moves)
            fprintf(stderr, _("kijun: error: the terminal type '%s' (TERM) cannot move the cursor; "
                              "the workbench needs one that can, such as vt100 or xterm\n"), term);
        else
            fprintf(stderr, _("kijun: error: cannot initialise the terminal '%s' (TERM)\n"), term);
        views_free(&a.v);
        return 2;
    }
    set_escdelay(25);
    raw(); /* ^S saves and ^Q is a key: no XON/XOFF flow control */
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    input_define_keys();
    input_paste_mode(true);
    if (opt->mouse) {
        /* presses, not clicks: no waiting for the release */
        mouseinterval(0);
        mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
    }
    draw_init(opt->utf8, opt->color);
    if (a.s->pending) {
        /* the first screen first; then the rounds, with progress */
        draw_all(&a);
        session_open_finish(a.s, loading, &a);
        views_rounds_loaded(&a.v);
    }
    app_opening_notices(&a);
    int status = 0;
    bool dirty = true;
    unsigned long drawn_gen = a.s->gen;
    while (!a.quit) {
        if (stop_signal) {
            /* the journal holds every edit and the text being typed;
             * leave the terminal sane */
            session_journal(a.s, now_ms(), true);
            status = 128 + stop_signal;
            break;
        }
        if (suspend_signal) {
            suspend_signal = 0;
            suspend(a.s);
            dirty = true;
        }
        /* drawn only when a key, a resize or an edit (the core's
         * generation moved) may have changed it */
        if (dirty || a.s->gen != drawn_gen)
            draw_all(&a);
        dirty = false;
        drawn_gen = a.s->gen;
        /* idle: nothing on screen changes with the time, so no timer: the
         * wait ends at a key, a resize or a signal (the handlers do not
         * restart the read); only the text being typed wakes it, to be
         * journalled; at once when a pane waits for the keys typed ahead
         * (draw_follow_later) */
        bool follow = draw_following();
        timeout(follow ? 0 : session_draft_pending(a.s) ? 300 : -1);
        wint_t ch;
        int r = input_read_key(&ch);
        if (r == ERR) {
            dirty = follow && draw_follow_done();
            if (session_draft_pending(a.s))
                dirty |= journal(&a, true);
            continue;
        }
        dirty = true;
        int key = (int)ch;
        if (r == OK && ch == '\r')
            key = '\n';
        /* ^? and ^H are Backspace whichever of them the terminfo names */
        if (r == OK && (ch == 0x7F || ch == 0x08))
            key = KEY_BACKSPACE;
        if (r == KEY_CODE_YES && key == KEY_PASTE_BEGIN)
            handle_paste(&a);
        else if (r == KEY_CODE_YES && key == KEY_PASTE_END)
            ; /* the end of a paste whose beginning was taken for keys */
        else if (r == KEY_CODE_YES && key == KEY_MOUSE)
            handle_mouse(&a);
        else
            handle_key(&a, key, r == OK, ch);
        if (!a.quit) { /* quitting: saved, or the edits were given up */
            journal(&a, false);
            if (a.s->conflict_notice[0]) { /* said once, when first noticed */
                app_say(&a, true, _("%s changed on disk; %s asks what to do"), a.s->conflict_notice,
                        action_key_str(ACT_SAVE, current_screen(&a)));
                a.s->conflict_notice[0] = '\0';
            }
        }
    }
    /* Without an alternate screen (vt100, the Linux console) the shell goes
     * on at the bottom line: clear it of the key bar, as less does. */
    const char *smcup = tigetstr("smcup");
    if (!smcup || smcup == (char *)-1) {
        move(LINES - 1, 0);
        attrset(A_NORMAL);
        clrtoeol();
        refresh();
    }
    input_paste_mode(false);
    endwin();
    delscreen(screen);
    views_free(&a.v);
    return status;
}
