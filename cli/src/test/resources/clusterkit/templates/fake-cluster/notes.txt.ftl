Site [=siteName]: add the exec resource [=resource] to the failover group [=failoverGroup].
