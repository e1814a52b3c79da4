/* demo_session.h: for the Criterion tests of the core: a session open on
 * a private copy of the demo workspace (removed when closed), as the
 * suite's .init and .fini. Include after diag_expect.h. */
#ifndef KIJUN_TEST_DEMO_SESSION_H
#define KIJUN_TEST_DEMO_SESSION_H
#include "core/session.h"
#include "store/workspace.h"
#include <stdlib.h>

static struct library *lib;
static struct session s;

static void open_demo(void)
{
    lib = test_library();
    struct diag_list dl = {0};
    char *dir = ws_demo_copy(TEST_DATADIR, "en", &dl);
    cr_assert_not_null(dir);
    session_open(&s, lib, dir, "demo", true);
    free(dir);
    diag_clear(&dl);
    cr_assert(!s.read_only, "the demo copy opens writable: %s", s.why_read_only);
}

static void close_demo(void)
{
    session_close(&s);
    library_free(lib);
}
#endif
