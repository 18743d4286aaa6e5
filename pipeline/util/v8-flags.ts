import { setFlagsFromString } from 'node:v8';

// A build is short (seconds) and runs a lot of code a few times. With V8's default budget before
// a function is optimised (67 584), the optimising compiler's threads took 1.7 s of CPU in a 3-s
// build of one report on one thread: CPU the second core could spend building. With 500 000, the
// same build took 2.9 s of CPU instead of 4.2, and no longer: optimising is left to the code that
// runs long (layout, measuring). Set before the pipeline's code runs; worker threads share it.
setFlagsFromString('--interrupt-budget=500000');
