#!/bin/sh
# EXPECT-FILE: SG013
case "$1" in
stop)
    /usr/lib/nqs/cluster/cjcpw -stop othersite.example.com || exit 1
    ;;
start|validate)
    ;;
esac
exit 0
