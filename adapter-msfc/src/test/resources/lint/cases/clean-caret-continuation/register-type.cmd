@echo off
cluster restype "NEC JobCenter Cluster Resource Type" /create ^
    /dll:JobCenterCluster.dll /type:JobCenterCluster
