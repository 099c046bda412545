def log = new File(basedir, 'build.log').text
assert log.contains('Stride: skipped')
assert !log.contains(' scanned, ')
assert !new File(basedir, 'target/stride').exists()
return true
