#!/bin/sh
case "$1" in
start)
    /usr/lib/nqs/nqsportkpr othersite.example.com || exit 2  # EXPECT: SG006
    ;;
stop)
    /usr/lib/nqs/cluster/cjcpw -stop testsite.example.com || exit 1
    ;;
validate)
    [ -x /usr/lib/nqs/cluster/cjcpw ] || exit 1
    ;;
esac
exit 0
