/* testhook: the UI tests' key counter (tests/ui/lib.sh). Off unless the
 * environment has KIJUN_TEST_KEYS; kijun's users never see it. */
#ifndef KIJUN_TESTHOOK_H
#define KIJUN_TESTHOOK_H
#include <stddef.h>

/* n more units of input were read: 1 a key code or a mouse event, a
 * character its bytes in UTF-8 (a byte in a single-byte locale), whatever
 * was made of it. */
void testhook_read(size_t n);
/* kijun is about to wait for a key: the screen is drawn after all the
 * keys read so far (called by input_read_key before a read that may
 * wait, so that the main loop may first look, with timeout 0, for keys
 * typed ahead before it draws what can wait for them). */
void testhook_idle(void);
#endif
