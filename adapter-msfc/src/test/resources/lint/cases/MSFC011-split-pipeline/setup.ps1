Get-ClusterGroup 'jcgpkg' | Get-ClusterResource
JobCenterCluster | Set-ClusterParameter SiteName 'jcgpkg' # EXPECT: MSFC011
