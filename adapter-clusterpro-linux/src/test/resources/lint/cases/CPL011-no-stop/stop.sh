#!/bin/sh
# EXPECT-FILE: CPL011
echo "$CLP_EVENT: nothing to do"
exit 0
