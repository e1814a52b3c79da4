/* schema: the fields of every kind of record, one row each. The tables
 * of model/profile.c, model/assessment.c and model/supplier.c and the
 * enums of field indices below are both generated from these rows, so an
 * index always names its field and a misspelt one fails to compile:
 * rec_str(risk, RISK_OWNER), not a lookup of "owner" by its name.
 *
 * A row is X(INDEX, definition), the definition one of the FD_ makers
 * below; the order of the rows is the order of the forms and of the
 * settings written. An F_ENUM's values array is named here and defined
 * in the .c file that expands the table. Pure data, no I/O. */
#ifndef KIJUN_SCHEMA_H
#define KIJUN_SCHEMA_H

#define FD_STR(k, l, h, req) {k, F_STRING, l, h, req, 0, 0, NULL, NULL}
#define FD_DATE(k, l, h, req) {k, F_DATE, l, h, req, 0, 0, NULL, NULL}
#define FD_INT(k, l, h, req, lo, hi) {k, F_INT, l, h, req, lo, hi, NULL, NULL}
#define FD_LEVEL(k, l, h, req) FD_INT(k, l, h, req, 1, 6)
#define FD_BOOL(k, l, h) {k, F_BOOL, l, h, false, 0, 0, NULL, NULL}
#define FD_ENUM(k, l, h, req, values) {k, F_ENUM, l, h, req, 0, 0, values, NULL}
#define FD_REF(k, l, h, req, ref) {k, F_REF, l, h, req, 0, 0, NULL, ref}
#define FD_REFLIST(k, l, h, ref) {k, F_REFLIST, l, h, false, 0, 0, NULL, ref}
#define FD_STRLIST(k, l, h) {k, F_STRLIST, l, h, false, 0, 0, NULL, NULL}

/* The expansions: an enum's constants, a table's entries. */
#define FIELD_INDEX(index, def) index,
#define FIELD_DEF(index, def) [index] = def,
/* A table of the rows' definitions, as long as its enum. */
#define FIELD_TABLE(name, ROWS, count) \
    static const struct field_def name[count] = {ROWS(FIELD_DEF)}

/* ---- the profile (profile.cfg) ---- */

#define ORG_FIELDS(X) \
    X(ORG_NAME, FD_STR("name", N_("Name"), N_("The organisation's name"), true)) \
    X(ORG_SECTOR, FD_REF("sector", N_("Sector"), N_("One of the 15 critical-infrastructure sectors"), false, "lib:sectors")) \
    X(ORG_EMPLOYEES, FD_INT("employees", N_("Employees"), N_("Size: the number of employees"), false, 0, 10000000)) \
    X(ORG_STANDARDS, FD_STRLIST("standards", N_("Standards"), N_("Industry standards followed, separated by ';'"))) \
    X(ORG_NOTE, FD_STR("note", N_("Note"), N_("Free text"), false))
enum org_field { ORG_FIELDS(FIELD_INDEX) ORG__N };

#define ROLES_FIELDS(X) \
    X(ROLES_ROLE, FD_REF("role", N_("Role"), N_("Executives, CISO, strategic management, staff, audit (slide 17)"), true, "lib:roles")) \
    X(ROLES_NAME, FD_STR("name", N_("Name"), N_("Who holds the role"), true)) \
    X(ROLES_POSITION, FD_STR("position", N_("Position"), N_("Title in the organisation"), false)) \
    X(ROLES_CONTACT, FD_STR("contact", N_("Contact"), N_("E-mail or phone"), false)) \
    X(ROLES_FROM_BOARD, FD_BOOL("from_board", N_("From the board"), N_("Appointed from the board (the CISO should be, slide 15)"))) \
    X(ROLES_TRAINING, FD_STR("training", N_("Training"), N_("Training record, e.g. the CISO's (slide 15)"), false)) \
    X(ROLES_NOTE, FD_STR("note", N_("Note"), N_("Free text"), false))
enum roles_field { ROLES_FIELDS(FIELD_INDEX) ROLES__N };

#define GOV_FIELDS(X) \
    X(GOV_STATUS, FD_ENUM("status", N_("Status"), N_("yes, partly, no or n/a"), true, status_values)) \
    X(GOV_EVIDENCE, FD_STR("evidence", N_("Evidence"), N_("Where it is documented"), false)) \
    X(GOV_NOTE, FD_STR("note", N_("Note"), N_("Free text"), false))
enum gov_field { GOV_FIELDS(FIELD_INDEX) GOV__N };

