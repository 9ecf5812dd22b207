#!/bin/sh
ulimit -s 16384 # EXPECT: CPL004
[ "$CLP_DISK" = "SUCCESS" ] || exit 1
exec /usr/lib/nqs/cluster/cjcpw site.example.com /mnt/jobdb
