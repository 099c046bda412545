def log = new File(basedir, 'build.log').text
assert log.contains('Stride compile: 2 classes scanned, 1 compiled / 0 unchanged (0 rewritten, 1 without Stride annotations') ||
        log.contains('Stride compile: 2 classes scanned, 1 compiled / 0 unchanged (1 rewritten, 1 without Stride annotations')
assert log.contains('Stride test-compile: 1 class scanned, 0 compiled / 0 unchanged (0 rewritten, 1 without Stride annotations')
assert log =~ /Stride: dev\.example\.Kernels: 2 annotated methods in [0-9.]+ ms/
assert log =~ /per compiled class, [0-9.]+ ms per method/
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')

def state = new File(basedir, 'target/stride/compile-state.txt').text
assert state =~ /(?m)^PLAIN\t(\w+)\t\1\tdev\/example\/Plain\.class\t$/
assert state =~ /(?m)^COMPILED\t\w+\t\w+\tdev\/example\/Kernels\.class\t/

def reports = new File(basedir, 'target/stride-reports')
assert new File(reports, 'dev.example.Kernels.txt').text.contains('scale(double[], double, double[]) void')
assert new File(reports, 'dev.example.Kernels.json').text.contains('"name": "dev.example.Kernels"')
assert !new File(reports, 'dev.example.Plain.txt').exists()

// the second invocation, mvn stride:inspect, reports from the stored originals without rewriting
assert log.contains('Stride inspect: 2 classes scanned, 1 compiled / 0 unchanged')
assert new File(reports, 'dev.example.Kernels.json').text.contains('"compiledAt": "inspect"')
return true
