#!/bin/sh
# [=displayName] start script for [=siteName] (machine ID [=machineId])
ulimit -s [=stackSize]
<#if watched>
exec [=cjcpw] [=siteName] [=database]
<#else>
[=cjcpw] -c [=siteName] [=database]
</#if>