#define SVC_FIELDS(X) \
    X(SVC_NAME, FD_STR("name", N_("Name"), N_("The priority service"), true)) \
    X(SVC_DESCRIPTION, FD_STR("description", N_("Description"), N_("What the service is"), false)) \
    X(SVC_DEPENDENTS, FD_STR("dependents", N_("Dependents"), N_("Who depends on it"), false)) \
    X(SVC_MTD_HOURS, FD_INT("mtd_hours", N_("Max downtime (h)"), N_("Maximum tolerable downtime in hours"), false, 0, 8760)) \
    X(SVC_SERVICE_LEVEL, FD_STR("service_level", N_("Service level"), N_("The level to keep"), false)) \
    X(SVC_NOTE, FD_STR("note", N_("Note"), N_("Free text"), false))
enum svc_field { SVC_FIELDS(FIELD_INDEX) SVC__N };

#define OP_FIELDS(X) \
    X(OP_NAME, FD_STR("name", N_("Name"), N_("The business operation"), true)) \
    X(OP_SERVICES, FD_REFLIST("services", N_("Services"), N_("Priority services it serves"), "services")) \
    X(OP_DESCRIPTION, FD_STR("description", N_("Description"), N_("What it does"), false)) \
    X(OP_NOTE, FD_STR("note", N_("Note"), N_("Free text"), false))
enum op_field { OP_FIELDS(FIELD_INDEX) OP__N };

/* a supplier's own fields come last (model/supplier.h: a supplier is a
 * resource of kind supplier) */
#define RES_FIELDS(X) \
    X(RES_NAME, FD_STR("name", N_("Name"), N_("The management resource"), true)) \
    X(RES_KIND, FD_ENUM("kind", N_("Kind"), N_("system, data, people, facility, OT/ICS device, supplier or external service"), true, kind_values)) \
    X(RES_OWNER, FD_STR("owner", N_("Owner"), N_("Who is responsible for it"), false)) \
    X(RES_LOCATION, FD_STR("location", N_("Location"), N_("Where it is"), false)) \
    X(RES_OPERATIONS, FD_REFLIST("operations", N_("Operations"), N_("Business operations that use it"), "operations")) \
    X(RES_DEPENDS, FD_REFLIST("depends", N_("Depends on"), N_("Resources it depends on"), "resources")) \
    X(RES_NOTE, FD_STR("note", N_("Note"), N_("Free text"), false)) \
    X(RES_PROVIDES, FD_STR("provides", N_("Provides"), N_("What it provides"), false)) \
    X(RES_CONTRACT_SECURITY, FD_ENUM("contract_security", N_("Security clauses"), N_("Does the contract have security clauses: yes, partly or no"), false, profile_contract_values)) \
    X(RES_CLAUSES, FD_STR("clauses", N_("Clauses"), N_("The security clauses of the contract"), false)) \
    X(RES_SUPPLY_RISKS, FD_REFLIST("supply_risks", N_("Supply-chain risks"), N_("Risks of slide 18 that apply"), "lib:supply_chain")) \
    X(RES_SERVES, FD_REFLIST("serves", N_("Serves"), N_("Resources it provides or maintains"), "resources"))
enum res_field { RES_FIELDS(FIELD_INDEX) RES__N };

/* the impact and the likelihood scale */
#define LEVEL_FIELDS(X) \
    X(LEVEL_LEVEL, FD_INT("level", N_("Level"), N_("1 is the lowest"), true, 1, 6)) \
    X(LEVEL_LABEL, FD_STR("label", N_("Label"), N_("A short name"), true)) \
    X(LEVEL_DEFINITION, FD_STR("definition", N_("Definition"), N_("What this level means"), false))
enum level_field { LEVEL_FIELDS(FIELD_INDEX) LEVEL__N };

#define CRIT_FIELDS(X) \
    X(CRIT_RULE, FD_ENUM("rule", N_("Rule"), N_("Risk value: impact x likelihood, or impact + likelihood"), true, rule_values)) \
    X(CRIT_THRESHOLD, FD_INT("threshold", N_("Threshold"), N_("Risk values at or above it need treatment"), true, 1, 36))
enum crit_field { CRIT_FIELDS(FIELD_INDEX) CRIT__N };

/* ---- the checklist (checklist.cfg) ---- */

#define CL_FIELDS(X) \
    X(CL_STATUS, FD_ENUM("status", N_("Status"), N_("implemented, partly, not yet or n/a"), true, check_values)) \
    X(CL_EVIDENCE, FD_STR("evidence", N_("Evidence"), N_("Where it is shown"), false)) \
    X(CL_OWNER, FD_STR("owner", N_("Owner"), N_("Who is accountable"), false)) \
    X(CL_NOTE, FD_STR("note", N_("Note"), N_("Free text"), false))
enum cl_field { CL_FIELDS(FIELD_INDEX) CL__N };

/* ---- a round (assessments/NAME.cfg) ---- */

