import { setFlagsFromString } from 'node:v8';

/**
 * Process-wide V8 settings. main.ts (and the benchmark) import this module
 * first, before any WebAssembly is compiled: V8 reads these flags when it
 * compiles a module.
 *
 * WebAssembly (PGlite's PostgreSQL, Prisma's query compiler) runs on V8's
 * baseline compiler only, without tiering up to the optimising one. Measured
 * with the benchmark, alternating runs with and without:
 * - embedded, full inbound run, two each: peak memory 398 and 415 MB instead
 *   of 498 and 499; p99 webhook-to-reply 303 and 303 ms instead of 641 and
 *   519 (the optimising compiler's background jobs compete for two cores
 *   while the service is busy); throughput 204 and 202 messages/s instead
 *   of 225 and 208;
 * - PostgreSQL, quick inbound run: peak memory 333 MB instead of 369 and
 *   410; throughput 186 instead of 91 and 144 messages/s; p99 282 instead
 *   of 233 and 259 ms.
 * The cost is long database work on the embedded database: planning 10,000
 * participants took 4.1 s instead of 2.5–3.5 s. Fewer compile threads or a
 * larger tier-up budget kept most of the memory (451–462 MB against 391).
 * V8 lists the flag under testing; should a later V8 drop it, setting it only
 * prints a warning.
 */
setFlagsFromString('--liftoff-only');
