/* testhook: the UI tests' key counter (tests/ui/lib.sh). Off unless the
 * environment has KIJUN_TEST_KEYS; kijun's users never see it. */
#ifndef KIJUN_TESTHOOK_H
#define KIJUN_TESTHOOK_H
#include <stddef.h>

/* n more units of input were read: 1 a key code or a mouse event, a
 * character its bytes in UTF-8 (a byte in a single-byte locale), whatever
 * was made of it. */
void testhook_read(size_t n);
/* The screen is drawn after the keys read so far: tell the test. */
void testhook_drawn(void);
#endif
