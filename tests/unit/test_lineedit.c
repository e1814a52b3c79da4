/* Unit tests: the line editor and the prompt of ui/lineedit.h, without a
 * terminal: Esc gives back the text before, Enter accepts, a refused
 * answer keeps the prompt, "changed" only when the text changed (so that
 * an owner applying it as typed does no work for a cursor move), the
 * scroll keeps the cursor in view by display width with Japanese text,
 * and the limit in bytes never cuts a character. */
#include "config.h"
#include "ui/lineedit.h"
#include "util/utf8.h"
#include <criterion/criterion.h>
#include <string.h>

/* The prompts of the suite: 256 bytes at most, as the workbench's. */
static struct prompt p;
static void setup(void) { prompt_init(&p, 256); }
static void teardown(void) { prompt_free(&p); }
TestSuite(prompt, .init = setup, .fini = teardown);

/* Type text into the open prompt, then Esc: the text given back. */
static void esc_after(struct prompt *q, const char *typed, const char *before)
{
    prompt_type(q, typed);
    cr_assert_eq(prompt_act(q, ACT_EDIT_CANCEL), PROMPT_CANCELLED);
    cr_assert_not(q->open);
    cr_assert_str_eq(prompt_text(q), before, "Esc after %s", typed);
}

Test(prompt, esc_gives_back_the_text_before)
{
    prompt_start(&p, "電力");
    cr_assert(p.open);
    cr_assert_eq(prompt_type(&p, "・ガス"), PROMPT_CHANGED);
    cr_assert_eq(prompt_act(&p, ACT_EDIT_KILL_START), PROMPT_CHANGED);
    cr_assert_str_eq(prompt_text(&p), "");
    cr_assert_eq(prompt_act(&p, ACT_EDIT_CANCEL), PROMPT_CANCELLED);
    cr_assert_not(p.open);
    cr_assert_str_eq(prompt_text(&p), "電力", "the text it opened with");
    /* a closed prompt takes nothing */
    cr_assert_eq(prompt_type(&p, "x"), PROMPT_NONE);
    cr_assert_eq(prompt_act(&p, ACT_EDIT_BACKSPACE), PROMPT_NONE);
    cr_assert_str_eq(prompt_text(&p), "電力");
    /* opened again, on nothing: Esc gives back nothing */
    prompt_start(&p, NULL);
    esc_after(&p, "水道", "");
}

Test(prompt, enter_accepts_and_a_refused_answer_stays_to_correct)
{
    prompt_start(&p, "2026");
    prompt_type(&p, "/");
    cr_assert_eq(prompt_act(&p, ACT_EDIT_ACCEPT), PROMPT_ACCEPTED);
    cr_assert_not(p.open);
    cr_assert_str_eq(prompt_text(&p), "2026/");
    prompt_keep(&p); /* the owner refused the name */
    cr_assert(p.open);
    cr_assert_eq(prompt_act(&p, ACT_EDIT_BACKSPACE), PROMPT_CHANGED);
    cr_assert_str_eq(prompt_text(&p), "2026");
    /* Esc still gives back the text before the prompt opened */
    esc_after(&p, "x", "2026");
}

Test(prompt, changed_only_when_the_text_changed)
{
    prompt_start(&p, "ab");
    cr_assert_eq(prompt_act(&p, ACT_EDIT_LEFT), PROMPT_KEPT);
    cr_assert_eq(prompt_act(&p, ACT_EDIT_END), PROMPT_KEPT);
    cr_assert_eq(prompt_act(&p, ACT_EDIT_DELETE), PROMPT_KEPT, "nothing after the cursor");
    cr_assert_eq(prompt_act(&p, ACT_EDIT_KILL_END), PROMPT_KEPT);
    cr_assert_eq(prompt_act(&p, ACT_EDIT_HOME), PROMPT_KEPT);
    cr_assert_eq(prompt_act(&p, ACT_EDIT_BACKSPACE), PROMPT_KEPT, "nothing before the cursor");
    cr_assert_eq(prompt_act(&p, ACT_EDIT_DELETE), PROMPT_CHANGED);
    cr_assert_str_eq(prompt_text(&p), "b");
    cr_assert_eq(prompt_type(&p, "\x1b\t"), PROMPT_KEPT, "control characters are dropped");
    cr_assert_eq(prompt_type(&p, ""), PROMPT_KEPT);
    cr_assert_eq(prompt_act(&p, ACT_DOWN), PROMPT_NONE, "not a line-editing action");
    cr_assert(p.open);
}

