#!/bin/sh
if [ "$CLP_DISK" = "SUCCESS" ]; then
    /usr/lib/nqs/cluster/cjcpw -stop site.example.com # EXPECT: CPL012
fi
exit 0
