#!/bin/sh
# ${siteName} in failover group ${failoverGroup}, resource ${resource}, start timeout ${timeout}
exec /usr/lib/nqs/cluster/cjcpw ${siteName} ${database}
