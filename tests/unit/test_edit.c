/* Unit tests: the one-line editor used by the search prompt and forms. */
#include "util/edit.h"
#include <criterion/criterion.h>

Test(edit, insert_and_move_by_character)
{
    struct edit e;
    edit_init(&e, "", 0);
    edit_insert(&e, "安全abc");
    cr_assert_str_eq(e.buf, "安全abc");
    cr_assert_eq(edit_cursor_col(&e), 7);
    edit_home(&e);
    edit_right(&e);
    cr_assert_eq(edit_cursor_col(&e), 2);
    edit_insert(&e, "x");
    cr_assert_str_eq(e.buf, "安x全abc");
    edit_backspace(&e);
    edit_backspace(&e);
    cr_assert_str_eq(e.buf, "全abc");
    edit_delete(&e);
    cr_assert_str_eq(e.buf, "abc");
    edit_free(&e);
}

Test(edit, kill_keys)
{
    struct edit e;
    edit_init(&e, "risk register view", 0);
    edit_end(&e);
    edit_kill_word(&e);
    cr_assert_str_eq(e.buf, "risk register ");
    edit_home(&e);
    edit_right(&e);
    edit_kill_end(&e);
    cr_assert_str_eq(e.buf, "r");
    edit_kill_start(&e);
    cr_assert_str_eq(e.buf, "");
    cr_assert_eq(e.cur, 0);
    edit_free(&e);
}

Test(edit, control_characters_and_limit)
{
    struct edit e;
    edit_init(&e, "", 5);
    edit_insert(&e, "a\x1b[b\tc");
    cr_assert_str_eq(e.buf, "a[bc");
    edit_insert(&e, "日"); /* 3 bytes would exceed 5 */
    cr_assert_str_eq(e.buf, "a[bc");
    edit_insert(&e, "d");
    cr_assert_str_eq(e.buf, "a[bcd");
    edit_free(&e);
}

Test(edit, scroll_keeps_cursor_visible)
{
    struct edit e;
    edit_init(&e, "重要インフラ事業者", 0);
    size_t s = edit_scroll(&e, 0, 6);
    cr_assert_leq(edit_cursor_col(&e) - (int)0, 100);
    cr_assert_gt(s, 0);
    edit_home(&e);
    cr_assert_eq(edit_scroll(&e, s, 6), 0);
    edit_free(&e);
}