/* the file name is a portable id (--round, the commands); the title is free text */
#define HEAD_FIELDS(X) \
    X(HEAD_DATE, FD_DATE("date", N_("Date"), N_("When the round started"), true)) \
    X(HEAD_PURPOSE, FD_STR("purpose", N_("Purpose"), N_("Why this round is run"), true)) \
    X(HEAD_SCOPE, FD_STR("scope", N_("Scope"), N_("What the round covers, in words"), false)) \
    X(HEAD_TEAM, FD_STRLIST("team", N_("Team and roles"), N_("Who takes part and in which role, separated by ';'"))) \
    X(HEAD_SCHEDULE, FD_STR("schedule", N_("Schedule"), N_("The plan of the round"), false)) \
    X(HEAD_SOURCES, FD_STRLIST("sources", N_("Sources"), N_("Sources used (threat reports, audits), separated by ';'"))) \
    X(HEAD_RULE, FD_ENUM("rule", N_("Rule"), N_("Risk value for this round: impact x likelihood or impact + likelihood"), true, rule_values)) \
    X(HEAD_THRESHOLD, FD_INT("threshold", N_("Threshold"), N_("Risk values at or above it need a decision, owner and due date"), true, 1, 36)) \
    X(HEAD_SERVICES, FD_REFLIST("services", N_("Services in scope"), N_("The priority services this round covers"), "services")) \
    X(HEAD_RESOURCES, FD_REFLIST("resources", N_("Resources in scope"), N_("The management resources to assess"), "resources")) \
    X(HEAD_NEXT_REVIEW, FD_DATE("next_review", N_("Next review"), N_("When the round is reviewed next"), false)) \
    X(HEAD_PREVIOUS, FD_STR("previous", N_("Compared with"), N_("An earlier round (its file name) to compare with"), false)) \
    X(HEAD_TITLE, FD_STR("title", N_("Title"), N_("The round's name in words, any language; the file name stays its id"), false))
enum head_field { HEAD_FIELDS(FIELD_INDEX) HEAD__N };

#define RISK_FIELDS(X) \
    X(RISK_TITLE, FD_STR("title", N_("Risk"), N_("The risk in a line"), true)) \
    X(RISK_RESOURCE, FD_REF("resource", N_("Resource"), N_("The management resource at risk"), true, "resources")) \
    X(RISK_SERVICE, FD_REF("service", N_("Service"), N_("The priority service it threatens"), true, "services")) \
    X(RISK_THREAT, FD_REF("threat", N_("Threat"), N_("The catalogue entry it comes from (slides 13, 18, 20), if any"), false, "lib:threats")) \
    X(RISK_SCENARIO, FD_STR("scenario", N_("Scenario"), N_("How it would happen"), false)) \
    X(RISK_INHERENT_IMPACT, FD_LEVEL("inherent_impact", N_("Impact before"), N_("Impact on the service before the existing controls"), false)) \
    X(RISK_INHERENT_LIKELIHOOD, FD_LEVEL("inherent_likelihood", N_("Likelihood before"), N_("Likelihood before the existing controls"), false)) \
    X(RISK_CONTROLS, FD_STR("controls", N_("Existing controls"), N_("What is in place already"), false)) \
    X(RISK_IMPACT, FD_LEVEL("impact", N_("Impact"), N_("Residual impact on the service, with the controls"), true)) \
    X(RISK_LIKELIHOOD, FD_LEVEL("likelihood", N_("Likelihood"), N_("Residual likelihood, with the controls"), true)) \
    X(RISK_DECISION, FD_ENUM("decision", N_("Decision"), N_("mitigate, accept, avoid or transfer"), false, decision_values)) \
    X(RISK_OWNER, FD_STR("owner", N_("Owner"), N_("The accountable owner (責任主体)"), false)) \
    X(RISK_MEASURES, FD_STR("measures", N_("Measures"), N_("The planned measures"), false)) \
    X(RISK_DUE, FD_DATE("due", N_("Due"), N_("When the measures are due"), false)) \
    X(RISK_ACCEPTED_BY, FD_STR("accepted_by", N_("Accepted by"), N_("Who accepted the risk"), false)) \
    X(RISK_ACCEPTED_ON, FD_DATE("accepted_on", N_("Accepted on"), N_("When it was accepted"), false)) \
    X(RISK_ACCEPTED_VALUE, FD_INT("accepted_value", N_("Value accepted"), N_("The residual value at the acceptance"), false, 0, 36)) \
    X(RISK_ACCEPTED_ROUND, FD_STR("accepted_round", N_("Accepted in"), N_("The round in which the acceptance was made (a copy carries it over)"), false)) \
    X(RISK_NOTE, FD_STR("note", N_("Note"), N_("Free text"), false))
enum risk_field { RISK_FIELDS(FIELD_INDEX) RISK__N };

/* a resource in scope without a risk worth recording */
#define CLEAR_FIELDS(X) \
    X(CLEAR_NOTE, FD_STR("note", N_("Why no risk"), N_("Why this resource has no risk worth recording"), true))
