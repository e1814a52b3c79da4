/* ws_private: what the store's workspace files share among themselves
 * (workspace.c, wsread.c, wswrite.c); not for other layers. */
#ifndef KIJUN_WS_PRIVATE_H
#define KIJUN_WS_PRIVATE_H
#include "model/record.h"
#include "util/diag.h"
#include "util/strbuf.h"
#include <stdbool.h>

/* An entry of a collection that is no group ( 5 in "services = ( 5 )"):
 * kept whole, marked by a leading '=', and written back in its place. */
#define KEPT_ENTRY RECORD_KEPT_ENTRY

/* A file that loads must save as a file that loads: what kijun would
 * write for it (n bytes) counts against the reader's limit. */
bool ws_loaded_size_ok(const char *path, size_t n, struct diag_list *dl);
#endif
