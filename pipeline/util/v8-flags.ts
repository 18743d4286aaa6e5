import { setFlagsFromString } from 'node:v8';

/**
 * V8's budget before a function is optimised, for a build on `builders` threads. A build is
 * short (seconds) and runs a lot of code a few times. With V8's default (67 584), the
 * optimising compiler's threads took 1.7 s of CPU in a 3-s build of one report on one thread.
 * - On one thread, that compiling runs on the idle second core: a budget of 500 000 keeps what
 *   pays (a build took 2.9 s of CPU instead of 4.2, in no more time), and a batch of six was
 *   slower with a higher one (8.3–9.5 s with 1 200 000, 7.9–8.9 s with 500 000).
 * - On worker threads, each warms its own copy of the code and the compiler threads compete with
 *   them for the cores: 1 200 000 made a fresh build of one report 3–5 % faster than 500 000
 *   (medians of ten: 2.28 s against 2.35 s; CPU 3.75 s against 3.90 s).
 * Set before the writers' code is loaded; worker threads share the process's flags.
 */
export function tuneV8ForBuild(builders: number): void {
  setFlagsFromString(`--interrupt-budget=${builders > 1 ? 1_200_000 : 500_000}`);
}
