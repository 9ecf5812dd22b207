#!/bin/sh
case "$1" in
start)
    /usr/lib/nqs/cluster/cjcpw testsite.example.com /mnt/jobdb  # EXPECT: SG001
    exit 0
    ;;
stop)
    /usr/lib/nqs/cluster/cjcpw -stop testsite.example.com
    exit 0
    ;;
validate)
    exit 0
    ;;
esac
