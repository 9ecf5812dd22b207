#!/bin/sh
# EXPECT-FILE: SG013
case "$1" in
start)
    /usr/lib/nqs/cluster/cjcpw -c testsite.example.com /mnt/jobdb || exit 2
    ;;
stop)
    echo "nothing to do"
    ;;
validate)
    [ -x /usr/lib/nqs/cluster/cjcpw ] || exit 1
    ;;
esac
exit 0
