rem EXPECT: MSFC003
cd /d "%SystemRoot%\cluster"
cluster restype "NEC JobCenter Cluster Resource Type" /create /dll:JobCenterCluster.dll /type:JobCenterCluster