enum clear_field { CLEAR_FIELDS(FIELD_INDEX) CLEAR__N };

#define SO_FIELDS(X) \
    X(SO_REVIEWER, FD_STR("reviewer", N_("Reviewer"), N_("Who signs off the step"), true)) \
    X(SO_DATE, FD_DATE("date", N_("Date"), N_("When"), true)) \
    X(SO_COMMENT, FD_STR("comment", N_("Comment"), N_("What the reviewer says"), false)) \
    X(SO_DIGEST, FD_STR("digest", N_("Data signed"), N_("A digest of the step's data when it was signed off: kijun sets it"), false)) \
    X(SO_REOPENS, FD_INT("reopens", N_("Reopenings before"), N_("How often the round had been reopened when the step was signed off: kijun sets it"), false, 0, 100000))
enum so_field { SO_FIELDS(FIELD_INDEX) SO__N };

#define REV_FIELDS(X) \
    X(REV_DATE, FD_DATE("date", N_("Date"), N_("When the review took place"), true)) \
    X(REV_TRIGGER, FD_ENUM("trigger", N_("Trigger"), N_("incident, organisational change, new threat or scheduled"), true, trigger_values)) \
    X(REV_CHANGES, FD_STR("changes", N_("What changed"), N_("What the review changed"), false))
enum rev_field { REV_FIELDS(FIELD_INDEX) REV__N };

/* What the round assessed as it was, by profile id (model/snapshot.h);
 * kind is text: a past record may hold a kind no longer offered. */
#define SEENSVC_FIELDS(X) \
    X(SEENSVC_NAME, FD_STR("name", N_("Name"), N_("The service's name as assessed"), true))
enum seensvc_field { SEENSVC_FIELDS(FIELD_INDEX) SEENSVC__N };

#define SEENRES_FIELDS(X) \
    X(SEENRES_NAME, FD_STR("name", N_("Name"), N_("The resource's name as assessed"), true)) \
    X(SEENRES_KIND, FD_STR("kind", N_("Kind"), N_("The resource's kind as assessed"), false))
enum seenres_field { SEENRES_FIELDS(FIELD_INDEX) SEENRES__N };

/* A closed round is read-only until reopened (model/rules.h): each
 * reopening is recorded, each closing with a digest of what it closed. */
#define REOPEN_FIELDS(X) \
    X(REOPEN_BY, FD_STR("by", N_("Reopened by"), N_("Who reopened the closed round"), true)) \
    X(REOPEN_DATE, FD_DATE("date", N_("Date"), N_("When it was reopened"), true)) \
    X(REOPEN_WHY, FD_STR("why", N_("Why"), N_("Why the closed round was reopened"), true)) \
    X(REOPEN_CHANGED_OUTSIDE, FD_BOOL("changed_outside", N_("Changed outside kijun"), N_("The round no longer matched its closing when it was reopened: kijun sets it")))
enum reopen_field { REOPEN_FIELDS(FIELD_INDEX) REOPEN__N };

#define CLOSED_FIELDS(X) \
    X(CLOSED_DATE, FD_DATE("date", N_("Closed on"), N_("When the last of the five sign-offs closed the round"), true)) \
    X(CLOSED_DIGEST, FD_STR("digest", N_("Content closed"), N_("A digest of the round's content when it closed: kijun sets it"), true))
enum closed_field { CLOSED_FIELDS(FIELD_INDEX) CLOSED__N };

/* ---- the old suppliers section of schema-1 profiles, merged when read
 * (model/supplier.h); its keys as they were ---- */

#define OLDSUP_FIELDS(X) \
    X(OLDSUP_NAME, FD_STR("name", N_("Name"), N_("The supplier or external service"), true)) \
    X(OLDSUP_PROVIDES, FD_STR("provides", N_("Provides"), N_("What it provides"), false)) \
    X(OLDSUP_CONTRACT_SECURITY, FD_ENUM("contract_security", N_("Security clauses"), N_("Does the contract have security clauses: yes, partly or no"), false, profile_contract_values)) \
    X(OLDSUP_CLAUSES, FD_STR("clauses", N_("Clauses"), N_("The security clauses of the contract"), false)) \
    X(OLDSUP_RISKS, FD_REFLIST("risks", N_("Supply-chain risks"), N_("Risks of slide 18 that apply"), "lib:supply_chain")) \
    X(OLDSUP_RESOURCES, FD_REFLIST("resources", N_("Resources"), N_("Resources it provides or maintains"), "resources")) \
    X(OLDSUP_NOTE, FD_STR("note", N_("Note"), N_("Free text"), false))
enum oldsup_field { OLDSUP_FIELDS(FIELD_INDEX) OLDSUP__N };
#endif
