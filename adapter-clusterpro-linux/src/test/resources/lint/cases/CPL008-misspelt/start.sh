#!/bin/sh
# shellcheck disable=SC3045
ulimit -s unlimited
case "${CLP_EVENT:-}" in
START|FAILOVER) ;;
*) exit 1 ;;
esac
/usr/lib/nqs/nqSPORTkpr site.example.com # EXPECT: CPL008
exec /usr/lib/nqs/cluster/cjcpw site.example.com /mnt/jobdb
