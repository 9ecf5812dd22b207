#!/bin/sh
ulimit -S -s 4096 # EXPECT: CPL003
[ "$CLP_DISK" = "SUCCESS" ] || exit 1
exec /usr/lib/nqs/cluster/cjcpw site.example.com /mnt/jobdb
