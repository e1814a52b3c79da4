/* assess_view: the risk assessment screens: the rounds, the five steps of
 * a round with their progress and what needs attention next, scoping,
 * the risk register (sort, filter), the heat map, the validation checks
 * with sign-offs, and the review with the comparison of rounds. A
 * round's entries are edited in a record editor of its own (ui/recedit.h),
 * given the round's table of sections. */
#ifndef KIJUN_ASSESS_VIEW_H
#define KIJUN_ASSESS_VIEW_H
#include "model/assessment.h"
#include "ui/actions.h"
#include "ui/recedit.h"
#include "ui/reopen.h"
#include "core/session.h"
#include "ui/lineedit.h"

/* A round's sections, as its editor opens them (recedit_open_round). */
enum round_section { RSEC_HEAD, RSEC_RISKS, RSEC_CLEAR, RSEC_SIGNOFFS, RSEC_REVIEWS };

enum av_level { AV_ROUNDS, AV_STEPS, AV_SCOPE, AV_REGISTER, AV_HEATMAP, AV_CHECKS, AV_REVIEW };
/* What the prompt asks for: a new round's name, a copy's, the register's
 * text filter, a round's new name, the file to export a round to, a new
 * resource's name (scoping). */
enum av_prompt { AVP_NEW_ROUND, AVP_COPY, AVP_FILTER, AVP_RENAME, AVP_EXPORT, AVP_RESOURCE };

struct scope_line {
    int kind;            /* 0 service, 1 operation, 2 resource; 3, 4 gone (ui/scope_gone.h) */
    size_t index;        /* in the profile's collection (3, 4: in the round's scope) */
};

struct aview {
    struct session *s;
    enum lang lang;
    struct recedit edit;       /* lists and forms of the round */
    bool editing;              /* edit is in front */
    enum av_level level, back; /* back: where the register or map returns */
    size_t round;              /* index in s->rounds */
    size_t cur[7], top[7];     /* cursor and scroll per level */
    struct checks checks;      /* of the round `checks_for`, as of generation checks_gen */
    size_t checks_for;
    unsigned long checks_gen, scope_gen, rounds_gen;
    bool checks_ok, scope_ok;
    enum step *round_next;     /* the rounds screen: each round's next step */
    bool *round_changed;       /* and whether it changed outside kijun since it closed */
    size_t nround_next;
    char today[11];
    /* register */
    enum risk_sort sort;
    struct risk_filter filter;
    char *filter_text;
    size_t *rows;
    size_t nrows;
    size_t owner_pick;
    int reg_want[8];           /* the register's columns: the widest cells */
    bool reg_follow;           /* the preview shows reg_shown until no key is pending (draw_follow_later) */
    size_t reg_shown;          /* the risk (index in the round) the preview last showed; SIZE_MAX none */
    /* heat map cursor: impact and likelihood, 1-based */
    long long hm_i, hm_l;
    /* scoping */
    struct scope_line *scope;
    size_t nscope;
    size_t scope_round;        /* the round the lines are of */
    bool want_new_resource;    /* scoping asked to add a resource to the profile */
    /* the one-line prompt: a round's name, a file's, a resource's, the
     * register's text filter */
    struct prompt prompt;
    enum av_prompt prompt_kind;
    size_t export_round;       /* the round of an export (prompt 4) */
    char *export_over;         /* the existing file Enter again writes over */
    bool asking_round;         /* "delete round ...? y/n" on the rounds screen */
    struct reopen_form reopen; /* the reopen form (O), over the screen */
    int page;
    char message[640];
    bool message_is_error;
};

void aview_init(struct aview *av, struct session *s, enum lang lang);
/* The rounds are loaded (session_open_finish): start on the newest. */
void aview_rounds_loaded(struct aview *av);
void aview_free(struct aview *av);
enum view aview_screen(const struct aview *av);
bool aview_action(struct aview *av, enum action a);
void aview_input(struct aview *av, const char *utf8);
/* y/n to a question the embedded editor asked (delete). */
void aview_answer(struct aview *av, enum answer ans);
bool aview_asking(const struct aview *av);
const char *aview_question(const struct aview *av);
void aview_draw(struct aview *av, int rows, int cols);
#endif
