/* guideline: the Guideline's editions, their trees and mappings. */
#include "config.h"
#include "util/i18n.h"
#include "model/guideline.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include <stdlib.h>
#include <string.h>

struct gl_node *gl_node_new(void)
{
    return xcalloc(1, sizeof(struct gl_node));
}

void gl_node_add_map(struct gl_node *node, const char *id)
{
    node->maps = xrealloc(node->maps, (node->nmaps + 1) * sizeof *node->maps);
    node->maps[node->nmaps++] = xstrdup(id);
}

void gl_edition_add(struct gl_edition *ed, struct gl_node *node)
{
    ed->nodes = xgrow(ed->nodes, &ed->nodes_cap, ed->nnodes + 1, sizeof *ed->nodes);
    node->index = ed->nnodes;
    node->edition = ed;
    ed->nodes[ed->nnodes++] = node;
}

void gl_set_add(struct gl_set *set, struct gl_edition *ed)
{
    set->editions = xgrow(set->editions, &set->cap, set->n + 1, sizeof *set->editions);
    set->editions[set->n++] = ed;
}

static int cmp_edition(const void *a, const void *b)
{
    const struct gl_edition *x = *(struct gl_edition *const *)a;
    const struct gl_edition *y = *(struct gl_edition *const *)b;
    if (x->order != y->order)
        return x->order < y->order ? -1 : 1;
    return strcmp(x->id, y->id);
}

static void add_child(struct gl_node *parent, struct gl_node *child)
{
    parent->children = xgrow(parent->children, &parent->children_cap,
                             parent->nchildren + 1, sizeof *parent->children);
    parent->children[parent->nchildren++] = child;
}

static void add_root(struct gl_edition *ed, struct gl_node *node)
{
    ed->roots = xgrow(ed->roots, &ed->roots_cap, ed->nroots + 1, sizeof *ed->roots);
    ed->roots[ed->nroots++] = node;
}

/* Parents and depths within one edition. Ids are already indexed. */
static void link_tree(struct gl_set *set, struct gl_edition *ed, struct diag_list *dl)
{
    for (size_t i = 0; i < ed->nnodes; i++) {
        struct gl_node *n = ed->nodes[i];
        n->parent = NULL;
        n->depth = 0;
        if (!n->parent_id || !*n->parent_id) {
            add_root(ed, n);
        } else {
            struct gl_node *p = gl_node_find(set, n->parent_id);
            if (!p || p->edition != ed) {
                diag_add(dl, DIAG_ERROR, ed->file, n->line,
                         _("node '%s': parent '%s' is not a node of edition '%s'"),
                         n->id, n->parent_id, ed->id);
                add_root(ed, n);
            } else if (p->index >= n->index) {
                diag_add(dl, DIAG_ERROR, ed->file, n->line,
                         _("node '%s': parent '%s' must come before its children"),
                         n->id, n->parent_id);
                add_root(ed, n);
            } else if (p->depth + 1 >= GL_MAX_DEPTH) {
                diag_add(dl, DIAG_ERROR, ed->file, n->line,
                         _("node '%s': nested deeper than %d levels"), n->id, GL_MAX_DEPTH);
                add_root(ed, n);
            } else {
                n->parent = p;
                n->depth = p->depth + 1;
                add_child(p, n);
            }
        }
        if (!n->phase_set)
            n->phase = n->parent ? n->parent->phase : PHASE_NONE;
    }
}

