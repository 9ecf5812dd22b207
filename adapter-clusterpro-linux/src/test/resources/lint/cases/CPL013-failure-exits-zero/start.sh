#!/bin/sh
ulimit -s unlimited
if [ "$CLP_DISK" = "SUCCESS" ]; then
    exec /usr/lib/nqs/cluster/cjcpw site.example.com /mnt/jobdb # EXPECT: CPL013
fi
