@echo off
rem リソースタイプの登録 EXPECT: MSFC014
cluster restype "NEC JobCenter Cluster Resource Type" /create /dll:JobCenterCluster.dll /type:JobCenterCluster
