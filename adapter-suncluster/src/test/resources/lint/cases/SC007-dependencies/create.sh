#!/bin/sh
# the GDS resource does not depend on the storage
clresourcetype register SUNW.gds
clresourcetype register SUNW.HAStoragePlus
clresourcegroup create jc-rg
clreslogicalhostname create -g jc-rg -h testsite.example.com jc-lh-rs
clresource create -g jc-rg -t SUNW.HAStoragePlus -p FilesystemMountPoints=/mnt/jobdb jc-hasp-rs
clresource create -g jc-rg -t SUNW.gds -p Start_command="/usr/lib/nqs/cluster/cjcpw testsite.example.com /mnt/jobdb" -p Stop_command="/usr/lib/nqs/cluster/cjcpw -stop testsite.example.com" -p Port_list=607/tcp -p Child_mon_level=0 -p Resource_dependencies=jc-lh-rs -p Network_resources_used=jc-lh-rs jcservice  # EXPECT: SC007
clresourcegroup online -e -M jc-rg
