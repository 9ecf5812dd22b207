#!/bin/sh
/usr/lib/nqs/cluster/cjcpw -stop # EXPECT: CPL007
# EXPECT-FILE: CPL011
