/* linload: read an edition's (or a table's) `lineage` list and `date`
 * settings, with FILE:LINE findings for bad ones. Used by libload. */
#ifndef KIJUN_LINLOAD_H
#define KIJUN_LINLOAD_H
#include "model/lineage.h"
#include "store/cfgfile.h"

/* The optional list `lineage = ( { event = ...; date = ...; ... }, ... );`
 * of group g into out. Returns false (with findings) when an event is bad. */
bool load_lineage(struct cfgctx *c, const config_setting_t *g, struct lineage *out);
/* Check a date string s found in setting `name` of g; a finding if bad. */
bool check_date(struct cfgctx *c, const config_setting_t *g, const char *name, const char *s);
#endif
