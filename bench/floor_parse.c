/* floor_parse: the floor of loading files, for bench/run to measure
 * kijun check against: config_read_file of each file named, all of them
 * kept in memory until the end (as a loader holding the workspace would),
 * nothing else. Exit 0 when every file parsed, 1 otherwise.
 *
 *   bench/floor-parse FILE...
 */
#include "config.h"
#include <libconfig.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    config_t *cf = calloc((size_t)(argc > 1 ? argc : 1), sizeof *cf);
    int status = 0;
    if (!cf)
        return 2;
    for (int i = 1; i < argc; i++) {
        config_init(&cf[i - 1]);
        if (config_read_file(&cf[i - 1], argv[i]) != CONFIG_TRUE) {
            fprintf(stderr, "floor-parse: %s:%d: %s\n", argv[i], config_error_line(&cf[i - 1]),
                    config_error_text(&cf[i - 1]));
            status = 1;
        }
    }
    for (int i = 1; i < argc; i++)
        config_destroy(&cf[i - 1]);
    free(cf);
    return status;
}
