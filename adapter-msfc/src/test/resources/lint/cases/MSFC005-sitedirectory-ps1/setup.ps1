Add-ClusterResource -Name 'JobCenterCluster' -ResourceType 'Generic Script' -Group 'jcgpkg'
Get-ClusterResource -Name 'JobCenterCluster' | Set-ClusterParameter -Name 'SiteName' -Value 'jcgpkg'
Get-ClusterResource -Name 'JobCenterCluster' | Set-ClusterParameter -Name 'SiteDirectory' -Value 'Y:\Jobdb' # EXPECT: MSFC005