static void link_maps(struct gl_set *set, struct gl_edition *ed, struct diag_list *dl)
{
    for (size_t i = 0; i < ed->nnodes; i++) {
        struct gl_node *n = ed->nodes[i];
        free(n->map_nodes);
        n->map_nodes = n->nmaps ? xcalloc(n->nmaps, sizeof *n->map_nodes) : NULL;
        for (size_t k = 0; k < n->nmaps; k++) {
            struct gl_node *t = gl_node_find(set, n->maps[k]);
            if (!t)
                diag_add(dl, DIAG_ERROR, ed->file, n->line,
                         _("node '%s': maps to '%s', which no edition has"), n->id, n->maps[k]);
            else if (t->edition == ed)
                diag_add(dl, DIAG_ERROR, ed->file, n->line,
                         _("node '%s': maps to '%s' of the same edition"), n->id, n->maps[k]);
            else
                n->map_nodes[k] = t;
        }
        if (n->nmaps && n->change == CHANGE_NEW)
            diag_add(dl, DIAG_WARNING, ed->file, n->line,
                     _("node '%s': marked new but maps to other nodes"), n->id);
        if (!n->nmaps && n->change != CHANGE_NONE && n->change != CHANGE_NEW)
            diag_add(dl, DIAG_ERROR, ed->file, n->line,
                     _("node '%s': change '%s' needs maps naming the counterpart"),
                     n->id, change_name(n->change, LANG_EN));
    }
}

void gl_link(struct gl_set *set, struct diag_list *dl)
{
    qsort(set->editions, set->n, sizeof *set->editions, cmp_edition);
    hmap_free(&set->ids);
    set->nall = 0;
    for (size_t e = 0; e < set->n; e++) {
        struct gl_edition *ed = set->editions[e];
        for (size_t k = 0; k < e; k++)
            if (strcmp(set->editions[k]->id, ed->id) == 0)
                diag_add(dl, DIAG_ERROR, ed->file, ed->line,
                         _("edition '%s' is defined twice (also in %s)"), ed->id,
                         set->editions[k]->file ? set->editions[k]->file : "?");
        free(ed->roots);
        ed->roots = NULL;
        ed->nroots = ed->roots_cap = 0;
        for (size_t i = 0; i < ed->nnodes; i++) {
            struct gl_node *n = ed->nodes[i];
            size_t prev;
            n->nchildren = 0;
            if (!hmap_put(&set->ids, n->id, set->nall, &prev)) {
                const struct gl_node *o = set->all[prev];
                diag_add(dl, DIAG_ERROR, ed->file, n->line,
                         _("node id '%s' is used twice (first at %s:%d)"), n->id,
                         o->edition->file ? o->edition->file : "?", o->line);
                continue;
            }
            set->all = xgrow(set->all, &set->all_cap, set->nall + 1, sizeof *set->all);
            set->all[set->nall++] = n;
        }
    }
    for (size_t e = 0; e < set->n; e++)
        link_tree(set, set->editions[e], dl);
    for (size_t e = 0; e < set->n; e++) {
        struct gl_edition *ed = set->editions[e];
        link_maps(set, ed, dl);
        if (ed->supersedes && *ed->supersedes && !gl_edition_find(set, ed->supersedes))
            diag_add(dl, DIAG_ERROR, ed->file, ed->line,
                     _("edition '%s' supersedes '%s', which is not in the library"),
                     ed->id, ed->supersedes);
        for (size_t k = 0; k < ed->lineage.n; k++) {
            const struct lin_event *ev = &ed->lineage.v[k];
            if (ev->by && !gl_edition_find(set, ev->by))
                diag_add(dl, DIAG_ERROR, ed->file, ev->line,
                         _("edition '%s': its lineage names '%s' as successor, which is not in the library"),
                         ed->id, ev->by);
        }
    }
}

void gl_node_free(struct gl_node *n)
{
    free(n->id);
    free(n->parent_id);
    free(n->number);
    text_free(&n->title);
    text_free(&n->summary);
    for (size_t i = 0; i < n->nmaps; i++)
        free(n->maps[i]);
    free(n->maps);
    free(n->map_nodes);
    free(n->source);
    free(n->children);
    free(n);
}

