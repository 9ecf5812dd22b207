#!/bin/sh
# no Stop_command
clresourcetype register SUNW.gds
clresourcetype register SUNW.HAStoragePlus
clresourcegroup create r-rg
clreslogicalhostname create -g r-rg -h testsite.example.com r-lh-rs
clresource create -g r-rg -t SUNW.HAStoragePlus -p FilesystemMountPoints=/mnt/jobdb r-hasp-rs
clresource create -g r-rg -t SUNW.gds -p Start_command="/usr/lib/nqs/cluster/cjcpw testsite.example.com /mnt/jobdb" -p Port_list=607/tcp -p Child_mon_level=0 -p Resource_dependencies=r-lh-rs,r-hasp-rs -p Network_resources_used=r-lh-rs jcservice  # EXPECT: SC006
clresourcegroup online -e -M r-rg
