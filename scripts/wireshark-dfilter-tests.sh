#!/bin/sh
# Runs Wireshark 4.0's own display-filter tests (test/suite_dfilter, captures in test/captures)
# against jdissect: fetches Debian bookworm's wireshark source package into /tmp if needed, then
# runs WiresharkDfilterSuiteTest, which parses the test files (nothing is copied into the project).
set -e
SRC=/tmp/wireshark-v4.0.17
if [ ! -d "$SRC/test/suite_dfilter" ]; then
    cd /tmp
    if ! ls wireshark_4.0.*.orig.tar.* >/dev/null 2>&1; then
        apt-get source --download-only wireshark   # needs a deb-src entry for bookworm
    fi
    tar xjf wireshark_4.0.*.orig.tar.bz2 --wildcards 'wireshark-v4.0.17/test/*'
    cd - >/dev/null
fi
cd "$(dirname "$0")/.."
mvn -B -q -o test -Dtest=WiresharkDfilterSuiteTest -Dwireshark.source="$SRC" -Dsurefire.failIfNoSpecifiedTests=false
