$timeout = 120000
Add-ClusterResource -Name 'JobCenterCluster' -ResourceType 'Generic Script' -Group 'jcgpkg'
(Get-ClusterResource -Name 'JobCenterCluster').PendingTimeout = $timeout # EXPECT: MSFC006
