#!/bin/sh
[ "$CLP_DISK" = "SUCCESS" ] || exit 1
exec /usr/lib/nqs/cluster/cjcpw site.example.com /mnt/jobdb # EXPECT: CPL002
