#!/bin/sh
case "$1" in
start)
    /usr/lib/nqs/nqsportkpr testsite.example.com
    exit $?  # EXPECT: SG011
    ;;
stop)
    /usr/lib/nqs/cluster/cjcpw -stop testsite.example.com || exit 3  # EXPECT: SG011
    exit 0
    ;;
validate)
    echo "checking ${SG_PACKAGE}"  # EXPECT: SG011
    exit 0
    ;;
esac
