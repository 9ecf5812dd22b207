// A warning fails the build under failOn=WARNING, and the log shows where and how to fix it.
def log = new File(basedir, 'build.log').text
assert log.contains('cluster/start.sh:3:1 CPL004 warning')
assert log.contains('hint: write \'ulimit -s unlimited\'')
assert log.contains('1 clusterkit finding(s) at warning level or above')
return true
