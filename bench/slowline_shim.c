/* slowline_shim: an LD_PRELOAD library that gives a program on a
 * pseudo-terminal the output queue of a serial line, for bench/bytes.py.
 * With KIJUN_BENCH_LINE_RATE=N (bytes a second), what the program writes
 * to its standard output goes out at N bytes a second as far as
 * ioctl(TIOCOUTQ) on it is concerned: the bytes not yet sent by that clock
 * (a pseudo-terminal itself always says 0). The bytes themselves are
 * written at once; bench/slowline.py's relay delivers them to the screen
 * at the same rate. Inert without the variable.
 *
 * Build: cc -shared -fPIC -o slowline_shim.so slowline_shim.c -ldl */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static double rate = -1;   /* bytes a second; 0: inert */
static double line_free;   /* when the line has sent what was written */

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int on_line(int fd)
{
    if (rate < 0) {
        const char *r = getenv("KIJUN_BENCH_LINE_RATE");
        rate = r ? atof(r) : 0;
    }
    if (rate <= 0 || !isatty(fd))
        return 0;
    struct stat a, b;
    return fstat(fd, &a) == 0 && fstat(STDOUT_FILENO, &b) == 0 && a.st_rdev == b.st_rdev;
}

ssize_t write(int fd, const void *buf, size_t n)
{
    static ssize_t (*real)(int, const void *, size_t);
    if (!real)
        real = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
    ssize_t r = real(fd, buf, n);
    if (r > 0 && on_line(fd)) {
        double t = now();
        line_free = (line_free > t ? line_free : t) + (double)r / rate;
    }
    return r;
}

int ioctl(int fd, unsigned long req, ...)
{
    static int (*real)(int, unsigned long, ...);
    if (!real)
        real = (int (*)(int, unsigned long, ...))dlsym(RTLD_NEXT, "ioctl");
    va_list ap;
    va_start(ap, req);
    void *arg = va_arg(ap, void *);
    va_end(ap);
    if (req == TIOCOUTQ && on_line(fd)) {
        double left = (line_free - now()) * rate;
        *(int *)arg = left > 0 ? (int)left : 0;
        return 0;
    }
    return real(fd, req, arg);
}
