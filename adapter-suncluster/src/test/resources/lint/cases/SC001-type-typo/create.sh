#!/bin/sh
# the guide's 5.1.1 spellings of the types
clresourcetype register SUNW.gds
clresourcetype register SUNW.HASStoragePlus  # EXPECT: SC001
clresourcegroup create jc-rg
clresource create -g jc-rg -t SUNW.LogicalHostanme -p HostnameList=testsite.example.com jc-lh-rs  # EXPECT: SC001
clresource create -g jc-rg -t SUNW.HAStoragePlus -p FilesystemMountPoints=/mnt/jobdb jc-hasp-rs
clresource create -g jc-rg -t SUNW.gds -p Start_command="/usr/lib/nqs/cluster/cjcpw testsite.example.com /mnt/jobdb" -p Stop_command="/usr/lib/nqs/cluster/cjcpw -stop testsite.example.com" -p Port_list=607/tcp -p Child_mon_level=0 -p Resource_dependencies=jc-lh-rs,jc-hasp-rs -p Network_resources_used=jc-lh-rs jcservice
clresourcegroup online -e -M jc-rg
# an unrelated type of another product is no mistake
clresourcetype register SUNW.nfs
