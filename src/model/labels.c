/* labels: the labels of enumeration codes in the UI language. */
#include "config.h"
#include "model/labels.h"
#include "model/rules.h"
#include "util/i18n.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

const char *enum_label(const char *code)
{
    static const struct { const char *code, *label; } names[] = {
        {"yes", N_("yes")}, {"partial", N_("partly")}, {"no", N_("no")}, {"na", N_("n/a")},
        {"system", N_("system")}, {"data", N_("data")}, {"people", N_("people")},
        {"facility", N_("facility")}, {"ot", N_("OT/ICS device")}, {"supplier", N_("supplier")},
        {"external", N_("external service")}, {"product", N_("impact x likelihood")},
        {"sum", N_("impact + likelihood")}, {"implemented", N_("implemented")},
        {"not-yet", N_("not yet")}, {"mitigate", N_("mitigate")}, {"accept", N_("accept")},
        {"avoid", N_("avoid")}, {"transfer", N_("transfer")}, {"incident", N_("incident")},
        {"organisation", N_("organisational change")}, {"threat", N_("new threat")},
        {"scheduled", N_("scheduled")},
    };
    if (!code)
        return "";
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(names[i].code, code) == 0)
            return _(names[i].label);
    return code;
}

const char *step_label(const char *id)
{
    enum step s = step_of_id(id);
    return s < STEP__COUNT ? _(step_name(s)) : id ? id : "";
}

const char *source_label(const char *src, char *buf, size_t size)
{
    if (!src)
        return "";
    bool many = strncmp(src, "slides ", 7) == 0;
    if (!many && strncmp(src, "slide ", 6) != 0)
        return src;
    const char *nums = src + (many ? 7 : 6);
    if (!*nums || strspn(nums, "0123456789, -") != strlen(nums))
        return src; /* more than slide numbers: the data's own words */
    snprintf(buf, size, P_("slide %s", "slides %s", many ? 2 : 1), nums);
    return buf;
}
