/* guideline: the Guideline's editions as trees of nodes, the mapping
 * between editions, and their consistency rules. Pure data, no I/O. */
#ifndef KIJUN_GUIDELINE_H
#define KIJUN_GUIDELINE_H
#include "model/lineage.h"
#include "model/text.h"
#include "util/diag.h"
#include "util/hmap.h"
#include <stdbool.h>
#include <stddef.h>

enum phase { PHASE_NONE, PHASE_PLAN, PHASE_DO, PHASE_CHECK, PHASE_ACT, PHASE_CHECK_ACT, PHASE__COUNT };

/* NIST CSF functions as bits */
enum csf_fn { CSF_GV = 1, CSF_ID = 2, CSF_PR = 4, CSF_DE = 8, CSF_RS = 16, CSF_RC = 32 };
#define CSF__COUNT 6

enum change {
    CHANGE_NONE, CHANGE_SAME, CHANGE_NEW, CHANGE_MOVED, CHANGE_PARTLY_MOVED,
    CHANGE_MEASURES_MOVED, CHANGE_MOVED_OTHER, CHANGE_FROM, CHANGE__COUNT
};

/* What a library file holds (model/standard.h names them). */
enum edition_kind { KIND_EDITION, KIND_SECTOR_STANDARD, KIND_INTERNAL_RULE, KIND__COUNT };

struct gl_edition;

struct gl_node {
    char *id;
    char *parent_id;          /* "" for a top-level node */
    char *number;             /* as printed: "4.1.3.", "（２）" */
    struct text title;
    struct text summary;      /* may be empty */
    enum phase phase;         /* after gl_link: inherited when not set */
    bool phase_set;
    unsigned csf;             /* enum csf_fn bits */
    bool baseline;
    enum change change;
    char **maps;              /* ids of counterpart nodes */
    size_t nmaps;
    char *source;             /* slides, may be NULL */
    enum confidence conf;     /* CONF_NONE unless the file says */
    int line;                 /* line in the file, for messages */

    /* filled by gl_link */
    struct gl_edition *edition;
    struct gl_node *parent;
    struct gl_node **children;
    size_t nchildren, children_cap;
    struct gl_node **map_nodes; /* resolved maps (same order, NULL if missing) */
    int depth;
    size_t index;             /* position in edition->nodes */
};

struct gl_edition {
    char *id;
    struct text title;
    struct text label;
    char *date;
    enum edition_status status; /* as declared; the shown one is gl_edition_status */
    struct lineage lineage;   /* dated events with sources; may be empty */
    bool has_text;            /* false: metadata only, no text shipped */
    struct text note;         /* optional: what of the file is kijun's own judgement */
    char *supersedes;         /* "" when none */
    int order;
    char *source;
    char *file;               /* where it was read from */
    int line;
    enum edition_kind kind;   /* header's `kind`, default edition */
    char *issuer;             /* header's `issuer`, may be NULL */
    bool user;                /* from the user's library (store/libuser.h) */
    struct gl_node **nodes;   /* reading order */
    size_t nnodes, nodes_cap;
    struct gl_node **roots;
    size_t nroots, roots_cap;
};

#define GL_MAX_DEPTH 12

struct gl_set {
    struct gl_edition **editions;  /* sorted by order after gl_link */
    size_t n, cap;
    struct hmap ids;               /* node id -> index in all[] */
    struct gl_node **all;
    size_t nall, all_cap;
};

struct gl_node *gl_node_new(void);
void gl_node_add_map(struct gl_node *node, const char *id);
/* The edition takes ownership of node. */
void gl_edition_add(struct gl_edition *ed, struct gl_node *node);
void gl_set_add(struct gl_set *set, struct gl_edition *ed);
/* Resolve parents, children, depths, phases and mappings; report every
 * inconsistency (duplicate ids, missing parents, bad mappings) into dl. */
void gl_link(struct gl_set *set, struct diag_list *dl);
void gl_set_free(struct gl_set *set);
void gl_edition_free(struct gl_edition *ed);
void gl_node_free(struct gl_node *n);

/* The status of ed on the day today (YYYY-MM-DD), from its lineage. */
enum edition_status gl_edition_status(const struct gl_edition *ed, const char *today);
/* The index of the edition the browser opens on: the newest (highest
 * order) whose text is shipped; 0 when none has text. */
size_t gl_default_edition(const struct gl_set *set);
/* Whether id names an edition whose text is shipped. */
bool gl_edition_has_text(const struct gl_set *set, const char *id);

struct gl_edition *gl_edition_find(const struct gl_set *set, const char *id);
struct gl_node *gl_node_find(const struct gl_set *set, const char *id);
/* The node of edition `to` that best corresponds to `node`: a direct
 * mapping, a reverse mapping, else that of the nearest ancestor; NULL
 * when nothing maps. */
struct gl_node *gl_map_to(const struct gl_set *set, const struct gl_node *node,
                          const struct gl_edition *to, const struct gl_node **via);
/* (via, when not NULL, receives the node whose mapping was used: node
 * itself or an ancestor.) */
/* The number as printed for lang (English gets ASCII: （２）-> (2)). New string. */
char *gl_node_number(const struct gl_node *node, enum lang lang);
/* The heading with its chapter's number in front when the node is below
 * a chapter: "II．1. 経営方針..." - unambiguous across chapters. New string. */
char *gl_node_long_heading(const struct gl_node *node, enum lang lang);
/* Number and title in one string: "4.1.3. 「計画」の観点". New string. */
char *gl_node_heading(const struct gl_node *node, enum lang lang);

const char *phase_name(enum phase p, enum lang lang);
int phase_parse(const char *s);
const char *csf_code(unsigned bit);             /* "ID" for CSF_ID */
const char *csf_name(unsigned bit, enum lang lang);
int csf_parse(const char *code);                /* bit, or -1 */
const char *change_name(enum change c, enum lang lang);
int change_parse(const char *s);
#endif
