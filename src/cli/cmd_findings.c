/* cmd_findings: kijun check --findings-screen WORKSPACE (hidden, for the
 * tests): what the workbench's findings screen lists, as kijun check
 * prints findings, so that the two can be compared line by line. The
 * workspace is opened as the workbench opens it (core/session.h). */
#include "config.h"
#include "cli/cmd.h"
#include "core/findings.h"
#include "store/libuser.h"
#include "util/strbuf.h"

int cmd_findings_screen(struct library *lib, char **args, int n)
{
    size_t total = 0;
    bool unreadable = false;
    for (int i = 0; i < n; i++) {
        struct session s;
        struct diag_list quiet = {0}; /* the user's library, as the workbench loads it */
        userlib_unload(lib);
        userlib_load(lib, args[i], &quiet);
        diag_clear(&quiet);
        session_open(&s, lib, args[i], args[i], false);
        struct findings f = {0};
        session_all_findings(&s, &f, NULL, NULL);
        struct diag_list dl = {0};
        findings_to_diags(&f, args[i], NULL, &dl);
        cmd_print_diags(stderr, &dl);
        total += f.n;
        unreadable |= s.read_only && s.pinfo.status != WS_OK;
        diag_clear(&dl);
        findings_free(&f);
        session_close(&s);
    }
    return unreadable ? 2 : total ? 1 : 0;
}
