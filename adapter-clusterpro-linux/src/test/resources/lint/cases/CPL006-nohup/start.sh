#!/bin/sh
# shellcheck disable=SC3045
ulimit -s unlimited
case "${CLP_EVENT:-}" in
START|FAILOVER) ;;
*) exit 1 ;;
esac
nohup /usr/lib/nqs/cluster/cjcpw site.example.com /mnt/jobdb # EXPECT: CPL006
exit $?
