def log = new File(basedir, 'build.log').text
assert log.contains('Stride compile: 2 classes scanned, 0 compiled / 2 unchanged'): 'the second build must skip every class'
return true
