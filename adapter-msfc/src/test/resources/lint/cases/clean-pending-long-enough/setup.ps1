Add-ClusterResource -Name 'JobCenterCluster' -ResourceType 'Generic Script' -Group 'jcgpkg'
Get-ClusterGroup 'jcgpkg' | Get-ClusterResource |
    Set-ClusterParameter -Name 'DBPath' -Value 'Y:\Jobdb'
(Get-ClusterResource -Name 'JobCenterCluster').PendingTimeout = 301000
