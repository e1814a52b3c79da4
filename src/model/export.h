/* export: the workspace as data for other programs: the JSON of the whole
 * workspace (and its JSON Schema, made from the same field tables), the
 * CSV of a round's risk register. Pure text making, no I/O: kijun export
 * (cli/cmd_export.c) reads the workspace and writes the file. */
#ifndef KIJUN_EXPORT_H
#define KIJUN_EXPORT_H
#include "model/assessment.h"
#include "model/library.h"
#include "model/text.h"
#include "model/validate.h"
#include "util/sha256.h"
#include "util/strbuf.h"

/* The version of the JSON form (man/kijun.5), "kijun_export" in it. */
#define EXPORT_JSON_VERSION 1

/* What an export was made from: each input file with the SHA-256 of its
 * bytes, and one SHA-256 over them all (export_digest), so that a printed
 * report can be matched to its data. */
struct export_file {
    char *path;                      /* workspace-relative: "profile.cfg" */
    char sha256[2 * SHA256_BYTES + 1];
};

struct export_source {
    const char *workspace;           /* the folder's name */
    const char *round;               /* a report of one round: its name; NULL: all */
    const char *version;             /* kijun's */
    const char *timestamp;           /* when it was made (--timestamp), or NULL */
    const struct export_file *files;
    size_t nfiles;
    char sha256[2 * SHA256_BYTES + 1]; /* export_digest of the files */
};

/* The SHA-256 over the files: of the text `sha256sum` prints for them in
 * their order ("HEX  PATH\n" each), so that anyone can check it:
 *   (cd WORKSPACE && sha256sum profile.cfg checklist.cfg assessments/...) | sha256sum */
void export_digest(const struct export_file *files, size_t n, char out[2 * SHA256_BYTES + 1]);

/* The workspace as JSON (man/kijun.5): its source, the profile, the
 * checklist, the rounds (those of src->round: that one alone) with each
 * risk's values and band, and the findings. Only what is set is written;
 * the same input gives the same bytes. */
void export_json(struct strbuf *out, const struct export_source *src, const struct profile *p,
                 const struct checklist *cl, const struct round *rounds, size_t n,
                 const struct findings *f);
/* The JSON Schema (draft 2020-12) of export_json's output. */
void export_json_schema(struct strbuf *out);

/* What a report of one round is made from. */
struct report_input {
    const struct export_source *src;  /* what it was made from (src->round: the round) */
    const struct profile *p;
    const struct library *lib;
    const struct round *rounds;        /* the workspace's rounds (the comparison's too) */
    size_t n, ri;                      /* how many; the one reported */
    const struct findings *found;      /* the workspace's findings */
    const char *today;                 /* YYYY-MM-DD for the overdue measures, or NULL */
    enum lang lang;                    /* of the library's texts */
};

/* The mark of a report's source that --verify reads back, within a
 * comment of the report: "kijun-source sha256=HEX PATH=HEX ..." (the
 * digest, then each file). */
#define REPORT_SOURCE_MARK "kijun-source sha256="
void export_source_mark(struct strbuf *out, const struct export_source *src);
/* What a report was made from, read back from its text: the mark of a
 * Markdown or HTML report, or the source of a JSON export. Fills digest
 * and *files (paths and hashes, new strings: export_files_free); false
 * when the text has neither. */
bool export_source_parse(const char *text, char digest[2 * SHA256_BYTES + 1],
                         struct export_file **files, size_t *n);
void export_files_free(struct export_file *files, size_t n);

/* The figures a board reads first, of in's round. */
struct report_summary {
    size_t risks, by_band[BAND__COUNT];
    size_t over;                       /* at or above the threshold */
    size_t unacceptable;               /* of those, not accepted */
    size_t undecided;                  /* of those, without a decision */
    size_t overdue;
    size_t accepted;                   /* validly: the values as accepted */
    size_t stale;                      /* accepted at values they no longer have */
    bool rule_bad;                     /* no rule, or none of product and sum */
    bool threshold_bad;                /* none, or outside 1..the rule's highest value */
    const struct round *before;        /* the round it follows up, or NULL */
    size_t rose, added, fell, removed; /* since that round */
};
void report_summarise(const struct report_input *in, struct report_summary *s);
/* What a report was made from, in words, each text from the workspace
 * through esc (the report's escaping): "Made by kijun V from the
 * workspace W, round R[, on T]." into made, the files' paths into files. */
typedef void report_escape_fn(struct strbuf *out, const char *text);
void report_made_by(const struct export_source *src, report_escape_fn *esc, struct strbuf *made,
                    struct strbuf *files);
/* How a sign-off (NULL: none) and an acceptance stand, in words. */
const char *report_signoff_state(const struct round *r, const struct record *so);
const char *report_acceptance_state(const struct round *r, const struct record *risk);
/* The round in's round follows up (its `previous`), or NULL. */
const struct round *report_previous(const struct report_input *in);

/* A readable report of one round in Markdown (in the UI language): what
 * it was made from, the organisation, the scope, a summary, the register
 * by band, decisions and owners, overdue measures, accepted risks, the
 * validation, sign-offs, the review log and the comparison with the round
 * it follows up. */
void report_markdown(struct strbuf *out, const struct report_input *in);
/* The report for the board as one self-contained HTML file (inline CSS and
 * SVG, no external resource; A4 with page breaks): a one-page summary with
 * the heat map first, then the residual risk per priority service, the top
 * risks, accepted risks, the validation and sign-offs and the review log.
 * Charts read in black and white. Every text from the workspace escaped. */
void report_html(struct strbuf *out, const struct report_input *in);

/* The risk register of round r as CSV (RFC 4180: CRLF, quotes where
 * needed), a header row of the columns' keys first (man/kijun.5); services,
 * resources and threats by their names (threats in lang); a UTF-8
 * byte-order mark first when bom (for Excel). A cell that begins with =, +, -, @, a tab or a carriage
 * return is neutralised: a ' before it. */
void export_csv(struct strbuf *out, const struct round *r, const struct profile *p,
                const struct library *lib, enum lang lang, bool bom);
/* One cell as export_csv writes it (neutralised and quoted as needed). */
void export_csv_cell(struct strbuf *out, const char *text);
#endif