void gl_edition_free(struct gl_edition *ed)
{
    for (size_t i = 0; i < ed->nnodes; i++)
        gl_node_free(ed->nodes[i]);
    free(ed->nodes);
    free(ed->roots);
    free(ed->id);
    text_free(&ed->title);
    text_free(&ed->label);
    free(ed->date);
    free(ed->supersedes);
    free(ed->source);
    free(ed->file);
    free(ed->issuer);
    lineage_free(&ed->lineage);
    text_free(&ed->note);
    free(ed);
}

void gl_set_free(struct gl_set *set)
{
    for (size_t e = 0; e < set->n; e++)
        gl_edition_free(set->editions[e]);
    free(set->editions);
    free(set->all);
    hmap_free(&set->ids);
    memset(set, 0, sizeof *set);
}

struct gl_edition *gl_edition_find(const struct gl_set *set, const char *id)
{
    for (size_t i = 0; i < set->n; i++)
        if (strcmp(set->editions[i]->id, id) == 0)
            return set->editions[i];
    return NULL;
}

struct gl_node *gl_node_find(const struct gl_set *set, const char *id)
{
    size_t i;
    return hmap_get(&set->ids, id, &i) ? set->all[i] : NULL;
}

static struct gl_node *direct_map(const struct gl_set *set, const struct gl_node *node,
                                  const struct gl_edition *to)
{
    for (size_t k = 0; k < node->nmaps; k++)
        if (node->map_nodes && node->map_nodes[k] && node->map_nodes[k]->edition == to)
            return node->map_nodes[k];
    /* reverse: a node of `to` that maps to this one */
    for (size_t i = 0; i < to->nnodes; i++) {
        const struct gl_node *t = to->nodes[i];
        for (size_t k = 0; k < t->nmaps; k++)
            if (t->map_nodes && t->map_nodes[k] == node)
                return to->nodes[i];
    }
    (void)set;
    return NULL;
}

struct gl_node *gl_map_to(const struct gl_set *set, const struct gl_node *node,
                          const struct gl_edition *to, const struct gl_node **via)
{
    for (const struct gl_node *n = node; n; n = n->parent) {
        struct gl_node *t = direct_map(set, n, to);
        if (t) {
            if (via)
                *via = n;
            return t;
        }
    }
    return NULL;
}

/* English text reads better with ASCII numbering: （２）-> (2), Ⅱ．-> II. */
static void add_number_en(struct strbuf *sb, const char *num)
{
    static const char *const roman[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII",
                                        "IX", "X", "XI", "XII"};
    size_t n = strlen(num), i = 0;
    while (i < n) {
        uint32_t cp;
        bool ok;
        size_t k = utf8_decode(num + i, n - i, &cp, &ok);
        if (ok && cp >= 0xFF01 && cp <= 0xFF5E)
            sb_addc(sb, (char)(cp - 0xFF01 + 0x21));
        else if (ok && cp >= 0x2160 && cp <= 0x216B)
            sb_adds(sb, roman[cp - 0x2160]);
        else
            sb_add(sb, num + i, k);
        i += k;
    }
}

char *gl_node_number(const struct gl_node *node, enum lang lang)
{
    struct strbuf sb = STRBUF_INIT;
    const char *num = node->number ? node->number : "";
    if (lang == LANG_EN)
        add_number_en(&sb, num);
    else
        sb_adds(&sb, num);
    return sb_take(&sb);
}

char *gl_node_long_heading(const struct gl_node *node, enum lang lang)
{
    const struct gl_node *root = node;
    while (root->parent)
        root = root->parent;
    char *h = gl_node_heading(node, lang);
    if (root == node || !root->number || !*root->number)
        return h;
    struct strbuf sb = STRBUF_INIT;
    char *rn = gl_node_number(root, lang);
    sb_adds(&sb, rn);
    if (sb.len && (lang == LANG_EN || (unsigned char)sb.s[sb.len - 1] < 0x80))
        sb_addc(&sb, ' ');
    sb_adds(&sb, h);
    free(rn);
    free(h);
    return sb_take(&sb);
}

