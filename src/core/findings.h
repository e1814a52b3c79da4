/* findings: every finding of the open workspace, as kijun check gives
 * them for the same files: what reading each file found (as it was
 * read), those of its library/ folder (lib->ws_diags) and the one validation (model/validate.h) over the documents as
 * they are in the workbench, in check's order (model/findings.h). */
#ifndef KIJUN_CORE_FINDINGS_H
#define KIJUN_CORE_FINDINGS_H
#include "core/session.h"
#include "model/findings.h"

/* Append them to out, sorted; progress (may be NULL) before each
 * document. */
void session_all_findings(struct session *s, struct findings *out, validate_progress_fn progress,
                          void *ctx);
/* The target of finding f of session_all_findings, as of now. */
bool session_finding_target(struct session *s, const struct finding *f, struct target *t);
/* The file name (workspace-relative) was read again: dl is what reading
 * it found now, in place of what it found before. */
void session_read_again(struct session *s, const char *name, const struct diag_list *dl);
#endif
