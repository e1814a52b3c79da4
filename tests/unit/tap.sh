#!/bin/sh
# tap.sh: run a Criterion test program with TAP output for automake's driver.
exec "$1" --tap=- -q
