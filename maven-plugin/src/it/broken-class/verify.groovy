def log = new File(basedir, 'build.log').text
assert log =~ /classes[\/\\]dev[\/\\]example[\/\\]Broken\.class: not a readable class file/
assert log.contains('Stride found 1 error(s)')
assert log.contains('BUILD FAILURE')
return true
