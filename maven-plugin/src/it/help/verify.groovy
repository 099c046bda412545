def log = new File(basedir, 'build.log').text
assert log.contains('stride:compile')
assert log.contains('simdWidth')
assert log.contains('Rewrites the Stride-annotated classes')
return true
