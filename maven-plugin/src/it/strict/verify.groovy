def log = new File(basedir, 'build.log').text
assert log.contains('dev.example.Kernels: has no line numbers')
assert log.contains('Stride found 1 error(s)')
assert log.contains('BUILD FAILURE')
return true
