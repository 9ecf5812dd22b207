// The build fails and says which field of which file, at which line, is wrong.
def log = new File(basedir, 'build.log').text
assert log.contains('cluster.yaml:10:16: sites[0].machineId: expected a whole number but found \'two hundred\'')
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'target/cluster').exists()
return true
