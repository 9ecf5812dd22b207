#!/bin/sh
# Runs before the relocatable address is added.
case "$1" in
start)
    /usr/lib/nqs/nqsportkpr testsite.example.com || exit 1  # EXPECT: SG006
    ;;
stop)
    /usr/lib/nqs/cluster/cjcpw -stop testsite.example.com
    ;;
validate)
    ;;
esac
exit 0
