#!/bin/sh
# EXPECT-FILE: SG013
case "$1" in
start)
    /usr/lib/nqs/nqsportkpr othersite.example.com || exit 2  # EXPECT: SG006
    ;;
stop|validate)
    ;;
esac
exit 0
