#!/bin/sh
# shellcheck disable=SC3045
ulimit -s unlimited
case "${CLP_EVENT:-}" in
START|FAILOVER) ;;
*) exit 1 ;;
esac
/opt/app/bin/appd --daemon # EXPECT: CPL005
exec /usr/lib/nqs/cluster/cjcpw site.example.com /mnt/jobdb
