#!/bin/sh
# Guide 5.1 written out as cl* commands, as a reader would type it: the
# resource types as the headings of 5.1.1 spell them, the start and stop
# commands of 5.1.2.2 verbatim, and the properties 5.1.2.3 asks for.
clresourcetype register SUNW.gds
clresourcetype register SUNW.HASStoragePlus
clresourcegroup create jc-rg
clresource create -g jc-rg -t SUNW.LogicalHostanme -p HostnameList=testsite jc-lh-rs
clresource create -g jc-rg -t SUNW.HASStoragePlus -p FilesystemMountPoints=/mnt/jobdb jc-hasp-rs
clresource create -g jc-rg -t SUNW.gds \
    -p Start_command="/usr/lib/nqs/cluster/cjcpw testsite /mnt/jobdb" \
    -p Stop_command="/usr/lib/nqs/cluster/cjcpw -stop testsite" \
    -p Port_list=607/tcp \
    -p Resource_dependencies=jc-lh-rs,jc-hasp-rs \
    -p Network_resources_used=jc-lh-rs \
    jcservice
clresource enable jcservice
clresource status