Test(lineedit, the_limit_never_cuts_a_character)
{
    struct lineedit le;
    lineedit_init(&le, "", 7);
    cr_assert_eq(lineedit_input(&le, "日本語"), EDIT_CHANGED); /* 9 bytes: two characters fit */
    cr_assert_str_eq(lineedit_text(&le), "日本");
    cr_assert_eq(lineedit_input(&le, "語"), EDIT_MOVED, "full: nothing goes in");
    cr_assert_eq(lineedit_input(&le, "x"), EDIT_CHANGED);
    cr_assert_str_eq(lineedit_text(&le), "日本x");
    cr_assert_eq(lineedit_input(&le, "y"), EDIT_MOVED);
    lineedit_free(&le);
    /* a prompt opened on a longer text keeps what fits, and gives that back */
    struct prompt small;
    prompt_init(&small, 6);
    prompt_start(&small, "重要インフラ");
    cr_assert_str_eq(prompt_text(&small), "重要");
    prompt_act(&small, ACT_EDIT_BACKSPACE);
    esc_after(&small, "", "重要");
    prompt_free(&small);
}

/* The columns the cell shows from the first byte shown to the cursor. */
static int shown_to_cursor(struct lineedit *le, int width)
{
    int col;
    const char *s = lineedit_shown(le, width, &col);
    cr_assert_eq(col, utf8_nwidth(s, (size_t)(le->e.buf + le->e.cur - s)));
    return col;
}

Test(lineedit, the_scroll_keeps_the_cursor_in_view_by_display_width)
{
    struct lineedit le;
    lineedit_init(&le, "重要インフラ事業者", 0); /* 9 characters, 18 columns */
    for (int width = 2; width <= 20; width++) {
        lineedit_set(&le, "重要インフラ事業者");
        int col = shown_to_cursor(&le, width);
        cr_assert_leq(col, width - 1, "width %d: the cursor in the cell", width);
        cr_assert_geq(col, width - 2, "width %d: as much text as fits before it", width);
        size_t bad;
        cr_assert(utf8_valid(le.e.buf + le.scroll, strlen(le.e.buf + le.scroll), &bad),
                  "width %d: shown from a character's start", width);
    }
    /* 10 columns: the end in view; Home shows the start, End the end again */
    lineedit_set(&le, "重要インフラ事業者");
    size_t end_scroll = (shown_to_cursor(&le, 10), le.scroll);
    cr_assert_gt(end_scroll, 0);
    lineedit_action(&le, ACT_EDIT_HOME);
    cr_assert_eq(shown_to_cursor(&le, 10), 0);
    cr_assert_eq(le.scroll, 0);
    /* moving right stays at the start until the cursor reaches the edge */
    for (int k = 0; k < 4; k++)
        lineedit_action(&le, ACT_EDIT_RIGHT);
    cr_assert_eq(shown_to_cursor(&le, 10), 8);
    cr_assert_eq(le.scroll, 0, "the cursor in view without scrolling");
    lineedit_action(&le, ACT_EDIT_RIGHT);
    cr_assert_eq(shown_to_cursor(&le, 10), 8, "one character scrolled off");
    cr_assert_eq(le.scroll, strlen("重"));
    /* moving back left does not scroll until the cursor leaves the start */
    lineedit_action(&le, ACT_EDIT_LEFT);
    cr_assert_eq(shown_to_cursor(&le, 10), 6);
    cr_assert_eq(le.scroll, strlen("重"));
    lineedit_action(&le, ACT_EDIT_HOME);
    cr_assert_eq(shown_to_cursor(&le, 10), 0);
    cr_assert_eq(le.scroll, 0);
    lineedit_free(&le);
}
