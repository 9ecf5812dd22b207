#!/bin/sh
# shellcheck disable=SC3045
ulimit -s unlimited
case "${CLP_EVENT:-}" in
START|FAILOVER) ;;
*) exit 1 ;;
esac
/usr/lib/nqs/cluster/cjcpw -c site.example.com /mnt/jobdb
/usr/lib/nqs/cluster/cjcpw -c other.example.com /mnt/otherdb # EXPECT: CPL005
exit $?
