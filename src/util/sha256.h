/* sha256: the SHA-256 hash of FIPS 180-4, self-contained, to tell
 * whether a file's bytes are still the ones kijun loaded. */
#ifndef KIJUN_SHA256_H
#define KIJUN_SHA256_H
#include <stddef.h>
#include <stdint.h>

#define SHA256_BYTES 32

struct sha256 {
    uint32_t h[8];
    uint64_t len;          /* bytes hashed so far */
    unsigned char buf[64]; /* the block being filled */
    size_t nbuf;
};

void sha256_init(struct sha256 *c);
void sha256_update(struct sha256 *c, const void *data, size_t n);
void sha256_final(struct sha256 *c, unsigned char out[SHA256_BYTES]);
/* The hash of data[0..n) in one call. */
void sha256(const void *data, size_t n, unsigned char out[SHA256_BYTES]);
/* out: 64 lowercase hex digits and a NUL. */
void sha256_hex(const unsigned char h[SHA256_BYTES], char out[2 * SHA256_BYTES + 1]);
#endif