char *gl_node_heading(const struct gl_node *node, enum lang lang)
{
    struct strbuf sb = STRBUF_INIT;
    const char *num = node->number ? node->number : "";
    if (lang == LANG_EN)
        add_number_en(&sb, num);
    else
        sb_adds(&sb, num);
    /* in English always a space; in Japanese full-width numbers such as
     * （２）and 第1章 need none after them */
    if (sb.len && (lang == LANG_EN || (unsigned char)sb.s[sb.len - 1] < 0x80))
        sb_addc(&sb, ' ');
    sb_adds(&sb, text_get(&node->title, lang));
    return sb_take(&sb);
}

struct names { const char *code, *ja, *en; };

static const struct names phase_names[PHASE__COUNT] = {
    {"", "—", "—"},
    {"plan", "Plan（計画）", "Plan"},
    {"do", "Do（実行）", "Do"},
    {"check", "Check（評価）", "Check"},
    {"act", "Act（改善）", "Act"},
    {"check-act", "Check/Act（評価／改善）", "Check/Act"},
};

static const struct names csf_names[CSF__COUNT] = {
    {"GV", "統治", "Govern"},
    {"ID", "特定", "Identify"},
    {"PR", "防御", "Protect"},
    {"DE", "検知", "Detect"},
    {"RS", "対応", "Respond"},
    {"RC", "復旧", "Recover"},
};

static const struct names change_names[CHANGE__COUNT] = {
    {"", "—", "—"},
    {"same", "変更なし", "unchanged"},
    {"new", "新設", "new"},
    {"moved", "移動", "moved"},
    {"partly-moved", "一部移動", "partly moved"},
    {"measures-moved", "具体的な取組を移動", "specific measures moved"},
    {"moved-other", "別章へ移動、一部移動", "moved or partly moved to another chapter"},
    {"from", "移設元", "taken over from"},
};

static int parse_names(const struct names *t, int n, const char *s, int first)
{
    for (int i = first; i < n; i++)
        if (strcmp(t[i].code, s) == 0)
            return i;
    return -1;
}

static const char *pick(const struct names *nm, enum lang lang)
{
    return lang == LANG_JA ? nm->ja : nm->en;
}

const char *phase_name(enum phase p, enum lang lang) { return pick(&phase_names[p], lang); }
int phase_parse(const char *s) { return parse_names(phase_names, PHASE__COUNT, s, 1); }
const char *change_name(enum change c, enum lang lang) { return pick(&change_names[c], lang); }
int change_parse(const char *s) { return parse_names(change_names, CHANGE__COUNT, s, 1); }

static int bit_index(unsigned bit)
{
    for (int i = 0; i < CSF__COUNT; i++)
        if (bit == (1u << i))
            return i;
    return -1;
}

const char *csf_code(unsigned bit)
{
    int i = bit_index(bit);
    return i < 0 ? "?" : csf_names[i].code;
}

const char *csf_name(unsigned bit, enum lang lang)
{
    int i = bit_index(bit);
    return i < 0 ? "?" : pick(&csf_names[i], lang);
}

int csf_parse(const char *code)
{
    int i = parse_names(csf_names, CSF__COUNT, code, 0);
    return i < 0 ? -1 : (int)(1u << i);
}

enum edition_status gl_edition_status(const struct gl_edition *ed, const char *today)
{
    return lineage_status(&ed->lineage, ed->status, today);
}

size_t gl_default_edition(const struct gl_set *set)
{
    size_t best = 0;
    for (size_t i = 0; i < set->n; i++) /* shipped: not from the user's library */
        if (set->editions[i]->has_text && !set->editions[i]->user && set->editions[i]->kind == KIND_EDITION)
            best = i;
    return best;
}

bool gl_edition_has_text(const struct gl_set *set, const char *id)
{
    const struct gl_edition *ed = gl_edition_find(set, id);
    return ed && ed->has_text;
}
