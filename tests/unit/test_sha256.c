/* Unit tests: SHA-256 against the FIPS 180-4 examples (and NIST's
 * one-million-a message), whole and fed in pieces. */
#include "util/sha256.h"
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

static void expect(const void *data, size_t n, const char *hex)
{
    unsigned char h[SHA256_BYTES];
    char got[2 * SHA256_BYTES + 1];
    sha256(data, n, h);
    sha256_hex(h, got);
    cr_assert_str_eq(got, hex);
}

Test(sha256, fips_180_4_one_block)
{
    expect("abc", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

Test(sha256, fips_180_4_two_blocks)
{
    const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    expect(m, strlen(m), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

Test(sha256, empty_message)
{
    expect("", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

Test(sha256, fips_long_message)
{
    const char *m = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                    "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
    struct sha256 c;
    unsigned char h[SHA256_BYTES];
    char got[2 * SHA256_BYTES + 1];
    sha256_init(&c);
    sha256_update(&c, m, strlen(m));
    sha256_final(&c, h);
    sha256_hex(h, got);
    cr_assert_str_eq(got, "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

Test(sha256, a_million_a_in_odd_pieces)
{
    char *a = malloc(1000000);
    memset(a, 'a', 1000000);
    struct sha256 c;
    unsigned char h[SHA256_BYTES];
    char got[2 * SHA256_BYTES + 1];
    sha256_init(&c);
    size_t off = 0, step = 1;
    while (off < 1000000) {
        size_t n = 1000000 - off < step ? 1000000 - off : step;
        sha256_update(&c, a + off, n);
        off += n;
        step = step * 3 % 1000 + 1; /* crosses block edges in every way */
    }
    sha256_final(&c, h);
    sha256_hex(h, got);
    cr_assert_str_eq(got, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    expect(a, 1000000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    free(a);
}

Test(sha256, padding_edges_55_56_64_bytes)
{
    char m[64];
    memset(m, 'a', sizeof m);
    /* one block exactly filled by 55 bytes and the length; 56 needs two */
    expect(m, 55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    expect(m, 56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    expect(m, 64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}
