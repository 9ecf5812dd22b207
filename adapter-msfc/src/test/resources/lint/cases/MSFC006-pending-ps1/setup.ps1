Add-ClusterResource -Name 'JobCenterCluster' -ResourceType 'Generic Script' -Group 'jcgpkg'
(Get-ClusterResource -Name 'JobCenterCluster').PendingTimeout = 240000 # EXPECT: MSFC006
