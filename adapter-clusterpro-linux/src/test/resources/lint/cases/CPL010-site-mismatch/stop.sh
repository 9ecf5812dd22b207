#!/bin/sh
/usr/lib/nqs/cluster/cjcpw -stop other.example.com # EXPECT: CPL010
exit $?
