// The artifacts are rendered, the bundle is built, checked and attached.
def start = new File(basedir, 'target/cluster/clusterpro-linux/testsite.example.com/start.sh')
assert start.isFile()
assert start.canExecute()
assert start.text.contains('exec /usr/lib/nqs/cluster/cjcpw testsite.example.com /mnt/jobdb')
def bundle = new File(basedir, 'target/passing-1.0-cluster-bundle.zip')
assert bundle.isFile()
def names = new java.util.zip.ZipFile(bundle).entries().collect { it.name }
assert names.contains('manifest.json')
assert names.contains('RUNBOOK.md')
assert names.contains('clusterpro-linux/testsite.example.com/stop.sh')
def log = new File(basedir, 'build.log').text
assert log.contains('attached as cluster-bundle')
// start.sh, stop.sh, and SETTINGS.txt (read by core's cross-file rules).
assert log.contains('clusterkit lint: 3 file(s) linted, 0 finding(s)')
return true
