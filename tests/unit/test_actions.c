/* Unit tests: the action table's keys as the view stack and the
 * questions use them: q goes back and Q quits on every first screen, ^C
 * quits everywhere (prompts and pick lists too), the questions' answers
 * are bindings that kijunrc can change, the hints name the key the key
 * bar shows, and the key bar's order comes from the table. */
#include "config.h"
#include "ui/actions.h"
#include <criterion/criterion.h>
#include <curses.h>
#include <string.h>

#define CTRL(c) ((c) & 0x1f)

static void reset(void) { bindings_reset(); }

TestSuite(actions, .init = reset, .fini = reset);

Test(actions, q_goes_back_and_Q_quits_on_the_first_screens)
{
    const enum view firsts[] = {SCREEN_BROWSER, SCREEN_PROFILE, SCREEN_ROUNDS, SCREEN_FINDINGS};
    for (size_t i = 0; i < sizeof firsts / sizeof *firsts; i++) {
        cr_assert_eq(action_for_key(firsts[i], 'q'), ACT_BACK, "screen %d", (int)firsts[i]);
        cr_assert_eq(action_for_key(firsts[i], 'Q'), ACT_QUIT, "screen %d", (int)firsts[i]);
        cr_assert(screen_back_leaves(firsts[i]));
    }
    cr_assert_not(screen_back_leaves(SCREEN_LIST), "q on a list goes back inside its view");
    cr_assert_eq(action_for_key(SCREEN_HELP, 'q'), ACT_CLOSE_HELP);
}

Test(actions, ctrl_c_quits_everywhere)
{
    const enum view all[] = {SCREEN_BROWSER, SCREEN_FORM, SCREEN_PROMPT, SCREEN_PICK, SCREEN_HELP,
                             SCREEN_QUESTION, SCREEN_REGISTER};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        cr_assert_eq(action_for_key(all[i], CTRL('c')), ACT_QUIT, "screen %d", (int)all[i]);
}

Test(actions, the_answers_are_bindings_that_kijunrc_changes)
{
    cr_assert_eq(action_for_key(SCREEN_QUESTION, 'y'), ACT_YES);
    cr_assert_eq(action_for_key(SCREEN_QUESTION, 'N'), ACT_NO);
    cr_assert_eq(action_for_key(SCREEN_QUESTION, 27), ACT_CANCEL);
    cr_assert_eq(action_for_key(SCREEN_QUESTION, 'o'), ACT_OVERWRITE);
    cr_assert_eq(action_for_key(SCREEN_QUESTION, '?'), ACT_EXPLAIN);
    cr_assert_eq(action_for_key(SCREEN_BROWSER, 'y'), ACT_NONE, "y is no key outside a question");
    cr_assert_str_eq(action_key_str(ACT_YES, SCREEN_QUESTION), "y");
    int j = 'j';
    bindings_set(ACT_YES, &j, 1);
    cr_assert_eq(action_for_key(SCREEN_QUESTION, 'j'), ACT_YES);
    cr_assert_eq(action_for_key(SCREEN_QUESTION, 'y'), ACT_NONE);
    cr_assert_str_eq(action_key_str(ACT_YES, SCREEN_QUESTION), "j", "the question names the key given");
}

Test(actions, a_hint_names_the_key_the_key_bar_shows)
{
    /* 3 is the view key the key bar shows, though F3 comes first in the table */
    cr_assert_str_eq(action_key_str(ACT_VIEW_GUIDELINE, SCREEN_BROWSER), "3");
    cr_assert_str_eq(action_key_str(ACT_ADD, SCREEN_REGISTER), "a");
    int k = 'A';
    bindings_set(ACT_ADD, &k, 1);
    cr_assert_str_eq(action_key_str(ACT_ADD, SCREEN_REGISTER), "A");
    const char *a = action_key_str(ACT_ADD, SCREEN_REGISTER), *b = action_key_str(ACT_ADD_THREAT, SCREEN_REGISTER);
    cr_assert_str_eq(a, "A", "two keys in one hint: each in a buffer of its own");
    cr_assert_str_eq(b, "t");
}

Test(actions, the_key_bar_order_is_the_tables)
{
    cr_assert_lt(action_bar_place(ACT_HELP), action_bar_place(ACT_SEARCH));
    cr_assert_lt(action_bar_place(ACT_SEARCH), action_bar_place(ACT_SAVE));
    cr_assert_lt(action_bar_place(ACT_SAVE), action_bar_place(ACT_BACK));
    cr_assert_lt(action_bar_place(ACT_BACK), action_bar_place(ACT_QUIT));
    cr_assert_lt(action_bar_place(ACT_QUIT), action_bar_place(ACT_VIEW_FINDINGS));
    cr_assert_lt(action_bar_place(ACT_VIEW_FINDINGS), action_bar_place(ACT_VIEW_PROFILE));
}

Test(actions, hidden_actions_come_back_before_each_draw)
{
    action_hide(ACT_DELETE, true);
    action_hide(ACT_SELECT, true);
    cr_assert(action_hidden(ACT_DELETE));
    action_hide_none();
    cr_assert_not(action_hidden(ACT_DELETE));
    cr_assert_not(action_hidden(ACT_SELECT));
}
