/* The view stack: push, back, a view once on the stack, a view that goes
 * back by itself, open and close called. */
#include "config.h"
#include "ui/view.h"
#include <criterion/criterion.h>
#include <string.h>

struct fake {
    int opened, closed;
    bool left;
};

static void f_open(struct view_ctx *c, void *self) { (void)c; ((struct fake *)self)->opened++; }
static void f_close(struct view_ctx *c, void *self) { (void)c; ((struct fake *)self)->closed++; }
static bool f_left(struct view_ctx *c, void *ctx) { (void)c; return ((struct fake *)ctx)->left; }

static const struct view_ops one = {.name = "one", .open = f_open, .close = f_close};
static const struct view_ops two = {.name = "two", .open = f_open, .close = f_close};
static const struct view_ops three = {.name = "three", .open = f_open, .close = f_close};
static const struct view_ops unknown = {.name = "unknown"};

static struct vstack st;
static struct view_ctx c;
static struct fake f1, f2, f3;

static void setup(void)
{
    memset(&st, 0, sizeof st);
    memset(&f1, 0, sizeof f1);
    memset(&f2, 0, sizeof f2);
    memset(&f3, 0, sizeof f3);
    c = (struct view_ctx){NULL, &st};
    vstack_register(&st, &one, &f1);
    vstack_register(&st, &two, &f2);
    vstack_register(&st, &three, &f3);
}

TestSuite(view, .init = setup);

Test(view, back_goes_to_the_screen_below_and_not_past_the_first)
{
    cr_assert(vstack_push(&st, &c, &one));
    cr_assert(vstack_push(&st, &c, &two));
    cr_assert_eq(vstack_top(&st)->self, &f2);
    cr_assert_eq(vstack_at(&st, 1)->self, &f1);
    cr_assert(vstack_pop(&st, &c));
    cr_assert_eq(vstack_top(&st)->self, &f1);
    cr_assert_eq(f2.closed, 1);
    cr_assert_not(vstack_pop(&st, &c), "the last screen stays: going back from it is quitting");
    cr_assert_eq(vstack_depth(&st), 1);
    cr_assert_eq(f1.closed, 0);
}

Test(view, a_view_is_on_the_stack_once_and_comes_to_the_front)
{
    vstack_push(&st, &c, &one);
    vstack_push(&st, &c, &two);
    vstack_push(&st, &c, &three);
    vstack_push(&st, &c, &one); /* from the bottom to the top */
    cr_assert_eq(vstack_depth(&st), 3);
    cr_assert_eq(vstack_top(&st)->self, &f1);
    cr_assert_eq(f1.opened, 2);
    vstack_pop(&st, &c);
    cr_assert_eq(vstack_top(&st)->self, &f3, "back: the screen it was opened from");
    vstack_pop(&st, &c);
    cr_assert_eq(vstack_top(&st)->self, &f2);
    cr_assert_not(vstack_pop(&st, &c));
}

Test(view, unknown_views_are_not_pushed)
{
    cr_assert_not(vstack_push(&st, &c, &unknown));
    cr_assert_null(vstack_top(&st));
    cr_assert_null(vstack_self(&st, &unknown));
    cr_assert_eq(vstack_self(&st, &two), &f2);
}

Test(view, a_view_pushed_until_goes_back_when_left)
{
    vstack_push(&st, &c, &one);
    vstack_push_until(&st, &c, &two, f_left, &f2);
    cr_assert_not(vstack_settle(&st, &c), "not left yet: it stays");
    cr_assert_eq(vstack_top(&st)->self, &f2);
    f2.left = true;
    cr_assert(vstack_settle(&st, &c));
    cr_assert_eq(vstack_top(&st)->self, &f1);
    cr_assert_not(vstack_settle(&st, &c), "a view pushed without until stays");
}

Test(view, a_visit_comes_back_to_the_screen_it_was_made_from)
{
    vstack_push(&st, &c, &one);   /* the browser */
    vstack_push(&st, &c, &two);   /* the findings */
    vstack_push_until(&st, &c, &one, NULL, NULL); /* a finding's item in the browser */
    cr_assert_eq(vstack_depth(&st), 3);
    cr_assert(vstack_pop(&st, &c));
    cr_assert_eq(vstack_top(&st)->self, &f2, "back from the item: the findings");
    cr_assert_eq(f1.closed, 0, "the browser is still below: not closed");
    cr_assert(vstack_pop(&st, &c));
    cr_assert_eq(vstack_top(&st)->self, &f1, "and back again: the browser");
}

Test(view, moving_a_view_up_leaves_no_screen_twice_in_a_row)
{
    vstack_push(&st, &c, &one);
    vstack_push(&st, &c, &two);
    vstack_push_until(&st, &c, &one, NULL, NULL); /* one two one */
    vstack_push(&st, &c, &two);                    /* one one two: one one is one */
    cr_assert_eq(vstack_depth(&st), 2);
    cr_assert(vstack_pop(&st, &c));
    cr_assert_eq(vstack_top(&st)->self, &f1);
    cr_assert_not(vstack_pop(&st, &c));
}

Test(view, the_stack_forgets_its_oldest_screen_when_full)
{
    for (int i = 0; i < VIEW_MAX + 3; i++)
        vstack_push_until(&st, &c, i % 2 ? &two : &one, NULL, NULL);
    cr_assert_eq(vstack_depth(&st), VIEW_MAX);
    size_t back = 0;
    while (vstack_pop(&st, &c))
        back++;
    cr_assert_eq(back, VIEW_MAX - 1);
}
