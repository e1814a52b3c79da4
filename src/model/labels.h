/* labels: how the values of enumerated fields (resource kinds, statuses,
 * decisions, triggers, the risk-value rule) read in the UI language. The
 * files keep the codes ("ot", "mitigate"); the screens show the labels. */
#ifndef KIJUN_LABELS_H
#define KIJUN_LABELS_H
#include <stddef.h>

/* The translated label of an enumeration code; an unknown code is shown
 * as it is. */
const char *enum_label(const char *code);
/* The translated name of the step a sign-off's id names ("prep":
 * "Preparation"); an id that names no step is shown as it is. */
const char *step_label(const char *id);
/* A source that only names slides ("slides 3, 4, 23") in the UI language,
 * written into buf; any other source is returned as it is. */
const char *source_label(const char *src, char *buf, size_t size);
#endif
