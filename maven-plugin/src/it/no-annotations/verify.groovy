def log = new File(basedir, 'build.log').text
assert log.contains('Stride compile: 2 classes scanned, 0 compiled / 0 unchanged (0 rewritten, 2 without Stride annotations')
assert !new File(basedir, 'target/stride-reports').exists()
assert new File(basedir, 'target/stride/compile-state.txt').readLines().count { it.startsWith('PLAIN\t') } == 2
return true
