import { setFlagsFromString } from 'node:v8';

// A build is short (seconds) and runs a lot of code a few times: V8's defaults optimise much of
// it, and the optimising compiler's threads then took 1.7 s of CPU in a 3-s build of one report
// (4 helper threads at 0.45 s each), time the second core could spend building. A higher budget
// before a function is optimised leaves that to the code that runs long (layout, measuring).
// Set before the pipeline's code runs; worker threads share the process's flags.
setFlagsFromString('--interrupt-budget=500000');
