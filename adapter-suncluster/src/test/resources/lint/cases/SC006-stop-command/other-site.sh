#!/bin/sh
# Stop_command stopping another site
clresourcetype register SUNW.gds
clresourcetype register SUNW.HAStoragePlus
clresourcegroup create q-rg
clreslogicalhostname create -g q-rg -h testsite.example.com q-lh-rs
clresource create -g q-rg -t SUNW.HAStoragePlus -p FilesystemMountPoints=/mnt/jobdb q-hasp-rs
clresource create -g q-rg -t SUNW.gds -p Start_command="/usr/lib/nqs/cluster/cjcpw testsite.example.com /mnt/jobdb" -p Stop_command="/usr/lib/nqs/cluster/cjcpw -stop other.example.com" -p Port_list=607/tcp -p Child_mon_level=0 -p Resource_dependencies=q-lh-rs,q-hasp-rs -p Network_resources_used=q-lh-rs jcservice  # EXPECT: SC006
clresourcegroup online -e -M q-rg
