#!/bin/sh
ulimit -s unlimited
if [ "$CLP_DISK" = "SUCCESS" ]; then
    exec /usr/lib/nqs/cluster/cjcpw site.example.com /mnt/jobdb
else # EXPECT: CPL001
    #NO_CLP
fi
exit 1
